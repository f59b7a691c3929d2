"""The support calendar's use cases: slots, milestones, coverage, the plan, ICS.

Every change is an op written through one unit of work, so slots and
milestones travel in bundles like issues do; a move sets ``start_day`` /
``end_day`` superseding the versions the page showed (``seen``), so a move made
meanwhile on another computer becomes a field conflict instead of being lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from golive_desk.domain.enums import Role, Side, SupportMode
from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.models import Changes, Project
from golive_desk.domain.ops import JsonValue
from golive_desk.domain.support_calendar import (
    DEFAULT_ONSITE_DAYS,
    SINGLE_KINDS,
    CalendarError,
    CoverageWarning,
    Half,
    Milestone,
    MilestoneKind,
    Slot,
    SlotProposal,
    check_day,
    check_onsite_days,
    check_range,
    coverage_warnings,
    propose_plan,
)
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.services.calendar_view import (
    CalendarBasis,
    CalendarView,
    milestones_of,
    project_dates,
    read_basis,
    read_view,
)
from golive_desk.services.gc_pause import collector_paused
from golive_desk.services.sla import SlaService
from golive_desk.storage import calendar_queries, queries
from golive_desk.storage.engine import Store, Tx
from golive_desk.storage.oplog import utc_now
from golive_desk.storage.unit_of_work import Seen, UnitOfWork, unit_of_work

if TYPE_CHECKING:  # (icalendar loads only when a user imports or exports ICS)
    from golive_desk.services.calendar_ics import IcsPreview

SLOT, MILESTONE = "support_slot", "milestone"
_PLAN_HORIZON = timedelta(days=120)  # how far a plan without an exit looks for clashes


class CalendarService:
    """Read and change the on-site support schedule of one store."""

    def __init__(self, store: Store, wall: Callable[[], str] = utc_now) -> None:
        self._store = store
        self._wall = wall  # the time its ops record (the demo tells a story in the past)

    # -- reading -----------------------------------------------------------------
    def view(self, project: str | None, person_id: str | None, start: date, end: date, *,
             every_project: bool = False, basis: CalendarBasis | None = None) -> CalendarView:
        """Everything a month, week or team view of ``start``..``end`` draws, in one read
        (see :class:`CalendarView`); ``every_project`` (the team view) shows every
        project's slots. ``basis`` is an earlier view's, kept while no change touched
        :data:`~golive_desk.services.calendar_view.BASIS_ENTITIES` (None: read it
        too)."""
        # (on a kept connection: a page stepping through months reads one after another)
        with self._store.read_kept() as tx:
            basis = basis or read_basis(tx)
            found = _project_in(tx, basis, project) if project else None
            return read_view(tx, basis, found, person_id, start, end,
                             every_project=every_project)

    def holidays(self) -> HolidayCalendar:
        """The working-day calendar: the library plus the office's holiday years."""
        with self._store.read() as tx:
            return SlaService.calendar_in(tx)

    def slots(self, project: str | None, person_id: str | None, start: date,
              end: date) -> list[Slot]:
        """Slots touching ``start``..``end`` of a project (code; None: all) and/or a person."""
        with self._store.read() as tx:
            project_id = _project(tx, project).id if project else None
            return calendar_queries.slots_between(tx, start, end, project_id=project_id,
                                                  person_id=person_id)

    def slot(self, slot_id: str) -> Slot:
        with self._store.read() as tx:
            return _slot(tx, slot_id)

    def milestones(self, project: str) -> list[Milestone]:
        """The project's milestones by day: go-live and the first month-end close
        (the project's own fields) and the milestone records."""
        with self._store.read() as tx:
            return milestones_of(tx, _project(tx, project))

    def onsite_days(self, project: str) -> int:
        """N: the working days after go-live that must be covered on site."""
        with self._store.read() as tx:
            found = _project(tx, project)
            n = calendar_queries.onsite_days(tx, [found.id]).get(found.id)
        return DEFAULT_ONSITE_DAYS if n is None else n

    def coverage(self, project: str | None, start: date, end: date) -> list[CoverageWarning]:
        """The coverage rules' warnings from ``start`` to ``end`` for one project (all: None)."""
        with self._store.read() as tx:
            chosen = [_project(tx, project)] if project else queries.list_projects(tx)
            dates = project_dates(tx, chosen)
            slots = calendar_queries.slots_between(tx, start, end, versions=False)
            calendar = SlaService.calendar_in(tx)
        return coverage_warnings(dates, slots, calendar, start, end)

    def issues_per_day(self, project: str, start: date, end: date) -> dict[date, int]:
        with self._store.read() as tx:
            return calendar_queries.issues_per_day(tx, _project(tx, project).id, start, end)

    def on_site(self, project: str, day: date) -> list[str]:
        """Names of the people on site for the project on ``day`` (for the issue form)."""
        with self._store.read() as tx:
            found = _project(tx, project)
            slots = calendar_queries.slots_between(tx, day, day, project_id=found.id,
                                                   versions=False)
        return sorted({s.person_name for s in slots if s.mode is SupportMode.ONSITE})

    # -- slots ---------------------------------------------------------------------
    def add_slot(self, project: str, person_id: str, start: date, end: date,
                 half: Half | str = Half.DAY, mode: SupportMode | str = SupportMode.ONSITE,
                 note: str = "") -> tuple[Slot, Changes]:
        """Schedule a person for a project.

        Raises:
            CalendarError: a bad range (``range_reversed``, ``date_range``,
                ``range_too_long``), a person not on the project (``not_a_member``).
            ValidationError: an unknown half or mode. NotFoundError: no such project.
        """
        start, end = check_range(start, end)
        half, mode = _half(half), _mode(mode)
        slot_id = uuid7()
        with unit_of_work(self._store, self._wall) as uow:
            found = _project(uow.conn, project)
            _check_member(uow.conn, found, person_id)
            _create_slot(uow, slot_id, found.id, person_id, start, end, half, mode, note)
        return self.slot(slot_id), _changed(slot_id, found.id)

    def move_slot(self, slot_id: str, start: date, end: date, half: Half | str | None = None,
                  person_id: str | None = None, seen: Seen | None = None,
                  ) -> tuple[Slot, Changes]:
        """Move or resize a slot (and give it to another member of the project).

        ``seen`` is :attr:`Slot.versions` as the page read it: a move written
        meanwhile elsewhere (an imported bundle) becomes a conflict.

        Raises:
            CalendarError: a bad range or a person not on the project.
            WorkflowError: (``reason="conflict"``) no ``seen`` and a field is in conflict.
            NotFoundError: no such slot.
        """
        start, end = check_range(start, end)
        new_half = _half(half) if half is not None else None
        with unit_of_work(self._store, self._wall) as uow:
            current = _slot(uow.conn, slot_id)
            if person_id is not None and person_id != current.person_id:
                project = queries.list_projects(uow.conn)
                found = next(p for p in project if p.id == current.project_id)
                _check_member(uow.conn, found, person_id)
            changes: dict[str, JsonValue] = {
                "start_day": start.isoformat() if start != current.start else None,
                "end_day": end.isoformat() if end != current.end else None,
                "half": new_half.value if new_half and new_half is not current.half else None,
                "person_id": person_id if person_id and person_id != current.person_id else None,
            }
            _set_fields(uow, slot_id, changes, seen)
        return self.slot(slot_id), _changed(slot_id, current.project_id)

    def update_slot(self, slot_id: str, mode: SupportMode | str | None = None,
                    note: str | None = None, seen: Seen | None = None) -> tuple[Slot, Changes]:
        """Change a slot's mode and/or note (see :meth:`move_slot` for ``seen``)."""
        new_mode = _mode(mode) if mode is not None else None
        with unit_of_work(self._store, self._wall) as uow:
            current = _slot(uow.conn, slot_id)
            _set_fields(uow, slot_id, {
                "mode": new_mode.value if new_mode and new_mode is not current.mode else None,
                "note": note if note is not None and note != current.note else None,
            }, seen)
        return self.slot(slot_id), _changed(slot_id, current.project_id)

    def delete_slot(self, slot_id: str) -> Changes:
        with unit_of_work(self._store, self._wall) as uow:
            current = _slot(uow.conn, slot_id)
            uow.delete(SLOT, slot_id)
        return _changed(slot_id, current.project_id)

    # -- milestones ------------------------------------------------------------------
    def set_milestone(self, project: str, kind: MilestoneKind | str, day: date,
                      note: str = "") -> tuple[Milestone, Changes]:
        """Set a milestone. Go-live moves the project's go-live; a planned exit or an
        acceptance moves the project's one record of that kind; a month-end close or
        another event is added unless one of that kind is on that day (its note is set).

        Raises:
            CalendarError: ``date_range``. ValidationError: an unknown kind.
        """
        kind = _kind(kind)
        check_day("day", day)
        with unit_of_work(self._store, self._wall) as uow:
            found = _project(uow.conn, project)
            milestone_id = _write_milestone(uow, found, kind, day, note)
        with self._store.read() as tx:
            stone = next(m for m in milestones_of(tx, _project(tx, found.code))
                         if m.id == milestone_id)
        return stone, Changes.of(MILESTONE, milestone_id) | Changes.of("project", found.id)

    def delete_milestone(self, milestone_id: str) -> Changes:
        """Raises: CalendarError ``derived_milestone`` for go-live or the first close
        (edit the project); NotFoundError for an unknown id."""
        if milestone_id.startswith("derived:"):
            raise CalendarError("milestone", "derived_milestone",
                                "go-live and the first month-end close belong to the project")
        with unit_of_work(self._store, self._wall) as uow:
            project_id = calendar_queries.milestone_project(uow.conn, milestone_id)
            if project_id is None:
                raise NotFoundError(f"no milestone {milestone_id}", id=milestone_id)
            uow.delete(MILESTONE, milestone_id)
        return Changes.of(MILESTONE, milestone_id) | Changes.of("project", project_id)

    def set_onsite_days(self, project: str, n: int) -> Changes:
        """Set N, the working days after go-live that must be covered on site."""
        check_onsite_days(n)
        with unit_of_work(self._store, self._wall) as uow:
            found = _project(uow.conn, project)
            uow.set("project", found.id, "onsite_days", n)
        return Changes.of("project", found.id)

    # -- the plan -----------------------------------------------------------------------
    def plan(self, project: str) -> list[SlotProposal]:
        """A proposed schedule from go-live to the planned exit, for the vendor's team
        (consultants, the lead first; else the vendor's side), around days they are on
        site elsewhere. Nothing is written."""
        with self._store.read() as tx:
            found = _project(tx, project)
            dates = project_dates(tx, [found])[0]
            team = _team(tx, found)
            last = dates.planned_exit or max([*dates.month_end_closes,
                                              dates.go_live + _PLAN_HORIZON])
            others = [s for s in calendar_queries.slots_between(
                tx, dates.go_live, last, versions=False) if s.project_id != found.id]
            calendar = SlaService.calendar_in(tx)
        busy: dict[str, set[date]] = {}
        for slot in others:
            if slot.mode is SupportMode.ONSITE:
                busy.setdefault(slot.person_id, set()).update(slot.days())
        return propose_plan(dates, team, calendar, busy=busy)

    def apply_plan(self, project: str, proposals: Sequence[SlotProposal]) -> Changes:
        """Write the (edited) proposals as slots: one unit of work, one batch of ops.

        Raises:
            CalendarError: a proposal with a bad range or a person not on the project
                (nothing is written).
        """
        for p in proposals:
            check_range(p.start, p.end)
        ids = [uuid7() for _ in proposals]
        with unit_of_work(self._store, self._wall) as uow:
            found = _project(uow.conn, project)
            members = {m.id for m in queries.people_of(uow.conn, found.id)}
            with uow.batch():
                for slot_id, p in zip(ids, proposals, strict=True):
                    if p.person_id not in members:
                        raise _not_member(found, p.person_id)
                    _create_slot(uow, slot_id, found.id, p.person_id, p.start, p.end,
                                 _half(p.half), _mode(p.mode), "")
        return Changes(frozenset({SLOT}), frozenset(ids)) | Changes.of("project", found.id)

    # -- ICS --------------------------------------------------------------------------
    def export_ics(self, path: Path, project: str | None = None,
                   person_id: str | None = None) -> int:
        """Write a project's or a person's schedule (and the project's milestones) as
        an ICS file Outlook, Thunderbird and Google Calendar import; returns the
        number of events."""
        with self._store.read() as tx:
            found = _project(tx, project) if project else None
            slots = calendar_queries.slots_between(
                tx, date(2000, 1, 1), date(2100, 12, 31), versions=False,
                project_id=found.id if found else None, person_id=person_id)
            stones = milestones_of(tx, found) if found else []
        from golive_desk.services.calendar_ics import export_text  # (icalendar: not at start)

        text, count = export_text(slots, stones)
        path.write_bytes(text)
        return count

    def preview_ics(self, path: Path, project: str | None = None) -> IcsPreview:
        """What importing ``path`` would add (milestones, holiday days) or update (our
        own slots, by UID); nothing is written.

        Raises:
            CalendarError: ``not_ics``, ``too_large``, ``too_many_events``,
                ``event_without_date``, ``nothing_to_import``.
        """
        from golive_desk.services.calendar_ics import preview  # (icalendar: not at start)

        with self._store.read() as tx, collector_paused():
            found = _project(tx, project) if project else None
            return preview(tx, path, found)

    def apply_ics(self, preview_: IcsPreview) -> Changes:
        """Write what :meth:`preview_ics` found, in one unit of work."""
        from golive_desk.services.calendar_ics import apply_preview

        with collector_paused(), unit_of_work(self._store, self._wall) as uow:
            return apply_preview(uow, preview_)


