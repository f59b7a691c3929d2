"""The issue form: validation beside the fields, the guard, workflow, timeline, files, drafts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import IssueQuery, IssueStatus, TimelineKind
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.ui.issues.form import IssueForm
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle
from tests.gui.issue_support import open_issues, services_of


@pytest.fixture
def hx_store(store_path: Path) -> Path:
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02", "2026-11-30")
    services.projects.add_person("HX", "刘芳", "key_user", department="财务部")
    services.issues.create("HX", {"title": "凭证审核后无法反审核", "module": "总账",
                                  "severity": "high", "reporter": "刘芳",
                                  "reported_at": "2026-11-03T09:30", "assignee": "张力"})
    services.close()
    return store_path


@pytest.fixture
def page(qtbot: QtBot, desktop: DesktopApp, hx_store: Path) -> IssuesPage:
    return open_issues(qtbot, desktop, hx_store)[1]


def _open_first(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> IssueForm:
    page.view.selectRow(0)
    page.open_current()
    settle(qtbot, desktop)
    assert page.is_form_open()
    assert page.form.issue is not None
    return page.form


def _new(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> IssueForm:
    page.new_issue()
    settle(qtbot, desktop)
    assert page.is_form_open()
    assert page.form.issue is None
    return page.form


def _drafts(desktop: DesktopApp) -> list[Path]:
    folder = desktop.dirs.data / "drafts"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _screenshot() -> QImage:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fd1"))
    return image


# -- validation -------------------------------------------------------------------------

def test_validation_messages_appear_beside_the_fields(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    form = _new(qtbot, page, desktop)
    form.fields.reported_at.setDateTime(form.fields.reported_at.dateTime().fromString(
        "2026-11-05 10:00", "yyyy-MM-dd HH:mm"))
    form.fields.expected_by.set_value("2026-11-01")
    form.fields.module.setEditText("人事")
    form.save()
    settle(qtbot, desktop)
    assert form.error_text("title") == ("Give the issue a title: what went wrong, "
                                        "in a few words.")
    assert "总账" in form.error_text("module")
    # Dates are compared once every field is readable on its own.
    assert form.error_text("expected_by") == ""
    assert form.fields.cells["title"].editor.property("invalid") is True
    assert len(services_of(desktop).issues.list_ids(IssueQuery(project="HX"))) == 1
    form.fields.title.setText("存货核算结果与总账不一致")
    form.fields.module.setEditText("存货")
    form.save()
    settle(qtbot, desktop)
    assert "2026-11-05" in form.error_text("expected_by")
    assert form.error_text("title") == ""
    form.fields.expected_by.set_value("不是日期")
    form.save()
    settle(qtbot, desktop)
    assert form.error_text("expected_by") == "Not a valid date."
    form.fields.expected_by.set_value("2026-11-07")
    form.save()
    settle(qtbot, desktop)
    assert form.issue is not None
    assert form.issue.number == "HX-ZL-0002"
    assert form.issue.module == "存货"
    assert form.error_text("expected_by") == ""
    assert form.state_label.text() == "Saved"
    assert page.model.rowCount() == 2


def test_save_steps_back_when_nothing_is_dirty(qtbot: QtBot, page: IssuesPage,
                                              desktop: DesktopApp) -> None:
    form = _open_first(qtbot, page, desktop)
    assert form.state_label.text() == "Saved"
    assert not form.save_button.isEnabled()  # grey, not the blue of a pending save
    shot = form.save_button.grab().toImage()
    middle = shot.pixelColor(shot.width() // 2, 3)
    assert middle.blue() - middle.red() < 40, middle.name()  # not #1f5fd1
    form.fields.title.setText(form.fields.title.text() + "（补充）")
    assert form.save_button.isEnabled()
    form.save()
    settle(qtbot, desktop)
    assert form.state_label.text() == "Saved"
    assert not form.save_button.isEnabled()


def test_saving_an_edit_writes_only_what_changed(qtbot: QtBot, page: IssuesPage,
                                                 desktop: DesktopApp) -> None:
    form = _open_first(qtbot, page, desktop)
    assert not form.is_dirty()
    form.fields.cause.setPlainText("用户在期间结账后反审核。  ")
    form.fields.severity.setCurrentIndex(form.fields.severity.findData("urgent"))
    assert set(form.dirty_values()) == {"cause", "severity"}
    qtbot.keyClick(form.fields.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    form.save()  # Ctrl+S once more while the first save runs: no second write
    settle(qtbot, desktop)
    issue = services_of(desktop).issues.get(form.issue.number)  # type: ignore[union-attr]
    assert issue.cause == "用户在期间结账后反审核。"
    assert issue.severity.value == "urgent"
    assert not form.is_dirty()
    changes = [e for e in issue.timeline if e.kind == TimelineKind.FIELD_CHANGE]
    assert {e.field for e in changes} == {"cause", "severity"}
    texts = [c.headline.text() for c in form.timeline.cards()]
    assert "Changed Severity from High to Urgent" in texts


# -- the unsaved-changes guard ----------------------------------------------------------

def test_escape_asks_before_losing_changes(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp,
                                           prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    number = form.issue.number  # type: ignore[union-attr]
    form.fields.title.setText("凭证审核后无法反审核（已结账期间）")
    prompter.choices.append("cancel")
    qtbot.keyClick(form.fields.title, Qt.Key.Key_Escape)
    settle(qtbot, desktop)
    assert page.is_form_open()
    assert prompter.messages[-1][0] == "ask"
    assert number in prompter.messages[-1][2]
    prompter.choices.append("discard")
    qtbot.keyClick(form.fields.title, Qt.Key.Key_Escape)
    settle(qtbot, desktop)
    assert not page.is_form_open()
    assert services_of(desktop).issues.get(number).title == "凭证审核后无法反审核"
    assert _drafts(desktop) == []

    form = _open_first(qtbot, page, desktop)
    form.fields.title.setText("凭证审核后无法反审核（已结账期间）")
    prompter.choices.append("save")
    form.request_close()
    settle(qtbot, desktop)
    assert not page.is_form_open()
    assert services_of(desktop).issues.get(number).title == "凭证审核后无法反审核（已结账期间）"


def test_a_clean_form_closes_without_asking(qtbot: QtBot, page: IssuesPage,
                                            desktop: DesktopApp,
                                            prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    form.request_close()
    settle(qtbot, desktop)
    assert not page.is_form_open()
    assert not [m for m in prompter.messages if m[0] == "ask"]


def test_new_issue_while_editing_goes_through_the_guard(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp,
        prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    form.fields.result.setPlainText("已解决")
    prompter.choices.append("cancel")
    page.new_issue()
    settle(qtbot, desktop)
    assert form.issue is not None  # still the same issue
    prompter.choices.append("discard")
    page.new_issue()
    settle(qtbot, desktop)
    assert page.is_form_open()
    assert form.issue is None


# -- workflow -----------------------------------------------------------------------------

def test_workflow_buttons_follow_the_rules(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp,
                                          prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    bar = form.workflow
    assert set(bar.buttons) == {IssueStatus.IN_PROGRESS, IssueStatus.ESCALATED,
                                IssueStatus.RESOLVED, IssueStatus.TRANSFERRED}
    assert bar.buttons[IssueStatus.IN_PROGRESS].text() == "Start work"
    # A blocked step says which field it waits for, and clicking it goes there.
    escalate = bar.buttons[IssueStatus.ESCALATED]
    assert bar.is_blocked(IssueStatus.ESCALATED)
    assert escalate.text() == "Escalate to PM · fill in Proposed handling"
    assert "proposed handling" in bar.reason_for(IssueStatus.ESCALATED)
    assert "proposed handling" not in bar.reasons.text()  # the button says it; no repeat
    assert bar.is_blocked(IssueStatus.RESOLVED)
    window = form.window()
    window.resize(1100, 700)
    qtbot.waitExposed(window)
    window.activateWindow()
    form.sheet_scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    cell = form.fields.cells["proposal"]

    def proposal_in_view() -> bool:
        viewport = form.sheet_scroll.viewport()
        return viewport.rect().contains(cell.mapTo(viewport, cell.rect().topLeft()))

    assert not proposal_in_view()  # below the fold: the click has to scroll
    escalate.click()
    assert form.status_chip.text() == "New"  # no move, no dialog
    assert QApplication.focusWidget() is form.fields.proposal
    assert proposal_in_view()
    # Typing the proposal enables escalation at once; the move saves it, with the
    # note typed beside the buttons (no dialog), which is cleared after the move.
    form.fields.proposal.setPlainText("报项目经理，申请总部补丁。")
    assert not bar.is_blocked(IssueStatus.ESCALATED)
    assert bar.buttons[IssueStatus.ESCALATED].isEnabled()
    bar.note.setText("现场无法解决，已报项目经理周建国。")
    bar.buttons[IssueStatus.ESCALATED].click()
    settle(qtbot, desktop)
    assert bar.note.text() == ""
    issue = services_of(desktop).issues.get(form.issue.number)  # type: ignore[union-attr]
    assert issue.status == IssueStatus.ESCALATED
    assert issue.proposal == "报项目经理，申请总部补丁。"
    assert form.status_chip.text() == "Escalated"
    assert set(form.workflow.buttons) == {IssueStatus.BRANCH_TESTED, IssueStatus.IN_PROGRESS,
                                          IssueStatus.TRANSFERRED}
    line = [c for c in form.timeline.cards() if c.entry.kind == TimelineKind.STATUS_CHANGE][-1]
    assert line.headline.text() == "Status New → Escalated"
    assert line.body.text() == "现场无法解决，已报项目经理周建国。"


def test_closing_needs_the_customers_confirmation(qtbot: QtBot, page: IssuesPage,
                                                  desktop: DesktopApp,
                                                  prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    form.fields.resolution.setPlainText("取消结账后反审核。")
    form.workflow.buttons[IssueStatus.RESOLVED].click()
    settle(qtbot, desktop)
    assert form.issue is not None
    assert form.issue.status == IssueStatus.RESOLVED
    close = form.workflow.buttons[IssueStatus.CLOSED]
    assert close.text() == "Close (customer confirmed) · fill in Confirmed by"
    assert form.workflow.is_blocked(IssueStatus.CLOSED)
    assert "confirmed" in form.workflow.reason_for(IssueStatus.CLOSED)
    form.fields.confirmed_by.setEditText("刘芳")
    assert form.workflow.buttons[IssueStatus.CLOSED].text().endswith("fill in Confirmed on")
    form.fields.confirmed_at.set_value("2026-11-04")
    assert not form.workflow.is_blocked(IssueStatus.CLOSED)
    assert form.workflow.buttons[IssueStatus.CLOSED].text() == "Close (customer confirmed)"
    assert form.workflow.buttons[IssueStatus.IN_PROGRESS].text() == "Reopen"


# -- timeline -----------------------------------------------------------------------------

def test_timeline_entries_are_added_and_checked(qtbot: QtBot, page: IssuesPage,
                                                desktop: DesktopApp) -> None:
    form = _open_first(qtbot, page, desktop)
    timeline = form.timeline
    assert timeline.add.isEnabled()
    timeline.text.setPlainText("已到财务部现场查看。")
    timeline.add.click()
    settle(qtbot, desktop)
    assert timeline.text.toPlainText() == ""
    assert timeline.entries()[-1].text == "已到财务部现场查看。"
    assert timeline.entries()[-1].author == "张力"
    timeline.kind.setCurrentIndex(timeline.kind.findData(TimelineKind.CUSTOMER_NOTIFIED.value))
    assert timeline.whom.isVisibleTo(form)
    assert timeline.channel.isVisibleTo(form)
    timeline.text.setPlainText("已说明原因。")
    timeline.add.click()
    settle(qtbot, desktop)
    assert "whom" in timeline.error_text().lower()
    timeline.whom.setText("刘芳")
    timeline.channel.setCurrentIndex(timeline.channel.findData("phone"))
    timeline.add.click()
    settle(qtbot, desktop)
    last = timeline.cards()[-1]
    assert last.headline.text() == "Customer notified (Phone, 刘芳)"
    assert timeline.error_text() == ""
    timeline.kind.setCurrentIndex(timeline.kind.findData(TimelineKind.NOTE.value))
    timeline.add.click()  # an empty note
    settle(qtbot, desktop)
    assert timeline.error_text() == "Write the note first."


def test_a_new_issue_has_no_timeline_until_saved(qtbot: QtBot, page: IssuesPage,
                                                 desktop: DesktopApp) -> None:
    form = _new(qtbot, page, desktop)
    assert not form.timeline.add.isEnabled()
    assert "Save the issue first" in form.timeline.disabled_reason.text()
    assert form.workflow.buttons == {}


# -- attachments --------------------------------------------------------------------------

def test_pasting_a_screenshot_attaches_it(qtbot: QtBot, page: IssuesPage,
                                          desktop: DesktopApp) -> None:
    form = _open_first(qtbot, page, desktop)
    QApplication.clipboard().setImage(_screenshot())
    form.fields.description.setFocus()
    qtbot.keyClick(form.fields.description, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desktop)
    issue = services_of(desktop).issues.get(form.issue.number)  # type: ignore[union-attr]
    assert len(issue.attachments) == 1
    attachment = issue.attachments[0]
    assert attachment.name.startswith("screenshot-")
    assert attachment.mime == "image/png"
    assert QImage(str(services_of(desktop).issues.blob_path(attachment.sha256))).width() == 320
    assert form.fields.description.toPlainText() == issue.description  # no text pasted
    items = form.attachments.items()
    assert [i.key for i in items] == [attachment.id]
    qtbot.waitUntil(lambda: form.attachments.has_thumbnail(attachment.id), timeout=3000)


def test_paste_button_with_text_on_the_clipboard_explains(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp,
        prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    data = QMimeData()
    data.setText("只是文字")
    QApplication.clipboard().setMimeData(data)
    form.attachments.paste.click()
    settle(qtbot, desktop)
    assert prompter.messages[-1][0] == "info"
    assert "no image" in prompter.messages[-1][2]
    assert form.attachments.items() == []


def test_files_are_added_opened_and_removed(qtbot: QtBot, page: IssuesPage,
                                            desktop: DesktopApp, prompter: ScriptedPrompter,
                                            tmp_path: Path) -> None:
    form = _open_first(qtbot, page, desktop)
    opened: list[str] = []
    form.open_url = lambda url: opened.append(url.toLocalFile()) or True  # type: ignore[assignment]
    report = tmp_path / "凭证截图.png"
    _screenshot().save(str(report))
    prompter.files.append(report)
    form.attachments.add.click()
    settle(qtbot, desktop)
    items = form.attachments.items()
    assert [i.name for i in items] == ["凭证截图.png"]
    form.attachments.select(items[0].key)
    form.attachments.open.click()
    settle(qtbot, desktop)
    assert opened
    assert opened[0].endswith("凭证截图.png")
    assert Path(opened[0]).is_file()
    big = tmp_path / "导出数据.zip"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    form.work.attach_paths([big, tmp_path / "不存在.txt"])
    settle(qtbot, desktop)
    kind, _title, text = prompter.messages[-1]
    assert kind == "warn"
    assert "50 MB" in text
    assert "不存在.txt" in text
    assert len(form.attachments.items()) == 1
    prompter.confirms.append(True)
    form.attachments.select(items[0].key)
    form.attachments.remove.click()
    settle(qtbot, desktop)
    assert form.attachments.items() == []
    assert services_of(desktop).issues.get(form.issue.number).attachments == ()  # type: ignore[union-attr]


def test_a_new_issue_keeps_pasted_files_until_it_is_saved(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    form = _new(qtbot, page, desktop)
    QApplication.clipboard().setImage(_screenshot())
    form.work.paste_screenshot()
    settle(qtbot, desktop)
    items = form.attachments.items()
    assert len(items) == 1
    assert items[0].is_pending
    assert form.is_dirty()
    form.fields.title.setText("打印预览空白")
    form.save()
    settle(qtbot, desktop)
    assert form.issue is not None
    issue = services_of(desktop).issues.get(form.issue.number)
    assert [a.name for a in issue.attachments] == [items[0].name]
    assert not form.attachments.items()[0].is_pending
    assert _drafts(desktop) == []


# -- drafts -------------------------------------------------------------------------------

def test_drafts_are_written_and_offered_again(qtbot: QtBot, page: IssuesPage,
                                              desktop: DesktopApp,
                                              prompter: ScriptedPrompter) -> None:
    form = _open_first(qtbot, page, desktop)
    issue_id = form.issue.id  # type: ignore[union-attr]
    form.fields.cause.setPlainText("期间已结账，系统不允许反审核。")
    qtbot.waitUntil(lambda: bool(_drafts(desktop)), timeout=5000)  # autosaved after a pause
    settle(qtbot, desktop)
    body = json.loads(_drafts(desktop)[0].read_text("utf-8"))
    assert body["values"] == {"cause": "期间已结账，系统不允许反审核。"}
    form.close_keeping_draft()  # as if the program had stopped here
    settle(qtbot, desktop)
    assert not page.is_form_open()
    assert len(_drafts(desktop)) == 1
    prompter.confirms.append(True)
    page.open_issue(issue_id)
    settle(qtbot, desktop)
    assert prompter.messages[-1][0] == "confirm"
    assert "Restore" in prompter.messages[-1][2]
    assert form.fields.cause.toPlainText() == "期间已结账，系统不允许反审核。"
    assert form.is_dirty()
    form.save()
    settle(qtbot, desktop)
    assert _drafts(desktop) == []
    assert services_of(desktop).issues.get_by_id(issue_id).cause == "期间已结账，系统不允许反审核。"


def test_a_declined_draft_is_deleted(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp,
                                     prompter: ScriptedPrompter) -> None:
    form = _new(qtbot, page, desktop)
    form.fields.title.setText("应收账龄表金额不对")
    form.write_draft_now()
    settle(qtbot, desktop)
    assert [p.name for p in _drafts(desktop)] == ["new-HX.json"]
    form.close_keeping_draft()
    settle(qtbot, desktop)
    prompter.confirms.append(False)
    page.new_issue()
    settle(qtbot, desktop)
    assert form.fields.title.text() == ""
    assert _drafts(desktop) == []


# -- conflicts from sync ------------------------------------------------------------------

def _severity_conflict(hx_store: Path, tmp_path: Path) -> str:
    """Severity set to urgent here and to low on 陈思远's laptop, then synced here."""
    laptop = tmp_path / "csy.db"
    init_store(laptop, "陈思远", "CSY")
    office, other = Services.open(hx_store), Services.open(laptop)
    try:
        office.sync.export_bundle(tmp_path / "a.golive", full=True)
        other.sync.import_bundle(tmp_path / "a.golive", trust_new=True)
        number = office.issues.list_issues(IssueQuery(project="HX"))[0].number
        office.issues.update(number, {"severity": "urgent"})
        other.issues.update(number, {"severity": "low"})
        other.sync.export_bundle(tmp_path / "b.golive", full=True)
        office.sync.import_bundle(tmp_path / "b.golive", trust_new=True)
    finally:
        office.close()
        other.close()
    return number


