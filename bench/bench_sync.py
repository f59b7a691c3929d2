"""Sync bundles: import speed, incremental export, verification throughput.

- import of a 10,000-op bundle (full check + one transaction) beside a raw
  ``sqlite3`` ``executemany`` of the same op rows into an identical store
  (medians; see :func:`bench_import` for what each includes);
- export for a peer after 10 edits on a store of 100,000 ops (time and size)
  beside a full export of the same store;
- verification of a 50 MB bundle with attachments, in MB/s, beside
  ``sha256sum`` of the same file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench.baselines import raw_op_insert
from golive_desk.domain.ids import uuid7
from golive_desk.domain.ops import Op
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.storage import oplog, projector
from golive_desk.storage.engine import Store
from golive_desk.storage.unit_of_work import unit_of_work

Row = tuple[str, float, str, float, str]

_PHONES = 10_000


def craft_history(store: Store, total_ops: int, *, people: int = 40) -> None:
    """Append ``total_ops`` ops (a project, people, then edits) in one transaction.

    The ops are real: hashed, chained, Lamport-clocked, with ``prev`` naming the
    versions they replace, projected by the same batch projector imports use.
    """
    with store.write() as conn:
        cursor = oplog.load_cursor(conn)
        rows: list[tuple[str, Op, str]] = []
        heads: dict[tuple[str, str], str] = {}

        def add(entity: str, entity_id: str, kind: str, field: str | None, value: object,
                prev: tuple[str, ...]) -> str:
            op_id, op, body = oplog.make_op(cursor, entity=entity, entity_id=entity_id,
                                            kind=kind, field=field, value=value, prev=prev)
            rows.append((op_id, op, body))
            return op_id

        project_id = uuid7()
        project_op = add("project", project_id, "create", None, {
            "code": "BX", "name": "基准项目", "customer": "基准客户", "go_live": "2026-11-02",
            "month_end": None, "vendor_pm": None, "customer_pm": None,
            "status": "live_support"}, ())
        person_ids: list[tuple[str, str]] = []
        for i in range(people):
            person_id = uuid7()
            created = add("person", person_id, "create", None, {
                "project_id": project_id, "name": f"用户{i:03d}", "initials": "",
                "role": "end_user", "side": "customer", "phone": "", "email": "",
                "department": "财务部"}, (project_op,))
            person_ids.append((person_id, created))
        for i in range(total_ops - len(rows)):
            person_id, created = person_ids[i % len(person_ids)]
            prev = heads.get((person_id, "phone"), created)
            heads[(person_id, "phone")] = add("person", person_id, "set", "phone",
                                              f"0571-8623 {i % _PHONES:04d}", (prev,))
        oplog.insert_ops(conn, rows)
        projector.project(conn, [(op_id, op) for op_id, op, _ in rows])
        oplog.save_cursor(conn, cursor)


def _timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _fresh(path: Path, name: str, initials: str) -> Path:
    init_store(path, name, initials)
    return path


def bench_import(root: Path, ops: int = 10_000, runs: int = 5) -> list[Row]:
    """Median of ``runs`` imports beside the median of as many baseline inserts.

    The import is timed from ``import_bundle`` being called to its return: reading
    and checking the bundle (manifest signature, every hash, chain and head
    signature, trust), the one write transaction (ops, projections, peer state,
    import log) and its commit, and closing its connections.

    The baseline is a raw ``sqlite3`` ``executemany`` of the same op rows (the
    same ten columns, values and order the import writes) into the ``ops`` table
    of a copy of the same empty store, so the same table with the same indexes,
    on a connection set up as the store's own (WAL, ``synchronous=NORMAL``,
    foreign keys on); timed from the ``executemany`` through the ``commit``. It
    leaves out everything the import must do besides (reading, parsing, hashing,
    checking, projecting) and closing the connection (a final WAL checkpoint,
    which the import pays). Runs alternate so that load from other processes
    falls on both alike.
    """
    source = _fresh(root / "source.db", "张力", "ZL")
    services = Services.open(source)
    try:
        craft_history(services.store, ops)
        bundle = services.sync.export_bundle(root / "10k.bundle", full=True).file
    finally:
        services.close()
    raw = sqlite3.connect(source)
    # The import applies in causal order (Lamport clock, then node, then seq).
    rows = raw.execute("SELECT op_id, node, seq, lamport, wall, entity, entity_id, kind, field, "
                       "body FROM ops ORDER BY lamport, node, seq").fetchall()
    raw.close()
    template = _fresh(root / "template.db", "陈思远", "CSY")
    imports: list[float] = []
    inserts: list[float] = []
    for run in range(runs):
        target = root / f"target{run}.db"
        shutil.copy(template, target)
        services = Services.open(target)
        try:
            start = time.perf_counter()
            report = services.sync.import_bundle(bundle, trust_new=True)
            imports.append(time.perf_counter() - start)
            assert report.applied == ops, report
        finally:
            services.close()
        inserts.append(raw_op_insert(template, root / f"baseline{run}.db", rows))
    return [(f"import bundle of {ops:,} ops (check + apply)", statistics.median(imports) * 1000,
             "sqlite3 executemany of the same rows", statistics.median(inserts) * 1000, "ms")]


def bench_export(root: Path, ops: int = 100_000, edits: int = 10) -> list[Row]:
    laptop = _fresh(root / "laptop.db", "张力", "ZL")
    office = _fresh(root / "office.db", "周建国", "ZJG")
    lap, off = Services.open(laptop), Services.open(office)
    try:
        craft_history(lap.store, ops)
        full_time = _timed(lambda: lap.sync.export_bundle(root / "full.bundle", full=True))
        full_size = (root / "full.bundle").stat().st_size
        off.sync.import_bundle(root / "full.bundle", trust_new=True)
        off.sync.export_bundle(root / "ack.bundle", peer="ZL")
        lap.sync.import_bundle(root / "ack.bundle", trust_new=True)
        people = lap.projects.people("BX")
        with unit_of_work(lap.store) as uow:
            for i in range(edits):
                uow.set("person", people[i].id, "email", f"user{i}@example.cn")
        times = []
        for run in range(3):
            target = root / f"incremental{run}.bundle"
            times.append(_timed(partial(lap.sync.export_bundle, target, peer="ZJG")))
        size = (root / "incremental0.bundle").stat().st_size
    finally:
        lap.close()
        off.close()
    return [
        (f"export for a peer after {edits} edits ({ops:,}-op store)", min(times) * 1000,
         "full export of the same store", full_time * 1000, "ms"),
        (f"bundle size after {edits} edits", size / 1024, "full bundle size",
         full_size / 1024, "KiB"),
    ]


def bench_verify(root: Path, megabytes: int = 50, files: int = 10) -> list[Row]:
    source = _fresh(root / "attach.db", "张力", "ZL")
    receiver = _fresh(root / "receiver.db", "林晓", "LX")
    services = Services.open(source)
    try:
        services.projects.add_project("HX", "华星电子", "杭州华星电子有限公司", "2026-11-02")
        issue, _ = services.issues.create("HX", {"title": "月结凭证打印不全"})
        per_file = megabytes * 1024 * 1024 // files
        for i in range(files):
            path = root / f"scan{i}.bin"
            path.write_bytes(os.urandom(per_file))
            services.issues.attach_file(issue.number, path)
        bundle = services.sync.export_bundle(root / "attachments.bundle", full=True).file
    finally:
        services.close()
    size_mb = bundle.stat().st_size / 1e6
    check = Services.open(receiver)
    try:
        verify = min(_timed(lambda: check.sync.verify_bundle(bundle)) for _ in range(3))
    finally:
        check.close()
    sha = min(_timed(lambda: subprocess.run(["sha256sum", str(bundle)], check=True,
                                            capture_output=True)) for _ in range(3))
    return [(f"verify a {size_mb:.0f} MB bundle with attachments", size_mb / verify,
             "sha256sum of the same file", size_mb / sha, "MB/s")]


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="golive-bench-sync-") as scratch:
        root = Path(scratch)
        for bench in (bench_import, bench_export, bench_verify):
            folder = root / bench.__name__
            folder.mkdir()
            rows += bench(folder)
    return rows

