"""Documents print in the window's language (``--lang``), not the system's, unless the
user picks the other language in the print preview."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.ui.context import UiContext
from golive_desk.ui.printing import print_issue_sheets
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import drain, ui_context
from tests.pdf_support import squash, text_of


@pytest.fixture
def ctx(desktop: DesktopApp, store_path: Path, prompter: ScriptedPrompter) -> Iterator[UiContext]:
    assert desktop.open_store(store_path)
    services = desktop.services
    assert services is not None
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    # The settings (and the system) say English; the window was started with --lang zh_CN.
    desktop.save_settings(replace(desktop.settings(), language="en"))
    desktop.translators.install("zh_CN")
    yield ui_context(desktop, prompter)
    drain(desktop)
    desktop.translators.install("en")


def test_the_sheet_is_printed_in_the_window_s_language_unless_another_is_picked(
        qtbot: QtBot, ctx: UiContext, desktop: DesktopApp, tmp_path: Path) -> None:
    issue, _ = ctx.services.issues.create("HX", {"title": "凭证打印格式错位"})
    dialog = print_issue_sheets(ctx, None, [issue.number])
    qtbot.addWidget(dialog)
    drain(desktop)
    assert dialog.language() == "zh_CN"
    assert dialog.info is not None
    pdf = tmp_path / "zh.pdf"
    pdf.write_bytes(dialog.info.data)
    assert "系统运行问题跟踪记录单" in squash(text_of(pdf, 1))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    drain(desktop)
    assert dialog.info is not None
    pdf.write_bytes(dialog.info.data)
    assert squash("System Operation Issue Tracking Record Sheet") in squash(text_of(pdf, 1))


def test_the_preview_page_is_centred(qtbot: QtBot, ctx: UiContext, desktop: DesktopApp) -> None:
    issue, _ = ctx.services.issues.create("HX", {"title": "凭证打印格式错位"})
    dialog = print_issue_sheets(ctx, None, [issue.number])
    qtbot.addWidget(dialog)
    dialog.resize(980, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    drain(desktop)
    assert dialog.info is not None
    assert dialog.info.pages == 1
    view = dialog.view
    page = view.visualRect(view.model().index(0, 0))
    middle = view.viewport().mapTo(view, page.center()).x()
    assert abs(middle - view.width() / 2) <= view.verticalScrollBar().sizeHint().width()
