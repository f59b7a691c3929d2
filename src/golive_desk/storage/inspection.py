"""What a store file is, read without writing it: before SQLAlchemy is imported.

Magic, schema revision and the version that last wrote it, and SQLite's quick
check when it is due (``storage/health.py``), all on a read-only ``sqlite3``
connection. ``storage/engine.py`` opens a store after this inspection; the
window's start-up (``storage/start_read.py``) runs it first to decide whether
the start page can be read and painted before the store is opened.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from golive_desk.domain.errors import (
    GoLiveError,
    NotAStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreMissingError,
    StoreTooNewError,
)
from golive_desk.storage import health, migrate

STORE_MAGIC = "golive-desk-store"
_SQLITE_HEADER = b"SQLite format 3\x00"


def check_location(path: Path, create: bool) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"the folder {folder} does not exist", path=str(path))
    if path.exists():
        if path.is_dir():
            raise NotAStoreError(f"{path} is a folder, not a GoLive Desk store", path=str(path))
        try:
            with path.open("rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror or exc}",
                             path=str(path)) from exc
        if header != _SQLITE_HEADER:
            raise NotAStoreError(f"{path} is not a GoLive Desk store", path=str(path))
    elif not create:
        raise StoreMissingError(
            f"there is no store at {path}; create one with 'golive-desk init'", path=str(path)
        )


@dataclass(frozen=True)
class Inspection:
    magic: str | None = None
    revision: str | None = None
    written_with: str | None = None
    problem: str | None = None  # what SQLite's quick check reported, if it ran and failed
    checked: bool = False
    due: bool = False  # the quick check is due but was left to the open (check_now)


# How long the header read waits for another program's lock before saying so.
_INSPECT_WAIT_S = 2.0


def inspect(path: Path, *, check: bool = True) -> Inspection:
    """Read magic, schema revision and writer version without changing the file.

    A read-only connection, so a foreign SQLite file is never switched to WAL
    or otherwise touched. Runs the health check when it is due; with ``check``
    false only notes that it is (``due``): the window's start-up leaves it to
    the open after its first paint (``check_now``), the check reading every page.
    """
    found, conn = inspect_open(path, check=check)
    conn.close()
    return found


def inspect_open(path: Path, *, check: bool = True,
                 wait_s: float = _INSPECT_WAIT_S) -> tuple[Inspection, sqlite3.Connection]:
    """:func:`inspect`, handing back its read-only connection for the caller to read on
    (and close): the start-up's read then opens one connection, not two."""
    unclean = health.wal_left(path)  # before connecting: reading a WAL store makes one
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=wait_s)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}", path=str(path)) from exc
    try:
        return _inspect_on(conn, path, unclean, check), conn
    except BaseException:
        conn.close()
        raise


def _inspect_on(conn: sqlite3.Connection, path: Path, unclean: bool,
                check: bool) -> Inspection:
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "store_meta" not in names:
            return Inspection()
        meta = dict(conn.execute("SELECT key, value FROM store_meta").fetchall())
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        problem, checked = None, False
        due = meta.get("magic") == STORE_MAGIC and health.check_due(
            path, meta.get("checked_at"), unclean=unclean)
        if due and check:
            problem, checked = health.quick_check(conn), True
        return Inspection(meta.get("magic"), revision, meta.get("written_with"), problem,
                          checked, due=due and not check)
    except sqlite3.OperationalError as exc:
        if health.is_busy(exc):
            raise StoreBusyError(
                f"{path} is locked by another program; close it (or wait for it to "
                "finish) and try again", path=str(path)) from exc
        raise damaged(path, str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise NotAStoreError(f"{path} is not a GoLive Desk store", path=str(path)) from exc
        raise damaged(path, str(exc)) from exc


def check_now(path: Path, found: Inspection) -> Inspection:
    """``found`` with the quick check it left due, run now (or as it was).

    Raises:
        StoreBusyError: another program holds the file's lock.
    """
    if not found.due:
        return found
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=_INSPECT_WAIT_S)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}", path=str(path)) from exc
    try:
        problem = health.quick_check(conn)
    except sqlite3.OperationalError as exc:  # quick_check re-raises only "busy"
        raise StoreBusyError(
            f"{path} is locked by another program; close it (or wait for it to "
            "finish) and try again", path=str(path)) from exc
    finally:
        conn.close()
    return replace(found, problem=problem, checked=True, due=False)


def inspect_file(path: Path) -> None:
    """Check, without writing it, that ``path`` is a GoLive Desk store this program reads.

    Raises:
        NotAStoreError, StoreMissingError, StoreTooNewError, StoreBusyError,
        StoreDamagedError: as :func:`open_store` would.
    """
    path = Path(path).absolute()
    check_location(path, create=False)
    found = inspect(path)
    if found.magic != STORE_MAGIC:
        raise NotAStoreError(f"{path} is not a GoLive Desk store", path=str(path))
    if not migrate.is_known(found.revision):
        raise too_new(path, found.revision, found.written_with)
    if found.problem is not None:
        raise damaged(path, found.problem)


def damaged(path: Path, problem: str) -> StoreDamagedError:
    return StoreDamagedError(
        f"{path} is damaged ({problem}); nothing can be saved to it. Run "
        "'golive-desk doctor --recover' to copy what can be read into a new store beside it "
        "(or 'doctor --backups' to see the automatic backups)",
        path=str(path), problem=problem)


def too_new(path: Path, revision: str | None, written_with: str | None) -> StoreTooNewError:
    from golive_desk import __version__

    about = []
    if written_with and health.newer_version(written_with, __version__):
        about.append(written_with)
    schema_new = not migrate.is_known(revision)
    if schema_new:
        about.append(f"schema {revision}")
    by = "a newer GoLive Desk" + (f" ({', '.join(about)})" if about else "")
    then = "open it" if schema_new else "write to it (it can still be read)"
    return StoreTooNewError(
        f"{path} was written by {by}; upgrade this program (GoLive Desk {__version__}) "
        f"to {then}", path=str(path), written_with=written_with, revision=revision)


def refusal(path: Path, found: Inspection) -> GoLiveError | None:
    """Why a store so inspected may not be written (or opened), None when it may."""
    from golive_desk import __version__

    if found.magic != STORE_MAGIC:
        return NotAStoreError(f"{path} is an SQLite database but not a GoLive Desk store",
                              path=str(path))
    if not migrate.is_known(found.revision):
        return too_new(path, found.revision, found.written_with)
    if found.problem is not None:
        return damaged(path, found.problem)
    if found.written_with and health.newer_version(found.written_with, __version__):
        return too_new(path, found.revision, found.written_with)
    return None
