"""What the fault drills share: a laptop and an office, a bundle of work, store checks."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.storage import oplog, projector
from golive_desk.storage.admin import referenced_blobs
from golive_desk.storage.blobs import BlobStore
from golive_desk.storage.engine import open_store


@dataclass(frozen=True)
class Scene:
    """An office store that has enrolled the laptop, and a bundle of the laptop's new work."""

    office: Path  # the template: copy it before each run
    laptop: Path
    bundle: Path
    ops: int  # ops the bundle carries
    blobs: int


def make_scene(folder: Path, *, issues: int = 40, files: int = 8,
               file_bytes: int = 64 * 1024, seed: int = 11) -> Scene:
    """A laptop with a project, sends it to the office, then does more work with files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    office, laptop = folder / "office.db", folder / "laptop.db"
    store_admin.init_store(office, "周建国", "ZJG", office=True)
    store_admin.init_store(laptop, "张力", "ZL")
    lap, off = Services.open(laptop), Services.open(office)
    try:
        lap.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                 "2026-11-02")
        first = folder / "first.zip"
        lap.sync.export_bundle(first, full=True)
        off.sync.import_bundle(first, trust_new=True)
        back = folder / "back.zip"
        off.sync.export_bundle(back, full=True)
        lap.sync.import_bundle(back, trust_new=True)
        numbers = []
        for n in range(issues):
            issue, _ = lap.issues.create("HX", {"title": f"第 {n} 个问题：凭证审核后无法反审核",
                                                "description": "客户反馈" * rng.randint(1, 40),
                                                "severity": rng.choice(["low", "high"])})
            numbers.append(issue.number)
        for n in range(files):
            lap.issues.attach_bytes(rng.choice(numbers), f"截图{n}.png",
                                    rng.randbytes(file_bytes))
        for number in numbers[: issues // 2]:
            lap.issues.add_entry(number, "note", "已电话联系客户")
        bundle = folder / "work.zip"
        result = lap.sync.export_bundle(bundle, peer="ZJG")
    finally:
        lap.close()
        off.close()
    return Scene(office, laptop, bundle, result.ops, result.blobs)


def copy_store(source: Path, target: Path) -> Path:
    """The store file and its blob folder (the template is closed: no WAL)."""
    for suffix in ("", "-wal", "-shm"):
        part = target.with_name(target.name + suffix)
        part.unlink(missing_ok=True)
    shutil.copy(source, target)
    blobs = source.with_name(source.name + ".blobs")
    target_blobs = target.with_name(target.name + ".blobs")
    shutil.rmtree(target_blobs, ignore_errors=True)
    if blobs.is_dir():
        shutil.copytree(blobs, target_blobs)
    return target


def blob_listing(path: Path) -> tuple[str, ...]:
    root = path.with_name(path.name + ".blobs")
    if not root.is_dir():
        return ()
    return tuple(sorted(str(p.relative_to(root)) for p in root.rglob("*")))


def file_state(path: Path) -> str:
    """SHA-256 of the store file, its WAL and its blob folder's names.

    An empty WAL is no WAL: SQLite removes it when the last connection closes.
    """
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = path.with_name(path.name + suffix)
        digest.update((part.read_bytes() if part.exists() else b"") or b"<none>")
    digest.update(repr(blob_listing(path)).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Health:
    integrity: str  # "ok" or SQLite's complaint
    ops: int
    rebuild_equal: bool
    stray: tuple[str, ...]  # temp files, staging folders, probes, blobs no op names
    missing_blobs: tuple[str, ...]  # named by an op, absent


def check_store(path: Path, scratch: Path) -> Health:
    """Open (which settles leftovers), then: integrity, rebuild = live, stray files."""
    store = open_store(path)
    try:
        with store.read() as tx:
            ops = oplog.op_count(tx)
            named = referenced_blobs(tx)
        live = store_admin.canonical_dump(store)
    finally:
        store.close()
    conn = sqlite3.connect(path)
    try:
        integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(5)"))
        copy = scratch / "rebuild.db"
        for suffix in ("", "-wal", "-shm"):
            copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        target = sqlite3.connect(copy)
        conn.backup(target)
        target.close()
    finally:
        conn.close()
    rebuilt = open_store(copy)
    try:
        with rebuilt.write() as tx:
            projector.rebuild(tx)
        equal = store_admin.canonical_dump(rebuilt) == live
    finally:
        rebuilt.close()
    blobs = BlobStore(path.with_name(path.name + ".blobs"))
    present = blobs.all_blobs()
    stray = [str(p.name) for p in blobs.stray_files()]
    stray += [sha for sha in present if sha not in named]
    stray += [p.name for p in path.parent.glob(f".{path.name}.*probe")]
    missing = tuple(sorted(sha for sha in named if sha not in present))
    return Health(integrity, ops, equal, tuple(sorted(stray)), missing)


def child_env(tmp: Path) -> dict[str, str]:
    """A killed child cannot clean its temp files: keep them in ``tmp``."""
    import sys

    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p),
                TMPDIR=str(tmp))
