"""Shrink the ICU data library PySide6 ships (Linux): 32 MB -> about 5 MB.

PySide6's ``Qt/lib/libicudata.so.73`` holds nothing but one symbol,
``icudt73_dat``: a standard ICU common-data image (a table of contents, then
~3,900 items: locale bundles, collation, time zones, converters, break rules,
dictionaries, transliterators...). Qt calls only a few ICU services (see
``QT_ICU_USES`` below: collation, case mapping, time-zone names, charset
converters), so almost everything in the image is dead weight for a
Chinese/English desktop app.

:func:`trim_icudata` copies the image out of the library, keeps the items
:func:`keep_item` accepts (rewriting the table of contents; item bytes are
copied unchanged, so no ICU tool and no ICU version match are needed), and
links a new library with the same soname and the same exported symbol (needs
a C compiler: ``$CC`` or ``cc``). Any failure leaves the original library in
place: a bigger build, never a broken one.

    uv run python packaging/icu_trim.py PATH/libicudata.so.73 OUT_DIR   # try it alone
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

from elf_deps import elf_soname

# What libQt6Core imports from ICU (readelf --dyn-syms, Qt 6.12), i.e. what the data must serve.
QT_ICU_USES = ("ucol_* (QCollator)", "u_strToUpper/u_strToLower (QLocale)",
               "ucal_getTimeZoneDisplayName/getCanonicalTimeZoneID (QTimeZone)",
               "ucnv_* (QStringConverter, non-UTF encodings)")

# Trees Qt never reads: break iteration + dictionaries, rule-based number formats,
# transliteration, measure units.
DROP_TREES = {"brkitr", "rbnf", "translit", "unit"}
# Locale bundles kept in the remaining trees (main, coll, zone, curr, lang, region).
KEEP_LOCALES = re.compile(r"(root|en|zh)(_\w+)?$")
LOCALE_NAME = re.compile(r"[a-z]{2,3}(_\w*)?$")  # de, sr_Latn_BA, de_ (an alias)
# Top-level data Qt never asks for: character names, stringprep profiles, the spoof
# checker, IDNA mapping (Qt has its own), emoji properties.
DROP_TOP = {"unames.icu", "confusables.cfu", "uts46.nrm", "uemoji.icu"}
# Charset converters with tables (UTF-*, Latin-1, ASCII... are built into libicuuc):
# keep the Chinese ones and the single-byte Windows/ISO code pages.
KEEP_CONVERTERS = re.compile(
    r"(gb18030|windows-936-2000|windows-950-2000|ibm-1373_P100-2002|ibm-1383_P110-1999|ibm-1386_P100-2001"
    r"|ibm-5471_P100-2006|ibm-1375_P100-2008|ibm-534[6-9]_P100-1998|ibm-535[0-4]_P100-1998"
    r"|ibm-5348_P100-1997|ibm-91[2-6]_P100-1995|ibm-920_P100-1995|ibm-921_P100-1995"
    r"|ibm-923_P100-1998|ibm-878_P100-1996|iso-8859_\d+-\d+|ibm-437_P100-1995)\.cnv$")


def keep_item(name: str) -> bool:
    """``name`` is an item path inside the package, e.g. ``coll/zh.res`` or ``de_AT.res``."""
    tree, _, leaf = name.rpartition("/")
    if tree.split("/")[0] in DROP_TREES:
        return False
    if (not tree and leaf in DROP_TOP) or leaf.endswith(".spp"):
        return False
    if leaf.endswith(".cnv"):
        return bool(KEEP_CONVERTERS.match(leaf))
    if leaf.endswith(".res"):
        stem = leaf[:-4]
        if stem in ("pool", "res_index") or not LOCALE_NAME.match(stem):
            return True  # shared key pool, locale index, supplemental data
        return bool(KEEP_LOCALES.match(stem))
    return True


# -- the ICU common-data image ------------------------------------------------------------

def _items(image: bytes) -> tuple[bytes, str, list[tuple[str, bytes]]]:
    """Header, item-name prefix (``icudt73l/``), [(name, bytes)] of a CmnD image."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", image, 0)
    if (magic1, magic2) != (0xDA, 0x27) or image[12:16] != b"CmnD" or image[8] != 0:
        raise ValueError("not a little-endian ICU common-data (CmnD) image")
    count, = struct.unpack_from("<I", image, header_size)
    toc = [struct.unpack_from("<II", image, header_size + 4 + 8 * i) for i in range(count)]
    names = []
    for name_offset, _ in toc:
        start = header_size + name_offset
        names.append(image[start:image.index(b"\0", start)].decode("ascii"))
    ends = [offset for _, offset in toc[1:]] + [len(image) - header_size]
    prefix = names[0].split("/", 1)[0] + "/"
    items = [(name[len(prefix):], image[header_size + offset:header_size + end])
             for name, (_, offset), end in zip(names, toc, ends, strict=True)]
    return image[:header_size], prefix, items


