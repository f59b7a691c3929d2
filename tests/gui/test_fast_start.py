"""The window paints its start page from the start-up read, then opens the store."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.services.start_view import read_start_view
from golive_desk.storage.lock import StoreLock
from golive_desk.ui.overview.page import OverviewPage
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle, with_demo
from tests.integration.test_faults import _store_with_issues, damage


def test_the_figures_are_on_screen_before_the_store_is_opened(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    with_demo(store_path)
    view = read_start_view(store_path, "", datetime.now())
    assert view is not None
    assert view.summary is not None
    assert desktop.open_after_paint(view)
    window = desktop.show_window(view)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    # Painted from the start-up read: the store is not open, no worker task has run.
    assert not desktop.is_open()
    assert "华星电子 ERP 上线支持" in window.project_box.currentText()
    assert overview.has_content()
    assert overview.dashboard.overdue.value.text() == str(view.summary.overdue)
    assert overview.dashboard.breached.value.text() == "…"  # the clocks come later
    assert overview.people_model.rowCount() == 0
    support = overview.dashboard.support
    assert "reading the schedule" in support.lines()[0]  # not "nobody scheduled": unread
    assert not support.empty.isVisibleTo(overview)
    assert str(store_path.absolute()) in window.store_label.text()

    outcome: list[bool] = []
    desktop.opened = outcome.append
    desktop.finish_open()  # on the worker, ahead of the reads the window queued
    settle(qtbot, desktop)
    assert outcome == [True]
    assert desktop.is_open()
    assert overview.people_model.rowCount() == 14
    assert "reading" not in support.lines()[0]
    assert overview.summary is not None
    assert overview.summary.sla is not None
    assert overview.dashboard.breached.value.text() == str(overview.summary.sla.breached)


def test_a_store_open_in_another_window_is_refused_before_anything_is_shown(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path,
        prompter: ScriptedPrompter) -> None:
    view = read_start_view(store_path, "", datetime.now())
    assert view is not None
    other = StoreLock(store_path)
    other.acquire()
    try:
        assert not desktop.open_after_paint(view)
    finally:
        other.release()
    assert desktop.window is None
    assert "already open in another GoLive Desk window" in prompter.messages[-1][2]


def test_the_window_opens_without_sqlalchemy_until_its_first_paint(
        tmp_path: Path, store_path: Path) -> None:
    """SQLAlchemy (~0.1 s) is imported after the start page is on screen."""
    with_demo(store_path)
    script = (
        "import sys, builtins\n"
        "seen = []\n"
        "real = builtins.print\n"
        "builtins.print = lambda *a, **k: real(*a, 'sqlalchemy' in sys.modules, **k)\n"
        "from golive_desk.__main__ import main\n"
        f"sys.exit(main(['--lang', 'zh_CN', '--db', {str(store_path)!r}]))\n")
    env = {"QT_QPA_PLATFORM": "offscreen", "GOLIVE_QUIT_WHEN_SHOWN": "1",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_STATE_HOME": str(tmp_path / "s"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split() == ["shown", "False", "ready", "True"], done.stderr
    saved = list((tmp_path / "c").rglob("settings.json"))
    assert [json.loads(f.read_text("utf-8"))["last_project"] for f in saved] == ["HX"]


def test_damage_found_by_the_open_after_the_paint_is_recovered_in_a_new_window(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path,
        prompter: ScriptedPrompter) -> None:
    """The quick check reads every page, so it runs when the store opens, after the first
    paint: the figures came from the index, the damage is in the table's pages."""
    _store_with_issues(store_path, count=30)
    damage(store_path)
    view = read_start_view(store_path, "", datetime.now())
    assert view is not None  # the start read does not touch the damaged pages
    assert view.inspection.due
    assert desktop.open_after_paint(view)
    first = desktop.show_window(view)
    prompter.confirms.append(True)
    outcome: list[bool] = []
    desktop.opened = outcome.append
    desktop.finish_open()
    settle(qtbot, desktop)
    assert outcome == [True]
    assert "is damaged" in prompter.messages[0][2]
    assert "Recover it now?" in prompter.messages[0][2]
    assert desktop.services is not None
    assert desktop.services.store.path != store_path.absolute()
    assert desktop.services.store.refusal is None
    assert desktop.window is not None
    assert desktop.window is not first
    assert not desktop.runner.is_busy()


def test_the_start_window_styled_after_it_is_built_looks_as_one_built_styled(
        qtbot: QtBot, qapp: QApplication, desktop: DesktopApp, store_path: Path) -> None:
    """The start-up sets the style sheet once its window is built (see ``apply_style``):
    every pixel as when the sheet was there first, the project bar's padding included."""
    with_demo(store_path)
    view = read_start_view(store_path, "", datetime.now())
    assert view is not None
    assert desktop.open_after_paint(view)
    sheet = qapp.styleSheet()
    shots = []
    for styled_first in (True, False):
        if desktop.window is not None:  # a window of its own size, not the last one's
            desktop.window.close()
            desktop.window = None
        if not styled_first:
            qapp.setStyleSheet("")  # as run_app starts: make_qt_app(styled=False)
        window = desktop.show_window(view)
        qtbot.waitExposed(window)
        shots.append(window.grab().toImage())
    assert qapp.styleSheet() == sheet  # show_window gave the sheet back
    bar = desktop.window.findChild(QToolBar, "projectBar") if desktop.window else None
    assert bar is not None
    assert bar.height() >= 40  # its padding applies
    assert shots[0] == shots[1]
