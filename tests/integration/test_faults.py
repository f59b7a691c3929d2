"""Faults (issue 11): damaged and locked stores, a full disk, invalid text, blob leftovers."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from golive_desk.domain.errors import (
    DiskFullError,
    StoreBusyError,
    StoreDamagedError,
    ValidationError,
    WorkflowError,
)
from golive_desk.services.container import Services
from golive_desk.storage import blobs as blobs_module
from golive_desk.storage import engine
from golive_desk.storage.blobs import BlobStore
from golive_desk.storage.engine import open_store


def _store_with_issues(path: Path, count: int = 60) -> None:
    services = Services.open(path)
    try:
        services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
        with services.issues.batch() as writer:
            project = writer.project("HX")
            for n in range(count):
                writer.create(project, {"title": f"第 {n} 个问题 " + "凭证无法反审核" * 20,
                                        "description": "说明" * 200})
    finally:
        services.close()


def damage(path: Path) -> None:
    """Overwrite the cell pointers of a middle page of the ``issues`` table."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("SELECT pageno FROM dbstat WHERE name = 'issues' AND pagetype = 'leaf'"
                         ).fetchall()
    conn.close()
    page = pages[len(pages) // 2][0]
    with path.open("r+b") as fh:
        fh.seek((page - 1) * page_size + 8)
        fh.write(bytes([0x0F, 0xF0]) * 40)


def test_a_damaged_store_refuses_writes_and_names_the_way_out(store_path: Path) -> None:
    _store_with_issues(store_path)
    damage(store_path)
    store = open_store(store_path)
    try:
        with pytest.raises(StoreDamagedError, match=r"is damaged .*doctor --recover"), \
                store.write():
            pass
    finally:
        store.close()


def test_a_store_locked_by_another_program_says_so_at_once(store_path: Path) -> None:
    holder = sqlite3.connect(store_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE store_meta SET value = value WHERE key = 'magic'")
    try:
        done = threading.Event()
        timer = threading.Timer(4.0, done.set)
        timer.start()
        with pytest.raises(StoreBusyError, match="locked by another program"):
            open_store(store_path)
        assert not done.is_set(), "the lock was reported only after waiting"
        timer.cancel()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_full_disk_during_attach_says_the_disk_is_full(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    issue, _ = services.issues.create("HX", {"title": "凭证无法反审核"})
    source = tmp_path / "截图.png"
    source.write_bytes(b"\x89PNG" + os.urandom(2000))

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs_module.os, "fsync", no_space)
    with pytest.raises(DiskFullError, match=r"disk .* is full"):
        services.issues.attach_file(issue.number, source)
    monkeypatch.undo()
    assert BlobStore(services.store.blob_dir).stray_files() == []
    assert BlobStore(services.store.blob_dir).all_blobs() == {}


def test_a_title_with_bytes_that_are_not_utf8_is_refused_clearly(services: Services) -> None:
    services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    title = b"\xff\xfe\xe5\x87\xad".decode("utf-8", "surrogateescape")
    with pytest.raises(ValidationError, match="not valid UTF-8") as caught:
        services.issues.create("HX", {"title": title})
    assert caught.value.details["rule"] == "encoding"


def test_a_file_name_that_is_not_utf8_is_attached_under_a_clean_name(
        services: Services, tmp_path: Path) -> None:
    services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    issue, _ = services.issues.create("HX", {"title": "凭证无法反审核"})
    raw = os.fsencode(tmp_path) + b"/\xff\xfe-log.txt"
    with open(raw, "wb") as fh:
        fh.write(b"error 42")
    attachment, _ = services.issues.attach_file(issue.number, Path(os.fsdecode(raw)))
    assert attachment.name == "\ufffd\ufffd-log.txt"
    assert len(BlobStore(services.store.blob_dir).all_blobs()) == 1


def test_a_refused_attachment_leaves_no_file(services: Services, tmp_path: Path) -> None:
    services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    issue, _ = services.issues.create("HX", {"title": "凭证无法反审核"})
    services.issues.delete(issue.number)
    source = tmp_path / "log.txt"
    source.write_bytes(b"error 42")
    with pytest.raises(WorkflowError):
        services.issues.attach_file(issue.number, source)
    blob_dir = BlobStore(services.store.blob_dir)
    assert blob_dir.all_blobs() == {}
    assert blob_dir.stray_files() == []


def test_what_a_killed_process_left_in_the_blob_folder_is_settled_at_open(
        services: Services, store_path: Path) -> None:
    services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    issue, _ = services.issues.create("HX", {"title": "凭证无法反审核"})
    blob_dir = BlobStore(services.store.blob_dir)
    services.issues.attach_bytes(issue.number, "a.png", b"named")
    (named_sha,) = blob_dir.all_blobs()
    blob_dir.path_for(named_sha).unlink()  # as if killed after the commit, before the move
    dead = _dead_pid()
    staging = blob_dir.root / f".staging-{dead}-abc"
    staging.mkdir()
    (staging / named_sha).write_bytes(b"named")
    (staging / ("0" * 64)).write_bytes(b"nobody names me")
    (blob_dir.root / f".incoming-{dead}-xyz").write_bytes(b"half")
    services.close()
    store = open_store(store_path)
    store.close()
    assert set(blob_dir.all_blobs()) == {named_sha}
    assert blob_dir.stray_files() == []


def test_two_processes_never_share_a_probe_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        if self.name.endswith(".probe"):
            names.append(self.name)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    for _ in range(2):
        engine._probe_writable(tmp_path / "store.db")
    assert len(set(names)) == 2
    assert str(os.getpid()) in names[0]
    assert not list(tmp_path.glob("*.probe"))


def _dead_pid() -> int:
    pid = 2**22 - 7
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid -= 1


def _bundle_with_central_directory_byte(tmp_path: Path, offset: int, value: int) -> Path:
    from tests.integration.sync_support import make_node

    laptop = make_node(tmp_path, "张力", "ZL")
    laptop.services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    bundle = laptop.sync.export_bundle(tmp_path / "work.zip", full=True).file
    laptop.close()
    data = bytearray(bundle.read_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory record
    data[at + offset] = value
    bundle.write_bytes(bytes(data))
    return bundle


@pytest.mark.parametrize(("offset", "value"), [(6, 0x6D), (10, 99)],
                         ids=["zip-version-10.9", "unknown-compression"])
def test_a_zip_this_python_cannot_read_is_refused_not_a_traceback(
        tmp_path: Path, services: Services, offset: int, value: int) -> None:
    from golive_desk.domain.errors import BundleError

    bundle = _bundle_with_central_directory_byte(tmp_path, offset, value)
    with pytest.raises(BundleError) as refused:
        services.sync.import_bundle(bundle, trust_new=True)
    assert refused.value.check in {"container", "manifest"}


def test_an_import_refused_in_its_transaction_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from golive_desk.domain.errors import BundleError
    from golive_desk.services.sync import SyncService
    from tests.integration.sync_support import make_node

    laptop = make_node(tmp_path, "张力", "ZL")
    office = make_node(tmp_path, "周建国", "ZJG", office=True)
    laptop.services.projects.add_project("HX", "华星 ERP 上线", "华星电子", "2026-11-20")
    issue, _ = laptop.services.issues.create("HX", {"title": "凭证无法反审核"})
    laptop.services.issues.attach_bytes(issue.number, "截图.png", os.urandom(5000))
    bundle = laptop.sync.export_bundle(tmp_path / "work.zip", full=True).file

    def refuse(*_args: object) -> None:
        raise BundleError("lamport", "refused inside the transaction")

    monkeypatch.setattr(SyncService, "_apply", refuse)
    with pytest.raises(BundleError):
        office.sync.import_bundle(bundle, trust_new=True)
    monkeypatch.undo()
    blob_dir = BlobStore(office.services.store.blob_dir)
    assert blob_dir.all_blobs() == {}
    assert blob_dir.stray_files() == []
    office.sync.import_bundle(bundle, trust_new=True)
    assert len(blob_dir.all_blobs()) == 1
    assert blob_dir.stray_files() == []
    laptop.close()
    office.close()


def test_doctor_removes_files_no_op_names(services: Services) -> None:
    from golive_desk.services import store_admin

    blob_dir = BlobStore(services.store.blob_dir)
    orphan = blob_dir.put_bytes(b"left by an older version")
    (blob_dir.root / "ab").mkdir(exist_ok=True)
    (blob_dir.root / "ab" / ".incoming-old").write_bytes(b"half")
    os.utime(blob_dir.root / "ab" / ".incoming-old", (0, 0))
    report = store_admin.doctor(services.store)
    assert (report.blobs_removed, report.leftovers_removed) == (1, 1)
    assert not blob_dir.has(orphan.sha256)
    assert blob_dir.stray_files() == []
