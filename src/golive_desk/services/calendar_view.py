"""What a calendar view shows, read in one transaction; the reads the service shares.

Switching months on the Calendar page was fourteen reads, each opening its own
connection (about 0.6 ms each before any query ran); :func:`read_view` makes
them one. What does not change with the month (projects, their people, dates
and milestones, the holidays) is a :class:`CalendarBasis` the page keeps until
a change touches it, so a month switch reads only that month's slots and issues.
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

# What a basis is read from: a change to one of these kinds makes it stale.
BASIS_ENTITIES = frozenset({"project", "person", "membership", "milestone", "holiday_year"})


@dataclass(frozen=True, slots=True)
class CalendarBasis:
    """What every view draws whatever its month: live projects, each project's
    people (code -> members), dates and milestones (:class:`ProjectDates`, in the
    projects' order) and the working-day calendar."""

    projects: tuple[Project, ...]
    members: Mapping[str, tuple[Person, ...]]
    dates: tuple[ProjectDates, ...]
    holidays: HolidayCalendar


@dataclass(frozen=True, slots=True)
class CalendarView:
    """The schedule of ``start``..``end`` as a view shows it.

    ``slots`` are the shown project's (every project's when none is shown, or
    for the team view) and the shown person's, with their versions (none for
    the team view, which moves nothing);
    ``warnings`` are the shown project's (every project's when none is shown, and
    for the team view, which marks every double booking); ``milestones`` and
    ``issues`` (reported per day) the shown projects'; ``basis`` what the view
    was drawn on (its projects, members and holidays).
    """

    basis: CalendarBasis
    slots: tuple[Slot, ...]
    warnings: tuple[CoverageWarning, ...]
    milestones: tuple[Milestone, ...]
    issues: Mapping[date, int]

    @property
    def projects(self) -> tuple[Project, ...]:
        return self.basis.projects

    @property
    def members(self) -> Mapping[str, tuple[Person, ...]]:
        return self.basis.members

    @property
    def holidays(self) -> HolidayCalendar:
        return self.basis.holidays


def read_basis(tx: Tx) -> CalendarBasis:
    """The month-independent part of every view (one read)."""
    projects = tuple(queries.list_projects(tx))
    members = {p.code: tuple(queries.people_of(tx, p.id)) for p in projects}
    return CalendarBasis(projects, members, tuple(project_dates(tx, projects)),
                         SlaService.calendar_in(tx))


def read_view(tx: Tx, basis: CalendarBasis, project: Project | None, person_id: str | None,
              start: date, end: date, *, every_project: bool = False) -> CalendarView:
    """Everything a month, week or team view of ``start``..``end`` draws on ``basis``."""
    project_id = None if every_project or project is None else project.id
    # The shown slots with the versions a move passes back (the team view moves
    # nothing: none).
    slots = tuple(calendar_queries.slots_between(tx, start, end, project_id=project_id,
                                                 person_id=person_id,
                                                 versions=not every_project))
    warnings = _warnings(tx, basis, project_id, person_id, slots, start, end)
    shown = [p for p in basis.projects if project is None or p.id == project.id]
    shown_ids = {p.id for p in shown}
    stones = sorted((m for d in basis.dates if d.project_id in shown_ids
                     for m in d.milestones if start <= m.day <= end), key=lambda m: m.day)
    issues: dict[date, int] = {}
    for p in shown:
        for day, n in calendar_queries.issues_per_day(tx, p.id, start, end).items():
            issues[day] = issues.get(day, 0) + n
    return CalendarView(basis, slots, warnings, tuple(stones), issues)


def _warnings(tx: Tx, basis: CalendarBasis, project_id: str | None, person_id: str | None,
              slots: tuple[Slot, ...], start: date, end: date) -> tuple[CoverageWarning, ...]:
    """The coverage warnings of ``start``..``end``: one project's (``project_id``) from
    its slots and the others' that clash with them, else every project's from every slot."""
    if project_id is None:
        everything = list(slots) if person_id is None else \
            calendar_queries.slots_between(tx, start, end, versions=False)
        return tuple(coverage_warnings(basis.dates, everything, basis.holidays, start, end))
    own = list(slots) if person_id is None else calendar_queries.slots_between(
        tx, start, end, project_id=project_id, versions=False)
    others = calendar_queries.clashing_slots(tx, project_id, start, end)
    # in the order a read of every slot gives, so equal warnings keep their order
    checked = sorted([*own, *others], key=lambda s: (s.start, s.person_name, s.id))
    dates = [d for d in basis.dates if d.project_id == project_id]
    return tuple(coverage_warnings(dates, checked, basis.holidays, start, end))


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
