"""Open, create and migrate a store: one SQLite file plus its blob folder.

A store is opened once per process. Writes use ``BEGIN IMMEDIATE`` so two
programs on the same file queue instead of failing half-way; reads use
deferred transactions and see a consistent snapshot thanks to WAL.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import Connection, Engine, create_engine, event, select, text
from sqlalchemy.pool import NullPool

from golive_desk.domain.errors import NotAStoreError, StoreError, StoreReadOnlyError
from golive_desk.storage import health, migrate, upkeep
from golive_desk.storage.errors import translated
from golive_desk.storage.inspection import (
    STORE_MAGIC,
    Inspection,
    check_location,
    check_now,
    damaged,
    inspect,
    too_new,
)
from golive_desk.storage.plain_reads import Rows
from golive_desk.storage.tables import store_meta

log = logging.getLogger(__name__)


# An open transaction, as ``Store.read()`` and ``Store.write()`` hand it out.
# Above storage it is opaque: services pass it to storage functions and never
# use it themselves (they import nothing from SQLAlchemy).
Tx: TypeAlias = Connection


class _KeptReader:
    """One connection kept between reads that come in quick succession (opening one
    and reading the schema costs ~0.6 ms, more than a calendar month's queries).

    Used by one read at a time, whichever thread it runs on; a read that finds it
    busy opens its own. Each read is its own deferred transaction, so it sees what
    was committed before it began, as a fresh connection would.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.conn: Connection | None = None
        self.closed = False

    def close(self) -> None:
        with self.lock:  # (waits for a read on it to end)
            self.closed = True
            self.drop()

    def drop(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            conn.close()


@dataclass(frozen=True)
class Store:
    """An open store. ``write()`` and ``read()`` hand out transactions."""

    path: Path
    engine: Engine
    # Set when the store may be read but not written: damaged, or written by a
    # newer program. ``write()`` raises a copy of it.
    refusal: StoreError | None = None
    _kept: _KeptReader = field(default_factory=_KeptReader, compare=False, repr=False)

    @property
    def blob_dir(self) -> Path:
        return self.path.with_name(self.path.name + ".blobs")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A ``BEGIN IMMEDIATE`` transaction, committed when the block ends cleanly.

        Raises:
            StoreDamagedError, StoreTooNewError: the store may not be written (``refusal``).
        """
        if self.refusal is not None:
            raise type(self.refusal)(self.refusal.message, **self.refusal.details)
        with translated(self.path), self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A deferred (snapshot) transaction for reading."""
        with translated(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def read_kept(self) -> Iterator[Connection]:
        """As :meth:`read`, on a connection kept for the next read: for reads repeated
        quickly (a calendar's months), where opening a connection would cost most."""
        kept = self._kept
        if kept.closed or not kept.lock.acquire(blocking=False):
            with self.read() as conn:  # (closed, or another thread reads on it now)
                yield conn
            return
        try:
            with translated(self.path):
                if kept.conn is None:
                    kept.conn = self.engine.connect()
                with kept.conn.begin():
                    yield kept.conn
        except BaseException:
            kept.drop()  # (whatever went wrong, the next read starts afresh)
            raise
        finally:
            kept.lock.release()

    def meta(self, key: str) -> str | None:
        with self.read() as conn:
            return conn.execute(
                select(store_meta.c.value).where(store_meta.c.key == key)
            ).scalar_one_or_none()

    def close(self) -> None:
        self._kept.close()
        self.engine.dispose()


def rows_of(conn: Connection) -> Rows:
    """Plain SQL texts (``storage/plain_reads.py``) run in this transaction, rows by name."""
    return lambda sql, params: conn.execute(text(sql), params).mappings()


def _make_engine(path: Path) -> Engine:
    # NullPool: every unit of work opens its own connection, so no connection is
    # ever shared between the GUI thread and the worker thread.
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _probe_writable(path: Path) -> None:
    """Fail early and clearly when the folder cannot take a file (read-only media)."""
    # A name of our own: two processes opening the same store at once must not
    # delete each other's probe.
    probe = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.probe")
    try:
        with probe.open("xb"):
            pass
        probe.unlink()
    except OSError as exc:
        raise StoreReadOnlyError(
            f"cannot write in {path.parent}: {exc.strerror or exc}", path=str(path)
        ) from exc


def open_store(path: Path, *, create: bool = False, inspected: Inspection | None = None
               ) -> Store:
    """Open (or with ``create`` make) the store at ``path``, migrating it if older.

    A damaged store (SQLite's quick check, run when cheap, after an unclean
    shutdown or weekly: ``storage.health``) and one a newer program wrote
    open for reading only: their ``write()`` raises. ``inspected``: the file's
    inspection when the caller has just made it (the window's start-up), not made again.

    Raises:
        StoreMissingError: no file and ``create`` is false.
        NotAStoreError: the file is not a GoLive Desk store.
        StoreTooNewError: a newer GoLive Desk wrote its schema.
        StoreBusyError: another program holds the file's lock.
        StoreReadOnlyError: the file or folder cannot be written.
    """
    path = Path(path).absolute()
    check_location(path, create)
    is_new = not path.exists()
    _probe_writable(path)
    engine = _make_engine(path)
    store = Store(path, engine)
    try:
        with translated(path):
            if is_new:
                _create(store)
            else:
                store = _verify_and_upgrade(store, inspected)
    except BaseException:
        engine.dispose()
        if is_new:
            _remove_partial(path)
        raise
    return store


def _create(store: Store) -> None:
    with store.write() as conn:
        migrate.upgrade(conn)
        from golive_desk import __version__

        conn.execute(store_meta.insert(), [
            {"key": "magic", "value": STORE_MAGIC},
            {"key": "created_with", "value": __version__},
            {"key": "written_with", "value": __version__},
            {"key": "created_at", "value": datetime.now(UTC).isoformat(timespec="seconds")},
        ])


def _verify_and_upgrade(store: Store, inspected: Inspection | None) -> Store:
    from golive_desk import __version__

    found = check_now(store.path, inspected) if inspected else inspect(store.path)
    if found.magic != STORE_MAGIC:
        raise NotAStoreError(
            f"{store.path} is an SQLite database but not a GoLive Desk store",
            path=str(store.path))
    if not migrate.is_known(found.revision):
        raise too_new(store.path, found.revision, found.written_with)
    if found.problem is not None:
        log.warning("%s failed its quick check: %s", store.path, found.problem)
        return Store(store.path, store.engine, damaged(store.path, found.problem))
    if found.written_with and health.newer_version(found.written_with, __version__):
        return Store(store.path, store.engine,
                     too_new(store.path, found.revision, found.written_with))
    if found.revision != migrate.head():
        backup = backup_copy(store, f"rev{found.revision}")
        log.info("upgrading %s from %s to %s (backup %s)",
                 store.path, found.revision, migrate.head(), backup)
        with store.write() as conn:
            migrate.upgrade(conn)
            conn.execute(store_meta.update().where(store_meta.c.key == "written_with")
                         .values(value=__version__))
    if found.checked and store.path.stat().st_size > health.QUICK_CHECK_MAX_BYTES:
        with store.write() as conn:
            upkeep.record_check(conn, store.path.stat().st_size)
    upkeep.sweep_blobs(store)
    return store


def backup_copy(store: Store, label: str) -> Path:
    """Copy the store with SQLite's backup API (consistent even in WAL mode)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = store.path.with_name(f"{store.path.name}.{label}-{stamp}.bak")
    src = sqlite3.connect(store.path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _remove_partial(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
    blobs = path.with_name(path.name + ".blobs")
    if blobs.is_dir() and not any(blobs.iterdir()):
        shutil.rmtree(blobs)
