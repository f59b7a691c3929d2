"""GUI fixtures: a real window over a real store, with a scripted prompter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from golive_desk.app import DesktopApp, make_qt_app
from golive_desk.paths import AppDirs
from golive_desk.services.demo import add_demo, demo_store
from golive_desk.services.store_admin import local_user
from golive_desk.ui.context import UiContext
from golive_desk.ui.main_window import MainWindow
from golive_desk.ui.prompter import Prompter
from golive_desk.ui.scripted_prompter import ScriptedPrompter


@pytest.fixture
def dirs(tmp_path: Path) -> AppDirs:
    return AppDirs(tmp_path / "data", tmp_path / "config", tmp_path / "log")


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def desktop(qapp: QApplication, dirs: AppDirs, prompter: ScriptedPrompter) -> Iterator[DesktopApp]:
    make_qt_app([])
    app = DesktopApp(qapp, dirs, dirs.log / "golive-desk.log", prompter)
    yield app
    if app.window is not None:
        app.window.close()
        app.window.deleteLater()
    app.shutdown()
    app.translators.install("en")


def with_demo(path: Path, issues: int = 300) -> Path:
    """The store at ``path`` (made for 张力 if there is none) with the demo project."""
    return add_demo(path, issues) if path.exists() else demo_store(path, issues)


def drain(desktop: DesktopApp, rounds: int = 50) -> None:
    """Let the worker finish and its results (and the tasks they start) arrive."""
    for _ in range(rounds):
        desktop.runner.wait()
        QApplication.processEvents()
        if not desktop.runner.is_busy():
            break
    QApplication.processEvents()


def settle(qtbot: object, desktop: DesktopApp) -> None:
    """:func:`drain` in the shape the page tests call it."""
    drain(desktop, rounds=20)


def ui_context(desktop: DesktopApp, prompter: Prompter) -> UiContext:
    """What the window gives its pages, over the desktop's open store."""
    services = desktop.services
    assert services is not None
    return UiContext(services, desktop.runner, prompter, local_user(services.store),
                     desktop.dirs, desktop.log_path, desktop.settings, desktop.save_settings,
                     lambda: desktop.translators.language)


@pytest.fixture
def window(qtbot: object, desktop: DesktopApp, store_path: Path) -> MainWindow:
    assert desktop.open_store(store_path)
    win = desktop.show_window()
    settle(qtbot, desktop)
    return win
