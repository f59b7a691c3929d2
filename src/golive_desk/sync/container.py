"""Reading the ZIP container defensively.

Before :mod:`zipfile` parses anything, the end-of-central-directory record is
read by hand so that a file claiming a million entries (or a huge central
directory) is refused in microseconds. Entry names must be ones the writer
generates; links, duplicates and path-like names are refused. Entries are read
as streams with byte caps taken from our limits and the signed manifest,
never from the sizes in the ZIP headers.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import BinaryIO

from golive_desk.domain.errors import BundleError
from golive_desk.sync.format import Limits, is_generated_name

_EOCD = struct.Struct("<4sHHHHIIH")
_EOCD64_LOCATOR = struct.Struct("<4sIQI")
_EOCD64 = struct.Struct("<4sQHHIIQQQQ")
# A central-directory record is 46 bytes plus name, extra and comment; our names
# are short, so anything much larger per entry is padding meant to slow us down.
_MAX_RECORD = 512
_READ = 256 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


def precheck(fh: BinaryIO, file_size: int, limits: Limits) -> int:
    """Check the entry count and central directory size; returns the entry count.

    Raises:
        BundleError: ``container`` (not a ZIP, truncated) or ``entries`` (too many).
    """
    tail_len = min(file_size, _EOCD.size + 65535)
    fh.seek(file_size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < _EOCD.size:
        raise BundleError("container", "not a bundle: the file is truncated or not a ZIP "
                          "archive (no end-of-archive record)")
    _, disk, cd_disk, _, entries, cd_size, _, _ = _EOCD.unpack_from(tail, pos)
    if disk != 0 or cd_disk != 0:
        raise BundleError("container", "multi-part archives are not bundles")
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        entries, cd_size = _zip64_counts(fh, tail, pos, file_size)
    if entries > limits.max_entries:
        raise BundleError("entries", f"the bundle has {entries} entries; at most "
                          f"{limits.max_entries} are allowed", entries=entries)
    if cd_size > min(limits.max_central_directory_bytes, 1024 + entries * _MAX_RECORD):
        raise BundleError("entries", "the bundle's table of contents is larger than its "
                          "entries need")
    return int(entries)


def _zip64_counts(fh: BinaryIO, tail: bytes, pos: int,
                  file_size: int) -> tuple[int, int]:
    loc = pos - _EOCD64_LOCATOR.size
    if loc < 0:
        raise BundleError("container", "the ZIP64 end-of-archive record is missing")
    sig, _, offset, _ = _EOCD64_LOCATOR.unpack_from(tail, loc)
    if sig != b"PK\x06\x07" or offset + _EOCD64.size > file_size:
        raise BundleError("container", "the ZIP64 end-of-archive record is damaged")
    fh.seek(offset)
    record = fh.read(_EOCD64.size)
    if len(record) != _EOCD64.size or record[:4] != b"PK\x06\x06":
        raise BundleError("container", "the ZIP64 end-of-archive record is damaged")
    fields = _EOCD64.unpack(record)
    return int(fields[7]), int(fields[8])


def check_names(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse links, duplicates, directories, encryption and names we never generate."""
    counts = Counter(i.filename for i in infos)
    for info in infos:
        name = info.orig_filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleError("links", f"the bundle holds a link ({name!r}); links are refused")
        if _path_like(name):
            raise BundleError("names", f"the bundle holds a path-like entry name {name!r}")
        if name != info.filename or not is_generated_name(name):
            raise BundleError("names", f"unexpected entry name {name!r} in the bundle")
        if counts[info.filename] > 1:
            raise BundleError("names", f"the entry {name!r} appears twice in the bundle")
        if info.flag_bits & 0x1:
            raise BundleError("container", f"entry {name!r} uses ZIP encryption")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError("container", f"entry {name!r} uses an unsupported compression")


def _path_like(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts
            or "\\" in name or "\x00" in name)


class EntryReader:
    """Streams entries of an open ZIP with byte caps and a running total."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits) -> None:
        self._zip = archive
        self._limits = limits
        self._infos = {i.filename: i for i in archive.infolist()}
        self.total = 0

    def names(self) -> set[str]:
        return set(self._infos)

    def read_all(self, name: str, cap: int) -> bytes:
        """The entry's bytes (not hashed: the caller hashes them, maybe meanwhile)."""
        return b"".join(self._blocks(name, cap))

    def stream(self, name: str, cap: int, sink: Callable[[bytes], object]) -> str:
        """Feed the entry's bytes to ``sink``; returns their SHA-256.

        Raises:
            BundleError: ``size`` (more than ``cap``), ``bomb`` (inflates too far),
                ``container`` (damaged data).
        """
        digest = hashlib.sha256()
        for block in self._blocks(name, cap):
            digest.update(block)
            sink(block)
        return digest.hexdigest()

    def _blocks(self, name: str, cap: int) -> Iterator[bytes]:
        """The entry's bytes in blocks, refused past ``cap`` or the inflation limits."""
        info = self._infos.get(name)
        if info is None:
            raise BundleError("entries", f"the bundle lacks the entry {name!r}")
        read = 0
        ratio_cap = max(self._limits.ratio_floor_bytes,
                        self._limits.max_ratio * max(info.compress_size, 1))
        try:
            with self._zip.open(info) as stream:
                while True:
                    block = stream.read(_READ)
                    if not block:
                        break
                    read += len(block)
                    self.total += len(block)
                    if read > cap:
                        raise BundleError("size", f"entry {name!r} is larger than the "
                                          f"manifest says ({cap} bytes)", entry=name)
                    if read > ratio_cap:
                        raise BundleError("bomb", f"entry {name!r} inflates more than "
                                          f"{self._limits.max_ratio}:1; refused as a ZIP bomb")
                    if self.total > self._limits.max_total_bytes:
                        raise BundleError("bomb", "the bundle inflates beyond the size limit")
                    yield block
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError) as exc:  # an unknown compression method; an encrypted entry
            raise BundleError("container", f"entry {name!r} is damaged ({exc})") from None