def _pack(header: bytes, prefix: str, items: list[tuple[str, bytes]]) -> bytes:
    """Inverse of :func:`_items`: TOC, names, then each item 16-byte aligned."""
    items = sorted(items)  # ICU binary-searches the names
    names = b"".join((prefix + name).encode("ascii") + b"\0" for name, _ in items)
    names_offset = 4 + 8 * len(items)
    data_offset = (names_offset + len(names) + 15) & ~15
    toc, blobs, name_at, data_at = [], [], names_offset, data_offset
    for name, blob in items:
        toc.append(struct.pack("<II", name_at, data_at))
        name_at += len(prefix) + len(name) + 1
        blob += b"\0" * (-len(blob) % 16)
        blobs.append(blob)
        data_at += len(blob)
    body = struct.pack("<I", len(items)) + b"".join(toc) + names
    # 0xaa: the padding ICU's own tools write; a round trip reproduces the image byte for byte.
    return header + body + b"\xaa" * (data_offset - len(body)) + b"".join(blobs)


def trim_image(image: bytes) -> tuple[bytes, int, int]:
    """The image with only :func:`keep_item` items; also (items before, items after)."""
    header, prefix, items = _items(image)
    kept = [(name, blob) for name, blob in items if keep_item(name)]
    return _pack(header, prefix, kept), len(items), len(kept)


# -- the ELF library around it ------------------------------------------------------------

def _data_symbol(lib: bytes) -> tuple[str, int, int]:
    """(symbol, file offset, size) of ``icudtNN_dat`` in an ELF64 little-endian library."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise ValueError("not an ELF64 little-endian library")
    shoff, = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, entsize):
            st_name, _i, _o, shndx, value, sym_size = struct.unpack_from("<IBBHQQ", lib, pos)
            end = lib.index(b"\0", strtab + st_name)
            symbol = lib[strtab + st_name:end].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", symbol) and 0 < shndx < shnum:
                section = sections[shndx]
                return symbol, value - section[3] + section[4], sym_size
    raise ValueError("no icudtNN_dat symbol")


def _soname(lib: Path) -> str:
    return elf_soname(lib) or lib.name


def _link(image: bytes, symbol: str, soname: str, out: Path) -> None:
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        raise RuntimeError("no C compiler (cc/gcc) to link the trimmed ICU data")
    with tempfile.TemporaryDirectory() as tmp:
        dat, asm = Path(tmp) / "icudt.dat", Path(tmp) / "icudt.S"
        dat.write_bytes(image)
        asm.write_text(f"""\t.section .rodata
\t.globl {symbol}
\t.type {symbol}, @object
\t.balign 16
{symbol}:
\t.incbin "{dat}"
\t.size {symbol}, . - {symbol}
\t.section .note.GNU-stack,"",@progbits
""", "ascii")
        subprocess.run([compiler, "-shared", "-nostdlib", "-fPIC", f"-Wl,-soname,{soname}",
                        "-Wl,-z,noexecstack", "-Wl,--hash-style=gnu", "-s", "-o", str(out),
                        str(asm)], check=True, capture_output=True)


def trim_icudata(src: Path, out_dir: Path) -> Path:
    """A trimmed copy of ``src`` (``libicudataNN.so``) in ``out_dir``; raises on any failure."""
    lib = src.read_bytes()
    symbol, offset, size = _data_symbol(lib)
    image, before, after = trim_image(lib[offset:offset + size])
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / src.name
    _link(image, symbol, _soname(src), out)
    if _data_symbol(out.read_bytes())[0] != symbol or _soname(out) != _soname(src):
        raise RuntimeError("the trimmed library lost its symbol or soname")
    print(f"ICU data: {before} -> {after} items, {src.stat().st_size / 1e6:.1f} -> "
          f"{out.stat().st_size / 1e6:.1f} MB ({out})", flush=True)
    return out


def trimmed_or_original(src: Path, out_dir: Path) -> Path:
    """For the spec: the trimmed library, or ``src`` itself (with a warning) if that fails."""
    try:
        return trim_icudata(src, out_dir)
    except Exception as exc:  # a missing compiler costs 27 MB, not the build
        print(f"WARNING: ICU data not trimmed, shipping it whole: {exc}", file=sys.stderr)
        return src


if __name__ == "__main__":
    trim_icudata(Path(sys.argv[1]), Path(sys.argv[2]))
