"""IssueService on a real store: workflow, timeline, attachments, conflicts, rebuild."""

from __future__ import annotations

import os
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from golive_desk.domain.conflicts import ConflictKind
from golive_desk.domain.errors import (
    FileTooLargeError,
    FileUnreadableError,
    NotFoundError,
    ValidationError,
    WorkflowError,
)
from golive_desk.domain.ids import uuid7
from golive_desk.domain.issues import IssueQuery, IssueStatus, TimelineKind
from golive_desk.services import store_admin
from golive_desk.services.conflicts import ConflictService
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.storage import oplog, projector
from golive_desk.storage.blobs import MAX_BLOB_BYTES
from golive_desk.storage.tables import ops


def op_count(services: Services) -> int:
    with services.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(ops)).scalar_one())


def new_issue(services: Services, project: str, **values: object) -> str:
    values.setdefault("title", "凭证审核后无法反审核")
    issue, _ = services.issues.create(project, values)
    return issue.number


def foreign_set(services: Services, issue_id: str, field: str, value: object,
                prev: tuple[str, ...], seq: int = 1) -> str:
    """An op written on another laptop (node bbbb…), arriving as sync would apply it."""
    with services.store.write() as conn:
        cursor = oplog.load_cursor(conn)
        laptop = oplog.NodeCursor("b" * 32, "陈思远", seq - 1, None, cursor.lamport)
        op_id, op, body = oplog.make_op(laptop, entity="issue", entity_id=issue_id, kind="set",
                                        field=field, value=value, prev=prev,
                                        wall="2026-11-04T02:00:00.000+00:00")
        oplog.insert_ops(conn, [(op_id, op, body)])
        projector.project(conn, [(op_id, op)])
    return op_id


# -- create and edit ------------------------------------------------------------

def test_create_gives_stable_numbers_and_defaults(services: Services, project_code: str) -> None:
    first, changes = services.issues.create(project_code, {
        "title": "凭证审核后无法反审核", "module": "总账", "severity": "high",
        "reporter": "刘芳", "expected_by": "2099-01-01"})
    second = services.issues.get(new_issue(services, project_code))
    assert first.number == "HX-ZL-0001"
    assert second.number == "HX-ZL-0002"
    assert changes.touches("issue")
    assert first.id in changes.ids
    assert first.status == IssueStatus.NEW
    assert first.category.value == "other"
    assert first.mode.value == "onsite"
    assert first.project_code == "HX"
    assert services.issues.get("hx-zl-0001").id == first.id  # numbers are case-blind


def test_bad_input_is_refused_and_nothing_is_written(services: Services,
                                                     project_code: str) -> None:
    before = op_count(services)
    with pytest.raises(ValidationError) as caught:
        services.issues.create(project_code, {"title": "  "})
    assert caught.value.field == "title"
    with pytest.raises(ValidationError, match="unknown module"):
        services.issues.create(project_code, {"title": "t", "module": "人事"})
    with pytest.raises(ValidationError) as caught:
        services.issues.create(project_code, {"title": "t", "reported_at": "2026-11-05 09:00",
                                              "expected_by": "2026-11-01"})
    assert caught.value.field == "expected_by"
    with pytest.raises(NotFoundError):
        services.issues.create("NOPE", {"title": "t"})
    with pytest.raises(NotFoundError):
        services.issues.get("HX-ZL-9999")
    assert op_count(services) == before


def test_project_modules_can_be_replaced(services: Services, project_code: str) -> None:
    assert services.issues.modules(project_code)[0] == "总账"
    services.issues.set_modules(project_code, ["人事", "薪资", "人事"])
    assert services.issues.modules(project_code) == ("人事", "薪资")
    assert new_issue(services, project_code, module="薪资")
    with pytest.raises(ValidationError):
        new_issue(services, project_code, module="总账")


def test_update_writes_one_op_per_changed_field_and_the_timeline_says_so(
        services: Services, project_code: str) -> None:
    number = new_issue(services, project_code, severity="high", module="总账")
    before = op_count(services)
    issue, _ = services.issues.update(number, {"severity": "urgent", "module": "总账",
                                               "assignee": "林晓"})
    assert op_count(services) == before + 2  # module did not change
    assert issue.severity.value == "urgent"
    lines = [e.text for e in issue.timeline if e.kind == TimelineKind.FIELD_CHANGE]
    assert lines.count("张力 changed severity from high to urgent") == 1
    assert "张力 changed assignee from (empty) to 林晓" in lines
    with pytest.raises(ValidationError):
        services.issues.update(number, {"status": "closed"})
    with pytest.raises(ValidationError):
        services.issues.update(number, {"expected_by": "2000-01-01"})


