"""The support calendar over a real store: slots and milestones as ops, coverage, the
plan, bundles (a concurrent move is a conflict)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import NotFoundError, WorkflowError
from golive_desk.domain.support_calendar import CalendarError, Half, MilestoneKind
from golive_desk.services.container import Services
from golive_desk.storage import projector

from .sync_support import exchange, make_trio

D = date.fromisoformat


def _member(services: Services, name: str = "张力", code: str = "HX",
            initials: str = "ZL") -> str:
    return services.projects.add_person(code, name, "consultant", initials=initials)[0].id


def test_add_move_update_delete_a_slot(services: Services, project_code: str) -> None:
    zl = _member(services)
    slot, changes = services.calendar.add_slot("HX", zl, D("2026-11-02"), D("2026-11-06"),
                                               "day", "onsite", "上线首周")
    assert changes.touches("support_slot")
    assert (slot.project_code, slot.customer, slot.person_name, slot.half, slot.mode) == (
        "HX", "杭州华星电子有限公司", "张力", Half.DAY, SupportMode.ONSITE)
    assert set(slot.versions) >= {"start_day", "end_day", "person_id"}
    moved, _ = services.calendar.move_slot(slot.id, D("2026-11-03"), D("2026-11-09"),
                                           half="am", seen=slot.versions)
    assert (moved.start, moved.end, moved.half) == (D("2026-11-03"), D("2026-11-09"), Half.AM)
    updated, _ = services.calendar.update_slot(slot.id, mode="remote", note="远程",
                                               seen=moved.versions)
    assert (updated.mode, updated.note) == (SupportMode.REMOTE, "远程")
    found = services.calendar.slots("HX", None, D("2026-11-01"), D("2026-11-30"))
    assert [s.id for s in found] == [slot.id]
    assert services.calendar.slots(None, zl, D("2026-12-01"), D("2026-12-31")) == []
    services.calendar.delete_slot(slot.id)
    assert services.calendar.slots("HX", None, D("2026-11-01"), D("2026-11-30")) == []
    with pytest.raises(NotFoundError):
        services.calendar.move_slot(slot.id, D("2026-11-03"), D("2026-11-04"))


@pytest.mark.parametrize(("start", "end", "rule"), [
    ("2026-11-06", "2026-11-02", "range_reversed"),
    ("1970-01-01", "1970-01-02", "date_range"),
])
def test_bad_ranges_write_nothing(services: Services, project_code: str, start: str, end: str,
                                  rule: str) -> None:
    zl = _member(services)
    with pytest.raises(CalendarError) as caught:
        services.calendar.add_slot("HX", zl, D(start), D(end), "day", "onsite")
    assert caught.value.rule == rule
    assert services.calendar.slots(None, None, D("1970-01-01"), D("2100-01-01")) == []


def test_a_person_not_on_the_project_is_refused(services: Services, project_code: str) -> None:
    services.projects.add_project("DF", "东方机械 ERP", "东方机械", "2026-11-09")
    outsider = _member(services, "王芳", "DF", "WF")
    zl = _member(services)
    with pytest.raises(CalendarError) as caught:
        services.calendar.add_slot("HX", outsider, D("2026-11-02"), D("2026-11-02"))
    assert caught.value.rule == "not_a_member"
    slot, _ = services.calendar.add_slot("HX", zl, D("2026-11-02"), D("2026-11-02"))
    with pytest.raises(CalendarError):
        services.calendar.move_slot(slot.id, D("2026-11-02"), D("2026-11-02"),
                                    person_id=outsider)


def test_milestones_from_the_project_and_records(services: Services, project_code: str) -> None:
    stones = services.calendar.milestones("HX")
    assert [(m.kind, m.day, m.derived) for m in stones] == [
        (MilestoneKind.GO_LIVE, D("2026-11-02"), True),
        (MilestoneKind.MONTH_END_CLOSE, D("2026-11-30"), True)]
    close, _ = services.calendar.set_milestone("HX", "month_end_close", D("2026-12-31"))
    exit_, _ = services.calendar.set_milestone("HX", "planned_exit", D("2026-12-18"), "撤离")
    moved, _ = services.calendar.set_milestone("HX", "planned_exit", D("2026-12-25"))
    assert moved.id == exit_.id
    assert moved.day == D("2026-12-25")
    services.calendar.set_milestone("HX", "go_live", D("2026-11-03"))
    assert services.projects.get("HX").go_live == D("2026-11-03")
    kinds = [(m.kind.value, m.day.isoformat()) for m in services.calendar.milestones("HX")]
    assert kinds == [("go_live", "2026-11-03"), ("month_end_close", "2026-11-30"),
                     ("planned_exit", "2026-12-25"), ("month_end_close", "2026-12-31")]
    services.calendar.delete_milestone(close.id)
    assert len(services.calendar.milestones("HX")) == 3
    with pytest.raises(CalendarError) as caught:
        services.calendar.delete_milestone(services.calendar.milestones("HX")[0].id)
    assert caught.value.rule == "derived_milestone"


def test_coverage_plan_and_apply(services: Services, project_code: str) -> None:
    zl = _member(services)
    _member(services, "陈思远", initials="CSY")
    services.calendar.set_milestone("HX", "planned_exit", D("2026-12-18"))
    warnings = services.calendar.coverage("HX", D("2026-11-01"), D("2026-12-31"))
    assert {w.code for w in warnings} == {"go_live_uncovered", "month_end_uncovered"}
    assert len([w for w in warnings if w.code == "go_live_uncovered"]) == 6
    plan = services.calendar.plan("HX")
    assert plan
    assert services.calendar.slots("HX", None, D("2026-11-01"), D("2026-12-31")) == []
    changes = services.calendar.apply_plan("HX", plan)
    assert len(changes.ids) == len(plan) + 1
    assert services.calendar.coverage("HX", D("2026-11-01"), D("2026-12-31")) == []
    # N is per project: 12 working days now need cover; the plan's mornings on site
    # cover days 6-10, the hotline days 11 and 12 do not
    services.calendar.set_onsite_days("HX", 12)
    assert services.calendar.onsite_days("HX") == 12
    late = services.calendar.coverage("HX", D("2026-11-01"), D("2026-12-31"))
    assert [(w.code, w.day) for w in late] == [("go_live_uncovered", D("2026-11-17")),
                                               ("go_live_uncovered", D("2026-11-18"))]
    # who was on site, for the issue form
    assert services.calendar.on_site("HX", D("2026-11-03")) == ["张力", "陈思远"]
    assert services.calendar.on_site("HX", D("2026-11-21")) == []  # a Saturday
    # a plan with a stranger in it writes nothing
    bad = [plan[0], plan[0].__class__("nobody", "某人", D("2026-11-02"), D("2026-11-02"),
                                      Half.DAY, SupportMode.ONSITE)]
    before = len(services.calendar.slots("HX", None, D("2026-11-01"), D("2026-12-31")))
    with pytest.raises(CalendarError):
        services.calendar.apply_plan("HX", bad)
    assert len(services.calendar.slots("HX", None, D("2026-11-01"), D("2026-12-31"))) == before
    assert zl


def test_double_booking_across_projects(services: Services, project_code: str) -> None:
    services.projects.add_project("DF", "东方机械 ERP", "东方机械", "2026-11-09")
    zl = _member(services)
    services.projects.add_person("DF", "张力", "consultant", initials="ZL")
    services.calendar.add_slot("HX", zl, D("2026-11-10"), D("2026-11-10"), "am", "onsite")
    services.calendar.add_slot("DF", zl, D("2026-11-10"), D("2026-11-11"), "day", "onsite")
    clash = [w for w in services.calendar.coverage("HX", D("2026-11-01"), D("2026-11-30"))
             if w.code == "double_booked"]
    assert [(w.day, w.person_name, w.params["other"]) for w in clash] == [
        (D("2026-11-10"), "张力", "DF")]
    both = [w for w in services.calendar.coverage(None, D("2026-11-01"), D("2026-11-30"))
            if w.code == "double_booked"]
    assert sorted(w.project_code for w in both) == ["DF", "HX"]


def test_issues_per_day(services: Services, project_code: str) -> None:
    services.issues.create("HX", {"title": "凭证无法保存", "reported_at": "2026-11-03T09:10"})
    services.issues.create("HX", {"title": "报表为空", "reported_at": "2026-11-03T15:00"})
    services.issues.create("HX", {"title": "打印乱码", "reported_at": "2026-11-05T10:00"})
    assert services.calendar.issues_per_day("HX", D("2026-11-01"), D("2026-11-30")) == {
        D("2026-11-03"): 2, D("2026-11-05"): 1}


def test_slots_travel_in_bundles_and_a_concurrent_move_is_a_conflict(tmp_path: Path) -> None:
    office, a, b = make_trio(tmp_path)
    try:
        zl = a.services.projects.add_person("HX", "张力", "consultant", initials="ZL")[0].id
        slot, _ = a.services.calendar.add_slot("HX", zl, D("2026-11-02"), D("2026-11-06"))
        a.services.calendar.set_milestone("HX", "planned_exit", D("2026-12-18"))
        exchange(tmp_path, office, a, b)
        seen_b = b.services.calendar.slot(slot.id)
        assert (seen_b.person_name, seen_b.start) == ("张力", D("2026-11-02"))
        assert [m.kind for m in b.services.calendar.milestones("HX")][-1] is \
            MilestoneKind.PLANNED_EXIT
        # both laptops move the slot offline, each from what it showed
        a.services.calendar.move_slot(slot.id, D("2026-11-03"), D("2026-11-06"),
                                      seen=slot.versions)
        b.services.calendar.move_slot(slot.id, D("2026-11-04"), D("2026-11-06"),
                                      seen=seen_b.versions)
        exchange(tmp_path, office, a, b)
        exchange(tmp_path, office, a, b)
        for node in (office, a, b):
            with node.services.store.read() as conn:
                versions = projector.heads(conn, slot.id, "start_day")
            assert sorted(v.value for v in versions) == ["2026-11-03", "2026-11-04"]
        # a script's move without what it saw is refused; the page's (with seen) is not
        with pytest.raises(WorkflowError):
            a.services.calendar.move_slot(slot.id, D("2026-11-05"), D("2026-11-06"))
        assert a.dump() == b.dump() == office.dump()
    finally:
        for node in (office, a, b):
            node.close()
