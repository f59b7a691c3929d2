"""The ICS line reader gives what icalendar gives, or leaves the file to icalendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from golive_desk.domain import ics_lines
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
# A DTSTART's parameters, its moment and its kind (False: a date; True: floating; "Z": UTC).
_DATE_VALUES = (
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
def _style(draw: st.DrawFn) -> tuple[int, str, bool, bool, list[int]]:
    """An event's shape: its kind of date, SUMMARY's parameters, whether it has a
    DESCRIPTION and a TRANSP, the order of its lines."""
    return (draw(st.integers(0, len(_DATE_VALUES) - 1)),
            draw(st.sampled_from(["", ";LANGUAGE=zh"])), draw(st.booleans()),
            draw(st.booleans()), draw(st.permutations(range(6))))


@st.composite
def _calendars(draw: st.DrawFn) -> bytes:
    events = []
    alike = draw(_style()) if draw(st.booleans()) else None  # (alike: read by one regex)
    for i in range(draw(st.integers(1, 4))):
        date_kind, summary_params, described, transparent, order = alike or draw(_style())
        params, start, kind = draw(_DATE_VALUES[date_kind])
        if kind is False:
            end: date = start + timedelta(days=draw(st.integers(0, 3)))
        else:
            assert isinstance(start, datetime)
            end = start + timedelta(hours=draw(st.integers(0, 60)))
            start = start.replace(microsecond=0)
            end = end.replace(microsecond=0)
        lines = [f"UID:e{i}@customer", f"SUMMARY{summary_params}:{draw(_TEXT)}",
                 f"DTSTART{_value(params, start, kind)}", f"DTEND{_value(params, end, kind)}",
                 f"DESCRIPTION:{draw(_TEXT)}" if described else "",
                 "TRANSP:TRANSPARENT" if transparent else ""]
        events.append("BEGIN:VEVENT\r\n" + "".join(f"{lines[i]}\r\n" for i in order if lines[i])
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


# Lines of an odd event: those read, others skipped, and what the line reader refuses
# or leaves to icalendar (a component, recurrence, a bad date, a fold, a CR alone, a
# blank line, no colon, a quoted parameter, a head in small letters, an event's end).
_ODD_LINES = st.sampled_from([
    "UID:a", "uid:b", "SUMMARY:x\\,y", "SUMMARY;LANGUAGE=zh:月", "DESCRIPTION:d",
    "DTSTART;VALUE=DATE:20270101", "DTSTART:20270101", "DTSTART:20270101T080000",
    "dtstart;value=date:20270103", "DTEND;VALUE=DATE:20270102", "DTEND:20270102T090000Z",
    "DTEND;VALUE=DATE:20270230", "DTEND:2027-01-02", "DTSTART;TZID=X:20270101T080000",
    "RRULE:FREQ=DAILY", "TRANSP:OPAQUE", "X-A:1", "X-A:2", "BEGIN:VALARM", "END:VALARM",
    "", " folded", "no colon", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR",
    "BEGIN:VTIMEZONE", "END:VTIMEZONE", 'X-Q;P="a":1', "SUMMARY:a\r", "DTEND:20270105",
])
_USUAL = ["UID:u", "SUMMARY:s", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20270102"]


@st.composite
def _odd_calendars(draw: st.DrawFn) -> str:
    """Mostly alike events, some changed a little; odd lines anywhere."""
    shape = draw(st.one_of(st.just(_USUAL), st.lists(_ODD_LINES, max_size=6)))
    events = []
    for _ in range(draw(st.integers(0, 4))):
        lines = list(shape)
        if draw(st.integers(0, 3)) == 0:  # (a line added, dropped or changed)
            at = draw(st.integers(0, len(lines)))
            lines[at:at + draw(st.integers(0, 1))] = draw(st.lists(_ODD_LINES, max_size=1))
        events.append(["BEGIN:VEVENT", *lines, "END:VEVENT"])
    calendar = draw(st.lists(st.sampled_from(["VERSION:2.0", "UID:c", "RRULE:x", "X-A:1", "",
                                              "BEGIN:VTIMEZONE", "END:VTIMEZONE"]),
                             max_size=3))
    lines = ["BEGIN:VCALENDAR", *calendar, *(line for event in events for line in event),
             *draw(st.lists(st.sampled_from(["X-B:2", ""]), max_size=1)), "END:VCALENDAR",
             *draw(st.lists(st.just(""), max_size=2))]
    breaks = draw(st.lists(st.sampled_from(["\r\n", "\n"]), min_size=len(lines),
                           max_size=len(lines)))
    return "".join(map(str.__add__, lines, breaks))


@settings(max_examples=500, deadline=None)
@given(_odd_calendars())
def test_alike_events_are_read_as_line_by_line(text: str) -> None:
    alike = ics_lines._alike_events(text)
    if alike is not None:
        assert alike == ics_lines._line_by_line(text.replace("\r\n", "\n"))
    assert plain_events(text.encode()) == ics_lines._line_by_line(
        ics_lines._UNFOLD.sub("", text).replace("\r\n", "\n"))


def test_alike_events_take_one_regex() -> None:
    event = ("BEGIN:VEVENT{n}UID:e{i}{n}SUMMARY:月底结账 {i}{n}DTSTAMP:20260101T000000Z{n}"
             "DTSTART;VALUE=DATE:2027010{i}{n}DTEND;value=date:2027010{j}{n}END:VEVENT{n}")
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:客户\r\n"
            + "".join(event.format(i=i, j=i + 1, n="\r\n" if i % 2 else "\n")
                      for i in range(1, 4)) + "END:VCALENDAR\r\n\r\n")
    expected = [(f"e{i}", f"月底结账 {i}", "", date(2027, 1, i), date(2027, 1, i + 1))
                for i in range(1, 4)]
    assert ics_lines._alike_events(text) == expected
    assert plain_events(text.encode()) == expected
    # One event unlike the others: each is read line by line, with the same events.
    unlike = text.replace("DTSTAMP:20260101T000000Z\n", "")
    assert ics_lines._alike_events(unlike) is None
    assert plain_events(unlike.encode()) == expected
