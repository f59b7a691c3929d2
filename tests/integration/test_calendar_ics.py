"""ICS export and import: parsed back by icalendar, stable UIDs, re-import updates,
bad files refused with nothing written, recurring events expanded, 10,000 events."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from golive_desk.domain.op_checks import check_ops
from golive_desk.domain.ops import Op
from golive_desk.domain.support_calendar import CalendarError, MilestoneKind
from golive_desk.services.container import Services
from golive_desk.services.store_admin import canonical_dump
from golive_desk.storage.tables import ops

D = date.fromisoformat


def _schedule(services: Services) -> tuple[str, str]:
    zl = services.projects.add_person("HX", "张力", "consultant", initials="ZL")[0].id
    whole, _ = services.calendar.add_slot("HX", zl, D("2026-11-02"), D("2026-11-06"), "day",
                                          "onsite", "上线首周")
    half, _ = services.calendar.add_slot("HX", zl, D("2026-11-09"), D("2026-11-11"), "am",
                                         "remote")
    return whole.id, half.id


def test_export_is_read_back_by_icalendar_with_stable_uids(
        services: Services, project_code: str, tmp_path: Path) -> None:
    whole, half = _schedule(services)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert services.calendar.export_ics(first, project="HX") == 4  # 2 slots, 2 milestones
    services.calendar.export_ics(second, project="HX")
    cal = Calendar.from_ical(first.read_bytes())
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert f"{whole}@golive-desk" in events
    assert f"{half}@golive-desk" in events
    assert set(events) == {str(e["UID"]) for e in Calendar.from_ical(
        second.read_bytes()).walk("VEVENT")}
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    day = events[f"{whole}@golive-desk"]
    assert day.decoded("DTSTART") == D("2026-11-02")  # all-day (a date, not a time)
    assert day.decoded("DTEND") == D("2026-11-07")  # exclusive
    assert "现场支持" in str(day["SUMMARY"])
    am = events[f"{half}@golive-desk"]
    start = am.decoded("DTSTART")
    assert isinstance(start, datetime)
    assert (start.hour, start.minute, str(start.tzinfo)) == (8, 30, "Asia/Shanghai")
    assert am.decoded("DTEND").hour == 12
    assert am["RRULE"]["COUNT"] == [3]


def test_reimport_updates_never_duplicates(services: Services, project_code: str,
                                           tmp_path: Path) -> None:
    whole, _half = _schedule(services)
    path = tmp_path / "s.ics"
    services.calendar.export_ics(path, project="HX")
    again = services.calendar.preview_ics(path, "HX")
    assert (again.slot_updates, again.milestones) == ((), ())
    services.calendar.apply_ics(again)
    # the customer moved the first week one day later in their calendar program
    text = path.read_bytes().replace(b"DTSTART;VALUE=DATE:20261102",
                                     b"DTSTART;VALUE=DATE:20261103")
    path.write_bytes(text)
    moved = services.calendar.preview_ics(path, "HX")
    assert [s.id for s in moved.slot_updates] == [whole]
    services.calendar.apply_ics(moved)
    slots = services.calendar.slots("HX", None, D("2026-11-01"), D("2026-11-30"))
    assert len(slots) == 2
    assert next(s for s in slots if s.id == whole).start == D("2026-11-03")


CUSTOMER_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Customer//Finance//ZH
BEGIN:VEVENT
UID:close-1@customer
SUMMARY:月底结账
DTSTART;VALUE=DATE:20261130
RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=24
END:VEVENT
BEGIN:VEVENT
UID:acc@customer
SUMMARY:项目验收会
DTSTART;VALUE=DATE:20270115
END:VEVENT
BEGIN:VEVENT
UID:h1@customer
SUMMARY:元旦 (休)
DTSTART;VALUE=DATE:20280101
DTEND;VALUE=DATE:20280104
END:VEVENT
END:VCALENDAR
"""