# -- workflow and timeline ----------------------------------------------------------

def test_workflow_is_enforced_and_recorded(services: Services, project_code: str) -> None:
    number = new_issue(services, project_code, title="暂估应付冲回后余额为负", module="应付")
    services.issues.change_status(number, "in_progress", "已接手")
    with pytest.raises(WorkflowError) as caught:
        services.issues.change_status(number, "escalated")
    assert caught.value.details["reason"] == "needs_proposal"
    services.issues.change_status(number, "escalated", "报项目经理",
                                  updates={"proposal": "申请补丁"})
    services.issues.add_entry(number, "escalated", "已提交总部产品支持，工单号 CS-2611")
    with pytest.raises(WorkflowError, match="branch office"):
        services.issues.change_status(number, "resolved", updates={"resolution": "补丁"})
    services.issues.add_entry(number, "branch_tested", "分公司测试通过")
    services.issues.change_status(number, "branch_tested")
    services.issues.add_entry(number, "applied_on_site", "现场已安装补丁")
    services.issues.change_status(number, "applied_on_site")
    services.issues.change_status(number, "resolved", updates={"resolution": "安装补丁"})
    services.issues.add_entry(number, "customer_notified", "请确认", channel="phone",
                              whom="刘芳")
    with pytest.raises(WorkflowError) as caught:
        services.issues.change_status(number, "closed")
    assert caught.value.details["reason"] == "needs_confirmation"
    services.issues.update(number, {"confirmed_by": "王海东", "confirmed_at": "2099-01-02"})
    issue, changes = services.issues.change_status(number, IssueStatus.CLOSED, "客户确认")
    assert issue.status == IssueStatus.CLOSED
    assert changes.touches("timeline_entry")
    moves = [(e.from_status, e.to_status) for e in issue.timeline
             if e.kind == TimelineKind.STATUS_CHANGE]
    assert [m[1] for m in moves] == [IssueStatus.IN_PROGRESS, IssueStatus.ESCALATED,
                                     IssueStatus.BRANCH_TESTED, IssueStatus.APPLIED_ON_SITE,
                                     IssueStatus.RESOLVED, IssueStatus.CLOSED]
    assert moves[0][0] == IssueStatus.NEW
    kinds = [e.kind for e in issue.timeline]
    assert kinds.index(TimelineKind.ESCALATED) < kinds.index(TimelineKind.BRANCH_TESTED) \
        < kinds.index(TimelineKind.APPLIED_ON_SITE) < kinds.index(TimelineKind.CUSTOMER_NOTIFIED)
    notice = next(e for e in issue.timeline if e.kind == TimelineKind.CUSTOMER_NOTIFIED)
    assert (notice.channel and notice.channel.value, notice.whom) == ("phone", "刘芳")
    assert all(e.author == "张力" and len(e.at) == 16 for e in issue.timeline)
    # Reopen: back to work, and the old confirmation no longer counts.
    reopened, _ = services.issues.change_status(number, "in_progress", "客户反馈仍有问题")
    assert reopened.confirmed_by == ""
    assert reopened.confirmed_at is None
    allowed = services.issues.allowed_statuses(reopened)
    assert allowed[IssueStatus.RESOLVED] is None
    assert allowed[IssueStatus.ESCALATED] is None  # the proposal is still there


def test_status_changes_are_not_repeated_as_field_changes(services: Services,
                                                          project_code: str) -> None:
    number = new_issue(services, project_code)
    issue, _ = services.issues.change_status(number, "in_progress")
    assert [e.kind for e in issue.timeline] == [TimelineKind.CREATED,
                                                TimelineKind.STATUS_CHANGE]


def test_a_new_issue_s_timeline_starts_with_its_creation(services: Services,
                                                        project_code: str) -> None:
    number = new_issue(services, project_code, reporter="黄晓燕", mode="phone")
    issue = services.issues.get(number)
    (created,) = issue.timeline  # derived from the create op: no second op, no entry row
    assert (created.kind, created.author, created.whom, created.new_value) == (
        TimelineKind.CREATED, "张力", "黄晓燕", "phone")
    assert created.text == "张力 created the issue (reported by 黄晓燕, phone)"
    assert len(created.at) == 16
    issue, _ = services.issues.change_status(number, "in_progress")
    assert issue.timeline[0].kind == TimelineKind.CREATED


