"""The on-site support schedule (现场支持时间表): slots, milestones, coverage rules, a plan.

Pure: no store, no Qt. The rules count working days with
:class:`~golive_desk.domain.workdays.HolidayCalendar`, so a 调休 Saturday is a
working day and a Spring Festival weekday is not.

Coverage rules (each a :class:`CoverageWarning` with a stable ``code``):

- ``go_live_uncovered``: nobody on site on go-live day or on one of the first
  N working days after it (N per project, default 5);
- ``month_end_uncovered``: nobody on site on a month-end close;
- ``double_booked``: a person on site for two projects in the same half-day
  (one warning for each project involved, so each project's view shows it);
- ``after_exit``: a slot after the project's planned consultant exit;
- ``holiday``: a slot on a statutory holiday (a notice, not an error).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from golive_desk.domain.enums import Half as Half  # named from here too
from golive_desk.domain.enums import MilestoneKind as MilestoneKind
from golive_desk.domain.enums import Role, Side, SupportMode
from golive_desk.domain.enums import WarningCode as WarningCode
from golive_desk.domain.errors import ValidationError
from golive_desk.domain.models import Person
from golive_desk.domain.workdays import HolidayCalendar

DEFAULT_ONSITE_DAYS = 5
MAX_ONSITE_DAYS = 60
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
MAX_SLOT_DAYS = 366
_EMPTY: Mapping[str, str] = MappingProxyType({})


class CalendarError(ValidationError):
    """Bad calendar input; ``rule`` names the broken rule.

    Rules: ``range_reversed`` (ends before it starts), ``date_range`` (outside
    2000–2100), ``range_too_long``, ``not_a_member`` (a person not on the
    project), ``onsite_days``, ``derived_milestone`` (go-live and the first
    month-end close are the project's own fields), ``not_ics``, ``too_large``,
    ``too_many_events``, ``event_without_date``, ``nothing_to_import``.
    """

    code = "calendar"

    def __init__(self, field: str, rule: str, message: str, **details: object) -> None:
        super().__init__(field, message, rule=rule, **details)
        self.rule = rule


# A milestone kind of which a project has at most one (setting it again moves it).
SINGLE_KINDS = frozenset({MilestoneKind.GO_LIVE, MilestoneKind.PLANNED_EXIT,
                          MilestoneKind.ACCEPTANCE})


@dataclass(frozen=True, slots=True)
class Slot:
    """A person's support for one project on a day or a range of days.

    ``versions`` is what an editor saw of the record (per field, the op ids),
    passed back to a move or an update so an import meanwhile becomes a conflict.
    """

    id: str
    project_id: str
    project_code: str
    customer: str
    person_id: str
    person_name: str
    start: date
    end: date
    half: Half
    mode: SupportMode
    note: str = ""
    versions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY_VERSIONS)

    def days(self) -> Iterator[date]:
        """Each date the slot covers, in order."""
        return _each_day(self.start, self.end)

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


_EMPTY_VERSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated event of a project: go-live, a month-end close, the planned exit…

    ``id`` is the record's; go-live and the first month-end close read from the
    project's own fields carry ``derived:<project id>:<kind>``.
    """

    id: str
    project_id: str
    project_code: str
    kind: MilestoneKind
    day: date
    note: str = ""

    @property
    def derived(self) -> bool:
        return self.id.startswith("derived:")


@dataclass(frozen=True, slots=True)
class CoverageWarning:
    """A rule the schedule breaks on ``day``; the window and the CLI word ``code``."""

    code: str
    day: date
    project_code: str
    person_id: str | None = None
    person_name: str = ""
    params: Mapping[str, str] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True, slots=True)
class SlotProposal:
    """One slot the plan generator proposes (not yet written)."""

    person_id: str
    person_name: str
    start: date
    end: date
    half: Half
    mode: SupportMode


