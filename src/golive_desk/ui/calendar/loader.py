"""The worker-side read behind a calendar view: one function, one result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from golive_desk.domain.enums import Side
from golive_desk.domain.models import Project
from golive_desk.domain.support_calendar import Slot, WarningCode
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


def load(services: Services, request: Request) -> Loaded:
    """Runs on the worker: slots, milestones, warnings, issue counts and people."""
    calendar = services.calendar
    projects = tuple(services.projects.list_projects())
    members: dict[str, list[tuple[str, str]]] = {}
    for project in projects:
        people = services.projects.people(project.code)
        people.sort(key=lambda p: (p.side != Side.VENDOR, p.name))
        members[project.code] = [(p.id, p.name) for p in people]
    start, end, code = request.start, request.end, request.project
    slots = calendar.slots(None if request.team else code, request.person_id, start, end)
    every = calendar.coverage(None, start, end)
    clashes = frozenset((w.person_id, w.day) for w in every
                        if w.code == WarningCode.DOUBLE_BOOKED and w.person_id)
    warnings = tuple(w for w in every if code is None or w.project_code == code)
    if request.person_id:
        warnings = tuple(w for w in warnings if w.person_id in (None, request.person_id))
    shown = [p.code for p in projects if code is None or p.code == code]
    milestones = [m for c in shown for m in calendar.milestones(c)
                  if start <= m.day <= end]
    issues: dict[date, int] = {}
    for c in shown:
        for day, n in calendar.issues_per_day(c, start, end).items():
            issues[day] = issues.get(day, 0) + n
    rows = _team_rows(slots, members.get(request.current or "", []), request.person_id) \
        if request.team else ()
    data = CalendarData(start, end, tuple(slots), tuple(sorted(milestones, key=lambda m: m.day)),
                        warnings, issues, calendar.holidays(), rows, clashes,
                        show_project=request.team or code is None)
    return Loaded(request, data, projects, members)


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
