"""Helpers for the handover GUI tests: the demo store, the page, waiting for the worker."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.services.container import Services
from golive_desk.ui.handover.page import HandoverPage
from golive_desk.ui.handover.wizard import HandoverWizard
from golive_desk.ui.main_window import MainWindow
from tests.gui.conftest import drain as settle  # (the handover tests' name for it)
from tests.gui.conftest import with_demo

DEMO_ISSUES = 60


def build_demo(folder: Path) -> Path:
    return with_demo(folder / "demo.db", issues=DEMO_ISSUES)




def open_handover(qtbot: QtBot, desktop: DesktopApp,
                  path: Path) -> tuple[MainWindow, HandoverPage]:
    assert desktop.open_store(path)
    window = desktop.show_window()
    settle(desktop)
    window.show_page("handover")
    page = window.page("handover")
    assert isinstance(page, HandoverPage)
    settle(desktop)
    return window, page


def services_of(desktop: DesktopApp) -> Services:
    assert desktop.services is not None
    return desktop.services


def open_wizard(page: HandoverPage, desktop: DesktopApp) -> HandoverWizard:
    """Open the page's wizard: its record is read on the worker, then it is shown."""
    page.open_wizard()
    settle(desktop)
    assert page.wizard is not None
    return page.wizard
