"""Attachment files, stored once each under the name of their SHA-256.

Layout: ``<store>.blobs/ab/abcdef…`` (two-character fan-out keeps folders
small). A blob is written to a temporary file in the same folder, flushed to
disk and renamed into place, so a crash never leaves a half file under a
hash's name; the same content added twice is stored once.

Writes that belong to a transaction (an import, an attachment) go through a
:class:`Staging` folder, ``.staging-<pid>-<random>``: its files move into
place when the block ends cleanly (after the commit) and are removed when it
fails. What a killed process leaves is settled at the next open
(``storage.upkeep.sweep_blobs``): names with a dead pid are its own.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from golive_desk.domain.errors import (
    DiskFullError,
    FileTooLargeError,
    FileUnreadableError,
    StoreError,
)

MAX_BLOB_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")
_OWNED = re.compile(r"^\.(?:staging|incoming)-(\d+)-")
# Leftovers whose owner cannot be told (older versions' names, Windows) wait this long.
_UNOWNED_AGE_S = 3600.0


@dataclass(frozen=True, slots=True)
class BlobInfo:
    sha256: str
    size: int
    new: bool = False  # this call put the file in place (it was not there before)


# errno values that mean "no room on the disk".
_NO_SPACE = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


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

    def put_file(self, source: Path, *, folder: Path | None = None) -> BlobInfo:
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
            fh = source.open("rb")
        except OSError as exc:
            raise _unreadable(source, name, exc) from exc
        with fh:
            return self._write(_chunks(fh.read, source, name), name, folder)

    def put_bytes(self, data: bytes, name: str = "clipboard", *,
                  folder: Path | None = None) -> BlobInfo:
        """Store bytes (a pasted screenshot). Raises FileTooLargeError past the cap."""
        if len(data) >= MAX_BLOB_BYTES:
            raise _too_large(name, len(data))
        return self._write(iter((data,)), name, folder)

    @contextmanager
    def staging(self) -> Iterator[Staging]:
        """Files staged in the block move into place when it ends cleanly, else go."""
        staged = Staging(self)
        try:
            yield staged
        except BaseException:
            staged.discard()
            raise
        staged.commit()

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def stray_files(self) -> list[Path]:
        """Temp files and staging folders anywhere in the folder, whoever left them."""
        if not self.root.is_dir():
            return []
        return sorted([*self.root.glob(".staging-*"), *self.root.glob(".incoming-*"),
                       *self.root.glob("*/.incoming-*")])

    def abandoned(self, *, deep: bool = False) -> list[Path]:
        """Staging folders and temp files of processes that are gone.

        ``deep`` also looks in the fan-out folders (where earlier versions
        put their temp files): a listing of every blob, so only ``doctor`` asks.
        """
        if not self.root.is_dir():
            return []
        found = [*self.root.glob(".staging-*"), *self.root.glob(".incoming-*")]
        if deep:
            found += self.root.glob("*/.incoming-*")
        return sorted(p for p in found if _abandoned(p))

    def settle(self, leftovers: Iterable[Path], named: set[str]) -> int:
        """Move in staged files an op names (their transaction committed); remove the rest."""
        handled = 0
        for path in leftovers:
            if path.is_dir():
                for staged in path.iterdir():
                    handled += 1
                    if staged.name in named and _SHA.match(staged.name) \
                            and not self.has(staged.name):
                        target = self.path_for(staged.name)
                        target.parent.mkdir(exist_ok=True)
                        os.replace(staged, target)
                shutil.rmtree(path, ignore_errors=True)
            else:
                handled += 1
                path.unlink(missing_ok=True)
        return handled

    def all_blobs(self) -> dict[str, Path]:
        """Every stored blob, by its SHA-256."""
        if not self.root.is_dir():
            return {}
        return {p.name: p for p in self.root.glob("??/*") if _SHA.match(p.name)}

    def _write(self, chunks: Iterator[bytes], name: str, folder: Path | None = None) -> BlobInfo:
        """Write to a temp file; rename to its hash's place (or into ``folder``)."""
        digest = hashlib.sha256()
        size = 0
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".incoming-{os.getpid()}-",
                                            dir=folder or self.root)
        except OSError as exc:
            raise _write_failed(self.root, exc) from exc
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
            target = self.path_for(sha) if folder is None else folder / sha
            if self.has(sha) or target.is_file():
                tmp.unlink()
                return BlobInfo(sha, size)
            target.parent.mkdir(exist_ok=True)
            os.replace(tmp, target)
            _fsync_dir(target.parent)
            return BlobInfo(sha, size, new=True)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _write_failed(self.root, exc) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


