"""The support calendar's rules, checked on dates a consultant knows (2026 notice).

2026: Spring Festival off 2026-02-15 … 2026-02-23; 调休 working Saturdays
2026-02-14 and 2026-02-28.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from golive_desk.domain.enums import ROLE_SIDE, Role, SupportMode
from golive_desk.domain.models import Person
from golive_desk.domain.support_calendar import (
    CalendarError,
    CoverageWarning,
    Half,
    Milestone,
    MilestoneKind,
    ProjectDates,
    Slot,
    check_onsite_days,
    check_range,
    coverage_warnings,
    onsite_totals,
    propose_plan,
    schedule_rows,
)
from golive_desk.domain.workdays import HolidayCalendar

CAL = HolidayCalendar()
D = date.fromisoformat
ONSITE, PHONE, REMOTE = SupportMode.ONSITE, SupportMode.PHONE, SupportMode.REMOTE


def _slot(start: str, end: str | None = None, *, project: str = "P1", person: str = "zl",
          mode: SupportMode = ONSITE, half: Half = Half.DAY, sid: str = "") -> Slot:
    return Slot(sid or f"{project}-{person}-{start}-{half}", project, project.upper(),
                f"customer {project}", person, person.upper(), D(start), D(end or start),
                half, mode)


def _project(go_live: str = "2026-03-02", *, n: int = 5, pid: str = "P1",
             closes: tuple[str, ...] = (), exit_day: str | None = None) -> ProjectDates:
    stones = [Milestone(f"m{i}", pid, pid.upper(), MilestoneKind.MONTH_END_CLOSE, D(d))
              for i, d in enumerate(closes)]
    if exit_day:
        stones.append(Milestone("x", pid, pid.upper(), MilestoneKind.PLANNED_EXIT, D(exit_day)))
    return ProjectDates(pid, pid.upper(), D(go_live), n, tuple(stones))


def _codes(warnings: list[CoverageWarning]) -> list[tuple[str, date]]:
    return [(w.code, w.day) for w in warnings]


def _warn(projects: list[ProjectDates], slots: list[Slot],
          start: str = "2026-01-01", end: str = "2026-12-31") -> list[CoverageWarning]:
    return coverage_warnings(projects, slots, CAL, D(start), D(end))


# -- go-live and the first N working days -----------------------------------------
def test_go_live_week_covered_on_site_gives_no_warning() -> None:
    # Monday 2026-03-02 + 5 working days → through Monday 2026-03-09.
    slots = [_slot("2026-03-02", "2026-03-06"), _slot("2026-03-09")]
    assert _warn([_project()], slots) == []


def test_each_uncovered_go_live_day_is_warned() -> None:
    slots = [_slot("2026-03-02", "2026-03-05")]  # Friday and next Monday missing
    warnings = _warn([_project()], slots)
    assert _codes(warnings) == [("go_live_uncovered", D("2026-03-06")),
                                ("go_live_uncovered", D("2026-03-09"))]
    assert warnings[0].params["working_day"] == "4"


def test_phone_support_is_not_on_site_cover() -> None:
    slots = [_slot("2026-03-02", "2026-03-09", mode=PHONE)]
    assert len(_warn([_project()], slots)) == 6


def test_go_live_days_are_working_days_adjusted_saturday_counts() -> None:
    # Go-live Thursday 2026-02-12: working days after it are Fri 13, Sat 14 (调休),
    # then — Spring Festival 15–23 off — Tue 24, Wed 25, Thu 26.
    days = _project("2026-02-12").go_live_days(CAL)
    assert days == [D("2026-02-12"), D("2026-02-13"), D("2026-02-14"), D("2026-02-24"),
                    D("2026-02-25"), D("2026-02-26")]
    slots = [_slot("2026-02-12", "2026-02-13"), _slot("2026-02-24", "2026-02-26")]
    assert _codes(_warn([_project("2026-02-12")], slots)) == [
        ("go_live_uncovered", D("2026-02-14"))]


def test_spring_festival_weekday_is_not_a_go_live_day() -> None:
    days = _project("2026-02-12").go_live_days(CAL)
    assert D("2026-02-16") not in days  # a Monday, but Spring Festival


def test_n_per_project() -> None:
    assert len(_project(n=2).go_live_days(CAL)) == 3
    assert _warn([_project(n=0)], [_slot("2026-03-02")]) == []
    with pytest.raises(CalendarError) as caught:
        check_onsite_days(61)
    assert caught.value.rule == "onsite_days"


def test_warnings_outside_the_range_are_left_out() -> None:
    assert _warn([_project()], [], "2026-04-01", "2026-04-30") == []


# -- month-end close ----------------------------------------------------------------
def test_month_end_close_without_on_site_cover_is_warned() -> None:
    project = _project(n=0, closes=("2026-03-31",))
    covered = [_slot("2026-03-02"), _slot("2026-03-31", half=Half.PM)]
    assert _warn([project], covered) == []
    warned = _warn([project], [_slot("2026-03-02"), _slot("2026-03-31", mode=REMOTE)])
    assert _codes(warned) == [("month_end_uncovered", D("2026-03-31"))]


def test_another_projects_cover_does_not_count() -> None:
    project = _project(n=0, closes=("2026-03-31",))
    slots = [_slot("2026-03-02"), _slot("2026-03-31", project="P2")]
    assert _codes(_warn([project], slots)) == [("month_end_uncovered", D("2026-03-31"))]


# -- double booking -------------------------------------------------------------------
def test_on_site_for_two_customers_in_one_half_day_is_double_booked() -> None:
    p1, p2 = _project(n=0), _project(n=0, pid="P2")
    slots = [_slot("2026-03-02"), _slot("2026-03-02", project="P2"),
             _slot("2026-03-10", "2026-03-11"), _slot("2026-03-11", project="P2", half=Half.PM)]
    warnings = [w for w in _warn([p1, p2], slots) if w.code == "double_booked"]
    assert [(w.day, w.project_code, w.params["other"]) for w in warnings] == [
        (D("2026-03-02"), "P1", "P2"), (D("2026-03-02"), "P2", "P1"),
        (D("2026-03-11"), "P1", "P2"), (D("2026-03-11"), "P2", "P1")]
    assert warnings[0].person_id == "zl"
    # Shown for one project only: that project's side of the clash.
    only = [w for w in _warn([p1], slots) if w.code == "double_booked"]
    assert [w.project_code for w in only] == ["P1", "P1"]


def test_morning_here_afternoon_there_is_not_double_booked() -> None:
    slots = [_slot("2026-03-02", half=Half.AM), _slot("2026-03-02", project="P2", half=Half.PM),
             _slot("2026-03-03"), _slot("2026-03-03", project="P2", mode=REMOTE),
             _slot("2026-03-04", person="a"), _slot("2026-03-04", project="P2", person="b")]
    assert _warn([_project(n=0), _project(n=0, pid="P2")], slots) == []


# -- after exit, holidays -------------------------------------------------------------
def test_slot_after_the_planned_exit_is_warned() -> None:
    project = _project(n=0, exit_day="2026-03-20")
    ok = [_slot("2026-03-02"), _slot("2026-03-16", "2026-03-20", mode=PHONE)]
    assert _warn([project], ok) == []
    late = [_slot("2026-03-02"), _slot("2026-03-19", "2026-03-24", mode=PHONE)]
    warnings = _warn([project], late)
    assert _codes(warnings) == [("after_exit", D("2026-03-21"))]
    assert warnings[0].params["exit"] == "2026-03-20"


def test_slot_on_a_holiday_is_a_notice() -> None:
    project = _project("2026-02-12", n=0)
    slots = [_slot("2026-02-12"), _slot("2026-02-14"), _slot("2026-02-16", mode=PHONE)]
    warnings = _warn([project], slots)
    assert _codes(warnings) == [("holiday", D("2026-02-16"))]
    assert warnings[0].params["name"] == "春节"
    assert _warn([project], [_slot("2026-02-12"), _slot("2026-03-07")]) == []  # a weekend


# -- validation -----------------------------------------------------------------------
@pytest.mark.parametrize(("start", "end", "rule"), [
    ("2026-03-05", "2026-03-04", "range_reversed"),
    ("1999-12-31", "2000-01-02", "date_range"),
    ("2100-12-31", "2101-01-01", "date_range"),
    ("2026-01-01", "2027-06-01", "range_too_long"),
])
def test_bad_ranges_are_refused(start: str, end: str, rule: str) -> None:
    with pytest.raises(CalendarError) as caught:
        check_range(D(start), D(end))
    assert caught.value.rule == rule


# -- the plan ---------------------------------------------------------------------------
TEAM = [("zl", "张力"), ("wf", "王芳")]


def test_plan_covers_go_live_and_closes_then_tapers_until_exit() -> None:
    project = _project("2026-03-02", closes=("2026-03-31", "2026-04-30"),
                       exit_day="2026-04-30")
    plan = propose_plan(project, TEAM, CAL)
    slots = [Slot(f"s{i}", "P1", "P1", "c", p.person_id, p.person_name, p.start, p.end, p.half,
                  p.mode) for i, p in enumerate(plan)]
    assert _warn([project], slots) == []
    first = [p for p in plan if p.start == D("2026-03-02")]
    assert {(p.person_id, p.end, p.mode) for p in first} == {
        ("zl", D("2026-03-06"), ONSITE), ("wf", D("2026-03-06"), ONSITE)}
    # the second week: mornings on site, afternoons remote (the lead only)
    week2 = [p for p in plan if D("2026-03-10") <= p.start <= D("2026-03-16")]
    assert {(p.half, p.mode) for p in week2} == {(Half.AM, ONSITE), (Half.PM, REMOTE)}
    assert {p.person_id for p in plan if p.start > D("2026-03-09")} == {"zl"}
    # then the hotline, on site again at each close, nothing after the exit
    modes = {(p.start, p.mode) for p in plan}
    assert (D("2026-03-31"), ONSITE) in modes
    assert (D("2026-04-30"), ONSITE) in modes
    assert any(p.mode is PHONE for p in plan)
    assert max(p.end for p in plan) == D("2026-04-30")
    for p in plan:  # only working days, never across a weekend
        assert all(CAL.is_workday(p.start + timedelta(days=i))
                   for i in range((p.end - p.start).days + 1))


def test_plan_around_spring_festival_uses_the_adjusted_saturday() -> None:
    plan = propose_plan(_project("2026-02-12", n=5), TEAM[:1], CAL)
    onsite = [(p.start, p.end) for p in plan if p.mode is ONSITE and p.half is Half.DAY]
    assert onsite == [(D("2026-02-12"), D("2026-02-14")), (D("2026-02-24"), D("2026-02-26"))]


def test_plan_leaves_out_days_on_site_elsewhere_and_needs_a_team() -> None:
    assert propose_plan(_project(), [], CAL) == []
    plan = propose_plan(_project(n=2), TEAM[:1], CAL, busy={"zl": {D("2026-03-03")}})
    first = [(p.start, p.end) for p in plan if p.half is Half.DAY]
    assert first == [(D("2026-03-02"), D("2026-03-02")), (D("2026-03-04"), D("2026-03-04"))]


# -- what the team view and the printed schedule count and list -----------------------
def test_onsite_totals_count_half_days_and_a_double_booked_half_once() -> None:
    slots = [_slot("2026-03-02", "2026-03-03"),  # two whole days
             _slot("2026-03-04", half=Half.AM),  # a morning
             _slot("2026-03-04", half=Half.PM, mode=REMOTE),  # not on site
             _slot("2026-03-02", project="P2"),  # the same day elsewhere: counted once
             _slot("2026-03-05", project="P2", half=Half.PM),  # half a day elsewhere
             _slot("2026-03-06", person="lx", mode=PHONE),
             _slot("2026-02-27", "2026-03-01", person="lx")]  # 3 days, 1 in March
    totals = onsite_totals(slots, D("2026-03-01"), D("2026-03-31"))
    assert totals == {"zl": 3.0, "lx": 1.0}
    own = onsite_totals([s for s in slots if s.project_id == "P1"], D("2026-03-01"),
                        D("2026-03-31"))
    assert own == {"zl": 2.5, "lx": 1.0}


def _member(pid: str, name: str, role: Role, project: str = "P1") -> Person:
    return Person(pid, project, name, name[:2], role, ROLE_SIDE[role])


def test_schedule_rows_list_the_team_unscheduled_then_the_others_scheduled() -> None:
    members = [_member("pm", "周建国", Role.VENDOR_PM), _member("zl", "张力", Role.CONSULTANT),
               _member("ku", "刘芳", Role.KEY_USER), _member("ku2", "王强", Role.KEY_USER),
               _member("lx", "林晓", Role.CONSULTANT)]
    slots = [_slot("2026-03-02"), _slot("2026-03-03", person="ku2"),
             _slot("2026-03-03", person="other", project="P2")]
    rows = schedule_rows(members, slots)
    # consultants, then the vendor PM (no slot: listed), then the key user with a slot;
    # 刘芳 (a key user without a slot) is not; then someone else's, by name
    assert [pid for pid, _name in rows] == ["zl", "lx", "pm", "ku2", "other"]