@dataclass(frozen=True, slots=True)
class ProjectDates:
    """What the rules and the plan need of a project: its dates and its N."""

    project_id: str
    project_code: str
    go_live: date
    onsite_days: int = DEFAULT_ONSITE_DAYS
    milestones: tuple[Milestone, ...] = ()

    def of_kind(self, kind: MilestoneKind) -> list[date]:
        return sorted({m.day for m in self.milestones if m.kind is kind})

    @property
    def month_end_closes(self) -> list[date]:
        return self.of_kind(MilestoneKind.MONTH_END_CLOSE)

    @property
    def planned_exit(self) -> date | None:
        exits = self.of_kind(MilestoneKind.PLANNED_EXIT)
        return exits[-1] if exits else None

    def go_live_days(self, calendar: HolidayCalendar) -> list[date]:
        """Go-live day and the first N working days after it: on site, every one."""
        return [self.go_live, *(calendar.add_workdays(self.go_live, k)
                                for k in range(1, self.onsite_days + 1))]


# -- validation -----------------------------------------------------------------
def check_day(field_name: str, day: date) -> date:
    """``day`` if within 2000–2100.

    Raises:
        CalendarError: ``date_range``.
    """
    if not FIRST_DAY <= day <= LAST_DAY:
        raise CalendarError(field_name, "date_range",
                            f"{day.isoformat()} is outside {FIRST_DAY.year}–{LAST_DAY.year}",
                            date=day.isoformat())
    return day


def check_range(start: date, end: date, *, max_days: int = MAX_SLOT_DAYS) -> tuple[date, date]:
    """A slot's days, checked.

    Raises:
        CalendarError: ``date_range``, ``range_reversed`` or ``range_too_long``.
    """
    check_day("start", start)
    check_day("end", end)
    if end < start:
        raise CalendarError("end", "range_reversed",
                            f"the range ends ({end.isoformat()}) before it starts "
                            f"({start.isoformat()})", start=start.isoformat(),
                            end=end.isoformat())
    if (end - start).days >= max_days:
        raise CalendarError("end", "range_too_long", f"a slot is at most {max_days} days long",
                            limit=max_days)
    return start, end


def check_onsite_days(n: int) -> int:
    """Raises: CalendarError ``onsite_days`` when N is not 0..60."""
    if not 0 <= n <= MAX_ONSITE_DAYS:
        raise CalendarError("onsite_days", "onsite_days",
                            f"on-site days after go-live must be 0–{MAX_ONSITE_DAYS}",
                            value=n, limit=MAX_ONSITE_DAYS)
    return n


# -- coverage -------------------------------------------------------------------
def _each_day(start: date, end: date) -> Iterator[date]:
    for i in range((end - start).days + 1):
        yield start + timedelta(days=i)


def _halves(half: Half) -> tuple[Half, ...]:
    return (Half.AM, Half.PM) if half is Half.DAY else (half,)


def onsite_days_of(slots: Iterable[Slot]) -> dict[str, set[date]]:
    """Per project id, the days someone is on site for it."""
    covered: dict[str, set[date]] = defaultdict(set)
    for slot in slots:
        if slot.mode is SupportMode.ONSITE:
            covered[slot.project_id].update(slot.days())
    return covered


def onsite_totals(slots: Iterable[Slot], start: date, end: date) -> dict[str, float]:
    """Per person id, the days on site within ``start``..``end``.

    A half-day on site counts 0.5, a whole day 1; a half-day on site for two
    projects at once counts once. The team view's column and the printed
    schedule's total both come from here, so they agree.
    """
    halves: dict[str, set[tuple[date, Half]]] = defaultdict(set)
    for slot in slots:
        if slot.mode is SupportMode.ONSITE:
            cells = halves[slot.person_id]
            for day in _each_day(max(slot.start, start), min(slot.end, end)):
                cells.update((day, half) for half in _halves(slot.half))
    return {person: len(cells) / 2 for person, cells in halves.items() if cells}


_TEAM_ROLES = (Role.CONSULTANT, Role.VENDOR_PM)


