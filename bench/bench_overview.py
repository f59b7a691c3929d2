"""The overview of 100k issues beside the bare aggregate queries it needs; the SLA clocks
of 100k issues beside the bare query plus a plain Python loop over the rows.

- first paint: from ``OverviewPage.set_project`` to the dashboard's figures
  painted (``figures_shown``; the SLA tiles still say "…"), against the bare
  aggregate queries (the same GROUP BYs, closed-per-day included, in sqlite3);
- the SLA tiles filled (``sla_shown``: the second runner task) for reference;
- ``OverviewService.figures`` and ``summary`` (what ``project summary`` runs).

    uv run python -m bench overview
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import datetime
from functools import partial
from pathlib import Path

from bench.bench_issues import LARGE, Row, _median_ms, make_large_store
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.domain.working_time import STANDARD_HOURS, working_seconds_between
from golive_desk.services.container import Services

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
    f"SELECT substr(coalesce(reported_at, created_at), 1, 10), count(*) FROM issues "
    f"WHERE {_LIVE} GROUP BY 1",
    # closed per day: each closed issue's last move out of the open statuses
    "SELECT substr(coalesce(m.at, i.reported_at, i.created_at), 1, 10), count(*) "
    "FROM issues i LEFT JOIN (SELECT t.issue_id AS issue_id, max(t.at) AS at "
    "FROM timeline_entries t JOIN issues i2 ON i2.id = t.issue_id "
    f"WHERE i2.project_id = ?1 AND i2.deleted = 0 AND i2.status NOT IN {_OPEN} "
    f"AND t.deleted = 0 AND t.kind = 'status_change' AND t.to_status NOT IN {_OPEN} "
    "GROUP BY t.issue_id) m ON m.issue_id = i.id "
    f"WHERE i.project_id = ?1 AND i.deleted = 0 AND i.status NOT IN {_OPEN} GROUP BY 1",
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


def _page_times(services: Services, runs: int = 5) -> tuple[float, float]:
    """(first paint, SLA tiles filled) in ms: the Overview page opening on the project."""
    from PySide6.QtWidgets import QApplication

    from bench.bench_register import _context, _dispose, _wait
    from golive_desk.app import make_qt_app
    from golive_desk.ui.overview.page import OverviewPage
    from golive_desk.ui.task_runner import TaskRunner

    make_qt_app(["bench"])
    project = services.projects.get("HX")
    runner = TaskRunner()
    first: list[float] = []
    full: list[float] = []
    with tempfile.TemporaryDirectory(prefix="golive-bench-ui-") as tmp:
        ctx = _context(services, runner, Path(tmp))
        for _ in range(runs):
            page = OverviewPage(ctx)  # type: ignore[arg-type]
            page.resize(1400, 900)
            page.show()
            QApplication.processEvents()
            start = time.perf_counter()
            page.set_project(project)
            _wait(page.figures_shown)
            page.repaint()
            first.append((time.perf_counter() - start) * 1000)
            _wait(page.sla_shown)
            page.repaint()
            full.append((time.perf_counter() - start) * 1000)
            runner.wait()
            _dispose(page)
    return statistics.median(first), statistics.median(full)


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="golive-bench-") as tmp:
        services = make_large_store(Path(tmp) / "large.db", LARGE)
        project = services.projects.get("HX")
        raw = sqlite3.connect(services.store.path)
        now = datetime(2026, 12, 1, 10, 0)
        summary = services.overview.summary("HX", now)
        assert summary.total == LARGE
        bare_ms = _median_ms(partial(_aggregates, raw, project.id), 5)
        figures_ms = _median_ms(partial(services.overview.figures, "HX", now), 5)
        paint_ms, sla_paint_ms = _page_times(services)
        overview_ms = _median_ms(partial(services.overview.summary, "HX", now), 5)
        clocks_ms = _median_ms(partial(services.sla.clocks, "HX", now), 5)
        loop_ms = _median_ms(partial(_bare_clocks, raw, project.id, now), 5)
        raw.close()
        services.close()
    return [
        (f"overview of {LARGE} issues: first paint (page)", paint_ms,
         "bare aggregate queries", bare_ms, "ms"),
        (f"overview of {LARGE} issues: figures (OverviewService.figures)", figures_ms,
         "bare aggregate queries", bare_ms, "ms"),
        (f"overview of {LARGE} issues: SLA tiles filled (page)", sla_paint_ms,
         "bare aggregate queries", bare_ms, "ms"),
        (f"overview of {LARGE} issues (summary, SLA included)", overview_ms,
         "bare aggregate queries", bare_ms, "ms"),
        (f"SLA clocks of {LARGE} issues (SlaService.clocks)", clocks_ms,
         "bare query + plain loop", loop_ms, "ms"),
    ]


if __name__ == "__main__":
    for name, value, base_name, base_value, unit in run():
        ratio = f"{value / base_value:5.2f}x" if base_value else ""
        print(f"{name:62} {value:9.2f} {unit:3} | {base_name:28} {base_value:9.2f} {unit} {ratio}")
