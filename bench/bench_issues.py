"""Issue benchmarks, each beside its baseline measured in the same run.

(a) Creating an issue through ``IssueService.create`` against a bare SQLAlchemy
    insert of the same row (each in its own write transaction), and the bare
    insert plus the op row, which is what the op log itself costs.
(b) Searching 100k issues for a Chinese 2- and 4-character substring through
    ``IssueService.list_ids`` against the bare SQL: a LIKE scan, and the exact
    FTS5 statement the search module runs, without sorting or filtering.

Run alone with ``uv run python bench/bench_issues.py``; ``bench/__main__.py``
calls :func:`run`. :func:`make_large_store` is reusable by other benchmarks.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, insert

from golive_desk.domain.ids import uuid7
from golive_desk.domain.issues import IssueQuery
from golive_desk.domain.ops import Op
from golive_desk.services.container import Services
from golive_desk.services.demo_issue_texts import CONTEXT, TEMPLATES
from golive_desk.services.store_admin import init_store
from golive_desk.storage import oplog, projector, queries
from golive_desk.storage.search import fts_phrase
from golive_desk.storage.tables import issues, ops

Row = tuple[str, float, str, float, str]
LARGE = 100_000
SHORT_QUERY = "反审"  # 2 characters
LONG_QUERY = "入库单价"  # 4 characters


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _new_store(folder: Path, name: str) -> Services:
    path = folder / name
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02", "2026-11-30")
    return services


def _values(n: int) -> dict[str, object]:
    template = TEMPLATES[n % len(TEMPLATES)]
    return {"title": template[2], "description": template[3].format(
        ctx=CONTEXT[template[0]][0], who="刘芳", doc=f"DOC{n:06d}"),
        "module": template[0], "function": template[1], "category": template[7],
        "severity": template[8], "reporter": "刘芳", "reporter_dept": "财务部",
        "reported_at": "2026-11-03T09:30", "assignee": "张力"}


def bench_create(folder: Path, count: int = 200) -> list[Row]:
    services = _new_store(folder, "create.db")
    store = services.store
    counter = iter(range(10**6))
    service_ms = _median_ms(lambda: services.issues.create("HX", _values(next(counter))), count)
    sample = services.issues.get_by_id(services.issues.list_ids(IssueQuery())[0], full=False)
    with store.read() as conn:
        project = queries.project_by_code(conn, "HX")
    assert project is not None

    def row() -> dict[str, object]:
        n = next(counter)
        return {"id": uuid7(), "created_op": f"{n:064x}", "created_at": sample.created_at,
                "created_by": "张力", "updated_at": sample.created_at, "deleted": False,
                "project_id": project.id, "number": f"HX-ZL-B{n:05d}", "status": "new",
                "category": "other", "severity": "medium", "mode": "onsite", "expected_by": None,
                "confirmed_at": None, "maintenance_note": False, "cause": "", "proposal": "",
                "resolution": "", "result": "", "confirmed_by": "", "reported_at":
                "2026-11-03T09:30", **{k: v for k, v in _values(n).items() if k != "reported_at"}}

    def bare() -> None:
        with store.write() as conn:
            conn.execute(insert(issues), row())

    def bare_with_op() -> None:
        values = row()
        with store.write() as conn:
            cursor = oplog.load_cursor(conn)
            op_id, op, body = oplog.make_op(
                cursor, entity="issue", entity_id=str(values["id"]), kind="create",
                value=values, prev=(project.created_op,))
            conn.execute(insert(ops), {"op_id": op_id, "node": op.node, "seq": op.seq,
                                       "lamport": op.lamport, "wall": op.wall,
                                       "entity": "issue", "entity_id": op.entity_id,
                                       "kind": "create", "field": None, "body": body})
            conn.execute(insert(issues), {**values, "created_op": op_id})
            oplog.save_cursor(conn, cursor)

    bare_ms = _median_ms(bare, count)
    with_op_ms = _median_ms(bare_with_op, count)
    services.close()
    return [
        ("issue create via IssueService", service_ms, "bare SQLAlchemy insert", bare_ms, "ms"),
        ("bare insert + op log row (the op log's own cost)", with_op_ms,
         "bare SQLAlchemy insert", bare_ms, "ms"),
    ]


NewRecord = tuple[str, str, dict[str, object], tuple[str, ...]]


def _large_items(project_id: str, project_op: str, count: int,
                 rng: random.Random) -> Iterator[NewRecord]:
    """What to create, in order: ``(entity, id, values, ops it depends on)``."""
    statuses = ("new", "in_progress", "escalated", "resolved", "closed", "closed")
    start = date(2026, 11, 2)
    for n in range(count):
        module, function, title, description, cause, _p, resolution, category, severity = \
            TEMPLATES[rng.randrange(len(TEMPLATES))]
        words = {"ctx": rng.choice(CONTEXT[module]), "who": "刘芳", "doc": f"DOC{n:06d}"}
        issue_id = uuid7()
        day = start + timedelta(days=rng.randrange(28))
        yield ("issue", issue_id, {
            "project_id": project_id, "number": f"HX-BN-{n + 1:06d}", "title": title,
            "description": description.format(**words), "module": module,
            "function": function, "category": category, "severity": severity,
            "status": rng.choice(statuses), "mode": "onsite", "reporter": "刘芳",
            "reporter_dept": "财务部",
            "reported_at": f"{day.isoformat()}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}",
            "expected_by": (day + timedelta(days=3)).isoformat(),
            "assignee": ("张力", "陈思远", "林晓")[n % 3], "cause": cause.format(**words),
            "proposal": "", "resolution": resolution.format(**words), "result": "",
            "confirmed_by": "", "confirmed_at": None, "maintenance_note": False,
        }, (project_op,))
        for text in ("已接手，现场查看问题。", f"已电话通知{words['who']}处理进展。"):
            yield ("timeline_entry", uuid7(), {
                "issue_id": issue_id, "kind": "note", "text": text, "channel": None,
                "whom": "", "at": f"{day.isoformat()}T18:00", "from_status": None,
                "to_status": None}, ())


def _write_batch(conn: Connection, batch: list[tuple[str, Op, str]]) -> None:
    """Log and project the ops of ``batch`` (the same projector every write uses)."""
    oplog.insert_ops(conn, batch)
    projector.project(conn, [(op_id, op) for op_id, op, _ in batch])
    batch.clear()


def make_large_store(path: Path, count: int = LARGE, seed: int = 11) -> Services:
    """A store with ``count`` issues (two timeline entries each), all written as ops."""
    services = _new_store(path.parent, path.name)
    with services.store.read() as conn:
        project = queries.project_by_code(conn, "HX")
    assert project is not None
    with services.store.write() as conn:
        cursor = oplog.load_cursor(conn)
        batch: list[tuple[str, Op, str]] = []
        for entity, entity_id, values, depends_on in _large_items(
                project.id, project.created_op, count, random.Random(seed)):
            batch.append(oplog.make_op(cursor, entity=entity, entity_id=entity_id,
                                       kind="create", value=values, prev=depends_on))
            if len(batch) == 5_000:
                _write_batch(conn, batch)
        _write_batch(conn, batch)
        oplog.save_cursor(conn, cursor)
    return services


_LIKE_SQL = "SELECT DISTINCT issue_id FROM issue_search WHERE body LIKE ?"
# What the register's search runs, written by hand: matching documents, live
# issues only, in the register's default order.
_SAME_SQL = ("SELECT i.id FROM issues i WHERE i.deleted = 0 AND i.id IN "
             "(SELECT s.issue_id FROM issue_search s WHERE s.doc IN "
             "(SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?)) "
             "ORDER BY i.reported_at DESC, i.number DESC, i.id")
_VOCAB_SQL = "SELECT term FROM issue_fts_vocab WHERE term >= ? AND term < ?"


def _fetch(conn: sqlite3.Connection, sql: str, arg: str) -> list[tuple[str]]:
    return conn.execute(sql, (arg,)).fetchall()


def _bare_search(conn: sqlite3.Connection, text: str) -> list[tuple[str]]:
    """The same search in bare SQL, including the vocabulary step for short text."""
    if len(text) >= 3:
        expression = fts_phrase(text)
    else:
        terms = conn.execute(_VOCAB_SQL, (text, text + "\U0010ffff")).fetchall()
        expression = " OR ".join(fts_phrase(t) for (t,) in terms)
    return _fetch(conn, _SAME_SQL, expression)


def bench_search(folder: Path, count: int = LARGE) -> list[Row]:
    start = time.perf_counter()
    services = make_large_store(folder / "large.db", count)
    build_s = time.perf_counter() - start
    rows: list[Row] = [(f"build {count} issues + {2 * count} timeline entries as ops",
                        build_s, "budget", 120.0, "s")]
    raw = sqlite3.connect(services.store.path)
    for text in (SHORT_QUERY, LONG_QUERY):
        query = IssueQuery(text=text)
        found = services.issues.list_ids(query)
        assert [r[0] for r in _bare_search(raw, text)] == found
        service_ms = _median_ms(partial(services.issues.list_ids, query), 21)
        same_ms = _median_ms(partial(_bare_search, raw, text), 21)
        like_ms = _median_ms(partial(_fetch, raw, _LIKE_SQL, f"%{text}%"), 5)
        label = f"search {len(text)}-char '{text}' ({len(found)} hits) via IssueService"
        rows.append((label, service_ms, "same search in bare SQL", same_ms, "ms"))
        rows.append((label, service_ms, "bare SQL LIKE scan", like_ms, "ms"))
    raw.close()
    services.close()
    return rows


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="golive-bench-") as tmp:
        folder = Path(tmp)
        return bench_create(folder) + bench_search(folder)


if __name__ == "__main__":
    for name, value, base_name, base_value, unit in run():
        ratio = f"{value / base_value:5.2f}x" if base_value else ""
        print(f"{name:62} {value:9.2f} {unit:3} | {base_name:28} {base_value:9.2f} {unit} {ratio}")
