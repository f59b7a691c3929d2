"""The worker-side read behind a calendar view: one function, one result."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from golive_desk.domain.enums import Role, Side
from golive_desk.domain.models import Project
from golive_desk.domain.support_calendar import (
    Slot,
    WarningCode,
    onsite_totals,
    schedule_rows,
)
from golive_desk.services.calendar_view import CalendarBasis
from golive_desk.services.container import Services
from golive_desk.ui.calendar.data import CalendarData
from golive_desk.ui.calendar.layout import lanes


@dataclass(frozen=True)
class Request:
    """What to read: ``project`` None is every project; ``team`` fills the team rows."""

    start: date
    end: date
    project: str | None
    person_id: str | None
    current: str | None
    team: bool


@dataclass(frozen=True)
class Loaded:
    request: Request
    data: CalendarData
    projects: tuple[Project, ...]
    members: dict[str, list[tuple[str, str]]]  # project code -> (person id, name), vendor first
    basis: CalendarBasis  # what did not depend on the month: the next load may reuse it


def load(services: Services, request: Request, kept: Loaded | None = None) -> Loaded:
    """Runs on the worker: slots, milestones, warnings, issue counts and people (one read).

    ``kept`` is an earlier result whose basis no change has touched since: only the
    month is read then.
    """
    start, end, code = request.start, request.end, request.project
    view = services.calendar.view(code, request.person_id, start, end,
                                  every_project=request.team,
                                  basis=kept.basis if kept is not None else None)
    members = kept.members if kept is not None and kept.basis is view.basis else \
        _members(view.basis)
    warnings = tuple(w for w in view.warnings if code is None or w.project_code == code)
    if request.person_id:
        warnings = tuple(w for w in warnings if w.person_id in (None, request.person_id))
    # (the team view's are every project's; a project's month or week has its own,
    # which name its slots that clash with another project's)
    clashes = frozenset((w.person_id, w.day) for w in (view.warnings if request.team
                                                         else warnings)
                        if w.code == WarningCode.DOUBLE_BOOKED and w.person_id)
    data = CalendarData(start, end, view.slots, view.milestones, warnings, view.issues,
                        view.holidays, (), clashes, show_project=request.team or code is None)
    if request.team:
        data = _with_team(data, view.basis, code or request.current or "", request.person_id)
    elif (end - start).days >= 27:  # a month's weeks: their lanes, laid out here
        data = replace(data, week_lanes=_week_lanes(data.slots, start, end))
    return Loaded(request, data, view.projects, members, view.basis)


def _week_lanes(slots: tuple[Slot, ...], start: date,
                end: date) -> dict[date, list[tuple[Slot, int]]]:
    """Each shown week's slots with their lanes, by Monday (``start`` is one)."""
    weeks: dict[date, list[tuple[Slot, int]]] = {}
    monday = start
    while monday <= end:
        weeks[monday] = lanes(slots, monday, monday + timedelta(days=6))
        monday += timedelta(days=7)
    return weeks


def _with_team(data: CalendarData, basis: CalendarBasis, counted: str,
               person_id: str | None) -> CalendarData:
    """The team view's rows and totals: the rows the printed schedule of ``counted``
    lists (its team, scheduled or not), then everyone else scheduled this month; the
    on-site days of ``counted`` as that schedule counts them, and of every project."""
    rows = schedule_rows(basis.members.get(counted, ()), data.slots)
    if person_id:
        rows = [row for row in rows if row[0] == person_id]
    own = [s for s in data.slots if s.project_code == counted]
    return replace(data, people=tuple(rows), onsite_project=counted,
                   onsite=onsite_totals(own, data.start, data.end),
                   onsite_all=onsite_totals(data.slots, data.start, data.end))


def _members(basis: CalendarBasis) -> dict[str, list[tuple[str, str]]]:
    """Each project's people as ProjectService.people orders them, then vendor side first."""
    order = list(Role)
    members: dict[str, list[tuple[str, str]]] = {}
    for project in basis.projects:
        people = sorted(basis.members.get(project.code, ()),
                        key=lambda p: (order.index(p.role), p.name))
        people.sort(key=lambda p: (p.side != Side.VENDOR, p.name))
        members[project.code] = [(p.id, p.name) for p in people]
    return members
