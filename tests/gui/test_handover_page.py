"""The Handover page: state, readiness, the wizard button, print, the maintenance notes
tab, and a field two laptops changed shown and settled in the wizard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.models import Changes
from golive_desk.ui.handover.open_issues import OpenIssuesStep
from golive_desk.ui.handover.page import HandoverPage
from golive_desk.ui.handover.sign_off import SignOffStep
from golive_desk.ui.printing import PrintPreviewDialog
from tests.gui.handover_support import build_demo, open_handover, open_wizard, services_of, settle
from tests.integration.sync_support import exchange, make_trio


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("handover-page-demo"))


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store.db"
    shutil.copyfile(demo_template, target)
    return target


def test_the_page_shows_state_readiness_and_follows_changes(
        qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    _window, page = open_handover(qtbot, desktop, demo)
    services = services_of(desktop)
    assert page.view is not None
    assert "handover not started" in page.state.text()
    met = sum(1 for c in services.handover.readiness("HX") if c.ok)
    assert page.readiness.text() == f"{met} of 7 exit criteria met"
    open_count = len(services.handover.untransferred("HX"))
    assert str(open_count) in page.facts.text()
    assert page.wizard_button.text() == "Start the handover wizard"
    assert len(page.criteria.marks) == 7

    changes = services.handover.save_record("HX", {"handover_by": "张力"},
                                            seen=services.handover.record("HX").versions)
    page.apply_changes(changes)
    settle(desktop)
    assert page.state.text() == "Handover in progress"
    assert page.wizard_button.text() == "Resume the handover wizard"


def test_the_maintenance_notes_tab_searches_and_edits(
        qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    _window, page = open_handover(qtbot, desktop, demo)
    services = services_of(desktop)
    page.tabs.setCurrentIndex(1)
    settle(desktop)
    notes = page.notes
    assert notes.project is not None
    everything = notes.visible_notes()
    assert len(everything) == len(services.handover.notes("HX"))
    key, note = everything[-1]
    notes.search.setText(note.symptom.splitlines()[0])
    assert [k for k, _ in notes.visible_notes()] == [key]
    notes.choose(key)
    notes.cause.setPlainText("打印机驱动版本过旧")
    qtbot.waitUntil(lambda: not notes.saver.dirty, timeout=3000)  # the typing pause
    settle(desktop)
    saved = next(n for n in services.handover.notes("HX") if n.issue_id == note.issue_id)
    assert saved.cause == "打印机驱动版本过旧"
    assert not page.notes.delete_button.isEnabled() or saved.id is not None


def test_print_opens_the_preview_of_the_handover_document(
        qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    _window, page = open_handover(qtbot, desktop, demo)
    dialog = page.print_document()
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.addWidget(dialog)
    settle(desktop)
    assert dialog.info is not None
    assert dialog.info.pages >= 5
    dialog.close()


def test_a_field_changed_on_two_laptops_is_shown_and_settled(
        qtbot: QtBot, desktop: DesktopApp, tmp_path: Path) -> None:
    office, a, b = make_trio(tmp_path)
    try:
        ha, hb = a.services.handover, b.services.handover
        seen_a, seen_b = ha.record("HX").versions, hb.record("HX").versions
        ha.save_record("HX", {"handover_receiver": "孙涛"}, seen_a)
        hb.save_record("HX", {"handover_receiver": "李娜"}, seen_b)
        exchange(tmp_path, office, a, b)
        exchange(tmp_path, office, a, b)
        assert set(hb.record("HX").conflicts["handover_receiver"]) == {"孙涛", "李娜"}
    finally:
        for node in (office, a, b):
            node.close()
    _window, page = open_handover(qtbot, desktop, b.path)
    wizard = open_wizard(page, desktop)
    assert wizard is not None
    sign = wizard.sign_off
    assert isinstance(sign, SignOffStep)
    box = wizard.fields.boxes["handover_receiver"]
    assert not box.isHidden()
    assert len(box.keep_buttons) == 2
    values = set(wizard.fields.record.conflicts["handover_receiver"])
    assert values == {"孙涛", "李娜"}
    box.keep.emit("handover_receiver", "李娜")
    settle(desktop)
    assert box.isHidden()
    assert sign.editors["handover_receiver"].text() == "李娜"
    record = services_of(desktop).handover.record("HX")
    assert record.conflicts == {}
    assert record.handover_receiver == "李娜"
    wizard.reject()
    settle(desktop)


def test_changes_reach_an_open_wizard(qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    _window, page = open_handover(qtbot, desktop, demo)
    assert isinstance(page, HandoverPage)
    services = services_of(desktop)
    wizard = open_wizard(page, desktop)
    assert wizard is not None
    wizard.steps[0].resuming = True
    wizard.next()
    settle(desktop)
    wizard.steps[0].resuming = False
    before = wizard.steps[1].model.rowCount()  # type: ignore[attr-defined]
    number = services.handover.untransferred("HX")[0].number
    services.handover.transfer(number, "吴刚", "下周跟进")
    page.apply_changes(Changes.of("issue"))
    settle(desktop)
    assert wizard.steps[1].model.rowCount() == before - 1  # type: ignore[attr-defined]
    wizard.reject()
    settle(desktop)


def test_closing_the_main_window_saves_what_the_wizard_shows(
        qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    window, page = open_handover(qtbot, desktop, demo)
    wizard = open_wizard(page, desktop)
    assert wizard is not None
    wizard.sign_off.editors["handover_by"].setText("张力")  # the typing pause never comes
    window.close()
    settle(desktop)
    assert services_of(desktop).handover.record("HX").handover_by == "张力"


def test_an_open_issue_opens_in_the_register_form(
        qtbot: QtBot, desktop: DesktopApp, demo: Path) -> None:
    window, page = open_handover(qtbot, desktop, demo)
    wizard = open_wizard(page, desktop)
    assert wizard is not None
    wizard.steps[0].resuming = True
    wizard.next()
    settle(desktop)
    wizard.steps[0].resuming = False
    issues = wizard.steps[1]
    assert isinstance(issues, OpenIssuesStep)
    issues.open_current()  # nothing chosen: says so
    assert "Choose an issue" in issues.open_hint.text()
    issues.table.selectRow(0)
    number = issues.model.issues[0].number
    issues.open_current()
    settle(desktop)
    assert window.stack.currentWidget() is window.page("issues")
    assert number in issues.open_hint.text()
    wizard.reject()
    settle(desktop)
