"""Recover a damaged store, list and restore the automatic backups.

The op log is the truth: ``recover`` reads every op row it can from the
damaged file (row by row where a page is unreadable), keeps those whose body
still hashes to their id, writes them into a new store beside the old one with
the local tables (this computer's identity and keys, counters, peers,
pending ops) and rebuilds the projections from the log. The damaged file is
never written. Blobs are hard-linked (or copied) into the new store's folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from golive_desk.domain.errors import NotFoundError, StoreError
from golive_desk.storage import projector
from golive_desk.storage.blobs import BlobStore
from golive_desk.storage.engine import open_store
from golive_desk.storage.inspection import inspect_file
from golive_desk.storage.lock import StoreLock

log = logging.getLogger(__name__)

# Local state copied as it is (never projected, never synced), then the op log.
_LOCAL_TABLES = ("local_node", "counters", "peers", "signed_heads", "pending_ops",
                 "import_log")
_CHUNK = 500
Row = tuple[object, ...]


@dataclass(frozen=True)
class RecoveryReport:
    source: Path
    target: Path
    ops_saved: int
    ops_lost: int  # rows unreadable or whose body no longer matches its hash
    rows_saved: dict[str, int]  # local tables: rows copied
    blobs: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    made_at: datetime


def recover(path: Path) -> RecoveryReport:
    """Copy what can be read of the store at ``path`` into a new store beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.recovered-{stamp}{path.suffix or '.db'}")
    problems: list[str] = []
    src = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    src.text_factory = bytes  # text that no longer decodes loses its row, not the run
    try:
        open_store(target, create=True).close()
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            dst.execute("PRAGMA foreign_keys=OFF")
            dst.execute("BEGIN IMMEDIATE")
            copied = {}
            for table in _LOCAL_TABLES:
                rows, lost = _copy(src, dst, table)
                copied[table] = rows
                if lost:
                    problems.append(f"{table}: {lost} rows could not be read")
            saved, lost_ops = _copy_ops(src, dst)
            if not copied.get("local_node"):
                problems.append("this computer's identity (local_node) could not be read")
            dst.execute("COMMIT")
        finally:
            dst.close()
    finally:
        src.close()
    store = open_store(target)
    try:
        with store.write() as tx:
            projector.rebuild(tx)
    except Exception as exc:  # a log with holes may not replay; the ops are saved anyway
        problems.append(f"the projections could not be rebuilt: {exc}")
        log.exception("rebuild after recovery of %s", path)
    finally:
        store.close()
    blobs = _link_blobs(BlobStore(path.with_name(path.name + ".blobs")),
                        BlobStore(target.with_name(target.name + ".blobs")))
    return RecoveryReport(path, target, saved, lost_ops, copied, blobs, tuple(problems))


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1].decode() if isinstance(r[1], bytes) else r[1]
                for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def _rows(conn: sqlite3.Connection, table: str, columns: Sequence[str]) -> Iterator[Row | None]:
    """Every row that can be read; None for each row (or run of rows) that cannot."""
    select = f"SELECT {', '.join(columns)} FROM {table}"
    try:
        yield from conn.execute(select).fetchall()
        return
    except sqlite3.DatabaseError:
        pass
    try:
        top = int(conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        top = 10_000_000
    for low in range(1, top + 1, _CHUNK):
        try:
            yield from conn.execute(f"{select} WHERE rowid BETWEEN ? AND ?",
                                    (low, low + _CHUNK - 1)).fetchall()
            continue
        except sqlite3.DatabaseError:
            pass
        for rowid in range(low, low + _CHUNK):
            try:
                yield from conn.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchall()
            except sqlite3.DatabaseError:
                yield None


def _decoded(row: Row, binary: Sequence[bool] = ()) -> Row | None:
    """Text columns decoded (None when one is not UTF-8); ``binary`` columns kept as bytes."""
    out: list[object] = []
    for at, value in enumerate(row):
        if isinstance(value, bytes) and not (binary and binary[at]):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                return None
        out.append(value)
    return tuple(out)


def _insert(dst: sqlite3.Connection, table: str, columns: Sequence[str], row: Row) -> None:
    marks = ", ".join("?" for _ in columns)
    dst.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})", row)


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, table: str) -> tuple[int, int]:
    wanted = set(_columns(dst, table))
    columns = [c for c in _columns(src, table) if c in wanted]
    if not columns:
        return 0, 0
    binary = [c in ("private_key", "public_key") for c in columns]
    saved = lost = 0
    for raw in _rows(src, table, columns):
        row = None if raw is None else _decoded(raw, binary)
        if row is None:
            lost += 1
            continue
        _insert(dst, table, columns, row)
        saved += 1
    return saved, lost


