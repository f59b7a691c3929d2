"""The project overview (the hypercare dashboard): every figure in one read.

The figures come from a handful of aggregate queries
(``storage/overview_queries.py``, index-only scans over ``ix_issues_overview``)
and the SLA clocks (``services/sla.py``). The clocks cost ten times the
aggregates at 100k issues, so the page asks for them apart: :meth:`figures`
first (painted at once), then :meth:`sla_figures`. ``project summary``
calls :meth:`summary`: both in one read transaction, so they agree with each
other. ``project summary --json`` prints :meth:`ProjectSummary.to_json`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.issues import OPEN_STATUSES, Category, Severity
from golive_desk.domain.models import Project
from golive_desk.domain.sla import PAUSE_STATUSES, SlaState
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.services.sla import SlaService
from golive_desk.storage import overview_queries as q
from golive_desk.storage import queries
from golive_desk.storage.engine import Store, Tx

KEY_USERS_SHOWN = 8


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: date
    opened: int
    closed: int
    open: int  # the backlog at the end of the day


@dataclass(frozen=True, slots=True)
class SlaFigures:
    """The SLA part of the overview: breached and at-risk issues, years counted Mon–Fri."""

    breached: int
    breached_open: int
    at_risk: int
    unknown_years: tuple[int, ...]
    at_risk_percent: int


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    """What the Overview page shows (and ``project summary`` prints)."""

    project: Project
    today: date
    day: int                        # day N since go-live (go-live day is day 1; ≤ 0 before)
    month_end_close: date | None    # the next month-end close (last working day of a month)
    days_to_month_end: int | None
    total: int
    open: int
    open_by_severity: Mapping[Severity, int]
    overdue: int
    awaiting_confirmation: int
    by_category: Mapping[Category, int]
    by_module: Mapping[str, int]
    operation_errors: int
    operation_error_reporters: tuple[tuple[str, int], ...]
    trend: tuple[TrendPoint, ...]
    sla: SlaFigures | None = None  # None: not computed yet (the page's first paint)

    @property
    def sla_breached(self) -> int:
        return self.sla.breached if self.sla else 0

    @property
    def sla_breached_open(self) -> int:
        return self.sla.breached_open if self.sla else 0

    @property
    def sla_at_risk(self) -> int:
        return self.sla.at_risk if self.sla else 0

    @property
    def unknown_years(self) -> tuple[int, ...]:
        return self.sla.unknown_years if self.sla else ()

    @property
    def operation_error_share(self) -> float:
        return self.operation_errors / self.total if self.total else 0.0

    def to_json(self) -> dict[str, Any]:
        """The keys of ``project summary --json`` (../shared/docs/CLI.md), and a few more."""
        return {
            "project": self.project.code,
            "today": self.today.isoformat(),
            "go_live": self.project.go_live.isoformat(),
            "day": self.day,
            "month_end_close": self.month_end_close.isoformat() if self.month_end_close else None,
            "days_to_month_end": self.days_to_month_end,
            "total": self.total,
            "open": self.open,
            "open_by_severity": {s.value: self.open_by_severity.get(s, 0) for s in Severity},
            "overdue": self.overdue,
            "awaiting_confirmation": self.awaiting_confirmation,
            "sla": {"breached": self.sla_breached, "breached_open": self.sla_breached_open,
                    "at_risk": self.sla_at_risk, "unknown_years": list(self.unknown_years)},
            "by_category": {c.value: self.by_category.get(c, 0) for c in Category},
            "by_module": dict(self.by_module),
            "operation_error_share": round(self.operation_error_share, 4),
            "operation_errors": self.operation_errors,
            "operation_error_reporters": [{"reporter": name, "count": n}
                                          for name, n in self.operation_error_reporters],
            "trend": [{"date": p.day.isoformat(), "opened": p.opened, "closed": p.closed,
                       "open": p.open} for p in self.trend],
        }


class OverviewService:
    """The dashboard's figures for one project."""

    def __init__(self, store: Store, sla: SlaService, *,
                 now: Callable[[], datetime] = datetime.now) -> None:
        self._store = store
        self._sla = sla
        self._now = now

    def summary(self, project_code: str, now: datetime | None = None) -> ProjectSummary:
        """Every figure of the overview at ``now`` (default: the local time), SLA included.

        Raises:
            NotFoundError: no such project.
        """
        now = now or self._now()
        with self._store.read() as tx:
            summary = self._figures(tx, project_code, now)
            return replace(summary, sla=self._sla_figures(tx, summary.project, now))

    def figures(self, project_code: str, now: datetime | None = None) -> ProjectSummary:
        """The aggregate figures only (``sla`` is None): what the page paints first.

        Raises:
            NotFoundError: no such project.
        """
        with self._store.read() as tx:
            return self._figures(tx, project_code, now or self._now())

    def sla_figures(self, project_code: str, now: datetime | None = None) -> SlaFigures:
        """Breached and at-risk counts from every issue's clock (the page's second read).

        Raises:
            NotFoundError: no such project.
        """
        with self._store.read() as tx:
            return self._sla_figures(tx, _project(tx, project_code), now or self._now())

    def _sla_figures(self, tx: Tx, project: Project, now: datetime) -> SlaFigures:
        clocks = self._sla.clocks_in(tx, project, now)
        breached = [c for c in clocks.clocks if c.reading.state is SlaState.BREACHED]
        return SlaFigures(
            breached=len(breached),
            breached_open=sum(1 for c in breached if not c.reading.resolution.stopped),
            at_risk=clocks.count(SlaState.AT_RISK), unknown_years=clocks.unknown_years,
            at_risk_percent=clocks.policy.at_risk_percent)

    def _figures(self, tx: Tx, project_code: str, now: datetime) -> ProjectSummary:
        today = now.date()
        project = _project(tx, project_code)
        pid = project.id
        statuses = q.status_counts(tx, pid)
        severities = q.open_by_severity(tx, pid)
        overdue = q.overdue_count(tx, pid, today)
        categories = q.by_category(tx, pid)
        modules = q.by_module(tx, pid)
        reporters = q.operation_error_reporters(tx, pid)
        opened = q.opened_per_day(tx, pid)
        closed = q.closed_per_day(tx, pid)
        calendar = self._sla.calendar_in(tx)
        close = next_month_end_close(project, today, calendar)
        return ProjectSummary(
            project=project, today=today, day=(today - project.go_live).days + 1,
            month_end_close=close, days_to_month_end=(close - today).days if close else None,
            total=sum(statuses.values()),
            open=sum(n for s, n in statuses.items() if s in _OPEN),
            open_by_severity={s: severities.get(s.value, 0) for s in Severity},
            overdue=overdue,
            awaiting_confirmation=sum(statuses.get(s.value, 0) for s in PAUSE_STATUSES),
            by_category={c: categories.get(c.value, 0) for c in Category},
            by_module=dict(sorted(((m or "–", n) for m, n in modules.items()),
                                  key=lambda item: -item[1])),
            operation_errors=categories.get(Category.OPERATION_ERROR.value, 0),
            operation_error_reporters=tuple(sorted(
                ((name or "–", n) for name, n in reporters.items()),
                key=lambda item: (-item[1], item[0]))[:KEY_USERS_SHOWN]),
            trend=trend(opened, closed, project.go_live, today),
        )


