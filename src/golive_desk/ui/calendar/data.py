"""What a calendar view shows, read in one worker task."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from golive_desk.domain.support_calendar import CoverageWarning, Milestone, Slot
from golive_desk.domain.workdays import HolidayCalendar

_NO_COUNTS: Mapping[date, int] = MappingProxyType({})
_NO_TOTALS: Mapping[str, float] = MappingProxyType({})
_NO_LANES: Mapping[date, list[tuple[Slot, int]]] = MappingProxyType({})


@dataclass(frozen=True)
class CalendarData:
    """The slots, milestones, warnings and day facts of ``start``..``end``.

    ``people`` are the team view's rows (id, name), the current project's first;
    ``clashes`` the (person id, day) cells where someone is on site twice (the
    month and week views outline those people's on-site bars there, the team
    view the cells).
    ``show_project`` asks the bars to name the project (several projects shown).
    ``onsite`` (team view) per person id the on-site days of ``onsite_project``,
    as the printed schedule counts them (``domain.support_calendar.onsite_totals``);
    ``onsite_all`` the same over every project.
    ``week_lanes`` (month view) each week's slots with their lanes, by Monday: laid
    out on the worker with the read, so showing a month does not (see ``layout.lanes``).
    """

    start: date
    end: date
    slots: tuple[Slot, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    warnings: tuple[CoverageWarning, ...] = ()
    issues: Mapping[date, int] = field(default_factory=lambda: _NO_COUNTS)
    holidays: HolidayCalendar = field(default_factory=HolidayCalendar)
    people: tuple[tuple[str, str], ...] = ()
    clashes: frozenset[tuple[str, date]] = frozenset()
    show_project: bool = False
    onsite: Mapping[str, float] = field(default_factory=lambda: _NO_TOTALS)
    onsite_all: Mapping[str, float] = field(default_factory=lambda: _NO_TOTALS)
    onsite_project: str = ""
    week_lanes: Mapping[date, list[tuple[Slot, int]]] = field(
        default_factory=lambda: _NO_LANES)

    def is_double_booked(self, person_id: str, day: date) -> bool:
        return (person_id, day) in self.clashes

    def milestones_on(self, day: date) -> list[Milestone]:
        return [m for m in self.milestones if m.day == day]

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)
