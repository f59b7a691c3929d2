"""Translate SQLite's complaints into the domain's typed store errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DatabaseError, OperationalError

from golive_desk.domain.errors import (
    DiskFullError,
    NotAStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreReadOnlyError,
)


def translate(exc: DatabaseError, path: Path) -> StoreError:
    """Name what went wrong with the store in words a consultant understands."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "disk is full" in text:
        return DiskFullError(f"the disk holding {path} is full; nothing was saved", path=str(path))
    if "disk i/o error" in text:
        # EFBIG, EIO or a full disk reported as a short write: the same advice.
        return DiskFullError(f"could not write {path}: the disk is full or failing; "
                             "nothing was saved", path=str(path))
    if "readonly" in text or "read-only" in text:
        return StoreReadOnlyError(f"{path} is read-only; nothing was saved", path=str(path))
    if "not a database" in text:
        return NotAStoreError(f"{path} is not a GoLive Desk store", path=str(path))
    if "malformed" in text or "could not decode" in text:
        return StoreDamagedError(
            f"{path} is damaged ({text}); nothing can be saved to it. Run 'golive-desk doctor "
            "--recover' to copy what can be read into a new store beside it",
            path=str(path), problem=text)
    if "locked" in text or "busy" in text:
        return StoreBusyError(f"{path} is busy in another program; try again", path=str(path))
    if "unable to open" in text:
        return StoreError(f"cannot open {path}: check the folder exists and is writable",
                          path=str(path))
    return StoreError(f"store error in {path}: {text}", path=str(path))


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Run a block, turning driver errors into typed store errors."""
    try:
        yield
    except (OperationalError, DatabaseError) as exc:
        raise translate(exc, path) from exc
