"""The issue workflow and field rules, as pure functions (no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from golive_desk.domain import issue_rules as rules
from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import ValidationError, WorkflowError
from golive_desk.domain.issues import (
    DEFAULT_MODULES,
    Category,
    Issue,
    IssueStatus,
    Severity,
)

S = IssueStatus
NOW = datetime(2026, 11, 3, 9, 30)


def make_issue(**changes: object) -> Issue:
    base = Issue(
        id="i1", project_id="p1", project_code="HX", number="HX-ZL-0001",
        title="凭证审核后无法反审核", description="", module="总账", function="凭证管理",
        category=Category.OPERATION_ERROR, severity=Severity.MEDIUM, status=S.NEW,
        mode=SupportMode.ONSITE, reporter="刘芳", reporter_dept="财务部",
        reported_at="2026-11-03T09:30", expected_by=None, assignee="张力", cause="",
        proposal="", resolution="", result="", confirmed_by="", confirmed_at=None,
        maintenance_note=False, created_at="2026-11-03T01:30:00.000+00:00", created_by="张力",
        updated_at="2026-11-03T01:30:00.000+00:00", deleted=False)
    return replace(base, **changes)  # type: ignore[arg-type]


# -- workflow -----------------------------------------------------------------

@pytest.mark.parametrize(("start", "target"), [
    (S.NEW, S.IN_PROGRESS), (S.NEW, S.TRANSFERRED), (S.IN_PROGRESS, S.TRANSFERRED),
    (S.ESCALATED, S.BRANCH_TESTED), (S.ESCALATED, S.IN_PROGRESS),
    (S.BRANCH_TESTED, S.APPLIED_ON_SITE), (S.BRANCH_TESTED, S.IN_PROGRESS),
    (S.APPLIED_ON_SITE, S.IN_PROGRESS), (S.RESOLVED, S.IN_PROGRESS), (S.CLOSED, S.IN_PROGRESS),
])
def test_legal_moves_without_requirements(start: IssueStatus, target: IssueStatus) -> None:
    assert rules.transition_problem(make_issue(status=start), target) is None


def test_the_full_escalation_path_is_legal_step_by_step() -> None:
    issue = make_issue(status=S.IN_PROGRESS, proposal="请总部出补丁",
                       resolution="安装补丁", confirmed_by="王海东",
                       confirmed_at=date(2026, 11, 5))
    for target in (S.ESCALATED, S.BRANCH_TESTED, S.APPLIED_ON_SITE, S.RESOLVED, S.CLOSED):
        rules.check_transition(issue, target)
        issue = replace(issue, status=target)


@pytest.mark.parametrize(("start", "target", "reason"), [
    (S.IN_PROGRESS, S.ESCALATED, "needs_proposal"),
    (S.IN_PROGRESS, S.RESOLVED, "needs_resolution"),
    (S.RESOLVED, S.CLOSED, "needs_confirmation"),
    (S.IN_PROGRESS, S.IN_PROGRESS, "same_status"),
    (S.TRANSFERRED, S.IN_PROGRESS, "transferred"),
    (S.IN_PROGRESS, S.NEW, "no_return_to_new"),
    (S.IN_PROGRESS, S.BRANCH_TESTED, "branch_test_needs_escalation"),
    (S.ESCALATED, S.APPLIED_ON_SITE, "apply_needs_branch_test"),
    (S.ESCALATED, S.RESOLVED, "escalated_needs_test_and_apply"),
    (S.IN_PROGRESS, S.CLOSED, "close_needs_resolved"),
    (S.CLOSED, S.RESOLVED, "reopen_first"),
    (S.RESOLVED, S.TRANSFERRED, "reopen_first"),
    (S.APPLIED_ON_SITE, S.ESCALATED, "escalate_from_applied"),
])
def test_illegal_moves_say_why(start: IssueStatus, target: IssueStatus, reason: str) -> None:
    with pytest.raises(WorkflowError) as caught:
        rules.check_transition(make_issue(status=start), target)
    assert caught.value.details["reason"] == reason
    assert caught.value.details["from_status"] == start.value
    assert caught.value.message  # a sentence, not a code


def test_escalation_message_names_the_proposed_handling() -> None:
    problem = rules.transition_problem(make_issue(status=S.IN_PROGRESS), S.ESCALATED)
    assert problem is not None
    assert "处理建议" in problem.message


def test_closing_needs_both_who_and_when() -> None:
    only_who = make_issue(status=S.RESOLVED, resolution="x", confirmed_by="王海东")
    assert rules.transition_problem(only_who, S.CLOSED) is not None
    both = replace(only_who, confirmed_at=date(2026, 11, 4))
    assert rules.transition_problem(both, S.CLOSED) is None


def test_every_status_has_a_transition_entry_and_transferred_is_final() -> None:
    assert set(rules.TRANSITIONS) == set(IssueStatus)
    assert rules.allowed_targets(S.TRANSFERRED) == ()
    assert S.IN_PROGRESS in rules.allowed_targets(S.RESOLVED)


def test_reopen_clears_the_customer_confirmation() -> None:
    assert rules.fields_reset_on(S.CLOSED, S.IN_PROGRESS) == {
        "confirmed_by": "", "confirmed_at": None}
    assert rules.fields_reset_on(S.NEW, S.IN_PROGRESS) == {}


# -- fields ---------------------------------------------------------------------

def test_new_issue_gets_defaults_and_normalised_values() -> None:
    values = rules.new_issue_values({"title": "  采购入库单价取不到 ", "module": "采购",
                                     "severity": Severity.HIGH, "expected_by": "2026-11-05"},
                                    DEFAULT_MODULES, NOW)
    assert values["title"] == "采购入库单价取不到"
    assert values["severity"] == "high"
    assert values["category"] == "other"
    assert values["reported_at"] == "2026-11-03T09:30"
    assert values["expected_by"] == "2026-11-05"
    assert values["maintenance_note"] is False


@pytest.mark.parametrize("title", ["", "   ", None])
def test_empty_title_is_refused(title: object) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.new_issue_values({"title": title}, DEFAULT_MODULES, NOW)
    assert caught.value.field == "title"
    assert caught.value.details["rule"] == "required"


def test_too_long_title_is_refused() -> None:
    with pytest.raises(ValidationError, match="longer than 200"):
        rules.normalize_field("title", "长" * 201, DEFAULT_MODULES)


def test_unknown_module_lists_the_projects_modules() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.normalize_field("module", "人事", DEFAULT_MODULES)
    assert caught.value.field == "module"
    assert "总账" in caught.value.message
    assert rules.normalize_field("module", "人事", ("人事", "薪资")) == "人事"
    assert rules.normalize_field("module", "", DEFAULT_MODULES) == ""


def test_expected_by_before_reported_at_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.new_issue_values({"title": "t", "reported_at": "2026-11-05 10:00",
                                "expected_by": "2026-11-04"}, DEFAULT_MODULES, NOW)
    assert caught.value.field == "expected_by"
    assert caught.value.details["rule"] == "before_reported"
    same_day = rules.new_issue_values({"title": "t", "reported_at": "2026-11-05 10:00",
                                       "expected_by": "2026-11-05"}, DEFAULT_MODULES, NOW)
    assert same_day["expected_by"] == "2026-11-05"


@pytest.mark.parametrize(("field", "raw"), [
    ("category", "bug"), ("severity", "critical"), ("mode", "email"),
    ("expected_by", "05/11/2026"), ("reported_at", "yesterday"), ("maintenance_note", "maybe"),
    ("status", "closed"), ("number", "HX-ZL-0002"), ("colour", "red"),
])
def test_bad_field_values_name_the_field(field: str, raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.normalize_field(field, raw, DEFAULT_MODULES)
    assert caught.value.field == field


def test_collect_errors_reports_every_field_at_once() -> None:
    errors = rules.collect_errors({"title": "", "module": "人事", "severity": "x"},
                                  DEFAULT_MODULES)
    assert sorted(e.field for e in errors) == ["module", "severity", "title"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("2026-11-03", "2026-11-03T00:00"), ("2026-11-03 14:05", "2026-11-03T14:05"),
    ("2026-11-03T14:05:59", "2026-11-03T14:05"), (date(2026, 11, 3), "2026-11-03T00:00"),
    (datetime(2026, 11, 3, 8, 1), "2026-11-03T08:01"),
])
def test_report_times_are_local_minutes(raw: object, expected: str) -> None:
    assert rules.parse_datetime_value("reported_at", raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("yes", True), ("是", True), (True, True), ("0", False), ("", False), (None, False)])
def test_flags_accept_yes_and_no(raw: object, expected: bool) -> None:
    assert rules.parse_bool("maintenance_note", raw) is expected


def test_issue_numbers_join_project_initials_and_counter() -> None:
    assert rules.issue_number("HX", "ZL", 7) == "HX-ZL-0007"
    assert rules.issue_number("HX", "ZL", 12345) == "HX-ZL-12345"


# -- timeline entries -------------------------------------------------------------

def test_customer_notice_needs_channel_and_whom() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.normalize_entry("customer_notified", "已告知", None, "刘芳", None, NOW)
    assert caught.value.field == "channel"
    with pytest.raises(ValidationError) as caught:
        rules.normalize_entry("customer_notified", "已告知", "phone", "", None, NOW)
    assert caught.value.field == "whom"
    entry = rules.normalize_entry("customer_notified", "已告知", "phone", "刘芳", None, NOW)
    assert entry["channel"] == "phone"
    assert entry["at"] == "2026-11-03T09:30"


def test_program_written_kinds_cannot_be_added_by_hand() -> None:
    for kind in ("status_change", "field_change"):
        with pytest.raises(ValidationError) as caught:
            rules.normalize_entry(kind, "x", None, "", None, NOW)
        assert caught.value.details["rule"] == "manual_kind"


def test_a_note_needs_text_and_a_bad_channel_is_refused() -> None:
    with pytest.raises(ValidationError):
        rules.normalize_entry("note", "  ", None, "", None, NOW)
    with pytest.raises(ValidationError):
        rules.normalize_entry("customer_notified", "x", "fax", "刘芳", None, NOW)
    assert rules.normalize_entry("branch_tested", "", None, "", "2026-11-04 10:00",
                                 NOW)["at"] == "2026-11-04T10:00"


def test_field_changes_read_like_a_sentence() -> None:
    assert rules.describe_field_change("张力", "severity", "high", "urgent") == \
        "张力 changed severity from high to urgent"
    assert rules.describe_field_change("张力", "assignee", "", "林晓") == \
        "张力 changed assignee from (empty) to 林晓"
    assert rules.describe_field_change("张力", "deleted", False, True) == "张力 deleted the issue"
    assert rules.describe_value("长" * 100).endswith("…")
