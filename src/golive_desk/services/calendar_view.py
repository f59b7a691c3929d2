"""What a calendar view shows, read in one transaction; the reads the service shares.

Switching months on the Calendar page was fourteen reads, each opening its own
connection (about 0.6 ms each before any query ran); :func:`read_view` makes
them one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from golive_desk.domain.models import Person, Project
from golive_desk.domain.support_calendar import (
    DEFAULT_ONSITE_DAYS,
    CoverageWarning,
    Milestone,
    MilestoneKind,
    ProjectDates,
    Slot,
    coverage_warnings,
)
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.services.sla import SlaService
from golive_desk.storage import calendar_queries, queries
from golive_desk.storage.engine import Tx


@dataclass(frozen=True, slots=True)
class CalendarView:
    """The schedule of ``start``..``end`` as a view shows it.

    ``slots`` are the shown project's (every project's when none is shown, or
    for the team view) and the shown person's, with their versions (none for
    the team view, which moves nothing);
    ``warnings`` are every project's (the team view marks every double
    booking); ``milestones`` and ``issues`` (reported per day) the shown
    projects'; ``members`` each project's people (code -> members).
    """

    projects: tuple[Project, ...]
    members: Mapping[str, tuple[Person, ...]]
    slots: tuple[Slot, ...]
    warnings: tuple[CoverageWarning, ...]
    milestones: tuple[Milestone, ...]
    issues: Mapping[date, int]
    holidays: HolidayCalendar


def read_view(tx: Tx, project: Project | None, person_id: str | None, start: date, end: date,
              *, every_project: bool = False) -> CalendarView:
    """Everything a month, week or team view of ``start``..``end`` draws (one read)."""
    projects = tuple(queries.list_projects(tx))
    members = {p.code: tuple(queries.people_of(tx, p.id)) for p in projects}
    project_id = None if every_project or project is None else project.id
    # The shown slots with the versions a move passes back (the team view moves
    # nothing: none); the rules read every slot.
    slots = tuple(calendar_queries.slots_between(tx, start, end, project_id=project_id,
                                                 person_id=person_id,
                                                 versions=not every_project))
    everything = list(slots) if project_id is None and person_id is None else \
        calendar_queries.slots_between(tx, start, end, versions=False)
    holidays = SlaService.calendar_in(tx)
    dates = project_dates(tx, projects)
    warnings = tuple(coverage_warnings(dates, everything, holidays, start, end))
    shown = [p for p in projects if project is None or p.id == project.id]
    stones = sorted((m for d in dates if any(p.id == d.project_id for p in shown)
                     for m in d.milestones if start <= m.day <= end), key=lambda m: m.day)
    issues: dict[date, int] = {}
    for p in shown:
        for day, n in calendar_queries.issues_per_day(tx, p.id, start, end).items():
            issues[day] = issues.get(day, 0) + n
    return CalendarView(projects, members, slots, warnings, tuple(stones), issues, holidays)


def milestones_of(tx: Tx, project: Project) -> list[Milestone]:
    """The project's milestones by day: go-live and the first month-end close (the
    project's own fields, with ``derived:`` ids) and the milestone records."""
    derived = [Milestone(f"derived:{project.id}:go_live", project.id, project.code,
                         MilestoneKind.GO_LIVE, project.go_live)]
    if project.month_end is not None:
        derived.append(Milestone(f"derived:{project.id}:month_end_close", project.id,
                                 project.code, MilestoneKind.MONTH_END_CLOSE, project.month_end))
    stored = calendar_queries.milestones_of(tx, [project.id])
    shown = {(m.kind, m.day) for m in derived}
    both = [*derived, *(m for m in stored if (m.kind, m.day) not in shown)]
    return sorted(both, key=lambda m: (m.day, m.kind.value, m.id))


def project_dates(tx: Tx, projects: Iterable[Project]) -> list[ProjectDates]:
    """What the coverage rules and the plan need of each project."""
    chosen = list(projects)
    ns = calendar_queries.onsite_days(tx, [p.id for p in chosen])
    found = []
    for p in chosen:
        n = ns.get(p.id)
        found.append(ProjectDates(p.id, p.code, p.go_live,
                                  DEFAULT_ONSITE_DAYS if n is None else n,
                                  tuple(milestones_of(tx, p))))
    return found
