"""The main window's menus: issue, print and bundle entries; keys that exist on Windows too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.services.container import Services
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle


def _window(qtbot: QtBot, desktop: DesktopApp, store_path: Path):  # type: ignore[no-untyped-def]
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    return window


def test_file_menu_has_issue_print_and_bundle_entries_with_explicit_keys(
        qtbot: QtBot, desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path) -> None:
    window = _window(qtbot, desktop, store_path)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for wanted in ("New &issue\tCtrl+N", "&Print…\tCtrl+P", "&Export bundle…",
                   "I&mport bundle…"):
        assert wanted in texts
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    window.import_bundle_action.trigger()  # the scripted chooser answers "cancel"
    assert window.stack.currentWidget() is window.page("sync")
    window.new_issue_action.trigger()
    settle(qtbot, desktop)
    issues = window.page("issues")
    assert window.stack.currentWidget() is issues
    assert issues.is_form_open()  # type: ignore[attr-defined]


def test_the_new_entries_are_in_chinese(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    desktop.translators.install("zh_CN")
    window = _window(qtbot, desktop, store_path)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "新建问题(&I)\tCtrl+N" in texts
    assert "导出数据包(&E)…" in texts