def test_bad_timeline_entries_are_refused(services: Services, project_code: str) -> None:
    number = new_issue(services, project_code)
    with pytest.raises(ValidationError) as caught:
        services.issues.add_entry(number, "customer_notified", "已告知")
    assert caught.value.field == "channel"
    with pytest.raises(ValidationError):
        services.issues.add_entry(number, "status_change", "x")
    with pytest.raises(ValidationError):
        services.issues.add_entry(number, "note", "")


# -- attachments -------------------------------------------------------------------

def test_attachments_are_stored_once_by_hash(services: Services, project_code: str,
                                             tmp_path: Path) -> None:
    number = new_issue(services, project_code)
    shot = tmp_path / "报错截图.png"
    shot.write_bytes(b"\x89PNG fake screenshot")
    first, changes = services.issues.attach_file(number, shot)
    again, _ = services.issues.attach_bytes(number, "clipboard.png", shot.read_bytes())
    assert first.sha256 == again.sha256
    assert first.size == len(shot.read_bytes())
    assert first.mime == "image/png"
    assert changes.touches("attachment")
    stored = services.issues.blob_path(first.sha256)
    assert stored.read_bytes() == shot.read_bytes()
    assert [p.name for p in stored.parent.iterdir()] == [first.sha256]  # no temp files left
    issue = services.issues.get(number)
    assert [a.name for a in issue.attachments] == ["报错截图.png", "clipboard.png"]
    services.issues.remove_attachment(first.id)
    assert [a.name for a in services.issues.get(number).attachments] == ["clipboard.png"]


def test_oversized_and_unreadable_files_are_refused(services: Services, project_code: str,
                                                    tmp_path: Path) -> None:
    number = new_issue(services, project_code)
    before = op_count(services)
    big = tmp_path / "database-dump.bak"
    with big.open("wb") as fh:
        fh.truncate(MAX_BLOB_BYTES)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(FileTooLargeError, match="50 MB"):
        services.issues.attach_file(number, big)
    with pytest.raises(FileTooLargeError):
        services.issues.attach_bytes(number, "huge.png", bytes(MAX_BLOB_BYTES))
    with pytest.raises(FileUnreadableError):
        services.issues.attach_file(number, tmp_path / "missing.png")
    with pytest.raises(FileUnreadableError):
        services.issues.attach_file(number, tmp_path)
    assert op_count(services) == before
    blob_dir = services.store.blob_dir
    assert not blob_dir.exists() or not any(p.is_file() for p in blob_dir.rglob("*"))


# -- delete, restore, conflicts ----------------------------------------------------

def test_delete_hides_and_restore_brings_back(services: Services, project_code: str) -> None:
    number = new_issue(services, project_code)
    services.issues.delete(number)
    assert services.issues.get(number).deleted
    assert services.issues.list_ids(IssueQuery(project=project_code)) == []
    assert len(services.issues.list_ids(IssueQuery(include_deleted=True))) == 1
    with pytest.raises(WorkflowError, match="restore it first"):
        services.issues.update(number, {"title": "x"})
    with pytest.raises(WorkflowError):
        services.issues.delete(number)
    services.issues.restore(number)
    issue = services.issues.get(number)
    assert not issue.deleted
    assert [e.text for e in issue.timeline][1:] == ["张力 deleted the issue",
                                                    "张力 restored the issue"]
    with pytest.raises(WorkflowError):
        services.issues.restore(number)


def test_concurrent_edits_show_as_a_conflict_until_resolved(services: Services,
                                                            project_code: str) -> None:
    number = new_issue(services, project_code, severity="medium")
    issue = services.issues.get(number)
    with services.store.read() as conn:
        created = conn.execute(select(ops.c.op_id).where(ops.c.entity_id == issue.id)).scalar()
    services.issues.update(number, {"severity": "urgent"})
    foreign_set(services, issue.id, "severity", "low", prev=(str(created),))
    shown = services.issues.get(number)
    assert [c.field for c in shown.conflicts] == ["severity"]
    values = shown.conflicts[0].values
    assert {v.value for v in values} == {"urgent", "low"}
    assert shown.severity.value == values[0].value  # the provisional winner is shown
    listed = ConflictService(services.store).list_conflicts()
    assert [(c.label, c.field) for c in listed] == [(number, "severity")]
    with pytest.raises(ValidationError):
        services.issues.resolve_conflict(number, "severity", "critical")
    resolved, _ = services.issues.resolve_conflict(number, "severity", "high")
    assert resolved.conflicts == ()
    assert resolved.severity.value == "high"
    with pytest.raises(WorkflowError):
        services.issues.resolve_conflict(number, "severity", "low")


