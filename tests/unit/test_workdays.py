"""The working-day calendar and the SLA clock, checked against dates a consultant knows.

Expected values are worked out by hand from the 2026 State Council notice
(as shipped in chinese-calendar) and the standard hours 08:30–12:00, 13:00–17:30.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from golive_desk.domain.errors import HolidayDataError, WorkingHoursError
from golive_desk.domain.holiday_ics import holiday_ics_text, parse_holiday_ics
from golive_desk.domain.workdays import DayKind, HolidayCalendar, YearData
from golive_desk.domain.working_time import (
    STANDARD_HOURS,
    WorkingHours,
    add_working_time,
    working_seconds_between,
)

CAL = HolidayCalendar()
HOUR = 3600
STAMP = datetime(2026, 11, 30, tzinfo=UTC)

# The office's 2027 feed, written the ways real feeds write it: a plain
# festival name, "(休)", a "假期 第n天" label, a timed 补班 event, a bare 班,
# and an observance that is not a day off.
OFFICE_2027_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Office//Holidays//ZH
BEGIN:VEVENT
UID:a
SUMMARY:元旦
DTSTART;VALUE=DATE:20270101
DTEND;VALUE=DATE:20270104
END:VEVENT
BEGIN:VEVENT
UID:b
SUMMARY:春节 (休)
DTSTART;VALUE=DATE:20270206
DTEND;VALUE=DATE:20270214
END:VEVENT
BEGIN:VEVENT
UID:c
SUMMARY:补班
DTSTART:20270130T090000
DTEND:20270130T180000
END:VEVENT
BEGIN:VEVENT
UID:d
SUMMARY:班
DTSTART;VALUE=DATE:20270220
END:VEVENT
BEGIN:VEVENT
UID:e
SUMMARY:国庆节 假期 第1天/共7天
DTSTART;VALUE=DATE:20271001
DTEND;VALUE=DATE:20271008
END:VEVENT
BEGIN:VEVENT
UID:f
SUMMARY:妇女节
DTSTART;VALUE=DATE:20270308
END:VEVENT
END:VCALENDAR
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\n{event}\nEND:VEVENT\n" for event in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//t//ZH\n{body}END:VCALENDAR\n"


# --- which days are worked -------------------------------------------------


def test_a_tiaoxiu_saturday_is_a_working_day() -> None:
    saturday = date(2026, 2, 14)
    assert CAL.is_workday(saturday)
    assert CAL.is_adjusted_workday(saturday)
    assert not CAL.is_holiday(saturday)
    assert CAL.holiday_name(saturday) == "春节"
    assert CAL.day_kind(saturday) is DayKind.ADJUSTED_WORKDAY


def test_a_spring_festival_weekday_is_off() -> None:
    tuesday = date(2026, 2, 17)
    assert not CAL.is_workday(tuesday)
    assert CAL.is_holiday(tuesday)
    assert CAL.holiday_name(tuesday) == "春节"
    assert CAL.day_kind(tuesday) is DayKind.HOLIDAY


def test_national_day_week_is_off_and_the_saturday_after_is_worked() -> None:
    week = [date(2026, 10, d) for d in range(1, 8)]
    assert [CAL.is_workday(d) for d in week] == [False] * 7
    assert {CAL.holiday_name(d) for d in week} == {"国庆节"}
    assert CAL.is_workday(date(2026, 10, 8))
    assert CAL.is_adjusted_workday(date(2026, 10, 10))


def test_a_plain_weekend_is_neither_worked_nor_a_holiday() -> None:
    saturday = date(2026, 11, 28)
    assert not CAL.is_workday(saturday)
    assert not CAL.is_holiday(saturday)
    assert CAL.holiday_name(saturday) is None
    assert CAL.day_kind(saturday) is DayKind.WEEKEND


def test_2026_has_248_working_days() -> None:
    # 261 weekdays, 19 of them off, plus 6 调休 weekend days.
    assert CAL.workdays_between(date(2025, 12, 31), date(2026, 12, 31)) == 248


def test_2027_is_unknown_and_counted_weekends_only() -> None:
    assert CAL.known(2026)
    assert not CAL.known(2027)
    assert CAL.unknown_years(date(2026, 11, 30), date(2028, 3, 1)) == (2027, 2028)
    assert CAL.year_data(2027) is None
    # 1 January 2027 is a Friday; with no notice it counts as a working day.
    assert CAL.is_workday(date(2027, 1, 1))
    assert CAL.workdays_between(date(2026, 12, 31), date(2027, 1, 31)) == 21


def test_the_office_feed_makes_2027_known() -> None:
    calendar = CAL.with_years(*parse_holiday_ics(OFFICE_2027_ICS))
    assert calendar.known(2027)
    assert calendar.unknown_years(date(2026, 1, 1), date(2027, 12, 31)) == ()
    assert not calendar.is_workday(date(2027, 1, 1))
    assert not calendar.is_workday(date(2027, 2, 8))  # a Monday in the Spring Festival
    assert calendar.is_workday(date(2027, 1, 30))  # the timed 补班 Saturday
    assert calendar.is_workday(date(2027, 2, 20))
    assert calendar.is_workday(date(2027, 3, 8))  # 妇女节 is not a day off
    assert calendar.holiday_name(date(2027, 10, 4)) == "国庆节"
    # January: 21 weekdays, 1 January off, Saturday the 30th worked.
    assert calendar.workdays_between(date(2026, 12, 31), date(2027, 1, 31)) == 21
    assert CAL.is_workday(date(2027, 1, 1)), "the original calendar is unchanged"


def test_user_data_for_a_year_replaces_the_library() -> None:
    only_new_year = YearData.build(2026, {date(2026, 1, 1): "元旦", date(2026, 1, 2): "元旦"})
    calendar = HolidayCalendar((only_new_year,))
    assert calendar.is_workday(date(2026, 2, 17))
    assert not calendar.is_workday(date(2026, 2, 14))  # no longer a 调休 Saturday
    assert not calendar.is_workday(date(2026, 1, 2))
    assert calendar.is_holiday(date(2025, 10, 1)), "other years keep the library's data"


def test_new_year_days_in_december_go_with_next_years_notice() -> None:
    feed = ics("SUMMARY:元旦 (休)\nDTSTART;VALUE=DATE:20261231\nDTEND;VALUE=DATE:20270103",
               "SUMMARY:调休上班\nDTSTART;VALUE=DATE:20261226",
               "SUMMARY:春节\nDTSTART;VALUE=DATE:20270206\nDTEND;VALUE=DATE:20270214")
    (notice,) = parse_holiday_ics(feed)
    assert notice.year == 2027
    calendar = CAL.with_years(notice)
    assert not calendar.is_workday(date(2026, 12, 31))
    assert calendar.is_workday(date(2026, 12, 26))
    assert calendar.is_holiday(date(2026, 10, 1)), "2026 keeps the library's holidays"


# --- working-day arithmetic -------------------------------------------------


def test_working_days_skip_the_national_day_week() -> None:
    assert CAL.add_workdays(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert CAL.add_workdays(date(2026, 10, 8), -1) == date(2026, 9, 30)
    assert CAL.workdays_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    assert CAL.workdays_between(date(2026, 10, 10), date(2026, 9, 30)) == -3


def test_day_five_after_go_live() -> None:
    go_live = date(2026, 11, 30)  # a Monday
    assert CAL.nth_workday_after(go_live, 5) == date(2026, 12, 7)
    with pytest.raises(ValueError, match="at least 1"):
        CAL.nth_workday_after(go_live, 0)


def test_month_end_close_day() -> None:
    assert CAL.month_end_close_day(2026, 9) == date(2026, 9, 30)
    assert CAL.month_end_close_day(2026, 10) == date(2026, 10, 30)  # 31st is a Saturday
    assert CAL.month_end_close_day(2026, 2) == date(2026, 2, 28)  # a 调休 Saturday


days = st.dates(date(2025, 6, 1), date(2027, 6, 30))


@given(d=days, n=st.integers(-400, 400))
def test_add_workdays_lands_on_the_counted_working_day(d: date, n: int) -> None:
    target = CAL.add_workdays(d, n)
    if n >= 0:
        assert CAL.workdays_between(d, target) == n
    else:  # the |n|-th working day before d: |n| working days from it up to d's eve
        assert CAL.workdays_between(target - timedelta(days=1), d - timedelta(days=1)) == -n
    assert n == 0 or CAL.is_workday(target)


@given(a=days, b=days, c=days)
def test_counts_add_up(a: date, b: date, c: date) -> None:
    assert CAL.workdays_between(a, b) + CAL.workdays_between(b, c) == CAL.workdays_between(a, c)


# --- the SLA clock ----------------------------------------------------------


def seconds(start: str, end: str, paused: tuple[tuple[str, str], ...] = ()) -> int:
    pauses = [(at(a), at(b)) for a, b in paused]
    return working_seconds_between(at(start), at(end), STANDARD_HOURS, CAL, pauses)


def deadline(start: str, secs: int) -> datetime:
    return add_working_time(at(start), secs, STANDARD_HOURS, CAL)


def test_lunch_break_does_not_count() -> None:
    assert seconds("2026-11-30 11:00", "2026-11-30 14:00") == 2 * HOUR


def test_the_night_does_not_count() -> None:
    assert seconds("2026-12-01 17:00", "2026-12-02 09:00") == HOUR


def test_the_weekend_does_not_count() -> None:
    assert seconds("2026-12-04 17:00", "2026-12-07 09:00") == HOUR


def test_a_tiaoxiu_saturday_counts_in_full() -> None:
    assert seconds("2026-10-09 17:00", "2026-10-12 08:30") == HOUR // 2 + 8 * HOUR


def test_a_clock_started_on_a_holiday_waits_for_the_next_working_morning() -> None:
    assert seconds("2026-10-03 10:00", "2026-10-08 10:00") == HOUR + HOUR // 2
    assert seconds("2026-11-30 22:00", "2026-12-01 09:00") == HOUR // 2


def test_waiting_for_the_customer_stops_the_clock() -> None:
    # Monday 09:00 to Tuesday 09:00 is 8 working hours; 10:00–15:00 on Monday
    # holds 4 of them. Overlapping pauses and one on Sunday change nothing.
    assert seconds("2026-11-30 09:00", "2026-12-01 09:00",
                   (("2026-11-30 10:00", "2026-11-30 15:00"),)) == 4 * HOUR
    assert seconds("2026-11-30 09:00", "2026-12-01 09:00",
                   (("2026-11-30 10:00", "2026-11-30 14:00"),
                    ("2026-11-30 13:30", "2026-11-30 15:00"),
                    ("2026-11-29 12:00", "2026-11-30 08:00"))) == 4 * HOUR


def test_an_end_before_the_start_is_no_time() -> None:
    assert seconds("2026-12-01 10:00", "2026-12-01 09:00") == 0


def test_a_whole_year_is_its_working_days_times_eight_hours() -> None:
    assert seconds("2026-01-01 00:00", "2027-01-01 00:00") == 248 * 8 * HOUR


def test_deadlines() -> None:
    assert deadline("2026-11-30 11:00", HOUR) == at("2026-11-30 12:00")  # not 13:00
    assert deadline("2026-11-30 11:00", 4 * HOUR) == at("2026-11-30 16:00")
    assert deadline("2026-12-04 16:00", 4 * HOUR) == at("2026-12-07 11:00")
    assert deadline("2026-10-01 10:00", 8 * HOUR) == at("2026-10-08 17:30")
    assert deadline("2026-09-30 16:00", 2 * HOUR) == at("2026-10-08 09:00")
    assert deadline("2026-11-29 10:00", 0) == at("2026-11-29 10:00")


instants = st.datetimes(datetime(2026, 9, 1), datetime(2027, 3, 1)).map(
    lambda moment: moment.replace(second=0, microsecond=0))


@given(start=instants, secs=st.integers(0, 40 * 8 * HOUR))
def test_the_deadline_is_the_first_moment_the_time_is_used_up(start: datetime,
                                                               secs: int) -> None:
    due = add_working_time(start, secs, STANDARD_HOURS, CAL)
    assert working_seconds_between(start, due, STANDARD_HOURS, CAL) == secs
    if secs:
        early = due - timedelta(seconds=1)
        assert working_seconds_between(start, early, STANDARD_HOURS, CAL) == secs - 1


@given(start=instants, end=instants)
def test_counting_then_adding_gives_back_the_end_or_earlier(start: datetime,
                                                            end: datetime) -> None:
    spent = working_seconds_between(start, end, STANDARD_HOURS, CAL)
    due = add_working_time(start, spent, STANDARD_HOURS, CAL)
    assert due <= max(start, end)
    assert working_seconds_between(due, end, STANDARD_HOURS, CAL) == 0


def test_aware_datetimes_are_refused() -> None:
    aware = datetime(2026, 11, 30, 9, tzinfo=UTC)
    with pytest.raises(ValueError, match="naive"):
        working_seconds_between(aware, aware, STANDARD_HOURS, CAL)


# --- working hours ----------------------------------------------------------


def test_working_hours_are_read_from_text() -> None:
    assert WorkingHours.parse("13:00-17:30，08:30-12:00") == STANDARD_HOURS
    assert STANDARD_HOURS.to_text() == "08:30-12:00, 13:00-17:30"
    assert STANDARD_HOURS.day_seconds == 8 * HOUR
    around_the_clock = WorkingHours.parse("00:00-24:00")
    assert around_the_clock.day_seconds == 24 * HOUR
    assert around_the_clock.to_text() == "00:00-24:00"


@pytest.mark.parametrize(("text", "rule"), [
    ("12:00-08:30", "end_not_after_start"),
    ("08:30-08:30", "end_not_after_start"),
    ("08:30-12:00, 11:00-17:30", "overlap"),
    ("", "empty"),
    ("8点半到12点", "syntax"),
    ("08:30-25:00", "syntax"),
])
def test_invalid_working_hours_are_refused(text: str, rule: str) -> None:
    with pytest.raises(WorkingHoursError) as err:
        WorkingHours.parse(text)
    assert err.value.rule == rule
    assert err.value.code == "working_hours"


def test_periods_given_directly_are_checked_too() -> None:
    with pytest.raises(WorkingHoursError) as err:
        WorkingHours(((time(9), time(12)), (time(8), time(10))))
    assert err.value.rule == "overlap"


# --- holiday ICS and JSON ---------------------------------------------------


def test_multi_day_events_are_expanded_with_an_exclusive_end() -> None:
    (notice,) = parse_holiday_ics(OFFICE_2027_ICS)
    spring = [d for d, name in notice.holidays if name == "春节"]
    assert spring == [date(2027, 2, d) for d in range(6, 14)]
    assert dict(notice.holidays)[date(2027, 1, 3)] == "元旦"
    assert date(2027, 1, 4) not in dict(notice.holidays)
    assert [d for d, _ in notice.adjusted_workdays] == [date(2027, 1, 30), date(2027, 2, 20)]


def notice_in_force(year: int) -> YearData:
    data = CAL.year_data(year)
    assert data is not None
    return data


def test_the_calendar_in_use_survives_an_ics_round_trip() -> None:
    years = (notice_in_force(2026), *parse_holiday_ics(OFFICE_2027_ICS))
    text = holiday_ics_text(years, stamp=STAMP)
    assert "SUMMARY:春节 (休)" in text
    assert parse_holiday_ics(text) == years


@pytest.mark.parametrize("text", [
    "", "hello", "BEGIN:VEVENT\nSUMMARY:春节\nEND:VEVENT\n", "<html>春节</html>"])
def test_text_that_is_not_an_ics_is_refused(text: str) -> None:
    with pytest.raises(HolidayDataError) as err:
        parse_holiday_ics(text)
    assert err.value.rule == "not_ics"


@pytest.mark.parametrize(("text", "rule"), [
    (ics("SUMMARY:项目例会\nDTSTART:20270105T100000"), "no_holidays"),
    (ics("SUMMARY:春节\nDTSTART;VALUE=DATE:20270206\nDTEND;VALUE=DATE:20280206"),
     "event_too_long"),
    (ics("SUMMARY:春节\nDTSTART:soon"), "bad_event"),
    (ics("SUMMARY:春节"), "bad_event"),
])
def test_unusable_feeds_are_refused_with_a_reason(text: str, rule: str) -> None:
    with pytest.raises(HolidayDataError) as err:
        parse_holiday_ics(text)
    assert err.value.rule == rule


def test_year_data_travels_as_json() -> None:
    (notice,) = parse_holiday_ics(OFFICE_2027_ICS)
    carried = json.loads(json.dumps(notice.to_json(), ensure_ascii=False))
    assert carried["holidays"]["2027-02-06"] == "春节"
    assert YearData.from_json(carried) == notice


def test_a_notice_with_december_days_survives_an_ics_round_trip() -> None:
    notice = YearData.build(2019, {date(2018, 12, 30): "元旦", date(2018, 12, 31): "元旦",
                                   date(2019, 1, 1): "元旦"}, {date(2018, 12, 29): "元旦"})
    assert parse_holiday_ics(holiday_ics_text((notice,), stamp=STAMP)) == (notice,)


@pytest.mark.parametrize("value", [
    None, [], {"year": "2027"}, {"year": 2027, "holidays": ["2027-01-01"]},
    {"year": 2027, "holidays": {"2027-13-01": "元旦"}},
    {"year": 2027, "holidays": {"2027-01-01": 1}},
])
def test_malformed_json_year_data_is_refused(value: object) -> None:
    with pytest.raises(HolidayDataError) as err:
        YearData.from_json(value)
    assert err.value.rule == "json"


@pytest.mark.parametrize(("holidays", "workdays", "rule"), [
    ({date(2026, 6, 1): "x"}, {}, "outside_year"),
    ({date(2027, 2, 6): "春节"}, {date(2027, 2, 6): "春节"}, "holiday_and_workday"),
    ({date(2027, 2, 6): "春" * 101}, {}, "name_too_long"),
])
def test_contradictory_year_data_is_refused(holidays: dict[date, str],
                                            workdays: dict[date, str], rule: str) -> None:
    with pytest.raises(HolidayDataError) as err:
        YearData.build(2027, holidays, workdays)
    assert err.value.rule == rule
