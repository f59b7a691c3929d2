"""The handover wizard walked on the demo project: every page's checks, saving as
you go, sign-off refused then done, and resuming where it was closed."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.handover_records import HandoverState
from golive_desk.ui.handover.contacts import ContactsStep
from golive_desk.ui.handover.emergency import EmergencyStep
from golive_desk.ui.handover.exit_summary import ExitSummaryStep
from golive_desk.ui.handover.notes import NotesStep
from golive_desk.ui.handover.open_issues import OpenIssuesModel, OpenIssuesStep
from golive_desk.ui.handover.readiness import ReadinessStep
from golive_desk.ui.handover.sign_off import REFUSAL_NUMBERS, SignOffStep
from golive_desk.ui.handover.wizard import HandoverWizard
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.handover_support import build_demo, open_handover, open_wizard, services_of, settle


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("handover-demo"))


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store.db"
    shutil.copyfile(demo_template, target)
    return target


def step(wizard: HandoverWizard, kind: type) -> object:
    current = wizard.current_step()
    assert isinstance(current, kind), (current, kind)
    return current


def shown(widget: object) -> bool:
    return not widget.isHidden()  # type: ignore[attr-defined]


def test_walk_the_whole_wizard(qtbot: QtBot, desktop: DesktopApp, demo: Path,
                               prompter: ScriptedPrompter) -> None:
    _window, page = open_handover(qtbot, desktop, demo)
    services = services_of(desktop)
    project = services.projects.get("HX")
    wizard = open_wizard(page, desktop)
    assert wizard is not None
    settle(desktop)
    assert wizard.currentId() == 0

    # 1. Readiness: the demo has red criteria; no reason, no Next.
    readiness = step(wizard, ReadinessStep)
    assert isinstance(readiness, ReadinessStep)
    assert len(readiness.criteria.criteria) == 7
    assert readiness.any_red()
    assert "of 7 exit criteria met" in readiness.summary.text()
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 0
    assert shown(readiness.reason_error)
    assert "reason" in readiness.reason_error.text()
    readiness.reason.setPlainText("客户项目经理同意带着月结遗留事项交接，由运维部门跟进")
    assert not shown(readiness.reason_error)
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 1
    settle(desktop)
    record = services.handover.record("HX")
    assert record.handover_override.startswith("客户项目经理同意")

    # 2. Open issues: listed with their count; Next is allowed (only sign-off is refused).
    issues = step(wizard, OpenIssuesStep)
    assert isinstance(issues, OpenIssuesStep)
    open_numbers = sorted(i.number for i in services.handover.untransferred("HX"))
    assert open_numbers
    assert issues.model.rowCount() == len(open_numbers)
    assert str(len(open_numbers)) in issues.count.text()
    # Transfer acts on ticked issues for a named owner: until then it is disabled (and so
    # grey, not a second blue button beside Next).
    assert not issues.transfer_button.isEnabled()
    assert issues.transfer_button.toolTip()
    issues.model.setData(issues.model.index(0, OpenIssuesModel.NUMBER), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    assert not issues.transfer_button.isEnabled()  # no owner yet
    issues.owner.setEditText("吴刚")
    assert issues.transfer_button.isEnabled()
    issues.model.check_all(False)
    assert not issues.transfer_button.isEnabled()
    issues.owner.setEditText("")
    issues.transfer_checked()  # nothing checked, no owner, no plan: three messages
    assert shown(issues.transfer_error)
    assert shown(issues.owner_error)
    assert shown(issues.plan_error)
    wizard.back()
    settle(desktop)
    assert wizard.currentId() == 0
    assert readiness.reason.toPlainText().startswith("客户项目经理同意")
    wizard.next()
    settle(desktop)
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 2

    # 3. Maintenance notes: grouped by module, searchable, editable, a free note added.
    notes = step(wizard, NotesStep)
    assert isinstance(notes, NotesStep)
    editor = notes.editor
    all_notes = len(editor.visible_notes())
    assert all_notes > 0
    assert editor.tree.topLevelItemCount() >= 1
    first_key, first = editor.visible_notes()[0]
    editor.search.setText(first.issue_number)
    assert len(editor.visible_notes()) == 1
    editor.search.clear()
    editor.choose(first_key)
    assert editor.current_key == first_key
    editor.solution.setPlainText("重新设置打印浓度为 12 后正常。")
    editor.flush()
    settle(desktop)
    stored = {n.issue_number: n for n in services.handover.notes("HX")}
    assert stored[first.issue_number].solution == "重新设置打印浓度为 12 后正常。"
    assert stored[first.issue_number].id is not None
    editor.add_note()
    editor.module.setText("总账")
    editor.symptom.setPlainText("月末结转损益后利润表不平")
    editor.solution.setPlainText("检查结转凭证是否全部过账")
    editor.flush()
    settle(desktop)
    assert any(n.symptom == "月末结转损益后利润表不平" for n in services.handover.notes("HX"))
    editor.symptom.setPlainText("")
    assert shown(editor.symptom_error)
    editor.symptom.setPlainText("月末结转损益后利润表不平衡")
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 3
    settle(desktop)
    assert any(n.symptom == "月末结转损益后利润表不平衡" for n in services.handover.notes("HX"))

    # 4. Internal support system: contacts edited, a person added.
    contacts = step(wizard, ContactsStep)
    assert isinstance(contacts, ContactsStep)
    assert contacts.model.rowCount() == len(services.handover.contacts("HX"))
    contacts.table.selectRow(1)
    chosen = contacts.model.people[1]
    contacts.modules.setText("总账、应收")
    contacts.add_person()
    assert shown(contacts.name_error)
    contacts.new_name.setText("钱程")
    contacts.new_role.setCurrentIndex(1)  # internal support
    contacts.new_phone.setText("0571-8623 1190")
    contacts.add_person()
    settle(desktop)
    people = {p.name: p for p in services.handover.contacts("HX")}
    assert "钱程" in people
    assert people[chosen.name].modules.splitlines() == ["总账", "应收"]
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 4

    # 5. Emergency plan: none yet refuses Next; templates, an edit, a delete.
    plan = step(wizard, EmergencyStep)
    assert isinstance(plan, EmergencyStep)
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 4
    assert shown(plan.empty_error)
    qtbot.mouseClick(plan.templates_button, Qt.MouseButton.LeftButton)
    plan.templates_button.setFocus()
    settle(desktop)
    assert plan.list.count() >= 4
    assert not plan.templates_button.isDefault()  # Next keeps Enter and the blue look
    assert not shown(plan.empty_error)
    plan.list.setCurrentRow(0)
    plan.escalation_edit.setPlainText("30 minutes: the customer's PM")
    prompter.confirms.append(True)
    plan.list.setCurrentRow(plan.list.count() - 1)
    before = plan.list.count()
    plan.delete_scenario()
    settle(desktop)
    assert plan.list.count() == before - 1
    assert len(services.handover.scenarios("HX")) == before - 1
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 5
    settle(desktop)
    assert services.handover.scenarios("HX")[0].escalation == "30 minutes: the customer's PM"

    # 6. Exit and summary: an exit before go-live is refused with the message.
    exit_step = step(wizard, ExitSummaryStep)
    assert isinstance(exit_step, ExitSummaryStep)
    assert str(DEMO_TOTAL) in exit_step.total.text()
    early = project.go_live - timedelta(days=3)
    exit_step.exit.setDate(QDate(early.year, early.month, early.day))
    assert shown(exit_step.exit_error)
    assert project.go_live.isoformat() in exit_step.exit_error.text()
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 5
    leave = project.go_live + timedelta(days=40)
    exit_step.exit.setDate(QDate(leave.year, leave.month, leave.day))
    assert not shown(exit_step.exit_error)
    exit_step.lessons.setPlainText("月结前一周加派顾问驻场")
    wizard.next()
    settle(desktop)
    assert wizard.currentId() == 6
    settle(desktop)
    assert services.handover.exit_date("HX") == leave
    assert services.handover.record("HX").handover_lessons == "月结前一周加派顾问驻场"

    # 7. Sign-off: the PMs prefilled; refused while issues are open, naming them.
    sign = step(wizard, SignOffStep)
    assert isinstance(sign, SignOffStep)
    people_by_id = {p.id: p.name for p in services.projects.people("HX")}
    assert sign.editors["accept_customer"].text() == people_by_id[project.customer_pm or ""]
    assert sign.editors["accept_vendor"].text() == people_by_id[project.vendor_pm or ""]
    assert not sign.isComplete()
    sign.editors["handover_by"].setText("张力（实施部门）")
    sign.editors["handover_receiver"].setText("李娜（运营维护服务部门）")
    # Refused before any click: the reason is shown and the button is not ready (no
    # longer primary, disabled).
    assert shown(sign.refusal)
    assert not sign.sign_button.isEnabled()
    assert sign.sign_button.objectName() != "primary"
    refusal = sign.refusal.text()
    assert "neither transferred nor closed" in refusal
    assert f"{len(open_numbers)} open issues" in refusal
    # each number kept whole: non-breaking hyphens, the first few and how many more
    assert open_numbers[0].replace("-", "\u2011") in refusal
    assert "-" not in refusal.split("(", 1)[1].split(")", 1)[0]
    if len(open_numbers) > REFUSAL_NUMBERS:
        assert f"and {len(open_numbers) - REFUSAL_NUMBERS} more" in refusal
    sign.sign_off()  # asked anyway (not by the button): still refused, still not ready
    settle(desktop)
    assert shown(sign.refusal)
    assert not sign.sign_button.isEnabled()
    assert services.handover.state("HX") is not HandoverState.HANDED_OVER

    # Back to page 2 (the refusal's button): transfer every open issue to O&M.
    assert shown(sign.to_issues)
    qtbot.mouseClick(sign.to_issues, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 1
    assert sign.editors["handover_by"].text() == "张力（实施部门）"
    issues.model.check_all(True)
    issues.owner.setEditText("吴刚")
    issues.plan.setText("运维部门按周跟进，月底前关闭")
    qtbot.mouseClick(issues.transfer_button, Qt.MouseButton.LeftButton)
    settle(desktop)
    assert issues.model.rowCount() == 0
    assert services.handover.untransferred("HX") == []
    for _ in range(5):
        wizard.next()
        settle(desktop)
    assert wizard.currentId() == 6
    assert not shown(sign.refusal)
    assert sign.sign_button.isEnabled()
    assert sign.sign_button.objectName() == "primary"
    qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)
    settle(desktop)
    assert not shown(sign.refusal)
    assert services.handover.state("HX") is HandoverState.HANDED_OVER
    assert "Handed over" in sign.state.text()
    assert sign.isComplete()
    record = services.handover.record("HX")
    assert record.handover_by == "张力（实施部门）"
    assert record.accepted_on is not None
    wizard.accept()
    settle(desktop)
    assert page.wizard is None
    assert "Handed over on" in page.state.text()
    assert page.print_button.text().startswith("Reprint")


DEMO_TOTAL = 60


def test_resume_where_it_was_closed(qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    _window, page = open_handover(qtbot, desktop, demo)
    services = services_of(desktop)
    wizard = open_wizard(page, desktop)
    assert wizard is not None
    readiness = step(wizard, ReadinessStep)
    assert isinstance(readiness, ReadinessStep)
    readiness.reason.setPlainText("先交接，遗留问题由运维部门跟进")
    for _ in range(3):
        wizard.next()
        settle(desktop)
    assert wizard.currentId() == 3  # the fourth page: the internal support system
    pages = json.loads(desktop.settings().handover_pages)
    assert pages[services.projects.get("HX").id] == 3  # written at once: a crash resumes
    contacts = step(wizard, ContactsStep)
    assert isinstance(contacts, ContactsStep)
    contacts.table.selectRow(0)
    contacts.department.setText("信息中心（运维）")
    wizard.reject()  # Close, without waiting for the typing pause
    settle(desktop)
    assert page.wizard is None

    again = open_wizard(page, desktop)
    assert again is not None
    assert again is not wizard
    settle(desktop)
    assert again.currentId() == 3
    contacts = step(again, ContactsStep)
    assert isinstance(contacts, ContactsStep)
    contacts.table.selectRow(0)
    assert contacts.department.text() == "信息中心（运维）"
    again.back()
    again.back()
    again.back()
    assert again.currentId() == 0
    readiness = step(again, ReadinessStep)
    assert isinstance(readiness, ReadinessStep)
    assert readiness.reason.toPlainText() == "先交接，遗留问题由运维部门跟进"
    again.reject()
    settle(desktop)


def test_the_open_issues_model(qtbot: QtBot, qtmodeltester: object, desktop: DesktopApp,
                               demo: Path) -> None:
    assert desktop.open_store(demo)
    services = services_of(desktop)
    model = OpenIssuesModel()
    model.set_issues(services.handover.untransferred("HX"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    first = model.index(0, 0)
    assert model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.chosen() == [model.issues[0].number]
    model.check_all(True)
    assert len(model.chosen()) == model.rowCount()