def test_a_sync_conflict_is_shown_on_the_field_and_resolved(
        qtbot: QtBot, desktop: DesktopApp, hx_store: Path, tmp_path: Path) -> None:
    number = _severity_conflict(hx_store, tmp_path)
    _window, page = open_issues(qtbot, desktop, hx_store)
    form = _open_first(qtbot, page, desktop)
    boxes = form.conflict_boxes()
    assert len(boxes) == 1
    assert boxes[0].conflict.field == "severity"
    assert boxes[0].isVisibleTo(form)
    texts = {w.text() for w in boxes[0].findChildren(type(form.number_label))}
    assert {"Urgent", "Low"} <= texts
    assert any("陈思远" in t for t in texts)
    low = next(n for n, v in enumerate(boxes[0].conflict.values) if v.value == "low")
    boxes[0].keep_buttons[low].click()
    settle(qtbot, desktop)
    assert form.conflict_boxes() == []
    assert services_of(desktop).issues.get(number).severity.value == "low"
    assert form.fields.severity.currentData() == "low"


def test_a_conflict_box_keeps_its_neighbours_labels_and_fields_on_one_line(
        qtbot: QtBot, desktop: DesktopApp, hx_store: Path, tmp_path: Path) -> None:
    """The severity's conflict box makes its grid row taller: the category beside it
    keeps its combo level with its label (it used to drop ~40 px, the label at the top)."""
    _severity_conflict(hx_store, tmp_path)
    window, page = open_issues(qtbot, desktop, hx_store)
    window.resize(1280, 900)
    form = _open_first(qtbot, page, desktop)
    QApplication.processEvents()
    fields = form.fields
    if (shot := os.environ.get("GOLIVE_SHOT")):  # to look at it: GOLIVE_SHOT=file.png
        form.grab().save(shot)
    assert form.conflict_boxes()
    row_height = fields.cells["severity"].height()
    assert row_height > fields.severity.height() * 2  # the box is there, the row is tall
    for name in ("category", "severity"):
        editor = getattr(fields, name)
        label = next(w for w in fields.findChildren(type(form.number_label))
                     if w.buddy() is editor)
        top = editor.mapTo(fields, editor.rect().topLeft()).y()
        label_top = label.mapTo(fields, label.rect().topLeft()).y()
        assert abs(top - label_top) <= 8, (name, top, label_top)


