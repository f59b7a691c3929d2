"""The ICS line reader gives what icalendar gives, or leaves the file to icalendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from golive_desk.domain.calendar_ics import read_events
from golive_desk.domain.ics_lines import plain_events


def _by_icalendar(data: bytes) -> list[tuple[str, str, str, date, date]]:
    found = []
    for event in Calendar.from_ical(data).events:
        start, end = event.start, event.end
        found.append((str(event.get("UID", "")), str(event.get("SUMMARY", "")),
                      str(event.get("DESCRIPTION", "")),
                      start.replace(tzinfo=None) if isinstance(start, datetime) else start,
                      end.replace(tzinfo=None) if isinstance(end, datetime) else end))
    return found


_TEXT = st.lists(st.sampled_from([*"ab 月底结账,;:\\nN%2C\"\t", "\\,", "\\;", "\\n", "\\\\"]),
                 max_size=12).map("".join)
_DATE_VALUE = st.one_of(
    st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(lambda d: ("VALUE=DATE", d, False)),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(lambda d: ("", d, False)),
    st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31)).map(lambda d: ("", d, True)),
    st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31)).map(lambda d: ("", d, "Z")),
)


def _value(params: str, when: date, kind: object) -> str:
    head = f";{params}" if params else ""
    if kind is False:
        return f"{head}:{when:%Y%m%d}"
    return f"{head}:{when:%Y%m%dT%H%M%S}{'Z' if kind == 'Z' else ''}"


@st.composite
def _calendars(draw: st.DrawFn) -> bytes:
    events = []
    for i in range(draw(st.integers(1, 4))):
        params, start, kind = draw(_DATE_VALUE)
        if kind is False:
            end: date = start + timedelta(days=draw(st.integers(0, 3)))
        else:
            assert isinstance(start, datetime)
            end = start + timedelta(hours=draw(st.integers(0, 60)))
            start = start.replace(microsecond=0)
            end = end.replace(microsecond=0)
        lines = [f"UID:e{i}@customer", f"SUMMARY{draw(st.sampled_from(['', ';LANGUAGE=zh']))}:"
                 f"{draw(_TEXT)}", f"DTSTART{_value(params, start, kind)}",
                 f"DTEND{_value(params, end, kind)}"]
        if draw(st.booleans()):
            lines.append(f"DESCRIPTION:{draw(_TEXT)}")
        if draw(st.booleans()):
            lines.append("TRANSP:TRANSPARENT")
        order = draw(st.permutations(lines))
        events.append("BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in order)
                      + "END:VEVENT\r\n")
    body = "".join(events)
    if draw(st.booleans()):  # fold a long line the way writers do
        body = body.replace("SUMMARY", "SUMM\r\n ARY", 1)
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//ZH\r\n{body}END:VCALENDAR\r\n"
    return text.replace("\r\n", newline).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(_calendars())
def test_line_reader_agrees_with_icalendar(data: bytes) -> None:
    plain = plain_events(data)
    if plain is not None:
        assert [tuple(e) for e in plain] == _by_icalendar(data)


def test_plain_files_take_the_line_reader() -> None:
    data = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"
            "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:月底结账\\, 第一次\r\nDTSTART;VALUE=DATE:20270129\r\n"
            "DTEND;VALUE=DATE:20270130\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    assert plain_events(data) == [("a", "月底结账, 第一次", "", date(2027, 1, 29),
                                   date(2027, 1, 30))]


def test_anything_unusual_is_left_to_icalendar() -> None:
    event = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\n{}\r\n"
             "END:VEVENT\r\nEND:VCALENDAR\r\n")
    dates = "DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102"
    for odd in ("DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nRRULE:FREQ=DAILY",
                "DTSTART;TZID=Asia/Shanghai:20270101T083000\r\nDTEND;TZID=Asia/Shanghai:"
                "20270101T120000",
                "DTSTART;VALUE=DATE:20270101\r\nDURATION:P1D",
                "DTSTART;VALUE=DATE:20270101",
                "DTSTART;VALUE=DATE:20270101\r\nDTEND:20270102T000000",
                "DTSTART;VALUE=DATE:20270230\r\nDTEND;VALUE=DATE:20270301",
                f"{dates}\r\nBEGIN:VALARM\r\nEND:VALARM",
                f"{dates}\r\nSUMMARY:twice"):
        assert plain_events(event.format(odd).encode()) is None, odd
    assert plain_events(b"not a calendar") is None
    assert plain_events("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".encode("utf-16")) is None


def test_recurring_events_are_still_expanded() -> None:
    data = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:r\r\nSUMMARY:月结\r\n"
            "DTSTART;VALUE=DATE:20270129\r\nDTEND;VALUE=DATE:20270130\r\n"
            "RRULE:FREQ=MONTHLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    # 2027 has no 29 February: the rule skips it
    assert [e.first for e in read_events(data)] == [date(2027, 1, 29), date(2027, 3, 29),
                                                    date(2027, 4, 29)]
