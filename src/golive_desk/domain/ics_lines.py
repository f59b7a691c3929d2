"""A line reader for plain ICS files: the fast path of :func:`calendar_ics.read_events`.

icalendar builds a typed property object for every content line (parameters,
a value factory, a case-insensitive dict per component): about 0.1 ms an
event, a second for a 10,000-event customer calendar. An import needs five
properties of each VEVENT, so a file that holds only what this reader
understands is read here, line by line, with the same results as icalendar
(``tests/unit/test_ics_lines.py`` compares the two on generated files).

Anything else makes :func:`plain_events` answer ``None`` and the caller reads
the file with icalendar, which also words the errors: a file that does not
start with ``BEGIN:VCALENDAR`` or is not UTF-8, a component other than VEVENT
(and a VTIMEZONE, skipped) or one inside an event (VALARM), recurrence
(RRULE, RDATE, EXDATE, EXRULE, RECURRENCE-ID), DURATION, a missing DTSTART or
DTEND, a TZID or another parameter on them, dates of two types or unreadable,
a property we read given twice, a quoted parameter.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# icalendar's unfolding (``parser/content_line.UFOLD``): a line break (and any
# blank lines after it) followed by a space or a tab joins the two lines.
_UNFOLD = re.compile(r"(?:(?<!\n)\r\n|(?<![\r\n])\n)(?:\r?\n)*[ \t]")
_NAME = re.compile(r"[A-Za-z0-9-]+\Z")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})\Z")
_DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?\Z")
# RFC 5545 TEXT escapes, as icalendar undoes them (others are kept as written).
_ESCAPE = re.compile(r"\\([\\,;:nN])")
_TEXT = frozenset({"UID", "SUMMARY", "DESCRIPTION"})
_DATES = frozenset({"DTSTART", "DTEND"})
_UNSUPPORTED = frozenset({"RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID", "DURATION"})
_KNOWN = _TEXT | _DATES | {"BEGIN", "END"}
_NO_TEXT = ("", "")  # (parameters and value of a text property not given)

# An event as read: UID, summary, description (unescaped, unstripped), start, end.
PlainEvent = tuple[str, str, str, date | datetime, date | datetime]


def plain_events(data: bytes) -> list[PlainEvent] | None:
    """Every VEVENT of a plain ICS file, or ``None`` when icalendar must read it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\n " in text or "\n\t" in text:  # (every fold is a line break before a blank)
        text = _UNFOLD.sub("", text)
    # Split at LF and CRLF in two C calls (a CR alone stays in its line).
    lines = list(filter(None, text.replace("\r\n", "\n").split("\n")))  # (blank ones dropped)
    if not lines or lines[0].upper() != "BEGIN:VCALENDAR" or lines[-1].upper() != "END:VCALENDAR":
        return None
    found: list[PlainEvent] = []
    event: dict[str, tuple[str, str]] | None = None  # name -> (parameters, value)
    skipping = 0  # depth inside a VTIMEZONE
    heads: dict[str, tuple[str, str, int]] = {}  # a line's head, read: (NAME, PARAMETERS, role)
    dates: dict[tuple[str, str], date | datetime | None] = {}  # (the same days recur)
    for line in lines[1:-1]:
        head, colon, value = line.partition(":")
        if not colon:
            return None
        read = heads.get(head)  # (the same few heads on every event)
        if read is None:
            read = _head(head)
            if read is None:
                return None
            heads[head] = read
        name, params, role = read
        # (An open event means no time zone is being skipped: see the BEGIN branch.)
        if role == _KEPT:
            if event is not None:
                if name in event:
                    return None
                event[name] = (params, value)
        elif role == _BOUNDARY:
            kind = value.upper()
            if skipping:
                skipping += 1 if name == "BEGIN" else -1
            elif name == "BEGIN" and event is None and kind == "VEVENT":
                event = {}
            elif name == "BEGIN" and event is None and kind == "VTIMEZONE":
                skipping = 1
            elif name == "END" and event is not None and kind == "VEVENT":
                done = _event(event, dates)
                if done is None:
                    return None
                found.append(done)
                event = None
            else:
                return None
        elif role == _REFUSED and event is not None:
            return None
        # (else the calendar's own properties, a time zone's, or an event's we do not read)
    return None if event is not None or skipping else found


# What a line is to the reader: BEGIN/END, a property it keeps, one it cannot read
# (recurrence: icalendar's), or another (skipped).
_BOUNDARY, _KEPT, _REFUSED, _OTHER = range(4)


def _head(head: str) -> tuple[str, str, int] | None:
    """A line's head as ``(NAME, parameters, role)``; None: one icalendar must read."""
    if '"' in head:
        return None
    name, _, params = head.partition(";")
    name = name.upper()
    if name not in _KNOWN and not _NAME.match(name):
        return None
    role = (_BOUNDARY if name in ("BEGIN", "END") else _KEPT if name in _TEXT or name in _DATES
            else _REFUSED if name in _UNSUPPORTED else _OTHER)
    return name, params.upper(), role  # (parameters matter to dates only, in any case)


def _event(props: dict[str, tuple[str, str]],
           dates: dict[tuple[str, str], date | datetime | None]) -> PlainEvent | None:
    start_prop, end_prop = props.get("DTSTART"), props.get("DTEND")
    if start_prop is None or end_prop is None:
        return None
    start = dates.get(start_prop)
    if start is None:
        start = dates[start_prop] = _when(*start_prop)
    end = dates.get(end_prop)
    if end is None:
        end = dates[end_prop] = _when(*end_prop)
    if start is None or end is None or isinstance(start, datetime) != isinstance(end, datetime):
        return None
    get = props.get
    uid, summary, description = (get("UID", _NO_TEXT)[1], get("SUMMARY", _NO_TEXT)[1],
                                 get("DESCRIPTION", _NO_TEXT)[1])
    if "\\" in uid or "\\" in summary or "\\" in description:  # (escapes: rare)
        return _text(uid), _text(summary), _text(description), start, end
    return uid, summary, description, start, end


def _text(value: str) -> str:
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _when(declared: str, value: str) -> date | datetime | None:
    """A DATE or a floating/UTC DATE-TIME (as its own calendar day reads), else None
    (``declared``: the parameters, in capitals)."""
    try:
        if declared in ("", "VALUE=DATE") and len(value) == 8 and value.isascii() \
                and value.isdigit():  # (the usual all-day date, read in C)
            return date.fromisoformat(value)
        if declared in ("", "VALUE=DATE") and (day := _DATE.match(value)):
            year, month, mday = map(int, day.groups())
            return date(year, month, mday)
        if declared in ("", "VALUE=DATE-TIME") and (moment := _DATE_TIME.match(value)):
            year, month, mday, hour, minute, second = map(int, moment.groups())
            return datetime(year, month, mday, hour, minute, second)
    except ValueError:  # 20270230: icalendar words the refusal
        return None
    return None
