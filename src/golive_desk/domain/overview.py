"""The project overview (the hypercare dashboard): its figures, from a handful of counts.

Storage counts (``storage/plain_reads.py``: one ``GROUP BY`` each); this
module turns the counts into what the page shows and ``project summary``
prints: the day since go-live, the next month-end close on the working-day
calendar, the backlog per day. The SLA part is counted apart (the clocks cost
ten times the counts) and joins later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from golive_desk.domain.issue_kinds import OPEN_STATUSES, PAUSE_STATUSES, Category, Severity
from golive_desk.domain.models import Project
from golive_desk.domain.workdays import HolidayCalendar

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


@dataclass(frozen=True, slots=True)
class OverviewCounts:
    """The counts the overview is made of (keys as stored: "" for none)."""

    statuses: Mapping[str, int]
    open_severities: Mapping[str, int]
    overdue: int
    categories: Mapping[str, int]
    modules: Mapping[str, int]
    operation_error_reporters: Mapping[str, int]
    opened_per_day: Mapping[str, int]
    closed_per_day: Mapping[str, int]


_OPEN = frozenset(s.value for s in OPEN_STATUSES)


def summarize(project: Project, today: date, counts: OverviewCounts,
              calendar: HolidayCalendar) -> ProjectSummary:
    """The overview of ``project`` on ``today`` from its counts (``sla`` is None)."""
    statuses, categories = counts.statuses, counts.categories
    close = next_month_end_close(project, today, calendar)
    return ProjectSummary(
        project=project, today=today, day=(today - project.go_live).days + 1,
        month_end_close=close, days_to_month_end=(close - today).days if close else None,
        total=sum(statuses.values()),
        open=sum(n for s, n in statuses.items() if s in _OPEN),
        open_by_severity={s: counts.open_severities.get(s.value, 0) for s in Severity},
        overdue=counts.overdue,
        awaiting_confirmation=sum(statuses.get(s.value, 0) for s in PAUSE_STATUSES),
        by_category={c: categories.get(c.value, 0) for c in Category},
        by_module=dict(sorted(((m or "–", n) for m, n in counts.modules.items()),
                              key=lambda item: -item[1])),
        operation_errors=categories.get(Category.OPERATION_ERROR.value, 0),
        operation_error_reporters=tuple(sorted(
            ((name or "–", n) for name, n in counts.operation_error_reporters.items()),
            key=lambda item: (-item[1], item[0]))[:KEY_USERS_SHOWN]),
        trend=trend(counts.opened_per_day, counts.closed_per_day, project.go_live, today),
    )


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

