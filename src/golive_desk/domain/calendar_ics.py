"""The support schedule as ICS, and a customer's calendar read back as dated events.

Export: one VEVENT per slot with a stable UID (``<slot id>@golive-desk``), so a
calendar program that imports the file again updates the event instead of
adding a second one; the time zone is Asia/Shanghai (a VTIMEZONE is included);
whole days are all-day events (DTEND exclusive), half days run 08:30–12:00 or
13:00–17:30, repeated daily over the slot's days. Milestones are all-day
events with ``<milestone id>@golive-desk``.

Import: every VEVENT becomes an :class:`IcsEvent` (its days inclusive),
recurring events expanded within the imported range, everything checked
before anything is returned, so the caller never writes half a file. A plain
file (no recurrence, time zones or oddities) is read by ``ics_lines``, ten
times faster than icalendar; the rest by icalendar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.ics_lines import plain_events
from golive_desk.domain.support_calendar import (
    FIRST_DAY,
    LAST_DAY,
    CalendarError,
    Half,
    Milestone,
    MilestoneKind,
    Slot,
)

if TYPE_CHECKING:  # (icalendar, ~25 ms to import, loads for an export or an odd file only)
    from icalendar import Event

TZID = "Asia/Shanghai"
UID_DOMAIN = "@golive-desk"
MAX_ICS_BYTES = 20_000_000
MAX_EVENTS = 20_000
MAX_OCCURRENCES = 1_000  # per recurring event, within the range
MAX_EVENT_DAYS = 366
HALF_TIMES = {Half.AM: (time(8, 30), time(12, 0)), Half.PM: (time(13, 0), time(17, 30))}
MODE_ZH = {SupportMode.ONSITE: "现场支持", SupportMode.PHONE: "电话支持",
           SupportMode.REMOTE: "远程支持"}
KIND_ZH = {MilestoneKind.GO_LIVE: "上线", MilestoneKind.MONTH_END_CLOSE: "月底结账",
           MilestoneKind.PLANNED_EXIT: "顾问撤离现场", MilestoneKind.ACCEPTANCE: "项目验收",
           MilestoneKind.OTHER: "里程碑"}
# Words in a customer's event that say which milestone it is (Chinese and English).
_KIND_WORDS: tuple[tuple[MilestoneKind, tuple[str, ...]], ...] = (
    (MilestoneKind.MONTH_END_CLOSE, ("结账", "月结", "关账", "close", "closing")),
    (MilestoneKind.ACCEPTANCE, ("验收", "acceptance")),
    (MilestoneKind.PLANNED_EXIT, ("撤离", "exit")),
    (MilestoneKind.GO_LIVE, ("上线", "go-live", "go live")),
)
# Each kind's words as one pattern: is any of them in the text, in one C call.
_KIND_SEARCH = tuple((kind, re.compile("|".join(map(re.escape, words))).search)
                     for kind, words in _KIND_WORDS)
_ONE_DAY, _ONE_MICROSECOND = timedelta(days=1), timedelta(microseconds=1)
_new_event = tuple.__new__  # (as ``IcsEvent._make`` does, without its Python call)


class IcsEvent(NamedTuple):
    """One event (or one occurrence of a recurring one): its UID, text and days.

    (A named tuple: a customer's calendar brings thousands, made with ``tuple.__new__``.)
    """

    uid: str
    summary: str
    first: date
    last: date
    description: str = ""

    @property
    def own_id(self) -> str | None:
        """The record id when the UID is one of ours (``<id>@golive-desk``)."""
        if UID_DOMAIN not in self.uid:  # (a customer's event: asked of each one)
            return None
        base = self.uid.split("#", 1)[0]  # an occurrence of a repeating event: uid#day
        if base.endswith(UID_DOMAIN):
            return base[: -len(UID_DOMAIN)]
        return None


def milestone_kind(summary: str) -> MilestoneKind:
    """What kind of milestone a customer's event is, by its words (else OTHER)."""
    low = summary.lower()
    for kind, words in _KIND_SEARCH:
        if words(low):
            return kind
    return MilestoneKind.OTHER


def schedule_ics(slots: Sequence[Slot], milestones: Sequence[Milestone], *, stamp: datetime,
                 name: str = "现场支持时间表") -> bytes:
    """The slots and milestones as an ICS file (see the module text)."""
    from icalendar import Calendar, Event, Timezone

    zone = ZoneInfo(TZID)
    cal = Calendar()
    cal.add("PRODID", "-//GoLive Desk//Support calendar//ZH")
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("X-WR-CALNAME", name)
    cal.add("X-WR-TIMEZONE", TZID)
    cal.add_component(Timezone.from_tzid(TZID))
    for slot in slots:
        event = Event()
        event.add("UID", f"{slot.id}{UID_DOMAIN}")
        event.add("DTSTAMP", stamp)
        event.add("SUMMARY", f"{MODE_ZH[slot.mode]} · {slot.customer} · {slot.person_name}")
        event.add("CATEGORIES", [slot.mode.value])
        if slot.note:
            event.add("DESCRIPTION", slot.note)
        if slot.half is Half.DAY:
            event.add("DTSTART", slot.start)
            event.add("DTEND", slot.end + timedelta(days=1))
            event.add("TRANSP", "TRANSPARENT")
        else:
            begin, finish = HALF_TIMES[slot.half]
            event.add("DTSTART", datetime.combine(slot.start, begin, zone))
            event.add("DTEND", datetime.combine(slot.start, finish, zone))
            days = (slot.end - slot.start).days + 1
            if days > 1:
                event.add("RRULE", {"FREQ": "DAILY", "COUNT": days})
        if slot.mode is SupportMode.ONSITE:
            event.add("LOCATION", slot.customer)
        cal.add_component(event)
    for stone in milestones:
        event = Event()
        event.add("UID", f"{stone.id.replace(':', '-')}{UID_DOMAIN}")
        event.add("DTSTAMP", stamp)
        label = KIND_ZH[stone.kind]
        event.add("SUMMARY", f"{stone.project_code} {label}" + (
            f" · {stone.note}" if stone.note else ""))
        event.add("X-GOLIVE-KIND", stone.kind.value)
        event.add("DTSTART", stone.day)
        event.add("DTEND", stone.day + timedelta(days=1))
        event.add("TRANSP", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def read_events(data: bytes, *, start: date = FIRST_DAY, end: date = LAST_DAY) -> list[IcsEvent]:
    """Every event of an ICS file, recurring ones expanded within ``start``..``end``.

    Raises:
        CalendarError: ``too_large``, ``not_ics``, ``too_many_events``,
            ``event_without_date`` (an event whose date is missing or unreadable,
            or a range that ends before it starts or lasts over a year).
    """
    if len(data) > MAX_ICS_BYTES:
        raise CalendarError("ics", "too_large", "the calendar file is too large",
                            size=len(data), limit=MAX_ICS_BYTES)
    plain = plain_events(data)
    if plain is not None:  # no recurrence, time zones or oddities: the line reader's
        _check_count(len(plain))
        read: list[IcsEvent] = []
        for uid, summary, description, start_at, end_at in plain:
            uid, summary = uid.strip(), summary.strip()
            first, last = _days(summary, uid, start_at, end_at)
            read.append(_new_event(IcsEvent, (uid, summary, first, last, description.strip())))
        return read
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        raise CalendarError("ics", "not_ics", "the file is not an iCalendar (ICS) file") \
            from None
    if not isinstance(cal, Calendar) or cal.name != "VCALENDAR":
        raise CalendarError("ics", "not_ics", "the file is not an iCalendar (ICS) file")
    events = cal.events
    _check_count(len(events))
    found: list[IcsEvent] = []
    for event in events:
        found.extend(_occurrences(event, start, end))
        if len(found) > MAX_EVENTS * 5:
            raise CalendarError("ics", "too_many_events", "the file repeats too many events",
                                limit=MAX_EVENTS * 5)
    return found


def _check_count(count: int) -> None:
    if count > MAX_EVENTS:
        raise CalendarError("ics", "too_many_events", f"the file has over {MAX_EVENTS} events",
                            count=count, limit=MAX_EVENTS)


def _occurrences(event: Event, start: date, end: date) -> list[IcsEvent]:
    summary = str(event.get("SUMMARY", "")).strip()
    uid = str(event.get("UID", "")).strip()
    description = str(event.get("DESCRIPTION", "")).strip()
    try:
        first_at, end_at = event.start, event.end
    except (ValueError, TypeError, KeyError):
        raise CalendarError("ics", "event_without_date",
                            f"event '{summary or uid}' has no readable date",
                            summary=summary) from None
    first, last = _days(summary, uid, first_at, end_at)
    length = (last - first).days
    starts = [first]
    if event.get("RRULE") is not None:
        starts = _expand(event, first_at, start, end)
    return [IcsEvent(uid if i == 0 or not uid else f"{uid}#{day.isoformat()}", summary, day,
                     day + timedelta(days=length), description)
            for i, day in enumerate(starts)
            if len(starts) == 1 or start <= day <= end]


def _days(summary: str, uid: str, first_at: date | datetime,
          end_at: date | datetime) -> tuple[date, date]:
    """The first and last day (inclusive) of an event from its DTSTART and DTEND."""
    first = first_at.date() if isinstance(first_at, datetime) else first_at
    last = (end_at - _ONE_MICROSECOND).date() if isinstance(end_at, datetime) \
        else end_at - _ONE_DAY
    last = max(last, first)
    if (last - first).days >= MAX_EVENT_DAYS or not FIRST_DAY <= first <= LAST_DAY:
        raise CalendarError("ics", "event_without_date",
                            f"event '{summary or uid}' has no usable date range",
                            summary=summary)
    return first, last


def _expand(event: Event, first_at: date | datetime, start: date, end: date) -> list[date]:
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

    raw = event["RRULE"].to_ical()
    rule_text = raw.decode("ascii", "replace") if isinstance(raw, bytes) else str(raw)
    anchor = first_at if isinstance(first_at, datetime) else datetime.combine(first_at, time())
    anchor = anchor.replace(tzinfo=None)
    try:
        rule = rrulestr(rule_text, dtstart=anchor, ignoretz=True)
    except (ValueError, TypeError):
        raise CalendarError("ics", "event_without_date", "a repeating event has a bad rule",
                            value=rule_text) from None
    days: list[date] = []
    window_end = datetime.combine(end, time.max)
    for when in rule.xafter(datetime.combine(start, time()) - timedelta(microseconds=1),
                            count=MAX_OCCURRENCES, inc=True):
        if when > window_end:
            break
        days.append(when.date())
    return days