def test_an_edit_the_delete_did_not_see_is_reported(services: Services,
                                                    project_code: str) -> None:
    number = new_issue(services, project_code)
    issue = services.issues.get(number)
    with services.store.read() as conn:
        created = str(conn.execute(select(ops.c.op_id).where(
            ops.c.entity_id == issue.id)).scalar())
    services.issues.delete(number)
    foreign_set(services, issue.id, "title", "对方在删除后修改的标题", prev=(created,))
    shown = services.issues.get(number)
    assert shown.deleted
    assert [(c.kind, c.field) for c in shown.conflicts] == [
        (ConflictKind.EDITED_AFTER_DELETE, "title")]
    services.issues.delete(number)  # deleting again, having seen the edit, settles it
    assert services.issues.get(number).conflicts == ()


# -- register: filters, sort, counts ------------------------------------------------------

def test_register_filters_sorts_and_counts(services: Services, project_code: str) -> None:
    a = new_issue(services, project_code, severity="low", module="采购", assignee="张力",
                  reported_at="2026-11-03 09:00", expected_by="2026-11-04",
                  category="configuration")
    b = new_issue(services, project_code, severity="urgent", module="销售", assignee="林晓",
                  reported_at="2026-11-05 09:00", expected_by="2026-11-06", category="data")
    c = new_issue(services, project_code, severity="high", module="采购", assignee="张力",
                  reported_at="2026-11-07 09:00", expected_by=None)
    services.issues.change_status(a, "in_progress")
    services.issues.change_status(b, "resolved", updates={"resolution": "已处理"})
    ids = {n: services.issues.get(n).id for n in (a, b, c)}

    def numbers(**kw: object) -> list[str]:
        found = services.issues.list_issues(IssueQuery(project=project_code, **kw))  # type: ignore[arg-type]
        return [i.number for i in found]

    assert numbers() == [c, b, a]  # newest report first
    assert numbers(sort="severity", descending=False) == [b, c, a]
    assert numbers(sort="number", descending=False) == [a, b, c]
    assert numbers(statuses=frozenset({IssueStatus.NEW, IssueStatus.IN_PROGRESS})) == [c, a]
    assert numbers(modules=frozenset({"采购"})) == [c, a]
    assert numbers(assignee="林晓") == [b]
    assert numbers(mine=True) == [c, a]
    from datetime import date

    assert numbers(reported_from=date(2026, 11, 4), reported_to=date(2026, 11, 5)) == [b]
    assert numbers(overdue=True) == [a]  # b is resolved, c has no expected-by date
    from golive_desk.domain.issues import Category, Severity

    assert numbers(categories=frozenset({Category.DATA})) == [b]
    assert numbers(severities=frozenset({Severity.HIGH, Severity.LOW})) == [c, a]
    counts = services.issues.counts(IssueQuery(project=project_code,
                                               statuses=frozenset({IssueStatus.NEW})))
    assert (counts[IssueStatus.NEW], counts[IssueStatus.IN_PROGRESS],
            counts[IssueStatus.RESOLVED], counts[IssueStatus.CLOSED]) == (1, 1, 1, 0)
    assert [i.id for i in services.issues.fetch([ids[b], "missing", ids[a]])] == [ids[b], ids[a]]
    # The register's own reads: its first screen in one query, later rows by id.
    top = services.issues.register_top(IssueQuery(project=project_code, sort="number",
                                                  descending=False), limit=2)
    assert [r.number for r in top] == [a, b]
    assert top[1].status == IssueStatus.RESOLVED
    assert top[0].is_overdue(date(2026, 12, 31))
    rows = services.issues.register_rows([ids[c], "missing", ids[a]])
    assert [r.number for r in rows] == [c, a]


# -- demo and rebuild -----------------------------------------------------------------------