@dataclass
class Staging:
    """Files written for one transaction, moved into place after it commits."""

    blobs: BlobStore
    folder: Path | None = None
    staged: list[str] = field(default_factory=list)

    def _dir(self) -> Path:
        if self.folder is None:
            self.blobs.root.mkdir(parents=True, exist_ok=True)
            self.folder = self.blobs.root / f".staging-{os.getpid()}-{secrets.token_hex(6)}"
            self.folder.mkdir()
        return self.folder

    def put_file(self, source: Path) -> BlobInfo:
        """Stage a copy of ``source`` (see :meth:`BlobStore.put_file`)."""
        info = self.blobs.put_file(source, folder=self._dir())
        if info.new:
            self.staged.append(info.sha256)
        return info

    def put_bytes(self, data: bytes, name: str) -> BlobInfo:
        info = self.blobs.put_bytes(data, name, folder=self._dir())
        if info.new:
            self.staged.append(info.sha256)
        return info

    def put_stream(self, sha256: str, write: Callable[[BinaryIO], None]) -> None:
        """Stage the blob ``write`` produces (its caller checks the hash)."""
        if self.blobs.has(sha256) or sha256 in self.staged:
            return
        folder = self._dir()
        target = folder / self.blobs.path_for(sha256).name
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".incoming-{os.getpid()}-", dir=folder)
            with os.fdopen(fd, "wb") as out:
                write(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp_name, target)
        except OSError as exc:
            raise _write_failed(self.blobs.root, exc) from exc
        self.staged.append(sha256)

    def commit(self) -> None:
        """Move every staged file into place; the transaction naming them committed."""
        if self.folder is None:
            return
        moved: set[Path] = set()
        for sha in self.staged:
            target = self.blobs.path_for(sha)
            if not target.is_file():
                target.parent.mkdir(exist_ok=True)
                os.replace(self.folder / sha, target)
                moved.add(target.parent)
        for parent in moved:
            _fsync_dir(parent)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def discard(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        self.staged.clear()


def _abandoned(path: Path) -> bool:
    """Whether the process that made ``path`` is gone (or, when unknown, it is old)."""
    match = _OWNED.match(path.name)
    if match is not None and os.name == "posix":
        pid = int(match.group(1))
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    try:
        return time.time() - path.stat().st_mtime > _UNOWNED_AGE_S
    except OSError:
        return False


def _chunks(read: Callable[[int], bytes], source: Path | None = None,
            name: str = "") -> Iterator[bytes]:
    while True:
        try:
            chunk = read(_CHUNK)
        except OSError as exc:
            raise _unreadable(source or Path(name), name, exc) from exc
        if not chunk:
            return
        yield chunk


def _unreadable(source: Path, name: str, exc: OSError) -> FileUnreadableError:
    return FileUnreadableError("file", f"cannot read {source}: {exc.strerror or exc}",
                               name=name, path=str(source))


def _write_failed(folder: Path, exc: OSError) -> StoreError:
    """A full disk says so; any other write error names the blob folder."""
    if exc.errno in _NO_SPACE:
        return DiskFullError(f"the disk holding {folder} is full; the file was not attached",
                             path=str(folder))
    return StoreError(f"cannot write in {folder}: {exc.strerror or exc}; "
                      "the file was not attached", path=str(folder))


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