def test_customer_calendar_becomes_milestones_after_a_preview(
        services: Services, project_code: str, tmp_path: Path) -> None:
    path = tmp_path / "customer.ics"
    path.write_text(CUSTOMER_ICS, encoding="utf-8")
    before = canonical_dump(services.store)
    found = services.calendar.preview_ics(path, "HX")
    assert canonical_dump(services.store) == before  # a preview writes nothing
    kinds = [(m.kind, m.day) for m in found.milestones]
    # 2026-11-30 is the project's own first close already: skipped, not doubled
    assert (MilestoneKind.MONTH_END_CLOSE, D("2026-12-31")) in kinds
    assert (MilestoneKind.MONTH_END_CLOSE, D("2026-11-30")) not in kinds
    assert (MilestoneKind.ACCEPTANCE, D("2027-01-15")) in kinds
    assert len([k for k in kinds if k[0] is MilestoneKind.MONTH_END_CLOSE]) == 23
    assert [y.year for y in found.holiday_years] == [2028]
    services.calendar.apply_ics(found)
    assert services.calendar.holidays().is_holiday(D("2028-01-03"))
    assert len(services.calendar.milestones("HX")) == 2 + 24
    assert services.calendar.preview_ics(path, "HX").milestones == ()  # never twice


@pytest.mark.parametrize(("content", "rule"), [
    (b"this is not a calendar", "not_ics"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not_ics"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:\xe7\xbb\x93\xe8"
     b"\xb4\xa6\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "event_without_date"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "nothing_to_import"),
])
def test_bad_files_are_refused_and_nothing_is_written(
        services: Services, project_code: str, tmp_path: Path, content: bytes,
        rule: str) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(content)
    before = canonical_dump(services.store)
    with pytest.raises(CalendarError) as caught:
        services.calendar.preview_ics(path, "HX")
    assert caught.value.rule == rule
    assert canonical_dump(services.store) == before


def test_one_bad_event_among_good_ones_imports_nothing(
        services: Services, project_code: str, tmp_path: Path) -> None:
    good = "".join(f"BEGIN:VEVENT\r\nUID:{i}\r\nSUMMARY:结账\r\nDTSTART;VALUE=DATE:2027{i:02d}"
                   f"28\r\nEND:VEVENT\r\n" for i in range(1, 10))
    text = (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{good}BEGIN:VEVENT\r\nUID:bad\r\n"
            f"SUMMARY:x\r\nDTSTART;VALUE=DATE:2027-99-99\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    path = tmp_path / "mixed.ics"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarError):
        services.calendar.preview_ics(path, "HX")
    assert len(services.calendar.milestones("HX")) == 2


def test_ten_thousand_events(services: Services, project_code: str, tmp_path: Path) -> None:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}@customer\r\nSUMMARY:事件 {i}\r\nDTSTART;VALUE=DATE:"
        f"{date.fromordinal(D('2027-01-01').toordinal() + i).strftime('%Y%m%d')}\r\n"
        f"END:VEVENT\r\n" for i in range(10_000))
    path = tmp_path / "big.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n",
                    encoding="utf-8")
    found = services.calendar.preview_ics(path, "HX")
    assert len(found.milestones) == 10_000
    changes = services.calendar.apply_ics(found)
    assert len(changes.ids) == 10_001
    assert len(services.calendar.milestones("HX")) == 10_002


def test_the_ops_an_import_writes_fit_the_registry(
        services: Services, project_code: str, tmp_path: Path) -> None:
    """Apply does not check again what its preview built (``create_many(checked=True)``):
    every op written must still pass the registry's checks, whatever the file held."""
    odd = [("月底结账" * 700, "20000101", "20000102"), ("项目验收\\, 第二次\\n", "21001231", ""),
           ("顾问撤离 exit", "20270301T090000Z", "20270301T100000Z"), ("", "20270302", ""),
           ("Go-Live 上线 \u2028\x7f", "20270303", "20270310"), ("例会 \"q\"", "20270304", "")]
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:odd{i}\r\nSUMMARY:{summary}\r\nDTSTART:{start}\r\n"
        + (f"DTEND:{end}\r\n" if end else "") + "END:VEVENT\r\n"
        for i, (summary, start, end) in enumerate(odd))
    path = tmp_path / "odd.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n",
                    encoding="utf-8")
    services.calendar.apply_ics(services.calendar.preview_ics(path, "HX"))
    with services.store.read() as tx:
        bodies = list(tx.execute(select(ops.c.body).where(ops.c.entity == "milestone"))
                      .scalars())
        written = [Op.from_body(body) for body in bodies]
    assert len(written) == len(odd)
    assert [op.body() for op in written] == bodies  # (canonical: values said plain were)
    check_ops(written)
    assert max(len(op.value["note"]) for op in written) == 2_000