def test_demo_covers_every_status_category_severity_and_module(services: Services) -> None:
    result = fill_demo(services, issues=60)
    assert result.issues == 60
    found = services.issues.list_issues(IssueQuery(project="HX"))
    assert len(found) == 60
    assert {i.status for i in found} == set(IssueStatus)
    assert {i.category.value for i in found} == {
        "operation_error", "configuration", "data", "software_defect", "change_request",
        "environment_printing", "other"}
    assert {i.severity.value for i in found} == {"urgent", "high", "medium", "low"}
    assert {i.module for i in found} == set(services.issues.modules("HX"))
    closed = next(i for i in found if i.status == IssueStatus.CLOSED)
    kinds = {e.kind for e in services.issues.get(closed.number).timeline}
    assert {TimelineKind.STATUS_CHANGE, TimelineKind.CUSTOMER_NOTIFIED} <= kinds
    escalated = next(i for i in found if i.status == IssueStatus.APPLIED_ON_SITE)
    kinds = {e.kind for e in services.issues.get(escalated.number).timeline}
    assert {TimelineKind.ESCALATED, TimelineKind.BRANCH_TESTED,
            TimelineKind.APPLIED_ON_SITE} <= kinds


def test_the_demo_reads_like_a_month_of_support_and_syncs_without_clock_warnings(
        services: Services, tmp_path: Path) -> None:
    from datetime import datetime  # (timestamps compared as text, like the ops)

    from golive_desk.services.store_admin import init_store

    fill_demo(services, issues=40)
    with services.store.read() as conn:
        walls = [w for (w,) in conn.exec_driver_sql("SELECT wall FROM ops ORDER BY seq")]
    assert walls == sorted(walls)  # along the chain, as a sync checks
    assert walls[-1] <= datetime.now(UTC).isoformat()
    # Every line of an issue's history, field changes too, at the story's times:
    # after the report, in order, long before today.
    issues = services.issues.list_issues(IssueQuery(project="HX", statuses=frozenset(
        {IssueStatus.CLOSED})))
    closed = services.issues.get(issues[0].number)
    times = [e.at for e in closed.timeline]
    assert times[0] >= closed.reported_at
    assert times == sorted(times)
    assert any(e.kind == TimelineKind.FIELD_CHANGE for e in closed.timeline)
    assert closed.updated_at < (datetime.now(UTC) - timedelta(days=1)).isoformat()
    office = tmp_path / "office.db"
    init_store(office, "周建国", "ZJG")
    bundle = services.sync.export_bundle(tmp_path / "demo.bundle", full=True).file
    receiver = Services.open(office)
    try:
        report = receiver.sync.import_bundle(bundle, trust_new=True)
    finally:
        receiver.close()
    assert report.applied == len(walls)
    assert not [w for w in report.warnings if w.is_clock]


def test_a_demo_added_after_recent_work_keeps_the_op_log_in_time_order(
        services: Services) -> None:
    services.projects.add_project("QT", "启泰 ERP 上线", "启泰机械", "2026-11-20")
    services.issues.create("QT", {"title": "今天记录的问题"})
    fill_demo(services, issues=10)
    with services.store.read() as conn:
        walls = [w for (w,) in conn.exec_driver_sql("SELECT wall FROM ops ORDER BY seq")]
    assert walls == sorted(walls)


def test_rebuild_from_the_op_log_gives_the_same_projections_and_search(
        services: Services, tmp_path: Path) -> None:
    fill_demo(services, issues=40)
    number = services.issues.list_issues(IssueQuery(project="HX"))[0].number
    shot = tmp_path / "s.png"
    shot.write_bytes(os.urandom(64))
    services.issues.attach_file(number, shot)
    services.issues.delete(number)
    services.issues.set_modules("HX", ["总账", "应收", "应付", "存货", "采购", "销售", "成本",
                                       "生产"])
    queries = ["结账", "凭证审核后", "单", "审核", "HX-ZL-00"]
    before = store_admin.canonical_dump(services.store)
    found = {q: services.issues.list_ids(IssueQuery(text=q, include_deleted=True))
             for q in queries}
    report = store_admin.doctor(services.store, rebuild=True)
    assert report.chain_ok
    assert report.rebuilt
    assert store_admin.canonical_dump(services.store) == before
    assert {q: services.issues.list_ids(IssueQuery(text=q, include_deleted=True))
            for q in queries} == found
    assert all(found.values())


def test_issue_ids_are_uuid7(services: Services, project_code: str) -> None:
    issue = services.issues.get(new_issue(services, project_code))
    assert issue.id[14] == "7"
    assert len(issue.id) == len(uuid7())


def test_register_rows_carry_only_the_start_of_a_long_description(
        services: Services, project_code: str) -> None:
    text = "月末结账时成本计算报错。" * 100  # 1,200 characters
    issue = services.issues.create(project_code, {"title": "成本计算报错",
                                                  "description": text})[0]
    (row,) = services.issues.register_rows([issue.id])
    assert row.summary == text[:300]
    assert services.issues.get(issue.number).description == text