def _project(tx: Tx, code: str) -> Project:
    project = queries.find_project(tx, code.strip().upper())
    if project is None:
        raise NotFoundError(f"no project {code}", code=code)
    return project


_OPEN = frozenset(s.value for s in OPEN_STATUSES)


def next_month_end_close(project: Project, today: date,
                         calendar: HolidayCalendar) -> date | None:
    """The next month-end close from today: the project's first close while it is ahead,
    then the last working day of this month (or of the next, once this one's is past)."""
    if project.month_end is not None and project.month_end >= today:
        return project.month_end
    close = calendar.month_end_close_day(today.year, today.month)
    if close < today:
        following = date(today.year + today.month // 12, today.month % 12 + 1, 1)
        close = calendar.month_end_close_day(following.year, following.month)
    return close


def trend(opened: Mapping[str, int], closed: Mapping[str, int], go_live: date,
          today: date) -> tuple[TrendPoint, ...]:
    """Per day from go-live to today: opened, closed and the backlog at the day's end.

    Issues reported before go-live count into go-live day's backlog.
    """
    if today < go_live:
        return ()
    start = go_live.isoformat()
    backlog = sum(n for d, n in opened.items() if d < start) - sum(
        n for d, n in closed.items() if d < start)
    points = []
    day = go_live
    while day <= today:
        key = day.isoformat()
        o, c = opened.get(key, 0), closed.get(key, 0)
        backlog += o - c
        points.append(TrendPoint(day, o, c, backlog))
        day += timedelta(days=1)
    return tuple(points)

