"""One window per store: a lock file beside the store.

The command line does not take it (its writes queue on SQLite's own lock);
two windows on one store would each show stale data, so the second is refused.

The operating system's own lock on an open file (``flock`` on POSIX,
``msvcrt.locking`` on Windows): it goes with the process, so a crashed window
never leaves the store locked. No third-party lock library: the one we used
imported ``asyncio`` (~20 ms) on the way to the first paint.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from golive_desk.domain.errors import StoreLockedError


class StoreLock:
    """Held while a window has the store open; released on close or process exit."""

    def __init__(self, store_path: Path) -> None:
        self._path = store_path.with_name(store_path.name + ".lock")
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock at once or refuse.

        Raises:
            StoreLockedError: another window holds it (or the lock file cannot be made).
        """
        if self._fd is not None:
            return
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreLockedError(f"cannot make the lock file {self._path}: "
                                   f"{exc.strerror or exc}", path=str(self._path)) from exc
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise StoreLockedError(
                f"{self._path.with_suffix('')} is already open in another GoLive Desk window",
                path=str(self._path),
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
