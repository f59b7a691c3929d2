"""Store health at open: when SQLite's quick check is due, and running it.

``PRAGMA quick_check`` reads every page of the file: 3 ms on a demo store,
0.4-0.7 s on a 700 MB store of 100,000 issues (``bench/bench_issues``). So it
runs at every open of a store under :data:`QUICK_CHECK_MAX_BYTES`, and on a
larger one after an unclean shutdown (a ``-wal`` file left beside it) or when
the last check (``store_meta.checked_at``) is a week old.

Plain ``sqlite3`` only (no SQLAlchemy): the window's start-up inspects the
store before SQLAlchemy is imported (``storage/inspection.py``). Recording a
check and the blob folder's upkeep are in ``storage/upkeep.py``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
