"""What a calendar view shows, read in one worker task."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from golive_desk.domain.support_calendar import CoverageWarning, Milestone, Slot
from golive_desk.domain.workdays import HolidayCalendar

_NO_COUNTS: Mapping[date, int] = MappingProxyType({})


@dataclass(frozen=True)
class CalendarData:
    """The slots, milestones, warnings and day facts of ``start``..``end``.

    ``people`` are the team view's rows (id, name), the current project's first;
    ``clashes`` the (person id, day) cells where someone is on site twice.
    ``show_project`` asks the bars to name the project (several projects shown).
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

    def milestones_on(self, day: date) -> list[Milestone]:
        return [m for m in self.milestones if m.day == day]

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)
