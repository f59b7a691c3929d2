"""Open, create and migrate a store: one SQLite file plus its blob folder.

A store is opened once per process. Writes use ``BEGIN IMMEDIATE`` so two
programs on the same file queue instead of failing half-way; reads use
deferred transactions and see a consistent snapshot thanks to WAL.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.pool import NullPool

from golive_desk.domain.errors import (
    NotAStoreError,
    StoreError,
    StoreMissingError,
    StoreReadOnlyError,
    StoreTooNewError,
)
from golive_desk.storage import migrate
from golive_desk.storage.errors import translated
from golive_desk.storage.tables import store_meta

log = logging.getLogger(__name__)

STORE_MAGIC = "golive-desk-store"
_SQLITE_HEADER = b"SQLite format 3\x00"

# An open transaction, as ``Store.read()`` and ``Store.write()`` hand it out.
# Above storage it is opaque: services pass it to storage functions and never
# use it themselves (they import nothing from SQLAlchemy).
Tx: TypeAlias = Connection


@dataclass(frozen=True)
class Store:
    """An open store. ``write()`` and ``read()`` hand out transactions."""

    path: Path
    engine: Engine

    @property
    def blob_dir(self) -> Path:
        return self.path.with_name(self.path.name + ".blobs")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A ``BEGIN IMMEDIATE`` transaction, committed when the block ends cleanly."""
        with translated(self.path), self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A deferred (snapshot) transaction for reading."""
        with translated(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    def meta(self, key: str) -> str | None:
        with self.read() as conn:
            return conn.execute(
                select(store_meta.c.value).where(store_meta.c.key == key)
            ).scalar_one_or_none()

    def close(self) -> None:
        self.engine.dispose()


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


def _check_location(path: Path, create: bool) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"the folder {folder} does not exist", path=str(path))
    if path.exists():
        if path.is_dir():
            raise NotAStoreError(f"{path} is a folder, not a GoLive Desk store", path=str(path))
        with path.open("rb") as fh:
            header = fh.read(16)
        if header != _SQLITE_HEADER:
            raise NotAStoreError(f"{path} is not a GoLive Desk store", path=str(path))
    elif not create:
        raise StoreMissingError(
            f"there is no store at {path}; create one with 'golive-desk init'", path=str(path)
        )


def _probe_writable(path: Path) -> None:
    """Fail early and clearly when the folder cannot take a file (read-only media)."""
    probe = path.with_name(f".{path.name}.probe")
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreReadOnlyError(
            f"cannot write in {path.parent}: {exc.strerror or exc}", path=str(path)
        ) from exc


def open_store(path: Path, *, create: bool = False) -> Store:
    """Open (or with ``create`` make) the store at ``path``, migrating it if older.

    Raises:
        StoreMissingError: no file and ``create`` is false.
        NotAStoreError: the file is not a GoLive Desk store.
        StoreTooNewError: a newer GoLive Desk wrote it.
        StoreReadOnlyError: the file or folder cannot be written.
    """
    path = Path(path).absolute()
    _check_location(path, create)
    is_new = not path.exists()
    _probe_writable(path)
    engine = _make_engine(path)
    store = Store(path, engine)
    try:
        with translated(path):
            if is_new:
                _create(store)
            else:
                _verify_and_upgrade(store)
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


def _inspect(path: Path) -> tuple[str | None, str | None, str | None]:
    """Read magic, schema revision and writer version without changing the file.

    A read-only connection, so a foreign SQLite file is never switched to WAL
    or otherwise touched.
    """
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}", path=str(path)) from exc
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "store_meta" not in names:
            return None, None, None
        meta = dict(conn.execute("SELECT key, value FROM store_meta").fetchall())
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return meta.get("magic"), revision, meta.get("written_with")
    except sqlite3.DatabaseError as exc:
        raise NotAStoreError(f"{path} is not a GoLive Desk store", path=str(path)) from exc
    finally:
        conn.close()


def _verify_and_upgrade(store: Store) -> None:
    magic, current, written_with = _inspect(store.path)
    if magic != STORE_MAGIC:
        raise NotAStoreError(
            f"{store.path} is an SQLite database but not a GoLive Desk store",
            path=str(store.path))
    if not migrate.is_known(current):
        raise StoreTooNewError(
            f"{store.path} was written by GoLive Desk {written_with or 'of a newer version'}; "
            f"upgrade this program to open it",
            path=str(store.path), written_with=written_with)
    if current != migrate.head():
        backup = backup_copy(store, f"rev{current}")
        log.info("upgrading %s from %s to %s (backup %s)",
                 store.path, current, migrate.head(), backup)
        with store.write() as conn:
            migrate.upgrade(conn)
            from golive_desk import __version__

            conn.execute(store_meta.update().where(store_meta.c.key == "written_with")
                         .values(value=__version__))


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
