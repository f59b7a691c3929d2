"""Helpers for the issue GUI tests: a demo store built once, copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.services.container import Services
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.main_window import MainWindow
from tests.gui.conftest import settle, with_demo

DEMO_ISSUES = 100  # every status of the demo's mix appears within the first hundred


def build_demo(folder: Path) -> Path:
    return with_demo(folder / "demo.db", issues=DEMO_ISSUES)


def copy_store(template: Path, folder: Path) -> Path:
    """A private copy of a closed store (its blob folder too, if any)."""
    target = folder / "store.db"
    shutil.copyfile(template, target)
    blobs = template.with_name(template.name + ".blobs")
    if blobs.is_dir():
        shutil.copytree(blobs, target.with_name(target.name + ".blobs"))
    return target


def open_issues(qtbot: QtBot, desktop: DesktopApp, path: Path) -> tuple[MainWindow, IssuesPage]:
    assert desktop.open_store(path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    window.show_page("issues")
    page = window.page("issues")
    assert isinstance(page, IssuesPage)
    settle(qtbot, desktop)
    return window, page


def services_of(desktop: DesktopApp) -> Services:
    assert desktop.services is not None
    return desktop.services