def _copy_ops(src: sqlite3.Connection, dst: sqlite3.Connection) -> tuple[int, int]:
    wanted = set(_columns(dst, "ops"))
    columns = [c for c in _columns(src, "ops") if c in wanted]
    if "body" not in columns or "op_id" not in columns:
        raise StoreError("the op log of this store cannot be read; nothing to recover")
    body_at, id_at = columns.index("body"), columns.index("op_id")
    saved = lost = 0
    for raw in _rows(src, "ops", columns):
        row = None if raw is None else _decoded(raw)
        if row is None or hashlib.sha256(str(row[body_at]).encode("utf-8")).hexdigest() \
                != row[id_at]:
            lost += 1
            continue
        _insert(dst, "ops", columns, row)
        saved += 1
    _settle_cursor(dst)
    return saved, lost


def _settle_cursor(dst: sqlite3.Connection) -> None:
    """Point this computer's cursor at its last recovered op, so it chains on from there."""
    node = dst.execute("SELECT node_id FROM local_node").fetchone()
    if node is None:
        return
    top = dst.execute("SELECT seq, op_id FROM ops WHERE node = ? ORDER BY seq DESC LIMIT 1",
                      node).fetchone()
    lamport = dst.execute("SELECT coalesce(max(lamport), 0) FROM ops").fetchone()[0]
    seq, op_id = top if top is not None else (0, None)
    dst.execute("UPDATE local_node SET last_seq = ?, last_op = ?, "
                "lamport = max(lamport, ?)", (seq, op_id, lamport))


def _link_blobs(source: BlobStore, target: BlobStore) -> int:
    count = 0
    for sha, path in source.all_blobs().items():
        dest = target.path_for(sha)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, dest)
        except OSError:
            try:
                shutil.copy2(path, dest)
            except OSError:
                continue
        count += 1
    return count


def backups(path: Path) -> list[Backup]:
    """The automatic backups made before upgrades (``<store>.<label>-<time>.bak``), newest first."""
    found = []
    for candidate in path.parent.glob(f"{path.name}.*.bak"):
        info = candidate.stat()
        found.append(Backup(candidate, info.st_size,
                            datetime.fromtimestamp(info.st_mtime, UTC)))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def restore(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the store at ``path``; the current store is kept aside.

    Returns the path the current store was moved to. Its blob folder is
    hard-linked beside it, so the files it names stay with it.

    Raises:
        NotFoundError: no such backup file.
        NotAStoreError: the file is not a GoLive Desk store.
        StoreLockedError: a window has the store open.
    """
    if not backup.is_file():
        raise NotFoundError(f"there is no backup {backup}", path=str(backup))
    inspect_file(backup)
    lock = StoreLock(path)
    lock.acquire()
    try:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.before-restore-{stamp}")
        if path.exists():
            for suffix in ("", "-wal", "-shm"):
                current = path.with_name(path.name + suffix)
                if current.exists():
                    os.replace(current, aside.with_name(aside.name + suffix))
            _link_blobs(BlobStore(path.with_name(path.name + ".blobs")),
                        BlobStore(aside.with_name(aside.name + ".blobs")))
        shutil.copy2(backup, path)
        return aside
    finally:
        lock.release()
