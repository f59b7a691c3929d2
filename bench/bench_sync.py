"""Sync bundles: import speed, incremental export, verification throughput.

- import of a 10,000-op bundle (full check + one transaction) beside a raw
  ``sqlite3`` ``executemany`` of the same op rows into an identical store;
- export for a peer after 10 edits on a store of 100,000 ops (time and size)
  beside a full export of the same store;
- verification of a 50 MB bundle with attachments, in MB/s, beside
  ``sha256sum`` of the same file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from golive_desk.domain.ids import uuid7
from golive_desk.domain.ops import Op
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.storage import batch_projector, oplog
from golive_desk.storage.blobs import BlobStore
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
            cursor.lamport += 1
            cursor.last_seq += 1
            op = Op(node=cursor.node_id, seq=cursor.last_seq, lamport=cursor.lamport,
                    wall=oplog.utc_now(), author=cursor.author, entity=entity,
                    entity_id=entity_id, kind=kind, field=field, value=value,
                    prev=tuple(sorted(prev)), chain=cursor.last_op)
            body = op.body()
            op_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
            cursor.last_op = op_id
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
        batch_projector.insert_ops(conn, rows)
        batch_projector.apply_many(conn, [(op_id, op) for op_id, op, _ in rows])
        oplog.save_cursor(conn, cursor)


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def bench_import(root: Path) -> list[Row]:
    source = root / "source.db"
    init_store(source, "张力", "ZL")
    with Services.open(source) as_source_services if False else _open(source) as sender:
        pass
    return []