# -- helpers (inside a caller's transaction) ------------------------------------------
def _project(tx: Tx, code: str) -> Project:
    found = queries.find_project(tx, code.strip().upper())
    if found is None:
        raise NotFoundError(f"no project {code}", code=code)
    return found


def _project_in(tx: Tx, basis: CalendarBasis, code: str) -> Project:
    """The project of ``code`` as ``basis`` holds it (a basis is dropped when a project
    changes: no read), else as stored."""
    wanted = code.strip().upper()
    found = next((p for p in basis.projects if p.code == wanted), None)
    return found if found is not None else _project(tx, code)


def _slot(tx: Tx, slot_id: str) -> Slot:
    found = calendar_queries.slot(tx, slot_id)
    if found is None:
        raise NotFoundError(f"no slot {slot_id}", id=slot_id)
    return found


def _not_member(project: Project, person_id: str) -> CalendarError:
    return CalendarError("person", "not_a_member",
                         f"that person is not a member of {project.code}",
                         person_id=person_id, code=project.code)


def _check_member(tx: Tx, project: Project, person_id: str) -> None:
    if queries.member(tx, project.id, person_id) is None:
        raise _not_member(project, person_id)


def _create_slot(uow: UnitOfWork, slot_id: str, project_id: str, person_id: str, start: date,
                 end: date, half: Half, mode: SupportMode, note: str) -> None:
    uow.create(SLOT, slot_id, {
        "project_id": project_id, "person_id": person_id, "start_day": start.isoformat(),
        "end_day": end.isoformat(), "half": half.value, "mode": mode.value,
        "note": note.strip(),
    })


