"""The handover document in the generic print preview (what the wizard and the Handover
page call): its pages, both languages, save as PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.services.demo import fill_demo
from golive_desk.ui.context import UiContext
from golive_desk.ui.printing import print_handover
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import drain, ui_context
from tests.pdf_support import assert_has, page_count, text_of


@pytest.fixture
def ctx(desktop: DesktopApp, store_path: Path, prompter: ScriptedPrompter) -> Iterator[UiContext]:
    assert desktop.open_store(store_path)
    services = desktop.services
    assert services is not None
    fill_demo(services, issues=30)
    yield ui_context(desktop, prompter)
    drain(desktop)


def test_the_handover_document_previews_and_saves(qtbot: QtBot, ctx: UiContext,
                                                  desktop: DesktopApp,
                                                  prompter: ScriptedPrompter,
                                                  tmp_path: Path) -> None:
    dialog = print_handover(ctx, None, "HX")
    qtbot.addWidget(dialog)
    drain(desktop)
    assert dialog.info is not None
    assert dialog.info.pages >= 5
    assert dialog.model.rowCount() == dialog.info.pages
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    drain(desktop)
    assert dialog.info is not None
    target = tmp_path / "handover.pdf"
    prompter.files.append(target)
    dialog.save_as()
    drain(desktop)
    assert dialog.saved_to == target
    assert page_count(target) == dialog.info.pages
    assert_has(text_of(target, dialog.info.pages), "7 项目验收与签字", "移交方（实施部门）")
    assert dialog.windowTitle() == "Print the handover document"
