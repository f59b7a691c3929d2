"""Store health at open: SQLite's quick check when it is due, and blob leftovers.

``PRAGMA quick_check`` reads every page of the file: 3 ms on a demo store,
0.4-0.7 s on a 700 MB store of 100,000 issues (``bench/bench_issues``). So it
runs at every open of a store under :data:`QUICK_CHECK_MAX_BYTES`, and on a
larger one after an unclean shutdown (a ``-wal`` file left beside it) or when
the last check (``store_meta.checked_at``) is a week old.

Blobs: an import or an attachment stages its files in ``.staging-<pid>-*``
and moves them into place once its transaction commits
(:class:`storage.blobs.Staging`). A process killed on the way leaves its
staging folder; the next open moves in the files an op names (the
transaction committed) and removes the rest.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete

from golive_desk.storage.blobs import BlobStore
from golive_desk.storage.tables import store_meta

if TYPE_CHECKING:
    from golive_desk.storage.engine import Store

log = logging.getLogger(__name__)

QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
CHECK_EVERY = timedelta(days=7)


def wal_left(path: Path) -> bool:
    """Whether a ``-wal`` file is beside the store: an unclean shutdown, if asked before
    this process connects (any connection to a WAL store, even a read-only one, makes one).
    """
    return path.with_name(path.name + "-wal").exists()


def check_due(path: Path, checked_at: str | None, *, unclean: bool) -> bool:
    """Whether the open of ``path`` runs the quick check (see the module's note).

    ``unclean``: :func:`wal_left` before the open connected.
    """
    if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
        return True
    return unclean or schedule_due(checked_at)


def schedule_due(checked_at: str | None) -> bool:
    try:
        last = datetime.fromisoformat(checked_at) if checked_at else None
    except ValueError:
        last = None
    return last is None or datetime.now(UTC) - last >= CHECK_EVERY


def quick_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's first complaint about the file, or None when it is sound."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise
        return str(exc)
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
        return str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows)


def record_check(conn: Connection, size: int) -> None:
    """Remember a passed scheduled check of a large store (small ones check every open)."""
    if size <= QUICK_CHECK_MAX_BYTES:
        return
    conn.execute(delete(store_meta).where(store_meta.c.key == "checked_at"))
    conn.execute(store_meta.insert().values(
        key="checked_at", value=datetime.now(UTC).isoformat(timespec="seconds")))


def is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def newer_version(found: str, ours: str) -> bool:
    """Whether version ``found`` is newer than ``ours`` (numeric parts; suffixes ignored)."""
    return _parts(found) > _parts(ours)


def _parts(version: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in version.split("+", 1)[0].split("."):
        digits = "".join(ch for ch in piece if ch.isdigit()) if piece[:1].isdigit() else ""
        if not digits:
            break
        parts.append(int(digits[:9]))
    return tuple(parts)


def sweep_blobs(store: Store) -> int:
    """Finish or remove what killed processes left in the blob folder; the files handled."""
    blobs = BlobStore(store.blob_dir)
    leftovers = blobs.abandoned()
    if not leftovers:
        return 0
    from golive_desk.storage.admin import referenced_blobs

    with store.read() as tx:
        named = referenced_blobs(tx)
    handled = blobs.settle(leftovers, named)
    log.info("blob folder of %s: %d files left by killed processes handled", store.path, handled)
    return handled


def collect_garbage(store: Store) -> tuple[int, int]:
    """Remove blobs no op names and what killed processes left; (blobs, leftovers) removed.

    Staged files move into place only after their transaction commits, so a
    blob in place that no op names is never another process's work in flight.
    """
    from golive_desk.storage.admin import referenced_blobs

    blobs = BlobStore(store.blob_dir)
    with store.read() as tx:
        named = referenced_blobs(tx)
    leftovers = blobs.settle(blobs.abandoned(deep=True), named)
    removed = 0
    for sha, path in blobs.all_blobs().items():
        if sha not in named:
            path.unlink(missing_ok=True)
            removed += 1
    return removed, leftovers
