"""The Chinese working-day calendar: statutory holidays, 调休 days, working-day counts.

Two sources say which days are off. ``chinese-calendar`` knows the State
Council's notices for the years it ships (2004–2026 in 1.11.0); the office can
supply a year's notice itself (:class:`YearData`, usually read from a shared
ICS). User data for a year replaces the library for every date of that year.
A year that neither source knows counts Monday–Friday as working days, and
:meth:`HolidayCalendar.known` / :meth:`HolidayCalendar.unknown_years` say so,
so the window can warn instead of silently counting weekends only.

A notice may list days just outside its year (the 2019 notice made 2018-12-29
a working Saturday and 2018-12-30/31 days off); :class:`YearData` keeps those
"spill" days and the calendar honours them in the neighbouring year.
"""

from __future__ import annotations

import calendar as _gregorian
import json
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

import chinese_calendar  # type: ignore[import-untyped]

from golive_desk.domain.errors import HolidayDataError

if TYPE_CHECKING:  # ops imports orjson and uuid: not on the way to the first paint
    from golive_desk.domain.ops import JsonValue

DatedNames = tuple[tuple[date, str], ...]

MIN_YEAR = 1900
MAX_YEAR = 2999
_MAX_NAME = 100
_NO_NAMES: Mapping[date, str] = MappingProxyType({})


