"""The worker-side read behind a calendar view: one function, one result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from golive_desk.domain.enums import Role, Side
from golive_desk.domain.models import Project
from golive_desk.domain.support_calendar import Slot, WarningCode
from golive_desk.services.calendar_view import CalendarBasis
from golive_desk.services.container import Services
from golive_desk.ui.calendar.data import CalendarData


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
    # (only the team view draws them: it reads every project's warnings)
    clashes = frozenset((w.person_id, w.day) for w in view.warnings
                        if w.code == WarningCode.DOUBLE_BOOKED and w.person_id) \
        if request.team else frozenset()
    warnings = tuple(w for w in view.warnings if code is None or w.project_code == code)
    if request.person_id:
        warnings = tuple(w for w in warnings if w.person_id in (None, request.person_id))
    rows = _team_rows(list(view.slots), members.get(request.current or "", []),
                      request.person_id) if request.team else ()
    data = CalendarData(start, end, view.slots, view.milestones, warnings, view.issues,
                        view.holidays, rows, clashes, show_project=request.team or code is None)
    return Loaded(request, data, view.projects, members, view.basis)


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


def _team_rows(slots: list[Slot], current: list[tuple[str, str]],
               person_id: str | None) -> tuple[tuple[str, str], ...]:
    """The current project's people scheduled this month first, then the
    rest of those scheduled this month, by name."""
    busy = {s.person_id: s.person_name for s in slots}
    rows = [(pid, name) for pid, name in current if pid in busy]
    seen = {pid for pid, _n in rows}
    rows += sorted(((pid, name) for pid, name in busy.items() if pid not in seen),
                   key=lambda row: row[1])
    if person_id:
        rows = [row for row in rows if row[0] == person_id]
    return tuple(rows)
