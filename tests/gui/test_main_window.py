"""The window shell as a user meets it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.ui.dialogs.first_start import FirstStartDialog
from golive_desk.ui.dialogs.project_dialog import ProjectDialog
from golive_desk.ui.dialogs.settings_dialog import SettingsDialog
from golive_desk.ui.main_window import MainWindow
from golive_desk.ui.overview.page import OverviewPage
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle, with_demo


def test_the_window_shows_the_demo_project_and_its_people(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    with_demo(store_path)
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    assert window.project_box.count() == 1
    assert "华星电子 ERP 上线支持" in window.project_box.currentText()
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    assert overview.people_model.rowCount() == 14
    table = overview.people_table  # columns with air beside their widest text
    for column in range(overview.people_model.columnCount() - 1):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column) + 20, column
    assert "张力 (ZL)" in window.user_label.text()
    assert window.windowTitle().endswith("华星电子 ERP 上线支持")


def test_navigation_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Overview", "Issues", "Calendar", "Handover", "Sync"]
    window.show_page("sync")
    assert window.stack.currentIndex() == 4
    view_menu = window.menuBar().actions()[1].menu()
    by_shortcut = {a.shortcut().toString(): a for a in view_menu.actions()}
    by_shortcut["Ctrl+2"].trigger()
    assert window.stack.currentIndex() == 1


def test_the_shell_speaks_chinese(qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    assert desktop.translators.install("zh_CN")
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["项目概览", "问题记录", "支持日程", "交接", "同步"]
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert "笔记本" in window.user_label.text()


def test_switching_language_rebuilds_the_window(qtbot: QtBot, window: MainWindow,
                                                desktop: DesktopApp) -> None:
    desktop.switch_language("zh_CN")
    settle(qtbot, desktop)
    assert desktop.window is not window
    assert desktop.window is not None
    assert desktop.window.nav.item(0).text() == "项目概览"


def test_a_new_project_appears_in_the_switcher(qtbot: QtBot, window: MainWindow,
                                               desktop: DesktopApp) -> None:
    desktop.runner.run(lambda: desktop.services.projects.add_project(  # type: ignore[union-attr]
        "QD", "青岛港 ERP", "青岛港集团", "2026-12-01"))
    settle(qtbot, desktop)
    assert window.project_box.findData("QD") >= 0
    assert desktop.settings().last_project in {"QD", ""}


def test_the_project_dialog_explains_bad_input_beside_the_field(qtbot: QtBot) -> None:
    dialog = ProjectDialog()
    qtbot.addWidget(dialog)
    dialog.code.setText("1")
    dialog.buttons.accepted.emit()
    assert dialog.answer is None
    assert "starting with a letter" in dialog.error_text("code")
    dialog.code.setText("hx")
    dialog.name.setText("华星电子 ERP 上线支持")
    dialog.buttons.accepted.emit()
    assert "customer" in dialog.error_text("customer")
    dialog.customer.setText("华星电子")
    dialog.buttons.accepted.emit()
    assert dialog.answer is not None
    assert dialog.answer.code == "HX"
    assert dialog.answer.doc_prefix is None  # the documents are numbered HX_7_1_1_1
    assert dialog.doc_prefix.placeholderText() == "HX"


def test_the_project_dialog_takes_a_document_number_prefix(qtbot: QtBot) -> None:
    dialog = ProjectDialog()
    qtbot.addWidget(dialog)
    dialog.code.setText("HX")
    dialog.name.setText("华星电子 ERP 上线支持")
    dialog.customer.setText("华星电子")
    dialog.doc_prefix.setText("YY ZJ")
    dialog.buttons.accepted.emit()
    assert dialog.answer is None
    assert "40" in dialog.error_text("doc_prefix")
    dialog.doc_prefix.setText(" YY-ZJ_ ")
    dialog.buttons.accepted.emit()
    assert dialog.answer is not None
    assert dialog.answer.doc_prefix == "YY-ZJ"


def test_first_start_requires_name_and_initials(qtbot: QtBot) -> None:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.error_text("name")
    dialog.name.setText("陈思远")
    dialog.initials.setText("陈")
    dialog.buttons.accepted.emit()
    assert "Latin letters" in dialog.error_text("initials")
    dialog.initials.setText("csy")
    dialog.buttons.accepted.emit()
    assert dialog.answer is not None
    answer = dialog.answer
    assert (answer.name, answer.initials, answer.demo) == ("陈思远", "CSY", True)


def test_first_start_creates_the_store(desktop: DesktopApp, tmp_path: Path) -> None:
    from golive_desk.ui.dialogs.first_start import FirstStartAnswer

    path = tmp_path / "new" / "golive-desk.db"
    assert desktop.first_start(path, FirstStartAnswer("陈思远", "CSY", False, False))
    assert desktop.open_store(path)


def test_settings_dialog_keeps_initials_fixed(qtbot: QtBot) -> None:
    dialog = SettingsDialog("", "张力", "ZL")
    qtbot.addWidget(dialog)
    dialog.user_name.setText(" ")
    dialog.buttons.accepted.emit()
    assert dialog.answer is None
    dialog.user_name.setText("张力")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.buttons.accepted.emit()
    assert dialog.answer is not None
    assert dialog.answer.language == "zh_CN"


def test_a_locked_store_is_explained_not_opened(qtbot: QtBot, desktop: DesktopApp,
                                                prompter: ScriptedPrompter,
                                                store_path: Path) -> None:
    from golive_desk.storage.lock import StoreLock

    other = StoreLock(store_path)
    other.acquire()
    try:
        assert not desktop.open_store(store_path)
    finally:
        other.release()
    assert prompter.messages[-1][0] == "error"
    assert "already open in another GoLive Desk window" in prompter.messages[-1][2]


def test_the_about_box_names_version_and_log(qtbot: QtBot, window: MainWindow,
                                             prompter: ScriptedPrompter) -> None:
    window.show_about()
    kind, _title, text = prompter.messages[-1]
    assert kind == "info"
    assert "GoLive Desk 0." in text
    assert "golive-desk.log" in text
