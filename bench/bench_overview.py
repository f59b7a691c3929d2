"""The overview of 100k issues beside the bare aggregate queries it needs; the SLA clocks
of 100k issues beside the bare query plus a plain Python loop over the rows.

    uv run python -m bench overview
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import datetime
from functools import partial
from pathlib import Path

from bench.bench_issues import LARGE, Row, _median_ms, make_large_store
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.domain.working_time import STANDARD_HOURS, working_seconds_between

_OPEN = "('new','in_progress','escalated','branch_tested','applied_on_site')"
_LIVE = "project_id = ? AND deleted = 0"
_AGGREGATES = (
    f"SELECT status, count(*) FROM issues WHERE {_LIVE} GROUP BY status",
    f"SELECT severity, count(*) FROM issues WHERE {_LIVE} AND status IN {_OPEN} GROUP BY severity",
    f"SELECT count(*) FROM issues WHERE {_LIVE} AND status IN {_OPEN} "
    "AND expected_by < '2026-12-01'",
    f"SELECT category, count(*) FROM issues WHERE {_LIVE} GROUP BY category",
    f"SELECT module, count(*) FROM issues WHERE {_LIVE} GROUP BY module",
    f"SELECT reporter, count(*) FROM issues WHERE {_LIVE} AND category = 'operation_error' "
    "GROUP BY reporter",
    f"SELECT substr(reported_at, 1, 10), count(*) FROM issues WHERE {_LIVE} GROUP BY 1",
)
_CLOCK_SQL = ("SELECT id, number, severity, status, reported_at, created_at FROM issues "
              f"WHERE {_LIVE}")
_CHANGES_SQL = ("SELECT t.issue_id, t.at, t.to_status FROM timeline_entries t JOIN issues i "
                "ON i.id = t.issue_id WHERE i.project_id = ? AND i.deleted = 0 "
                "AND t.deleted = 0 AND t.kind = 'status_change' ORDER BY t.issue_id, t.at")
_FIRST_SQL = ("SELECT t.issue_id, min(t.at) FROM timeline_entries t JOIN issues i "
              "ON i.id = t.issue_id WHERE i.project_id = ? AND i.deleted = 0 "
              "AND t.deleted = 0 GROUP BY t.issue_id")


def _aggregates(conn: sqlite3.Connection, project_id: str) -> None:
    for sql in _AGGREGATES:
        conn.execute(sql, (project_id,)).fetchall()


def _bare_clocks(conn: sqlite3.Connection, project_id: str, now: datetime) -> int:
    """The same reads, and the least a clock needs: working time since the report."""
    calendar = HolidayCalendar()
    conn.execute(_CHANGES_SQL, (project_id,)).fetchall()
    conn.execute(_FIRST_SQL, (project_id,)).fetchall()
    total = 0
    for _id, _number, _severity, _status, reported_at, created_at in conn.execute(
            _CLOCK_SQL, (project_id,)):
        reported = datetime.fromisoformat(reported_at or created_at[:16])
        total += working_seconds_between(reported, now, STANDARD_HOURS, calendar)
    return total


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="golive-bench-") as tmp:
        services = make_large_store(Path(tmp) / "large.db", LARGE)
        project = services.projects.get("HX")
        raw = sqlite3.connect(services.store.path)
        now = datetime(2026, 12, 1, 10, 0)
        summary = services.overview.summary("HX", now)
        assert summary.total == LARGE
        overview_ms = _median_ms(partial(services.overview.summary, "HX", now), 5)
        bare_ms = _median_ms(partial(_aggregates, raw, project.id), 5)
        clocks_ms = _median_ms(partial(services.sla.clocks, "HX", now), 5)
        loop_ms = _median_ms(partial(_bare_clocks, raw, project.id, now), 5)
        no_sla_ms = overview_ms - clocks_ms
        raw.close()
        services.close()
    return [
        (f"overview of {LARGE} issues (summary, SLA included)", overview_ms,
         "bare aggregate queries", bare_ms, "ms"),
        (f"overview of {LARGE} issues without the SLA clocks", no_sla_ms,
         "bare aggregate queries", bare_ms, "ms"),
        (f"SLA clocks of {LARGE} issues (SlaService.clocks)", clocks_ms,
         "bare query + plain loop", loop_ms, "ms"),
    ]


if __name__ == "__main__":
    for name, value, base_name, base_value, unit in run():
        ratio = f"{value / base_value:5.2f}x" if base_value else ""
        print(f"{name:62} {value:9.2f} {unit:3} | {base_name:28} {base_value:9.2f} {unit} {ratio}")
