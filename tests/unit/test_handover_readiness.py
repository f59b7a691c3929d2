"""Readiness (the handover's exit criteria) against a hand-computed fixture.

The fixture, on 2026-12-10 (people: 张力 consultant/vendor, 刘芳 key user LF,
王海东 internal support — both customer side):

======  ========  ==========  ==========  ===========  ===========  ========
number  severity  status      reported    assignee     category     proposal
======  ========  ==========  ==========  ===========  ===========  ========
A       urgent    closed      2026-11-05  刘芳         data         yes
B       urgent    in_progress 2026-11-20  张力         config       yes
C       high      resolved    2026-11-10  王海东       config       —
D       high      closed      2026-11-12  LF           config       —
E       medium    closed      2026-12-05  张力 (timeline: 王海东 resolved)  op. error (赵敏)
F       low       new         2026-12-09  张力         data         —
G       urgent    new, deleted 2026-12-09 (never counted)
======  ========  ==========  ==========  ===========  ===========  ========

Hand-computed: 0 urgent open without plan; SLA of A–D all ok → 100 %; resolved
A, C, D, E all by customer-side people → 100 %; the 2026-11-30 close covered
by 张力's on-site slot and no urgent issue opened that day → 1/1; new in
12-04..12-10: E, F → 2/7 = 0.29 a day; last urgent B on 11-20 → 20 days;
operation errors 1 of 6 → 16.7 %, from 赵敏.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from golive_desk.domain.enums import Role, Side, SupportMode
from golive_desk.domain.handover import CRITERIA, Criterion, ReadinessThresholds, readiness
from golive_desk.domain.issues import (
    Category,
    Issue,
    IssueStatus,
    Severity,
    TimelineEntry,
    TimelineKind,
)
from golive_desk.domain.models import Person
from golive_desk.domain.sla import ClockReading, SlaReading, SlaState
from golive_desk.domain.support_calendar import Half, Milestone, MilestoneKind, Slot

TODAY = date(2026, 12, 10)
S = IssueStatus


def issue(number: str, severity: Severity, status: IssueStatus, day: str, *,
          assignee: str = "张力", category: Category = Category.DATA, proposal: str = "",
          reporter: str = "刘芳", **more: object) -> Issue:
    base = Issue(
        id=number, project_id="p1", project_code="HX", number=number, title="t",
        description="", module="总账", function="", category=category, severity=severity,
        status=status, mode=SupportMode.ONSITE, reporter=reporter, reporter_dept="财务部",
        reported_at=f"{day}T09:30", expected_by=None, assignee=assignee, cause="",
        proposal=proposal, resolution="", result="", confirmed_by="王海东", confirmed_at=None,
        maintenance_note=False, created_at=f"{day}T01:30:00.000+00:00", created_by="张力",
        updated_at=f"{day}T01:30:00.000+00:00", deleted=False)
    return replace(base, **more)  # type: ignore[arg-type]


def reading(state: SlaState) -> SlaReading:
    clock = ClockReading(target=100, used=150 if state is SlaState.BREACHED else 10,
                         stopped=False, state=state)
    return SlaReading(response=clock, resolution=clock, state=state, paused=False)


PEOPLE = [
    Person("zl", "p1", "张力", "ZL", Role.CONSULTANT, Side.VENDOR),
    Person("lf", "p1", "刘芳", "LF", Role.KEY_USER, Side.CUSTOMER),
    Person("wh", "p1", "王海东", "WHD", Role.INTERNAL_SUPPORT, Side.CUSTOMER),
]
RESOLVED_BY_WANG = TimelineEntry("t1", "E", TimelineKind.STATUS_CHANGE, "", "王海东",
                                 "2026-12-06T10:00", from_status=S.IN_PROGRESS,
                                 to_status=S.RESOLVED)
ISSUES = [
    issue("A", Severity.URGENT, S.CLOSED, "2026-11-05", assignee="刘芳", proposal="重算"),
    issue("B", Severity.URGENT, S.IN_PROGRESS, "2026-11-20", proposal="打补丁",
          category=Category.CONFIGURATION),
    issue("C", Severity.HIGH, S.RESOLVED, "2026-11-10", assignee="王海东",
          category=Category.CONFIGURATION),
    issue("D", Severity.HIGH, S.CLOSED, "2026-11-12", assignee="LF",
          category=Category.CONFIGURATION),
    issue("E", Severity.MEDIUM, S.CLOSED, "2026-12-05", category=Category.OPERATION_ERROR,
          reporter="赵敏", timeline=(RESOLVED_BY_WANG,)),
    issue("F", Severity.LOW, S.NEW, "2026-12-09"),
    issue("G", Severity.URGENT, S.NEW, "2026-12-09", deleted=True),
]
SLA = {"A": reading(SlaState.OK), "B": reading(SlaState.AT_RISK), "C": reading(SlaState.OK),
       "D": reading(SlaState.OK), "E": reading(SlaState.BREACHED)}
CLOSE = Milestone("m1", "p1", "HX", MilestoneKind.MONTH_END_CLOSE, date(2026, 11, 30))
LATER_CLOSE = Milestone("m2", "p1", "HX", MilestoneKind.MONTH_END_CLOSE, date(2026, 12, 31))
MILESTONES = [CLOSE, LATER_CLOSE]
ONSITE = Slot("s1", "p1", "HX", "华兴", "zl", "张力", date(2026, 11, 28), date(2026, 12, 1),
              Half.DAY, SupportMode.ONSITE)
SLOTS = [ONSITE]


def run(issues: list[Issue] = ISSUES, sla: dict[str, SlaReading] = SLA,
        slots: list[Slot] = SLOTS, milestones: list[Milestone] = MILESTONES,
        thresholds: ReadinessThresholds | None = None) -> dict[str, Criterion]:
    found = readiness(issues, sla, slots, milestones, PEOPLE, TODAY, thresholds)
    assert [c.code for c in found] == list(CRITERIA)
    return {c.code: c for c in found}


def test_the_green_fixture_gives_the_hand_computed_figures() -> None:
    got = run()
    assert all(c.ok for c in got.values()), [c for c in got.values() if not c.ok]
    assert got["urgent_without_plan"].figure == 0
    assert got["sla_urgent_high"].figure == 100.0
    assert got["sla_urgent_high"].details["total"] == 4  # E is medium: not counted
    assert got["resolved_by_staying"].figure == 100.0
    assert got["resolved_by_staying"].details["total"] == 4
    assert got["month_end_closes"].figure == "1/1"  # the 12-31 close is still to come
    assert got["new_issues_per_day"].figure == 0.29
    assert got["new_issues_per_day"].details["new"] == 2
    assert got["days_since_urgent"].figure == 20
    assert got["days_since_urgent"].details["last"] == "2026-11-20"
    assert got["operation_error_share"].figure == 16.7
    assert got["operation_error_share"].details["reporters"] == [
        {"reporter": "赵敏", "issues": 1}]


def test_the_default_thresholds() -> None:
    t = ReadinessThresholds()
    assert (t.max_urgent_without_plan, t.min_sla_share, t.min_resolved_by_staying,
            t.max_new_per_day, t.trend_days) == (0, 90.0, 95.0, 5.0, 7)


def test_an_urgent_issue_open_without_a_plan_is_red_and_recent() -> None:
    h = issue("H", Severity.URGENT, S.NEW, "2026-12-09", proposal="  ")
    got = run([*ISSUES, h])
    assert not got["urgent_without_plan"].ok
    assert got["urgent_without_plan"].figure == 1
    assert got["urgent_without_plan"].details["issues"] == ["H"]
    assert not got["days_since_urgent"].ok
    assert got["days_since_urgent"].figure == 1
    # A closed urgent issue without a proposal is not "open without a plan".
    assert run([*ISSUES, replace(h, status=S.CLOSED)])["urgent_without_plan"].ok


def test_breached_urgent_and_high_clocks_turn_the_sla_red() -> None:
    got = run(sla={**SLA, "B": reading(SlaState.BREACHED)})
    assert got["sla_urgent_high"].figure == 75.0  # 3 of 4
    assert not got["sla_urgent_high"].ok
    assert got["sla_urgent_high"].details["breached"] == ["B"]
    nine_of_ten = [issue(f"X{k}", Severity.HIGH, S.NEW, "2026-11-01") for k in range(10)]
    clocks = {i.id: reading(SlaState.BREACHED if i.id == "X0" else SlaState.OK)
              for i in nine_of_ten}
    assert run(nine_of_ten, clocks)["sla_urgent_high"].figure == 90.0
    assert run(nine_of_ten, clocks)["sla_urgent_high"].ok


def test_issues_resolved_by_the_consultant_turn_the_share_red() -> None:
    by_consultant = [replace(i, assignee="张力") if i.id == "D" else i for i in ISSUES]
    got = run(by_consultant)
    assert got["resolved_by_staying"].figure == 75.0
    assert not got["resolved_by_staying"].ok
    assert got["resolved_by_staying"].details["not_staying"] == ["D"]
    # The timeline's resolver wins over the assignee: 王海东 → 张力 makes E vendor's.
    consultant_step = replace(RESOLVED_BY_WANG, author="张力")
    by_timeline = [replace(i, timeline=(consultant_step,)) if i.id == "E" else i
                   for i in ISSUES]
    assert run(by_timeline)["resolved_by_staying"].details["not_staying"] == ["E"]
    nothing_resolved = [i for i in ISSUES if i.status not in (S.RESOLVED, S.CLOSED)]
    assert not run(nothing_resolved)["resolved_by_staying"].ok


def test_a_month_end_close_uncovered_or_not_passed_is_red() -> None:
    uncovered = run(slots=[])["month_end_closes"]
    assert (uncovered.ok, uncovered.figure) == (False, "0/1")
    assert uncovered.details["uncovered"] == ["2026-11-30"]
    phone = replace(ONSITE, mode=SupportMode.PHONE)
    assert not run(slots=[phone])["month_end_closes"].ok
    blocked = issue("K", Severity.URGENT, S.IN_PROGRESS, "2026-11-30", proposal="查")
    failed = run([*ISSUES, blocked])["month_end_closes"]
    assert (failed.ok, failed.figure, failed.details["not_passed"]) == (
        False, "0/1", ["2026-11-30"])
    assert run([*ISSUES, replace(blocked, status=S.CLOSED)])["month_end_closes"].ok
    none_yet = run(milestones=[LATER_CLOSE])["month_end_closes"]
    assert (none_yet.ok, none_yet.figure) == (False, "0/0")
    assert run(milestones=[LATER_CLOSE],
               thresholds=ReadinessThresholds(min_month_end_closes=0))["month_end_closes"].ok


def test_more_than_five_new_issues_a_day_is_red() -> None:
    days = ["2026-12-04", "2026-12-06", "2026-12-08", "2026-12-10"]
    # 33 more in the window (and one the day before it, not counted): 35 / 7 = 5.0.
    extra = [issue(f"N{k}", Severity.LOW, S.NEW, days[k % 4]) for k in range(33)]
    before = issue("OLD", Severity.LOW, S.NEW, "2026-12-03")
    at_limit = run([*ISSUES, *extra, before])["new_issues_per_day"]
    assert (at_limit.ok, at_limit.figure, at_limit.details["new"]) == (True, 5.0, 35)
    over = run([*ISSUES, *extra, issue("N99", Severity.LOW, S.NEW, "2026-12-10")])
    assert over["new_issues_per_day"].figure == 5.14
    assert not over["new_issues_per_day"].ok


def test_no_urgent_issue_ever_is_green() -> None:
    calm = [i for i in ISSUES if i.severity is not Severity.URGENT]
    got = run(calm)["days_since_urgent"]
    assert (got.ok, got.figure) == (True, "none")


def test_operation_errors_over_the_share_are_red_with_their_reporters() -> None:
    errors = [replace(i, category=Category.OPERATION_ERROR) for i in ISSUES]
    got = run(errors)["operation_error_share"]
    assert (got.ok, got.figure) == (False, 100.0)  # 6 of 6 live issues
    assert got.details["reporters"] == [{"reporter": "刘芳", "issues": 5},
                                        {"reporter": "赵敏", "issues": 1}]
