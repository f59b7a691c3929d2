"""Print preview, printing, saving, export and the Excel import dialog on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import IssueQuery
from golive_desk.services.container import Services
from golive_desk.ui.context import UiContext
from golive_desk.ui.printing import (
    PrintPreviewDialog,
    export_register,
    open_print_preview,
    print_issue_sheets,
    run_excel_import,
)
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import drain, ui_context
from tests.pdf_support import page_count


@pytest.fixture
def ctx(desktop: DesktopApp, store_path: Path, prompter: ScriptedPrompter) -> Iterator[UiContext]:
    assert desktop.open_store(store_path)
    services = desktop.services
    assert services is not None
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    yield ui_context(desktop, prompter)
    drain(desktop)


def two_issues(services: Services) -> list[str]:
    long, _ = services.issues.create("HX", {"title": "月末结账提示损益类科目未结转",
                                            "module": "总账",
                                            "description": "外币业务汇兑损益未计提。" * 900})
    short, _ = services.issues.create("HX", {"title": "凭证打印格式错位", "module": "总账"})
    return [long.number, short.number]


def has_ink(pixmap: QPixmap) -> bool:
    image = pixmap.toImage()
    white = QColor("white").rgb()
    return any(image.pixel(x, y) != white for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7))


def preview_of_two_sheets(qtbot: QtBot, ctx: UiContext,
                          desktop: DesktopApp) -> PrintPreviewDialog:
    numbers = two_issues(ctx.services)
    dialog = print_issue_sheets(ctx, None, numbers)
    qtbot.addWidget(dialog)
    drain(desktop)
    assert dialog.info is not None
    return dialog


def test_preview_shows_pages_rendered_as_they_are_needed(
        qtbot: QtBot, qtmodeltester: object, ctx: UiContext, desktop: DesktopApp) -> None:
    dialog = preview_of_two_sheets(qtbot, ctx, desktop)
    assert dialog.info is not None
    pages = dialog.info.pages
    assert pages >= 3
    model = dialog.model
    assert model.rowCount() == pages
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.data(model.index(0, 0)) == f"Page 1 of {pages}"
    dialog.view.scrollToTop()
    model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    drain(desktop)
    assert 0 in model.rendered()
    first = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(first, QPixmap)
    assert first.size() == model.page_size()
    assert has_ink(first)
    size = model.page_size()
    dialog.zoom(+1)
    assert model.page_size().width() > size.width()
    assert model.rendered() == []  # the old zoom's pages are dropped
    assert dialog.print_button.isEnabled()


def test_save_as_pdf_writes_the_previewed_bytes(
        qtbot: QtBot, ctx: UiContext, desktop: DesktopApp, prompter: ScriptedPrompter,
        tmp_path: Path) -> None:
    dialog = preview_of_two_sheets(qtbot, ctx, desktop)
    assert dialog.info is not None
    prompter.files.append(tmp_path / "sheets")  # no suffix: .pdf is added
    dialog.save_as()
    drain(desktop)
    saved = tmp_path / "sheets.pdf"
    assert dialog.saved_to == saved
    assert saved.read_bytes() == dialog.info.data


def test_printing_draws_every_page_on_the_printer(
        qtbot: QtBot, ctx: UiContext, desktop: DesktopApp, tmp_path: Path) -> None:
    dialog = preview_of_two_sheets(qtbot, ctx, desktop)
    assert dialog.info is not None
    printer = dialog.make_printer()
    printer.setResolution(100)  # keeps the test quick; real printers use up to 300 dpi
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    drain(desktop)
    assert dialog.printed_pages == dialog.info.pages
    assert page_count(tmp_path / "printed.pdf") == dialog.info.pages


def test_register_preview_is_landscape_and_a_failed_document_is_reported(
        qtbot: QtBot, ctx: UiContext, desktop: DesktopApp, prompter: ScriptedPrompter) -> None:
    printing = ctx.services.printing
    dialog = open_print_preview(ctx, None, lambda _: printing.print_register("HX", None, "zh_CN"),
                                title="register", suggested_name="r.pdf")
    qtbot.addWidget(dialog)
    drain(desktop)
    assert dialog.info is not None
    assert dialog.info.landscape
    broken = open_print_preview(ctx, None, lambda _: printing.print_sheet(["HX-ZL-0404"], "en"),
                                title="broken", suggested_name="b.pdf")
    qtbot.addWidget(broken)
    drain(desktop)
    assert broken.info is None
    assert not broken.print_button.isEnabled()
    assert prompter.messages[-1][0] == "error"
    assert "HX-ZL-0404" in prompter.messages[-1][2]


def test_export_register_asks_for_a_file_and_reports(
        ctx: UiContext, desktop: DesktopApp, prompter: ScriptedPrompter, tmp_path: Path) -> None:
    two_issues(ctx.services)
    prompter.files.append(tmp_path / "register.xlsx")
    export_register(ctx, None, "HX")
    drain(desktop)
    assert load_workbook(tmp_path / "register.xlsx").worksheets[0].max_row == 3
    assert prompter.messages[-1][0] == "info"


# -- Excel import ------------------------------------------------------------------------

def customer_list(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["问题标题", "所属模块", "严重程度", "提出时间"])
    sheet.append(["凭证审核后无法反审核", "总账", "高", datetime(2026, 11, 4, 9, 30)])
    sheet.append(["月末结账提示损益类科目未结转", "总账", "紧急", "2026/11/5"])
    sheet.append([None, "应收", "高", "2026-11-07"])
    sheet.append(["付款单审核后未生成日记账", "仓库管理", "低", "2026-11-08"])
    book.save(path)
    return path


def test_import_dialog_checks_rows_and_imports_only_when_confirmed(
        qtbot: QtBot, qtmodeltester: object, ctx: UiContext, desktop: DesktopApp,
        prompter: ScriptedPrompter, tmp_path: Path) -> None:
    prompter.files.append(customer_list(tmp_path / "list.xlsx"))
    dialog = run_excel_import(ctx, None, "HX")
    assert dialog is not None
    qtbot.addWidget(dialog)
    drain(desktop)
    assert dialog.mapping() == {0: "title", 1: "module", 2: "severity", 3: "reported_at"}
    assert dialog.plan is not None
    assert len(dialog.plan.accepted) == 2
    assert dialog.refused_model.rowCount() == 2
    qtmodeltester.check(dialog.refused_model)  # type: ignore[attr-defined]
    reasons = [dialog.refused_model.index(r, 2).data() for r in range(2)]
    assert reasons[0] == "Title is empty."
    assert "仓库管理" in reasons[1]
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "&Import 2 issues"

    dialog.set_mapping({1: "module"})  # no title column: nothing can be imported
    assert dialog.plan is None
    assert not dialog.import_button.isEnabled()
    dialog.check()
    drain(desktop)
    assert not dialog.import_button.isEnabled()
    assert "title" in dialog.summary.text()

    dialog.set_mapping({0: "title", 1: "module", 2: "severity", 3: "reported_at"})
    dialog.check()
    drain(desktop)
    prompter.confirms.append(False)  # "2 rows are refused … import the others?" — no
    dialog.confirm_import()
    drain(desktop)
    assert ctx.services.issues.list_issues(IssueQuery(project="HX")) == []

    prompter.confirms.append(True)
    dialog.confirm_import()
    drain(desktop)
    assert len(dialog.imported) == 2
    titles = {i.title for i in ctx.services.issues.list_issues(IssueQuery(project="HX"))}
    assert titles == {"凭证审核后无法反审核", "月末结账提示损益类科目未结转"}
    assert prompter.messages[-1][0] == "info"
    assert not dialog.isVisible()


def test_import_of_an_unreadable_file_says_why(
        qtbot: QtBot, ctx: UiContext, desktop: DesktopApp, prompter: ScriptedPrompter,
        tmp_path: Path) -> None:
    fake = tmp_path / "list.xlsx"
    fake.write_text("not a workbook", "utf-8")
    prompter.files.append(fake)
    dialog = run_excel_import(ctx, None, "HX")
    assert dialog is not None
    qtbot.addWidget(dialog)
    drain(desktop)
    assert prompter.messages[-1][0] == "error"
    assert "list.xlsx is not an Excel .xlsx workbook." in prompter.messages[-1][2]
    assert not dialog.isVisible()
    assert run_excel_import(ctx, None, "HX") is None  # the file chooser was cancelled


def test_the_register_page_prints_the_selected_issue(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    services.issues.create("HX", {"title": "凭证审核后无法反审核", "module": "总账"})
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    drain(desktop)
    window.show_page("issues")
    page = window.page("issues")
    drain(desktop)
    page.view.selectRow(0)  # type: ignore[attr-defined]
    menu = page.print_button.menu()  # type: ignore[attr-defined]
    menu.aboutToShow.emit()
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["Print the selected issue sheets…"].isEnabled()
    actions["Print the selected issue sheets…"].trigger()
    drain(desktop)
    previews = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, PrintPreviewDialog) and w.isVisible()]
    assert len(previews) == 1
    assert previews[0].info is not None
    assert previews[0].info.pages == 1
    previews[0].close()
    previews[0].deleteLater()
