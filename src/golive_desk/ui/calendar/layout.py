"""Pure helpers the views share: month weeks, lanes for bars, drag arithmetic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from golive_desk.domain.support_calendar import Half, Slot


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_weeks(first: date) -> list[date]:
    """The Mondays of the weeks that show ``first``'s month (4 to 6 of them)."""
    start = monday_of(first.replace(day=1))
    end = month_end(first)
    weeks = []
    while start <= end:
        weeks.append(start)
        start += timedelta(days=7)
    return weeks


def month_end(first: date) -> date:
    nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return nxt - timedelta(days=1)


def add_months(first: date, n: int) -> date:
    index = first.year * 12 + first.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def view_range(view: str, first: date, week_day: date, step: int = 0) -> tuple[date, date]:
    """The days a view shows: the week of ``week_day``, the month of ``first`` as whole
    weeks, or (team) the month itself; ``step`` weeks or months on."""
    if view == "week":
        monday = monday_of(week_day) + timedelta(days=7 * step)
        return monday, monday + timedelta(days=6)
    month = add_months(first, step)
    if view == "team":
        return month, month_end(month)
    weeks = month_weeks(month)
    return weeks[0], weeks[-1] + timedelta(days=6)


def lanes(slots: Iterable[Slot], start: date, end: date) -> list[tuple[Slot, int]]:
    """Each slot touching ``start``..``end`` with the lowest lane free on all its half-days
    (a morning and an afternoon slot can share a lane).

    Ordered by first day, then longer first, so long bars keep their lane across days.
    """
    shown = sorted((s for s in slots if s.end >= start and s.start <= end),
                   key=lambda s: (max(s.start, start), -(s.end - s.start).days,
                                  s.person_name, s.half, s.id))
    taken: dict[tuple[date, Half], set[int]] = {}
    placed: list[tuple[Slot, int]] = []
    for slot in shown:
        halves = (Half.AM, Half.PM) if slot.half is Half.DAY else (slot.half,)
        cells = [(max(slot.start, start) + timedelta(days=i), h)
                 for i in range((min(slot.end, end) - max(slot.start, start)).days + 1)
                 for h in halves]
        lane = 0
        while any(lane in taken.get(c, ()) for c in cells):
            lane += 1
        for c in cells:
            taken.setdefault(c, set()).add(lane)
        placed.append((slot, lane))
    return placed


class DragKind(Enum):
    CREATE = "create"
    MOVE = "move"
    RESIZE = "resize"


@dataclass
class Drag:
    """A drag in progress: what it does, where it began, where the mouse is."""

    kind: DragKind
    origin: date
    current: date
    slot: Slot | None = None
    moved: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def span(self) -> tuple[date, date]:
        """The days the slot would take if the mouse were released now."""
        if self.kind is DragKind.CREATE or self.slot is None:
            return min(self.origin, self.current), max(self.origin, self.current)
        slot = self.slot
        if self.kind is DragKind.MOVE:
            delta = self.current - self.origin
            return slot.start + delta, slot.end + delta
        return slot.start, max(slot.start, self.current)


def days_of(start: date, end: date) -> Sequence[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
