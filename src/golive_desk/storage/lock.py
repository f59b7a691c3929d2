"""One window per store: a lock file beside the store.

The command line does not take it (its writes queue on SQLite's own lock);
two windows on one store would each show stale data, so the second is refused.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from golive_desk.domain.errors import StoreLockedError


class StoreLock:
    """Held while a window has the store open; released on close or process exit."""

    def __init__(self, store_path: Path) -> None:
        self._path = store_path.with_name(store_path.name + ".lock")
        self._lock = FileLock(str(self._path), timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreLockedError(
                f"{self._path.with_suffix('')} is already open in another GoLive Desk window",
                path=str(self._path),
            ) from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
