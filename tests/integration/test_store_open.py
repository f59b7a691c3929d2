"""Opening stores: new, older, newer, foreign, read-only, missing, locked, full."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from golive_desk.domain.errors import (
    NotAStoreError,
    StoreError,
    StoreLockedError,
    StoreMissingError,
    StoreReadOnlyError,
    StoreTooNewError,
)
from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.storage import health, migrate
from golive_desk.storage.engine import open_store
from golive_desk.storage.inspection import STORE_MAGIC
from golive_desk.storage.lock import StoreLock


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_reopens_with_its_user(store_path: Path) -> None:
    store = open_store(store_path)
    try:
        user = store_admin.local_user(store)
        assert (user.name, user.initials) == ("张力", "ZL")
        assert len(user.node_id) == 32
        assert store.meta("magic") == STORE_MAGIC
    finally:
        store.close()


def test_a_text_file_is_not_a_store_and_stays_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("客户问题清单\n", "utf-8")
    before = _digest(path)
    with pytest.raises(NotAStoreError, match="not a GoLive Desk store"):
        open_store(path)
    assert _digest(path) == before


def test_a_foreign_sqlite_database_is_refused_and_not_switched_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAStoreError, match="SQLite database but not a GoLive Desk store"):
        open_store(path)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_a_store_from_a_newer_version_is_refused_unchanged(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.execute("UPDATE store_meta SET value = '7.0.0' WHERE key = 'written_with'")
    conn.commit()
    conn.close()
    before = _digest(store_path)
    with pytest.raises(StoreTooNewError, match=r"written by a newer GoLive Desk "
                       r"\(7\.0\.0, schema 9999_future\); upgrade"):
        open_store(store_path)
    assert _digest(store_path) == before


def test_a_newer_schema_never_claims_this_programs_version(store_path: Path) -> None:
    from golive_desk import __version__

    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreTooNewError) as caught:
        open_store(store_path)
    message = caught.value.message
    assert "written by a newer GoLive Desk (schema 9999); upgrade" in message
    assert f"GoLive Desk {__version__};" not in message


def test_a_store_written_by_a_newer_version_opens_read_only(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE store_meta SET value = '99.0.0' WHERE key = 'written_with'")
    conn.commit()
    conn.close()
    before = _digest(store_path)
    store = open_store(store_path)
    try:
        assert store_admin.local_user(store).name == "张力"
        with pytest.raises(StoreTooNewError, match=r"newer GoLive Desk \(99\.0\.0\); upgrade"), \
                store.write():
            pass
    finally:
        store.close()
    assert _digest(store_path) == before


def test_an_older_store_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.exec_driver_sql(
            "INSERT INTO store_meta VALUES ('magic', ?), ('written_with', '0.0.1')",
            (STORE_MAGIC,))
    engine.dispose()
    store = open_store(path)
    try:
        with store.read() as conn:
            assert migrate.current_revision(conn) == migrate.head()
            conn.exec_driver_sql("SELECT count(*) FROM projects").scalar_one()
    finally:
        store.close()
    backups = list(tmp_path.glob("old.db.rev0001-*.bak"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    check.close()


def test_a_missing_store_or_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreMissingError, match="golive-desk init"):
        open_store(tmp_path / "absent.db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder.db", create=True)


def test_a_read_only_location_is_refused_with_nothing_left_behind() -> None:
    # /proc refuses new files even to root, unlike a chmod-ed folder.
    with pytest.raises(StoreReadOnlyError, match="cannot write in /proc"):
        open_store(Path("/proc/golive-desk.db"), create=True)


def test_a_second_window_on_the_same_store_is_refused(store_path: Path) -> None:
    first = StoreLock(store_path)
    first.acquire()
    try:
        with pytest.raises(StoreLockedError, match="already open"):
            StoreLock(store_path).acquire()
    finally:
        first.release()
    again = StoreLock(store_path)
    again.acquire()
    again.release()


FULL_DISK_SCRIPT = textwrap.dedent("""
    import os, resource, signal, sys
    from pathlib import Path
    from golive_desk.domain.errors import DiskFullError
    from golive_desk.services.container import Services
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    db = Path(sys.argv[1])
    services = Services.open(db)
    limit = max(p.stat().st_size for p in db.parent.glob(db.name + "*")) + 150_000
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    added = 0
    try:
        for i in range(100_000):
            services.projects.add_person("HX", f"用户{i}", "end_user", department="部" * 400)
            added += 1
    except DiskFullError as err:
        print(f"FULL {added} {err.message}")
""")


def test_a_full_disk_fails_cleanly_and_keeps_every_committed_edit(store_path: Path) -> None:
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星", "华星电子", "2026-11-02")
    services.close()
    proc = subprocess.run([sys.executable, "-c", FULL_DISK_SCRIPT, str(store_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.startswith("FULL "), proc.stdout + proc.stderr
    added = int(proc.stdout.split()[1])
    assert "nothing was saved" in proc.stdout
    # Reopened with no limit: every person that was reported saved is there, the
    # failed one is not, and the op log and its projections still agree.
    services = Services.open(store_path)
    try:
        assert len(services.projects.people("HX")) == added
        before = store_admin.canonical_dump(services.store)
        report = store_admin.doctor(services.store, rebuild=True)
        assert report.chain_ok, report.problems
        assert store_admin.canonical_dump(services.store) == before
    finally:
        services.close()


def test_revision_files_follow_the_naming_that_start_up_relies_on() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.script_location()))
    scripts = ScriptDirectory.from_config(cfg)
    assert scripts.get_heads() == [migrate.head()]
    chain = [rev.revision for rev in scripts.walk_revisions()]
    assert tuple(reversed(chain)) == migrate.known_revisions()


def test_a_large_store_cleanly_closed_is_not_checked_again_until_due(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a WAL store makes a -wal file: the open must look for one left by an
    unclean shutdown before it connects, or every open of a large store is "unclean"
    (0.05 s on 100k ops, 0.4-0.7 s on 100k issues)."""
    monkeypatch.setattr(health, "QUICK_CHECK_MAX_BYTES", 1)  # every store is large
    checks: list[object] = []
    real = health.quick_check
    monkeypatch.setattr(health, "quick_check", lambda conn: checks.append(1) or real(conn))

    def session() -> None:  # what every window or command does: open, read, close
        store = open_store(store_path)
        with store.read() as tx:
            tx.exec_driver_sql("SELECT count(*) FROM ops").scalar()
        store.close()

    session()  # never checked: checked now, and recorded
    assert len(checks) == 1
    session()
    session()
    assert len(checks) == 1
    store_path.with_name(store_path.name + "-wal").write_bytes(b"")  # a crash left it
    session()
    assert len(checks) == 2
