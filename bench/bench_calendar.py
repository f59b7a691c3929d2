"""Support calendar: ICS import of 10,000 events beside the raw insert of the same ops.

The import is timed from ``preview_ics`` (reading and parsing the file — a
plain one by the line reader, others by icalendar —, checking every event,
deciding each milestone) through ``apply_ics`` (one unit of work: 10,000
``create`` ops made, inserted and projected into ``milestones``, then committed
and the connection closed; the preview's values are not checked a second
time). The baseline is a raw ``sqlite3`` ``executemany`` of the op rows that
import wrote (same columns, values and order) into the ``ops`` table of a copy
of the same store, on a connection set up as the store's own (WAL,
``synchronous=NORMAL``, foreign keys on), through the commit. Runs alternate.

The baseline does less than any import must: no projection (10,000
``milestones`` rows with their foreign key and two indexes: ~27 ms of SQLite
inserts and ~10 ms more at the commit's checkpoint) and its connection is closed
after the clock stops (~5 ms for the store's, the last one open: SQLite
checkpoints and deletes the WAL file). Both commits checkpoint (each WAL is
past SQLite's 1,000-page mark: ~2,160 pages for the baseline, ~3,080 for the
import, whose checkpoint also copies the ``milestones`` pages); neither runs
one the other does not. It is kept as the target's yardstick all the same.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.__main__ import Row
from bench.baselines import raw_op_insert
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store


def _ics(path: Path, events: int) -> None:
    first = date(2027, 1, 1)
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}@customer\r\nSUMMARY:{'月底结账' if i % 3 else '例会'} {i}\r\n"
        f"DTSTART;VALUE=DATE:{(first + timedelta(days=i)).strftime('%Y%m%d')}\r\n"
        f"DTEND;VALUE=DATE:{(first + timedelta(days=i + 1)).strftime('%Y%m%d')}\r\n"
        f"END:VEVENT\r\n" for i in range(events))
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//ZH\r\n{body}"
                    "END:VCALENDAR\r\n", encoding="utf-8")


def bench_ics_import(root: Path, events: int = 10_000, runs: int = 3) -> list[Row]:
    template = root / "template.db"
    init_store(template, "张力", "ZL")
    services = Services.open(template)
    try:
        services.projects.add_project("HX", "华星电子 ERP", "杭州华星电子", "2026-11-02")
    finally:
        services.close()
    ics = root / "10k.ics"
    _ics(ics, events)
    imports: list[float] = []
    inserts: list[float] = []
    for run in range(runs):
        target = root / f"target{run}.db"
        shutil.copy(template, target)
        services = Services.open(target)
        try:
            start = time.perf_counter()
            preview = services.calendar.preview_ics(ics, "HX")
            services.calendar.apply_ics(preview)
            imports.append(time.perf_counter() - start)
            assert len(preview.milestones) == events
        finally:
            services.close()
        raw = sqlite3.connect(target)
        rows = raw.execute("SELECT op_id, node, seq, lamport, wall, entity, entity_id, kind, "
                           "field, body FROM ops WHERE entity = 'milestone' ORDER BY seq"
                           ).fetchall()
        raw.close()
        inserts.append(raw_op_insert(template, root / f"baseline{run}.db", rows))
    return [(f"ICS import of {events:,} events (preview + apply)", statistics.median(imports),
             "sqlite3 executemany of the same op rows", statistics.median(inserts), "s")]


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="golive-bench-calendar-") as scratch:
        return bench_ics_import(Path(scratch))
