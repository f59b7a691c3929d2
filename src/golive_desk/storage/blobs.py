"""Attachment files, stored once each under the name of their SHA-256.

Layout: ``<store>.blobs/ab/abcdef…`` (two-character fan-out keeps folders
small). A blob is written to a temporary file in the same folder, flushed to
disk and renamed into place, so a crash never leaves a half file under a
hash's name; the same content added twice is stored once.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from golive_desk.domain.errors import FileTooLargeError, FileUnreadableError

MAX_BLOB_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class BlobInfo:
    sha256: str
    size: int


def _too_large(name: str, size: int) -> FileTooLargeError:
    return FileTooLargeError(
        "file", f"{name} is {size / 1024 / 1024:.1f} MB; attachments must be smaller than "
        f"{MAX_BLOB_BYTES // 1024 // 1024} MB", name=name, size=size, limit=MAX_BLOB_BYTES)


class BlobStore:
    """Content-addressed files in one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if not _SHA.match(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, source: Path) -> BlobInfo:
        """Copy a file in.

        Raises:
            FileTooLargeError: the file is 50 MB or more.
            FileUnreadableError: it is missing, a folder, or cannot be read.
        """
        name = source.name or str(source)
        try:
            info = source.stat()
            size = info.st_size
            if not stat.S_ISREG(info.st_mode):
                # A folder, a pipe or a device: reading a pipe would hang the program.
                raise OSError(errno.EINVAL, "not a regular file")
            if size >= MAX_BLOB_BYTES:
                raise _too_large(name, size)
            with source.open("rb") as fh:
                return self._write(_chunks(fh.read), name)
        except OSError as exc:
            raise FileUnreadableError(
                "file", f"cannot read {source}: {exc.strerror or exc}", name=name,
                path=str(source)) from exc

    def put_bytes(self, data: bytes, name: str = "clipboard") -> BlobInfo:
        """Store bytes (a pasted screenshot). Raises FileTooLargeError past the cap."""
        if len(data) >= MAX_BLOB_BYTES:
            raise _too_large(name, len(data))
        return self._write(iter((data,)), name)

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def _write(self, chunks: Iterator[bytes], name: str) -> BlobInfo:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if size >= MAX_BLOB_BYTES:  # the file grew while we read it
                        raise _too_large(name, size)
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            if target.is_file():
                tmp.unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                os.replace(tmp, target)
                _fsync_dir(target.parent)
            return BlobInfo(sha, size)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _chunks(read: Callable[[int], bytes]) -> Iterator[bytes]:
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
