"""The handover through its service: transfers, notes, the support system, the emergency
plan, the exit, the sign-off, and two laptops filling it in and merging by sync."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from golive_desk.domain.errors import ValidationError, WorkflowError
from golive_desk.domain.handover import ReadinessThresholds
from golive_desk.domain.handover_records import HandoverState, MaintenanceNote
from golive_desk.domain.issues import IssueStatus
from golive_desk.domain.support_calendar import FIRST_DAY, LAST_DAY, Half, MilestoneKind
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import canonical_dump
from golive_desk.storage.projector import rebuild
from golive_desk.storage.unit_of_work import unit_of_work
from tests.integration.sync_support import exchange, make_trio

SIGNERS = {"handover_by": "张力", "handover_receiver": "孙涛", "accept_customer": "王海东",
           "accept_vendor": "周建国"}


@pytest.fixture
def demo(services: Services) -> Services:
    fill_demo(services, issues=80)
    return services


def test_a_demo_project_starts_in_support_with_its_open_issues_to_hand_over(
        demo: Services) -> None:
    h = demo.handover
    assert h.state("HX") is HandoverState.IN_SUPPORT
    open_numbers = [i.number for i in h.untransferred("HX")]
    assert open_numbers
    assert all(i.is_open for i in h.untransferred("HX"))
    # The demo's own transfers name who follows them up in O&M.
    assert {t.owner for t in h.transfers("HX")} == {"孙涛"}
    assert all(t.plan for t in h.transfers("HX"))


def test_transfer_records_owner_and_plan_and_takes_the_issue_off_the_open_list(
        demo: Services) -> None:
    h = demo.handover
    first, second = [i.number for i in h.untransferred("HX")][:2]
    with pytest.raises(ValidationError) as no_owner:
        h.transfer(first, " ", "每周跟进")
    assert no_owner.value.field == "owner"
    moved = h.transfer_many([first, second], "孙涛", "每周二电话跟进，月底前关闭")
    assert [i.status for i in moved] == [IssueStatus.TRANSFERRED] * 2
    listed = {t.number: t for t in h.transfers("HX")}
    assert (listed[first].owner, listed[first].plan) == ("孙涛", "每周二电话跟进，月底前关闭")
    assert listed[first].day == date.today()
    assert first not in [i.number for i in h.untransferred("HX")]
    # A transferred issue cannot be transferred again: nothing of the batch is written.
    third = h.untransferred("HX")[0].number
    with pytest.raises(WorkflowError):
        h.transfer_many([third, first], "孙涛", "再次")
    assert third in [i.number for i in h.untransferred("HX")]


def test_sign_off_is_refused_with_the_list_until_every_issue_is_transferred_or_closed(
        demo: Services) -> None:
    h = demo.handover
    h.save_record("HX", SIGNERS, h.record("HX").versions)
    remaining = sorted(i.number for i in h.untransferred("HX"))
    with pytest.raises(WorkflowError) as refused:
        h.sign_off("HX", date.today())
    assert refused.value.details["issues"] == remaining
    assert h.record("HX").accepted_on is None
    h.transfer_many(remaining, "孙涛", "移交运维跟进")
    h.sign_off("HX", date.today())
    status = h.status("HX")
    assert (status.state, status.accepted_at) == ("handed_over", date.today().isoformat())
    assert demo.projects.get("HX").status.value == "handover"
    assert any(m.kind is MilestoneKind.ACCEPTANCE and m.day == date.today()
               for m in demo.calendar.milestones("HX"))


def test_sign_off_needs_every_signer(demo: Services) -> None:
    h = demo.handover
    h.transfer_many([i.number for i in h.untransferred("HX")], "孙涛", "跟进")
    h.save_record("HX", {**SIGNERS, "accept_vendor": ""}, h.record("HX").versions)
    with pytest.raises(ValidationError) as missing:
        h.sign_off("HX", date.today())
    assert missing.value.field == "accept_vendor"


def test_an_exit_before_go_live_is_refused_and_a_later_one_is_the_calendars(
        demo: Services) -> None:
    h = demo.handover
    live = demo.projects.get("HX").go_live
    with pytest.raises(ValidationError) as early:
        h.set_exit("HX", live - timedelta(days=1))
    assert early.value.field == "exit_day"
    h.set_exit("HX", live + timedelta(days=40))
    assert h.exit_date("HX") == live + timedelta(days=40)
    assert h.status("HX").exit_date == live + timedelta(days=40)


def test_maintenance_notes_come_from_flagged_resolved_issues_and_keep_an_edit(
        demo: Services) -> None:
    h = demo.handover
    notes = h.notes("HX")
    assert notes
    assert all(n.id is None for n in notes)
    assert all(n.issue_number for n in notes)
    first = notes[0]
    issue = demo.issues.get(first.issue_number)
    assert issue.maintenance_note
    assert issue.status in (IssueStatus.RESOLVED, IssueStatus.CLOSED)
    assert (first.cause, first.solution) == (issue.cause, issue.resolution)
    edited = h.save_note("HX", first, {"solution": "在存货核算中重新生成入库单即可。"})
    assert edited.id is not None
    assert edited.issue_number == first.issue_number
    again = [n for n in h.notes("HX") if n.issue_number == first.issue_number]
    assert [n.solution for n in again] == ["在存货核算中重新生成入库单即可。"]
    free = h.save_note("HX", MaintenanceNote(None, None, "", "", "", "", ""), {
        "module": "总账", "symptom": "月末结账前先备份账套", "solution": "按备份手册执行"})
    assert [n.id for n in h.notes("HX", "备份账套")] == [free.id]
    with pytest.raises(ValidationError):
        h.save_note("HX", MaintenanceNote(None, None, "", "", "", "", ""), {"symptom": " "})
    h.delete_note(free.id or "")
    assert h.notes("HX", "备份账套") == []


def test_templates_are_added_once_in_the_windows_language(demo: Services) -> None:
    h = demo.handover
    first = h.add_templates("HX", "zh_CN")
    assert len(first) >= 4
    assert first[0].title == "系统无法登录或宕机"
    assert len(h.add_templates("HX", "zh_CN")) == len(first)
    assert h.state("HX") is HandoverState.IN_PROGRESS
    changed = h.update_scenario(first[1], {"title": first[1].title, "actions": "先备份再处理",
                                           "contacts": "刘芳", "escalation": "周建国"})
    assert (changed.actions, changed.position) == ("先备份再处理", 1)
    h.delete_scenario(first[0].id)
    assert next(s.title for s in h.scenarios("HX")) == first[1].title


def test_contacts_keep_their_modules_and_details(demo: Services) -> None:
    h = demo.handover
    contacts = h.contacts("HX")
    assert next(c.role.value for c in contacts) == "customer_pm"
    key_user = next(c for c in contacts if c.role.value == "key_user")
    saved = h.save_contact("HX", key_user.id, phone="138 0000 1111", email=key_user.email,
                           department=key_user.department, modules="总账、应收\n应付")
    assert (saved.phone, saved.modules) == ("138 0000 1111", "总账\n应收\n应付")


def test_thresholds_are_the_projects(demo: Services) -> None:
    h = demo.handover
    h.set_thresholds("HX", ReadinessThresholds(max_new_per_day=50.0))
    assert h.record("HX").thresholds.max_new_per_day == 50.0
    new_per_day = next(c for c in h.readiness("HX") if c.code == "new_issues_per_day")
    assert (new_per_day.threshold, new_per_day.ok) == (50.0, True)


def test_the_summary_counts_issues_and_support_days(demo: Services) -> None:
    summary = demo.handover.summary("HX")
    assert summary.issues == 80
    assert sum(summary.by_category.values()) == 80 == sum(summary.by_module.values())
    assert summary.support_days["onsite"] > 0


def test_support_person_days_run_from_go_live_to_the_consultant_exit(demo: Services) -> None:
    go_live = demo.projects.get("HX").go_live
    exit_day = go_live + timedelta(days=9)
    demo.handover.set_exit("HX", exit_day)
    slots = demo.calendar.slots("HX", None, FIRST_DAY, LAST_DAY)
    assert any(s.end > exit_day for s in slots)  # the demo plans support past the exit
    within = sum((1.0 if s.half is Half.DAY else 0.5) for s in slots for day in s.days()
                 if go_live <= day <= exit_day)
    assert sum(demo.handover.summary("HX").support_days.values()) == within


def test_two_laptops_fill_in_the_handover_and_merge(tmp_path: Path) -> None:
    office, a, b = make_trio(tmp_path)
    try:
        ha, hb = a.services.handover, b.services.handover
        seen_a, seen_b = ha.record("HX").versions, hb.record("HX").versions
        ha.save_record("HX", {"handover_lessons": "关键用户培训要提前", "handover_by": "张力"},
                       seen_a)
        hb.save_record("HX", {"handover_lessons": "月结前一周驻场", "handover_receiver": "孙涛"},
                       seen_b)
        ha.add_templates("HX", "zh_CN")
        hb.add_scenario("HX", {"title": "网络中断", "actions": "启用 4G 路由"})
        exchange(tmp_path, office, a, b)
        exchange(tmp_path, office, a, b)
        for node in (a, b, office):
            record = node.services.handover.record("HX")
            assert (record.handover_by, record.handover_receiver) == ("张力", "孙涛")
            assert set(record.conflicts["handover_lessons"]) == {"关键用户培训要提前",
                                                                  "月结前一周驻场"}
            titles = [s.title for s in node.services.handover.scenarios("HX")]
            assert {"网络中断", "系统无法登录或宕机"} <= set(titles)
        assert a.dump() == b.dump() == office.dump()
        # The user settles it in the wizard: a save that saw both versions.
        ha.save_record("HX", {"handover_lessons": "关键用户培训要提前；月结前一周驻场"},
                       ha.record("HX").versions)
        exchange(tmp_path, office, a, b)
        assert hb.record("HX").conflicts == {}
        assert hb.record("HX").handover_lessons == "关键用户培训要提前；月结前一周驻场"
        before = canonical_dump(b.services.store)
        with b.services.store.write() as conn:
            rebuild(conn)
        assert canonical_dump(b.services.store) == before
    finally:
        for node in (office, a, b):
            node.close()


def test_an_issue_moved_to_transferred_without_a_transfer_entry_is_still_listed(
        demo: Services) -> None:
    """A status settled in the conflict inbox moves the issue without a timeline entry:
    it is transferred all the same (owner and plan unknown)."""
    issue = demo.handover.untransferred("HX")[0]
    demo.issues.add_entry(issue.number, "note", "客户要求由运维部门跟进")
    with unit_of_work(demo.store) as uow:
        uow.set("issue", issue.id, "status", IssueStatus.TRANSFERRED.value)
    listed = {t.number: t for t in demo.handover.transfers("HX")}
    assert (listed[issue.number].owner, listed[issue.number].plan) == ("", "")