def test_a_save_racing_an_import_keeps_both_values_in_conflict(
        qtbot: QtBot, desktop: DesktopApp, hx_store: Path, tmp_path: Path) -> None:
    """The user changes severity; meanwhile an import sets it on another laptop's word.
    The save must not supersede the value the user never saw: both show at once."""
    laptop_path = tmp_path / "csy.db"
    init_store(laptop_path, "陈思远", "CSY")
    laptop = Services.open(laptop_path)
    try:
        office = Services.open(hx_store)
        office.sync.export_bundle(tmp_path / "a.golive", full=True)
        office.close()
        laptop.sync.import_bundle(tmp_path / "a.golive", trust_new=True)
        _window, page = open_issues(qtbot, desktop, hx_store)
        form = _open_first(qtbot, page, desktop)
        assert form.issue is not None
        number = form.issue.number
        severity = form.fields.severity
        severity.setCurrentIndex(severity.findData("low"))  # the user's edit, not yet saved
        laptop.issues.update(number, {"severity": "urgent"})
        laptop.sync.export_bundle(tmp_path / "b.golive", full=True)
        report = services_of(desktop).sync.import_bundle(tmp_path / "b.golive", trust_new=True)
        form.apply_changes(report.changes)
        settle(qtbot, desktop)
        assert severity.currentData() == "low"  # what the user typed stays
        form.save()
        settle(qtbot, desktop)
    finally:
        laptop.close()
    boxes = form.conflict_boxes()
    assert [b.conflict.field for b in boxes] == ["severity"]
    assert {v.value for v in boxes[0].conflict.values} == {"urgent", "low"}
    assert boxes[0].isVisibleTo(form)
    assert [c.field for c in services_of(desktop).sync.conflicts()] == ["severity"]