def _set_fields(uow: UnitOfWork, slot_id: str, values: dict[str, JsonValue],
                seen: Seen | None) -> None:
    for field, value in values.items():
        if value is not None:
            uow.set(SLOT, slot_id, field, value, seen=seen.get(field) if seen else None)


def _changed(slot_id: str, project_id: str) -> Changes:
    return Changes.of(SLOT, slot_id) | Changes.of("project", project_id)


def _half(value: Half | str) -> Half:
    return _choice(Half, value, "half")


def _mode(value: SupportMode | str) -> SupportMode:
    return _choice(SupportMode, value, "mode")


def _kind(value: MilestoneKind | str) -> MilestoneKind:
    return _choice(MilestoneKind, value, "kind")


_E = TypeVar("_E", bound=StrEnum)


def _choice(enum: type[_E], value: _E | str, field: str) -> _E:
    """``value`` as a member of ``enum``, or a CalendarError naming the choices."""
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise CalendarError(field, field, f"unknown {field} {value!r} ({choices})",
                            value=str(value)) from None


def _team(tx: Tx, project: Project) -> list[tuple[str, str]]:
    members = queries.people_of(tx, project.id)
    team = [m for m in members if m.role is Role.CONSULTANT] or [
        m for m in members if m.side is Side.VENDOR]
    return [(m.id, m.name) for m in team]


def _write_milestone(uow: UnitOfWork, project: Project, kind: MilestoneKind, day: date,
                     note: str) -> str:
    if kind is MilestoneKind.GO_LIVE:
        if day != project.go_live:
            uow.set("project", project.id, "go_live", day.isoformat())
        return f"derived:{project.id}:go_live"
    if kind is MilestoneKind.MONTH_END_CLOSE and day == project.month_end:
        return f"derived:{project.id}:month_end_close"
    stored = calendar_queries.milestones_of(uow.conn, [project.id])
    same = [m for m in stored if m.kind is kind and (kind in SINGLE_KINDS or m.day == day)]
    if not same:
        milestone_id = uuid7()
        uow.create(MILESTONE, milestone_id, {"project_id": project.id, "kind": kind.value,
                                             "day": day.isoformat(), "note": note.strip()})
        return milestone_id
    current = same[0]
    if current.day != day:
        uow.set(MILESTONE, current.id, "day", day.isoformat())
    if note.strip() and note.strip() != current.note:
        uow.set(MILESTONE, current.id, "note", note.strip())
    return current.id


__all__ = ["CalendarService"]
