"""Working-time arithmetic for the SLA clock: working seconds between two instants.

Instants are naive datetimes in the site's local wall time, the way the store
keeps issue times (``YYYY-MM-DDTHH:MM``). Aware datetimes are refused: convert
first with ``instant.astimezone(site_tz).replace(tzinfo=None)``. China has no
daylight saving time, so wall time and elapsed time agree.

Nothing walks minute by minute: a span costs its first and last day plus one
working-day count from the calendar's cached per-year running totals, so the
cost does not grow with the span's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from golive_desk.domain.errors import WorkingHoursError
from golive_desk.domain.workdays import HolidayCalendar

Period = tuple[time, time]
Interval = tuple[datetime, datetime]

_US = 1_000_000
_DAY_US = 86_400 * _US
_PERIOD_TEXT = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–~～至]\s*(\d{1,2}):(\d{2})\s*$")


def _us_of_day(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * _US + t.microsecond


@dataclass(frozen=True)
class WorkingHours:
    """A site's daily working periods, e.g. ((08:30, 12:00), (13:00, 17:30)).

    The same on every working day. An end of 00:00 means midnight at the end of
    the day; a period cannot cross midnight. Periods may be given in any order
    and are kept sorted.
    """

    periods: tuple[Period, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _done: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.periods:
            raise WorkingHoursError("empty", "working hours need at least one period")
        ordered = tuple(sorted(self.periods))
        starts = tuple(_us_of_day(start) for start, _ in ordered)
        ends = tuple(_us_of_day(end) or _DAY_US for _, end in ordered)
        for (start, end), start_us, end_us in zip(ordered, starts, ends, strict=True):
            if end_us <= start_us:
                raise WorkingHoursError("end_not_after_start",
                                        f"{start:%H:%M}-{end:%H:%M} ends before it starts",
                                        start=f"{start:%H:%M}", end=f"{end:%H:%M}")
        for i in range(1, len(ordered)):
            if starts[i] < ends[i - 1]:
                first, second = _text(ordered[i - 1]), _text(ordered[i])
                raise WorkingHoursError("overlap", f"{first} and {second} overlap",
                                        first=first, second=second)
        done = [0]  # done[i]: working time in the periods before period i
        for start_us, end_us in zip(starts, ends, strict=True):
            done.append(done[-1] + end_us - start_us)
        for name, value in (("periods", ordered), ("_starts", starts), ("_ends", ends),
                            ("_done", tuple(done))):
            object.__setattr__(self, name, value)

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """Read ``"08:30-12:00, 13:00-17:30"`` (commas, semicolons or 、 between periods).

        Raises:
            WorkingHoursError: ``syntax`` for text that is not such a list, or
                a rule of the periods themselves.
        """
        periods = []
        for part in re.split(r"[,，;；、]", text):
            if not part.strip():
                continue
            match = _PERIOD_TEXT.match(part)
            try:
                if match is None:
                    raise ValueError(part)
                h1, m1, h2, m2 = map(int, match.groups())
                # 24:00 is how people write "until midnight"; time() cannot hold it.
                periods.append((time(h1, m1), time(0 if (h2, m2) == (24, 0) else h2, m2)))
            except ValueError:
                raise WorkingHoursError("syntax", f"'{part.strip()}' is not HH:MM-HH:MM",
                                        value=part.strip()) from None
        return cls(tuple(periods))

    def to_text(self) -> str:
        """The form :meth:`parse` reads, e.g. ``"08:30-12:00, 13:00-17:30"``."""
        return ", ".join(_text(period) for period in self.periods)

    @property
    def day_seconds(self) -> int:
        """Working seconds in one working day (whole seconds, rounded down)."""
        return self._day // _US

    @property
    def _day(self) -> int:
        return self._done[-1]

    def _worked_before(self, us: int) -> int:
        """Working microseconds of a working day before ``us`` microseconds past midnight."""
        i = bisect_right(self._starts, us) - 1
        if i < 0:
            return 0
        return self._done[i] + min(us, self._ends[i]) - self._starts[i]

    def _clock_at(self, worked: int) -> int:
        """Microseconds past midnight when ``worked`` (0 < worked ≤ a day) is reached."""
        i = bisect_left(self._done, worked) - 1
        return self._starts[i] + worked - self._done[i]


def _text(period: Period) -> str:
    start, end = period
    return f"{start:%H:%M}-{'24:00' if end == time(0) else f'{end:%H:%M}'}"


STANDARD_HOURS = WorkingHours(((time(8, 30), time(12)), (time(13), time(17, 30))))


def working_seconds_between(start: datetime, end: datetime, hours: WorkingHours,
                            calendar: HolidayCalendar,
                            paused: Iterable[Interval] = ()) -> int:
    """Working seconds from ``start`` to ``end``, minus the paused intervals.

    Only time inside ``hours`` on the calendar's working days counts; a start at
    night or on a holiday counts from the next working period. Pauses (the SLA
    clock stops while an issue waits for the customer) may overlap each other
    and stick out of the span.

    Args:
        start: When the clock starts; naive, site-local.
        end: When it stops; 0 is returned if it is not after ``start``.
        hours: The site's working hours.
        calendar: Which days are worked.
        paused: ``(from, to)`` intervals during which the clock stands still.

    Returns:
        Whole working seconds, rounded down.
    """
    _require_naive(start, end)
    if end <= start:
        return 0
    worked = _worked(start, end, hours, calendar)
    for pause_start, pause_end in _merged(paused, start, end):
        worked -= _worked(pause_start, pause_end, hours, calendar)
    return worked // _US


def add_working_time(start: datetime, seconds: int, hours: WorkingHours,
                     calendar: HolidayCalendar) -> datetime:
    """The earliest instant at which ``seconds`` of working time have passed since ``start``.

    The deadline of an SLA: a result at the end of a period (12:00) is preferred
    to the start of the next (13:00), as both have the same working time behind
    them. ``working_seconds_between(start, result, ...) == seconds``.

    Raises:
        ValueError: ``seconds`` < 0 or an aware ``start`` (a caller's bug).
    """
    _require_naive(start)
    if seconds < 0:
        raise ValueError(f"seconds must not be negative, not {seconds}")
    need = seconds * _US
    if need == 0:
        return start
    day = start.date()
    if calendar.is_workday(day):
        used = hours._worked_before(_us_of_day(start.time()))
        if need <= hours._day - used:
            return _instant(day, hours._clock_at(used + need))
        need -= hours._day - used
    full_days, rest = divmod(need, hours._day)
    if rest == 0:  # ends exactly at a day's close, not at the next day's opening
        full_days, rest = full_days - 1, hours._day
    return _instant(calendar.add_workdays(day, full_days + 1), hours._clock_at(rest))


def _worked(start: datetime, end: datetime, hours: WorkingHours,
            calendar: HolidayCalendar) -> int:
    """Working microseconds from ``start`` to ``end`` (start < end)."""
    first, last = start.date(), end.date()
    before_start = hours._worked_before(_us_of_day(start.time()))
    before_end = hours._worked_before(_us_of_day(end.time()))
    first_worked, last_worked = calendar.is_workday(first), calendar.is_workday(last)
    if first == last:
        return before_end - before_start if first_worked else 0
    whole_days = calendar.workdays_between(first, last) - last_worked
    day = hours._day
    return ((day - before_start) * first_worked + whole_days * day
            + before_end * last_worked)


def _merged(intervals: Iterable[Interval], start: datetime, end: datetime) -> list[Interval]:
    """The intervals clipped to [start, end], sorted, overlaps joined: none counted twice."""
    given = list(intervals)
    for low, high in given:
        _require_naive(low, high)
    merged: list[Interval] = []
    for low, high in sorted(given):
        low, high = max(low, start), min(high, end)
        if high <= low:
            continue
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _instant(day: date, us: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(microseconds=us)


def _require_naive(*instants: datetime) -> None:
    for instant in instants:
        if instant.tzinfo is not None:
            raise ValueError(f"site-local naive datetimes only, got {instant.isoformat()}")
