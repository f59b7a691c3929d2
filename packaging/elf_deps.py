"""Read the dynamic section of a Linux shared library (ELF64 little-endian) without binutils:
its direct link dependencies (``ldd`` and PyInstaller's ``get_imports`` give the whole
closure) and its soname. Used by the spec's link-graph pruning and by icu_trim.py."""

from __future__ import annotations

import struct
from pathlib import Path

DT_NEEDED, DT_SONAME = 1, 14


def _dynamic_strings(path: str | Path, wanted: int) -> list[str]:
    lib = Path(path).read_bytes()
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise ValueError(f"{path}: not an ELF64 little-endian file")
    shoff, = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    found = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", lib, pos)
            if tag == 0:
                break
            if tag == wanted:
                found.append(lib[strtab + value:lib.index(b"\0", strtab + value)].decode())
    return found


def elf_needed(path: str | Path) -> list[str]:
    """The DT_NEEDED entries: the libraries ``path`` links to directly."""
    return _dynamic_strings(path, DT_NEEDED)


def elf_soname(path: str | Path) -> str | None:
    names = _dynamic_strings(path, DT_SONAME)
    return names[0] if names else None
