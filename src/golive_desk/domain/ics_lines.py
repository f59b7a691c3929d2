"""A line reader for plain ICS files: the fast path of :func:`calendar_ics.read_events`.

icalendar builds a typed property object for every content line (parameters,
a value factory, a case-insensitive dict per component): about 0.1 ms an
event, a second for a 10,000-event customer calendar. An import needs five
properties of each VEVENT, so a file that holds only what this reader
understands is read here, with the same results as icalendar
(``tests/unit/test_ics_lines.py`` compares the two on generated files): a
file of alike events (each of the same lines, as one program writes them) by
one regex, in C, in a third of the time; any other line by line.

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
from typing import cast

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
    # (Read as written: a folded line — a line break, then a blank — never fits.)
    found = _alike_events(text)
    if found is not None:
        return found
    if "\n " in text or "\n\t" in text:  # (every fold is a line break before a blank)
        text = _UNFOLD.sub("", text)
    return _line_by_line(text.replace("\r\n", "\n"))


def _alike_events(text: str) -> list[PlainEvent] | None:
    """A file of alike events read by one regex, or None: read it line by line.

    Alike: ``BEGIN:VCALENDAR``, the calendar's own lines, then events one after
    another to ``END:VCALENDAR``, each with the first event's heads in its order
    (what one program writes), heads :func:`_line_by_line` reads in an event
    without refusing it. Such an event is one match of a pattern made of those
    heads; splitting the text by it gives, in C, the values of each head a
    column and what lies between two events (nothing, else not alike). The
    same events as :func:`_line_by_line` (``tests/unit/test_ics_lines.py``
    compares the two on odd files); anything else, a refusal too, is left to it.
    """
    first = _FIRST_EVENT.search(text)
    if first is None:
        return None
    plan = _plan(first.group(1).replace("\r\n", "\n").split("\n"))
    if plan is None:
        return None
    pattern, names, declared = plan
    pieces = pattern.split(text)
    step = len(names) + 1
    between = pieces[::step]  # (before the first event, between events, after the last)
    if len(between) < 2 or any(between[1:-1]) or not _calendar_lines(between[0]) or \
            between[-1].replace("\r\n", "\n").strip("\n") != "END:VCALENDAR":
        return None
    column = {name: pieces[i::step] for i, name in enumerate(names, 1)}
    starts, ends = _dates(column["DTSTART"], declared[0]), _dates(column["DTEND"], declared[1])
    if starts is None or ends is None or type(starts[0]) is not type(ends[0]):
        return None
    no_text = [""] * len(starts)
    texts = [column.get(name, no_text) for name in ("UID", "SUMMARY", "DESCRIPTION")]
    if "\\" in text:  # (escapes: rare)
        texts = [list(map(_text, values)) for values in texts]
    return list(zip(*texts, starts, ends, strict=True))


_VALUE, _VALUE_READ = r"[^\r\n]*", r"([^\r\n]*)"  # (the rest of a line; a CR alone: no match)
# The first event's lines (its end: a line break and END:VEVENT, as in the pattern).
_FIRST_EVENT = re.compile(r"\r?\nBEGIN:VEVENT\r?\n(.*?)\r?\nEND:VEVENT(?=\r?\n)", re.DOTALL)


def _plan(lines: list[str]) -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, str]] | None:
    """The pattern of an event of these lines' heads in this order (a group for each
    property read), the groups' names, and DTSTART's and DTEND's parameters (in
    capitals); None: an event of these heads is read line by line."""
    parts = [r"\r?\nBEGIN:VEVENT"]
    names: list[str] = []
    declared: dict[str, str] = {}
    for line in lines:
        head, colon, _ = line.partition(":")
        read = _head(head) if colon else None
        if read is None or read[2] in (_BOUNDARY, _REFUSED):  # (a component, recurrence)
            return None
        name, params, role = read
        if role == _KEPT:
            if name in names:  # (twice: refused; under heads written apart, "UID", "uid")
                return None
            names.append(name)
            declared[name] = params
        parts.append(rf"\r?\n{re.escape(head)}:" + (_VALUE_READ if role == _KEPT else _VALUE))
    if "DTSTART" not in names or "DTEND" not in names:
        return None
    parts.append(r"\r?\nEND:VEVENT(?=\r?\n)")
    return re.compile("".join(parts)), tuple(names), (declared["DTSTART"], declared["DTEND"])


def _calendar_lines(text: str) -> bool:
    """The text before the first event: ``BEGIN:VCALENDAR`` and the calendar's own
    properties (no component: a time zone is read line by line)."""
    lines = list(filter(None, text.replace("\r\n", "\n").split("\n")))
    if not lines or lines[0] != "BEGIN:VCALENDAR":
        return False
    for line in lines[1:]:
        head, colon, _ = line.partition(":")
        read = _head(head) if colon else None
        if read is None or read[2] == _BOUNDARY:
            return False
    return True


def _dates(values: list[str], declared: str) -> list[date | datetime] | None:
    """Each DTSTART's or DTEND's value read as :func:`_when` reads it; None: one
    unreadable, or dates of two types (read line by line)."""
    days = _all_days(values, declared)  # (the usual: all-day dates, read in C)
    if days is not None:
        return list(days)
    distinct = list(set(values))  # (else each distinct text read once)
    read = dict(zip(distinct, [_when(declared, value) for value in distinct], strict=True))
    if len(set(map(type, read.values()))) != 1 or None in read.values():
        return None
    return list(map(cast(dict[str, date | datetime], read).__getitem__, values))


def _line_by_line(text: str) -> list[PlainEvent] | None:
    """Any file, a line at a time (``text`` unfolded, with LF line breaks)."""
    lines = list(filter(None, text.split("\n")))  # (blank ones dropped)
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
                start, end = event.get("DTSTART"), event.get("DTEND")
                if start is None or end is None:
                    return None
                get = event.get
                done = _event(get("UID", _NO_TEXT)[1], get("SUMMARY", _NO_TEXT)[1],
                              get("DESCRIPTION", _NO_TEXT)[1], start, end, dates)
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


def _event(uid: str, summary: str, description: str, start_prop: tuple[str, str],
           end_prop: tuple[str, str],
           dates: dict[tuple[str, str], date | datetime | None]) -> PlainEvent | None:
    """An event from its texts (as written) and its DTSTART and DTEND ``(PARAMETERS,
    value)``; None: dates icalendar must read (``dates``: those read so far)."""
    start = dates.get(start_prop)
    if start is None:
        start = dates[start_prop] = _when(*start_prop)
    end = dates.get(end_prop)
    if end is None:
        end = dates[end_prop] = _when(*end_prop)
    if start is None or end is None or isinstance(start, datetime) != isinstance(end, datetime):
        return None
    if "\\" in uid or "\\" in summary or "\\" in description:  # (escapes: rare)
        return _text(uid), _text(summary), _text(description), start, end
    return uid, summary, description, start, end


def _all_days(values: list[str], declared: str) -> list[date] | None:
    """:func:`_when` of each value when each is a usual all-day date (eight ASCII digits,
    read in C as ``_when`` reads it), else None."""
    if declared not in ("", "VALUE=DATE") or set(map(len, values)) != {8}:
        return None
    digits = "".join(values)
    if not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return list(map(date.fromisoformat, values))
    except ValueError:  # (20270230: each read by _when, which gives None)
        return None


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