def test_dropping_files_attaches_them(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp,
                                      tmp_path: Path) -> None:
    form = _open_first(qtbot, page, desktop)
    dropped = tmp_path / "科目余额表.xlsx"
    dropped.write_bytes(b"PK\x03\x04 not really a workbook")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    point = QPointF(form.attachments.rect().center())
    drop = QDropEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    form.attachments.dropEvent(drop)  # what Qt calls when the drag is released here
    assert drop.isAccepted()
    settle(qtbot, desktop)
    assert [i.name for i in form.attachments.items()] == ["科目余额表.xlsx"]


def test_a_deleted_issue_opens_read_only_and_can_be_restored(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    services = services_of(desktop)
    issue = services.issues.list_issues(IssueQuery(project="HX"))[0]
    desktop.runner.run(lambda: services.issues.delete(issue.number))
    settle(qtbot, desktop)
    assert page.model.rowCount() == 0
    page.open_issue(issue.id)
    settle(qtbot, desktop)
    form = page.form
    assert form.deleted_banner.isVisibleTo(form)
    assert form.fields.title.isReadOnly()
    assert form.workflow.buttons == {}
    assert not form.timeline.add.isEnabled()
    form.deleted_banner.restore.click()
    settle(qtbot, desktop)
    assert not services.issues.get(issue.number).deleted
    assert not form.deleted_banner.isVisibleTo(form)
    assert not form.fields.title.isReadOnly()
    assert page.model.rowCount() == 1


def test_print_sheet_needs_a_saved_issue(qtbot: QtBot, page: IssuesPage,
                                         desktop: DesktopApp) -> None:
    form = _new(qtbot, page, desktop)
    assert not form.header.print_button.isEnabled()
    form.request_close()
    form = _open_first(qtbot, page, desktop)
    assert form.header.print_button.isEnabled()


def test_a_conflict_box_fits_the_form_on_a_1280_pixel_screen(
        qtbot: QtBot, desktop: DesktopApp, hx_store: Path, tmp_path: Path) -> None:
    """Who and when stand under each value: the box used to widen the form past its
    column, a horizontal scroll bar cutting off the Keep buttons and the right-hand fields."""
    _severity_conflict(hx_store, tmp_path)
    window, page = open_issues(qtbot, desktop, hx_store)
    window.resize(1280, 800)
    window.show()
    form = _open_first(qtbot, page, desktop)
    QApplication.processEvents()
    scroll = next(a for a in form.findChildren(QScrollArea) if a.isAncestorOf(form.fields))
    assert scroll.horizontalScrollBar().maximum() == 0
    viewport = scroll.viewport()
    for button in form.conflict_boxes()[0].keep_buttons:
        right = button.mapTo(viewport, button.rect().topRight()).x()
        assert right <= viewport.width()