def schedule_rows(members: Iterable[Person], slots: Iterable[Slot]) -> list[tuple[str, str]]:
    """Who a project's schedule lists, as (person id, name), in order.

    First the project's support team, scheduled or not (a blank row says "not
    this month"): its vendor-side members and anyone with one of its slots, by
    role, then name. Then everyone else with one of ``slots`` (no longer a
    member, or on another project), by name. The team view and the printed
    schedule both list these rows.

    Args:
        members: the project's members.
        slots: the slots shown (the printed schedule: the project's; the team
            view: every project's).
    """
    members = list(members)
    slots = list(slots)
    projects = {m.project_id for m in members}
    own = {s.person_id for s in slots if s.project_id in projects}
    order = list(Role)
    team = sorted((m for m in members
                   if m.side is Side.VENDOR or m.role in _TEAM_ROLES or m.id in own),
                  key=lambda m: (order.index(m.role), m.name))
    rows: list[tuple[str, str]] = []
    for member in team:
        if all(member.id != pid for pid, _name in rows):
            rows.append((member.id, member.name))
    listed = {pid for pid, _name in rows}
    rows += sorted({(s.person_id, s.person_name) for s in slots if s.person_id not in listed},
                   key=lambda row: (row[1], row[0]))
    return rows


def coverage_warnings(projects: Sequence[ProjectDates], slots: Sequence[Slot],
                      calendar: HolidayCalendar, start: date, end: date,
                      ) -> list[CoverageWarning]:
    """Every warning whose day lies in ``start``..``end``, by day.

    Args:
        projects: the projects whose go-live and month-end rules are checked.
        slots: the slots to check — for ``double_booked`` every project's slots
            of the people involved, not only those of ``projects``.
        calendar: the working-day calendar.
        start: first day reported. end: last day reported.
    """
    found: list[CoverageWarning] = []
    covered = onsite_days_of(slots)
    by_id = {p.project_id: p for p in projects}
    for project in projects:
        onsite = covered.get(project.project_id, set())
        for index, day in enumerate(project.go_live_days(calendar)):
            if start <= day <= end and day not in onsite:
                found.append(CoverageWarning(WarningCode.GO_LIVE_UNCOVERED, day,
                                             project.project_code,
                                             params={"working_day": str(index)}))
        for day in project.month_end_closes:
            if start <= day <= end and day not in onsite:
                found.append(CoverageWarning(WarningCode.MONTH_END_UNCOVERED, day,
                                             project.project_code))
    shown = set(by_id) if by_id else None
    found.extend(_double_bookings(slots, start, end, shown))
    for slot in slots:
        if shown is not None and slot.project_id not in shown:
            continue
        project_dates = by_id.get(slot.project_id)
        exit_day = project_dates.planned_exit if project_dates else None
        if exit_day is not None and slot.end > exit_day:
            day = max(slot.start, exit_day + timedelta(days=1))
            if start <= day <= end:
                found.append(_about(WarningCode.AFTER_EXIT, day, slot,
                                    exit=exit_day.isoformat()))
        for day in _each_day(max(slot.start, start), min(slot.end, end)):
            if calendar.is_holiday(day):
                found.append(_about(WarningCode.HOLIDAY, day, slot,
                                    name=calendar.holiday_name(day) or ""))
    found.sort(key=lambda w: (w.day, w.code, w.project_code, w.person_name))
    return found


def _about(code: WarningCode, day: date, slot: Slot, **params: str) -> CoverageWarning:
    return CoverageWarning(code, day, slot.project_code, slot.person_id, slot.person_name,
                           MappingProxyType(dict(params)))