class DayKind(StrEnum):
    """What a date is, for shading a calendar."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    ADJUSTED_WORKDAY = "adjusted_workday"


@dataclass(frozen=True)
class YearData:
    """One year's holiday notice: days off and 调休 working days, each with a name.

    Names are the festival's Chinese name (``春节``); an adjusted working day
    carries the festival it makes up for, or ``""``. Dates may lie in the year
    or, as spill days, in the December before or the January after it.
    """

    year: int
    holidays: DatedNames = ()
    adjusted_workdays: DatedNames = ()

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise HolidayDataError("year", "year_range", f"year {self.year} is out of range",
                                   year=self.year)
        object.__setattr__(self, "holidays", self._checked("holidays", self.holidays))
        object.__setattr__(self, "adjusted_workdays",
                           self._checked("adjusted_workdays", self.adjusted_workdays))
        both = {d for d, _ in self.holidays} & {d for d, _ in self.adjusted_workdays}
        if both:
            day = min(both).isoformat()
            raise HolidayDataError("adjusted_workdays", "holiday_and_workday",
                                   f"{day} is both a holiday and a working day", date=day)

    @classmethod
    def build(cls, year: int, holidays: Mapping[date, str] | Iterable[date] = (),
              adjusted_workdays: Mapping[date, str] | Iterable[date] = ()) -> YearData:
        """Build from mappings of date → name, or plain dates (no name).

        Raises:
            HolidayDataError: a date outside the year's window, a date both off
                and on, a duplicate or an over-long name.
        """
        return cls(year, _pairs(holidays), _pairs(adjusted_workdays))

    def _checked(self, what: str, pairs: DatedNames) -> DatedNames:
        first, last = date(self.year - 1, 12, 1), date(self.year + 1, 1, 31)
        cleaned = sorted((d, name.strip()) for d, name in pairs)
        for i, (d, name) in enumerate(cleaned):
            if not first <= d <= last:
                raise HolidayDataError(what, "outside_year",
                                       f"{d} does not belong to the {self.year} notice",
                                       date=d.isoformat(), year=self.year)
            if i and cleaned[i - 1][0] == d:
                raise HolidayDataError(what, "duplicate_date", f"{d} is listed twice",
                                       date=d.isoformat())
            if len(name) > _MAX_NAME:
                raise HolidayDataError(what, "name_too_long", f"name of {d} is too long",
                                       date=d.isoformat(), limit=_MAX_NAME)
        return tuple(cleaned)

    def to_json(self) -> dict[str, JsonValue]:
        """A JSON-able dict, as carried in an op value."""
        return {
            "year": self.year,
            "holidays": {d.isoformat(): name for d, name in self.holidays},
            "adjusted_workdays": {d.isoformat(): name for d, name in self.adjusted_workdays},
        }

    @classmethod
    def from_json(cls, value: object) -> YearData:
        """Rebuild from :meth:`to_json` output; keys a newer version adds are ignored.

        Raises:
            HolidayDataError: the value is not such a dict (``rule`` ``json``) or
                breaks a :class:`YearData` rule. It may come from another
                computer, so nothing in it is trusted.
        """
        if not isinstance(value, dict) or type(value.get("year")) is not int:
            raise HolidayDataError("year", "json", "holiday year data is not a dict with a year")
        return cls(value["year"], _json_pairs("holidays", value.get("holidays", {})),
                   _json_pairs("adjusted_workdays", value.get("adjusted_workdays", {})))


def _pairs(items: Mapping[date, str] | Iterable[date]) -> DatedNames:
    if isinstance(items, Mapping):
        return tuple(items.items())
    return tuple((d, "") for d in items)


def _json_pairs(what: str, raw: object) -> DatedNames:
    if not isinstance(raw, dict):
        raise HolidayDataError(what, "json", f"{what} is not a dict of date → name")
    pairs = []
    for key, name in raw.items():
        try:
            pairs.append((date.fromisoformat(key), name))
        except (TypeError, ValueError):
            raise HolidayDataError(what, "json", f"{what}: {key!r} is not a date",
                                   value=str(key)) from None
        if not isinstance(name, str):
            raise HolidayDataError(what, "json", f"{what}: name of {key} is not text",
                                   date=key)
    return tuple(pairs)


@cache
def _library_year(year: int) -> YearData | None:
    """chinese-calendar's data for ``year`` as :class:`YearData` (Chinese names), or None
    for a year it does not know. One year at a time: the start page needs one or two."""
    first, last = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
    if not first <= year <= last:
        return None

    def of_year(days: Mapping[date, str]) -> dict[date, str]:
        return {d: str(chinese_calendar.Holiday(name).chinese)
                for d, name in days.items() if d.year == year}

    return YearData.build(year, of_year(chinese_calendar.holidays),
                          of_year(chinese_calendar.workdays))


@dataclass(frozen=True, slots=True)
class _YearFacts:
    """One calendar year, precomputed: the working-day flags and their running count."""

    jan1: int  # ordinal of 1 January
    known: bool
    holidays: Mapping[date, str]
    adjusted: Mapping[date, str]
    workday: bytes  # 1 for a working day, indexed by day of year (0-based)
    before: tuple[int, ...]  # before[i]: working days among the first i days

    @property
    def total(self) -> int:
        return self.before[-1]


@dataclass(frozen=True)
class HolidayCalendar:
    """Which days are worked, from chinese-calendar and the office's own year data.

    Immutable; per-year facts are computed once and cached, so counting working
    days across a year costs a few lookups, not a walk over its days.
    """

    user_years: tuple[YearData, ...] = ()
    use_library: bool = True
    _facts: dict[int, _YearFacts] = field(default_factory=dict, init=False, repr=False,
                                          compare=False)

    def __post_init__(self) -> None:
        years = [data.year for data in self.user_years]
        if len(set(years)) != len(years):
            raise HolidayDataError("year", "duplicate_year", "a year is given twice",
                                   years=sorted(years))
        object.__setattr__(self, "user_years", tuple(sorted(self.user_years,
                                                            key=lambda data: data.year)))

    @classmethod
    def from_year_texts(cls, texts: Iterable[tuple[int, str]]) -> HolidayCalendar:
        """The calendar with the office's holiday years as stored (JSON text per year).

        A year that does not read is left out: it came from another computer, and
        the library's data (or Monday to Friday) is better than no calendar.
        """
        years = []
        for _year, text in texts:
            try:
                years.append(YearData.from_json(json.loads(text)))
            except ValueError:  # HolidayDataError too
                continue
        return cls(tuple(years))

    def with_years(self, *years: YearData) -> HolidayCalendar:
        """A calendar where these years' data replaces any the user gave before."""
        replaced = {data.year for data in years}
        kept = tuple(data for data in self.user_years if data.year not in replaced)
        return HolidayCalendar((*kept, *years), self.use_library)

    def known(self, year: int) -> bool:
        """True when holidays for ``year`` come from the user or the library."""
        return self._year(year).known

    def unknown_years(self, start: date, end: date) -> tuple[int, ...]:
        """The years from ``start`` to ``end`` (inclusive) counted as weekends only."""
        low, high = sorted((start.year, end.year))
        return tuple(year for year in range(low, high + 1) if not self.known(year))

    def year_data(self, year: int) -> YearData | None:
        """The days off and 调休 days in force in ``year`` (None if the year is unknown)."""
        facts = self._year(year)
        if not facts.known:
            return None
        return YearData.build(year, facts.holidays, facts.adjusted)

    def is_workday(self, d: date) -> bool:
        """True if people work on ``d`` (a weekday not off, or a 调休 working day)."""
        facts = self._year(d.year)
        return facts.workday[d.toordinal() - facts.jan1] == 1

    def is_holiday(self, d: date) -> bool:
        """True if ``d`` is a statutory day off (a plain weekend is not)."""
        return d in self._year(d.year).holidays

    def is_adjusted_workday(self, d: date) -> bool:
        """True if ``d`` is a 调休 working day (usually a Saturday or Sunday)."""
        return d in self._year(d.year).adjusted

    def holiday_name(self, d: date) -> str | None:
        """The festival a day off or a 调休 working day belongs to (``春节``), else None."""
        facts = self._year(d.year)
        return facts.holidays.get(d) or facts.adjusted.get(d) or None

    def day_kind(self, d: date) -> DayKind:
        """Workday, weekend, holiday or adjusted workday: what a calendar shades."""
        if self.is_holiday(d):
            return DayKind.HOLIDAY
        if self.is_adjusted_workday(d):
            return DayKind.ADJUSTED_WORKDAY
        return DayKind.WORKDAY if self.is_workday(d) else DayKind.WEEKEND

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative if end < start.

        Additive: ``between(a, b) + between(b, c) == between(a, c)``.
        """
        if end < start:
            return -self.workdays_between(end, start)
        elapsed = sum(self._year(year).total for year in range(start.year, end.year))
        return elapsed + self._through(end) - self._through(start)

    def add_workdays(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (before it when ``n`` < 0); ``d`` if ``n`` == 0.

        ``d`` itself is never counted, whether or not it is a working day.
        """
        if n == 0:
            return d
        year, facts = d.year, self._year(d.year)
        index = d.toordinal() - facts.jan1
        # rank: which working day of ``year`` we want, 1-based; may leave the year.
        rank = facts.before[index + 1] + n if n > 0 else facts.before[index] + n + 1
        while rank > self._year(year).total:
            rank -= self._year(year).total
            year += 1
        while rank <= 0:
            year -= 1
            rank += self._year(year).total
        facts = self._year(year)
        return date.fromordinal(facts.jan1 + bisect_left(facts.before, rank) - 1)

    def nth_workday_after(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (n ≥ 1): "day 5 after go-live".

        Raises:
            ValueError: ``n`` < 1 (a caller's bug).
        """
        if n < 1:
            raise ValueError(f"n must be at least 1, not {n}")
        return self.add_workdays(d, n)

    def month_end_close_day(self, year: int, month: int) -> date:
        """The last working day of the month: the day of the month-end close (月底结账)."""
        last = date(year, month, _gregorian.monthrange(year, month)[1])
        return last if self.is_workday(last) else self.add_workdays(last, -1)

    def _through(self, d: date) -> int:
        """Working days from 1 January of ``d``'s year up to and including ``d``."""
        facts = self._year(d.year)
        return facts.before[d.toordinal() - facts.jan1 + 1]

    def _year(self, year: int) -> _YearFacts:
        facts = self._facts.get(year)
        if facts is None:
            facts = self._facts[year] = self._compute(year)
        return facts

    def _compute(self, year: int) -> _YearFacts:
        own = {data.year: data for data in self.user_years}
        base = own.get(year)
        if base is None and self.use_library:
            base = _library_year(year)
        off: dict[date, str] = {}
        on: dict[date, str] = {}
        # Later sources win: the library's or the user's notice for the year,
        # then the neighbouring user notices' spill days, then the user's own year.
        sources = [base, own.get(year - 1), own.get(year + 1), own.get(year)]
        for data in (s for s in sources if s is not None):
            _overlay(off, on, data, year)
        return _facts_for(year, base is not None, off, on)


def _overlay(off: dict[date, str], on: dict[date, str], data: YearData, year: int) -> None:
    for d, name in data.holidays:
        if d.year == year:
            off[d] = name
            on.pop(d, None)
    for d, name in data.adjusted_workdays:
        if d.year == year:
            on[d] = name
            off.pop(d, None)


def _facts_for(year: int, known: bool, off: dict[date, str], on: dict[date, str]) -> _YearFacts:
    jan1 = date(year, 1, 1).toordinal()
    days = date(year + 1, 1, 1).toordinal() - jan1
    flags = bytearray(days)
    before = [0] * (days + 1)
    for i in range(days):
        d = date.fromordinal(jan1 + i)
        flags[i] = d in on or (d.weekday() < 5 and d not in off)
        before[i + 1] = before[i] + flags[i]
    return _YearFacts(jan1, known, MappingProxyType(off) if off else _NO_NAMES,
                      MappingProxyType(on) if on else _NO_NAMES, bytes(flags), tuple(before))
