"""Holiday calendars as ICS text: read the office's shared feed, write what we use.

Chinese holiday feeds mark days off as all-day events named ``春节``,
``春节 (休)``, ``休`` or ``国庆节 假期 第1天/共7天``, and 调休 working days as
``班``, ``上班``, ``补班`` or ``调休上班``. Other events (``妇女节``, meetings) are
not days off and are skipped; a repeating event (RRULE) counts once, as feeds
list each year's days explicitly. Text in, text out: reading the file is the
caller's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from golive_desk.domain.errors import HolidayDataError
from golive_desk.domain.workdays import DatedNames, YearData

if TYPE_CHECKING:  # (icalendar loads when a feed is read or written: an ICS import's
    from icalendar import Event  # plain file, which uses _kind and _name, needs none)

MAX_ICS_CHARS = 2_000_000
MAX_EVENT_DAYS = 31  # the longest real break is 9 days; a longer event is a typo
_FESTIVALS = ("元旦", "除夕", "春节", "清明", "劳动节", "五一", "端午", "中秋", "国庆")
_FESTIVAL = re.compile("|".join(map(re.escape, _FESTIVALS)))  # (any of them, in one C call)
_MARKERS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]|第\s*\d+\s*天|共\s*\d+\s*天|调休|补班|上班|"
                      r"放假|假期|休息|[休班假/·\-–—:：]")
_SPILL_FROM = (12, 20)  # a December date from here on may belong to next year's notice


def parse_holiday_ics(text: str) -> tuple[YearData, ...]:
    """Read a holiday ICS feed into one :class:`YearData` per notice year.

    Multi-day events are expanded (DTEND is exclusive); DTSTART may be a date
    or a date-time (its own wall date counts). A 班 event beats a day-off event
    on the same date. Late-December days listed alone are given to the next
    year's notice, where the 元旦 break that they belong to is.

    Raises:
        HolidayDataError: ``not_ics`` (not an iCalendar), ``too_large``,
            ``bad_event`` (an event without a readable date), ``event_too_long``,
            ``no_holidays`` (no day off or 调休 day in it), or a YearData rule.
    """
    if len(text) > MAX_ICS_CHARS:
        raise HolidayDataError("ics", "too_large", "the calendar file is too large",
                               size=len(text), limit=MAX_ICS_CHARS)
    off: dict[date, str] = {}
    on: dict[date, str] = {}
    for event in _events(text):
        summary = str(event.get("SUMMARY", "")).strip()
        kind = _kind(summary)
        if kind is None:
            continue
        for d in _days(event, summary):
            (on if kind == "on" else off)[d] = _name(summary)
    for d in on:
        off.pop(d, None)
    if not off and not on:
        raise HolidayDataError("ics", "no_holidays", "the calendar has no holidays or 调休 days")
    return _by_notice_year(off, on)


def holiday_ics_text(years: tuple[YearData, ...], *, stamp: datetime,
                     name: str = "节假日") -> str:
    """Write year data as an ICS feed that :func:`parse_holiday_ics` reads back.

    Consecutive days with the same name and kind become one all-day event
    (``春节 (休)`` or ``春节 (班)``).

    Args:
        years: The years to write.
        stamp: The DTSTAMP of every event (when the file was made; UTC).
        name: The calendar's display name.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("PRODID", "-//GoLive Desk//Holidays//ZH")
    cal.add("VERSION", "2.0")
    cal.add("X-WR-CALNAME", name)
    for data in years:
        for kind, pairs in (("休", data.holidays), ("班", data.adjusted_workdays)):
            for first, days, label in _runs(pairs):
                event = Event()
                event.add("UID", f"{first.isoformat()}-{'off' if kind == '休' else 'on'}"
                                 "@golive-desk")
                event.add("DTSTAMP", stamp)
                event.add("SUMMARY", f"{label} ({kind})" if label else kind)
                event.add("DTSTART", first)
                event.add("DTEND", first + timedelta(days=days))
                event.add("TRANSP", "TRANSPARENT")
                cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")


def _events(text: str) -> list[Event]:
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(text)
    except ValueError:
        raise HolidayDataError("ics", "not_ics", "the text is not an iCalendar (ICS) file") \
            from None
    if not isinstance(cal, Calendar) or cal.name != "VCALENDAR":
        raise HolidayDataError("ics", "not_ics", "the text is not an iCalendar (ICS) file")
    return cal.events


def _kind(summary: str) -> str | None:
    """``on`` for a 调休 working day, ``off`` for a day off, None for anything else."""
    if "班" in summary:
        return "on"
    if "休" in summary or "假" in summary or _FESTIVAL.search(summary):
        return "off"
    return None


def _name(summary: str) -> str:
    """The festival's name without the markers: ``国庆节 假期 第1天/共7天`` → ``国庆节``."""
    return _MARKERS.sub("", summary).strip()


def _days(event: Event, summary: str) -> Iterator[date]:
    """Every date the event covers; DTEND (or DURATION) is exclusive."""
    try:
        start, end = event.start, event.end
    except ValueError:  # missing or broken DTSTART/DTEND
        raise HolidayDataError("ics", "bad_event", f"event '{summary}' has no readable date",
                               summary=summary) from None
    first = start.date() if isinstance(start, datetime) else start
    # Exclusive end: a timed event ending at midnight does not touch the next day.
    # An event that ends where it starts still marks its day (max below).
    if isinstance(end, datetime):
        last = (end - timedelta(microseconds=1)).date()
    else:
        last = end - timedelta(days=1)
    days = (last - first).days + 1
    if days > MAX_EVENT_DAYS:
        raise HolidayDataError("ics", "event_too_long", f"event '{summary}' lasts {days} days",
                               summary=summary, days=days, limit=MAX_EVENT_DAYS)
    return (first + timedelta(days=i) for i in range(max(days, 1)))


def _by_notice_year(off: dict[date, str], on: dict[date, str]) -> tuple[YearData, ...]:
    """Group days by year; a late-December group alone joins the next year's notice."""
    groups: dict[int, tuple[dict[date, str], dict[date, str]]] = {}
    for kind, days in enumerate((off, on)):
        for d, name in days.items():
            groups.setdefault(d.year, ({}, {}))[kind][d] = name
    for year in sorted(groups):
        spill = groups[year][0].keys() | groups[year][1].keys()
        if year + 1 in groups and all((d.month, d.day) >= _SPILL_FROM for d in spill):
            later = groups.pop(year)
            groups[year + 1][0].update(later[0])
            groups[year + 1][1].update(later[1])
    return tuple(YearData.build(year, groups[year][0], groups[year][1])
                 for year in sorted(groups))


def _runs(pairs: DatedNames) -> Iterator[tuple[date, int, str]]:
    """(first day, length, name) of each run of consecutive days with one name."""
    run: list[tuple[date, str]] = []
    for d, label in pairs:
        if run and (d - run[-1][0]).days == 1 and label == run[-1][1]:
            run.append((d, label))
            continue
        if run:
            yield run[0][0], len(run), run[0][1]
        run = [(d, label)]
    if run:
        yield run[0][0], len(run), run[0][1]