def _double_bookings(slots: Sequence[Slot], start: date, end: date,
                     shown: set[str] | None) -> Iterator[CoverageWarning]:
    # (person, day, half) → the on-site slots there; a clash is two projects in one cell.
    cells: dict[tuple[str, date, Half], list[Slot]] = defaultdict(list)
    for slot in slots:
        if slot.mode is not SupportMode.ONSITE:
            continue
        for day in _each_day(max(slot.start, start), min(slot.end, end)):
            for half in _halves(slot.half):
                cells[slot.person_id, day, half].append(slot)
    reported: set[tuple[str, date, str]] = set()
    for (person_id, day, _half), there in sorted(cells.items(), key=lambda kv: (kv[0][1],
                                                                                 kv[0][2])):
        codes = {s.project_code for s in there}
        if len({s.project_id for s in there}) < 2:
            continue
        for slot in there:
            key = (person_id, day, slot.project_id)
            if key in reported or (shown is not None and slot.project_id not in shown):
                continue
            reported.add(key)
            others = sorted(codes - {slot.project_code}) or [slot.project_code]
            yield _about(WarningCode.DOUBLE_BOOKED, day, slot, other=",".join(others))


# -- the plan -------------------------------------------------------------------
def working_runs(days: Iterable[date]) -> Iterator[tuple[date, date]]:
    """Consecutive dates grouped into (first, last) runs."""
    run_start: date | None = None
    previous: date | None = None
    for day in sorted(set(days)):
        if previous is not None and day == previous + timedelta(days=1):
            previous = day
            continue
        if run_start is not None and previous is not None:
            yield run_start, previous
        run_start = previous = day
    if run_start is not None and previous is not None:
        yield run_start, previous


def propose_plan(project: ProjectDates, team: Sequence[tuple[str, str]],
                 calendar: HolidayCalendar, *,
                 busy: Mapping[str, set[date]] | None = None) -> list[SlotProposal]:
    """A support plan from go-live to the planned exit, for the PM to edit.

    - Go-live day and the first N working days: the whole team on site.
    - The next N working days: the lead consultant on site in the mornings,
      remote in the afternoons.
    - Then, until the planned exit (or the last month-end close): the lead on
      the phone hotline on working days.
    - Each month-end close up to the exit: the lead on site all day.

    Only working days are planned (a 调休 Saturday is, a Spring Festival weekday
    is not), except go-live day itself. A day a person is on site elsewhere
    (``busy``) is left out for them: the coverage rules then show the gap.

    Args:
        project: the project's dates and N.
        team: ``(person id, name)`` of the vendor's consultants, the lead first.
        calendar: the working-day calendar.
        busy: per person id, days already on site for another project.
    """
    if not team:
        return []
    busy = busy or {}
    lead = team[0]
    closes = project.month_end_closes
    exit_day = project.planned_exit
    last = exit_day or (closes[-1] if closes else None)
    proposals: list[SlotProposal] = []

    def add(person: tuple[str, str], days: Iterable[date], half: Half,
            mode: SupportMode) -> None:
        free = [d for d in days if d not in busy.get(person[0], set())]
        for first, final in working_runs(free):
            proposals.append(SlotProposal(person[0], person[1], first, final, half, mode))

    first_days = project.go_live_days(calendar)
    close_days = {d for d in closes if last is None or d <= last}
    for person in team:
        add(person, first_days, Half.DAY, SupportMode.ONSITE)
    n = project.onsite_days
    taper = [calendar.add_workdays(first_days[-1], k) for k in range(1, n + 1)]
    taper = [d for d in taper if (last is None or d <= last) and d not in close_days]
    add(lead, taper, Half.AM, SupportMode.ONSITE)
    add(lead, taper, Half.PM, SupportMode.REMOTE)
    if last is not None:
        after = taper[-1] if taper else first_days[-1]
        hotline = []
        day = calendar.add_workdays(after, 1)
        while day <= last:
            if day not in close_days:
                hotline.append(day)
            day = calendar.add_workdays(day, 1)
        add(lead, hotline, Half.DAY, SupportMode.PHONE)
    add(lead, sorted(close_days - set(first_days)), Half.DAY, SupportMode.ONSITE)
    proposals.sort(key=lambda p: (p.start, p.person_name, p.half))
    return proposals
