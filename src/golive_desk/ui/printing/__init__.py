"""Printing, exports and Excel import in the window: the entry points pages call.

Every function takes the page's :class:`UiContext` and a parent widget, runs
file and database work on the task runner, and asks through the prompter:

- :func:`print_issue_sheets` — the register's "Print sheets" on the selected
  issues (one PDF, one issue per page), shown in the print preview;
- :func:`print_register` — the register document of the project, or of the
  register's current filter;
- :func:`print_handover` — the handover document (项目交接与验收) of a project
  (the handover wizard's last page and the Handover page's "reprint");
- :func:`export_register` — .xlsx or .csv, chosen by the file name;
- :func:`run_excel_import` — the column-mapping dialog; imports nothing until
  the user confirms;
- :func:`open_print_preview` — the preview for any PDF a service makes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.issues import IssueQuery
from golive_desk.services.printing import ExportResult
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.printing.import_dialog import ExcelImportDialog
from golive_desk.ui.printing.preview_dialog import PrintPreviewDialog

__all__ = ["ExcelImportDialog", "PrintPreviewDialog", "export_register", "open_print_preview",
           "print_handover", "print_issue_sheets", "print_register", "run_excel_import"]

# A plain name that pyside6-lupdate recognises as a translate(context, text) call.
translate = QCoreApplication.translate


def open_print_preview(ctx: UiContext, parent: QWidget | None,
                       pdf_factory: Callable[[str], bytes], *, title: str,
                       suggested_name: str) -> PrintPreviewDialog:
    """Show the preview of the PDF ``pdf_factory(language)`` makes (called on the worker).

    The document starts in the window's language; the preview offers the other.
    """
    dialog = PrintPreviewDialog(ctx, parent, pdf_factory, title=title,
                                suggested_name=suggested_name)
    dialog.open()
    dialog.load()
    return dialog


def _language(ctx: UiContext) -> str:
    """The window's language (``--lang`` wins over the settings), not the system's."""
    return ctx.language()


def print_issue_sheets(ctx: UiContext, parent: QWidget | None,
                       numbers: Sequence[str]) -> PrintPreviewDialog:
    """Preview and print the issue sheets of ``numbers`` (the register's selection)."""
    wanted = list(numbers)
    printing = ctx.services.printing
    name = (f"{wanted[0]}.pdf" if len(wanted) == 1
            else translate("Printing", "Issue sheets") + ".pdf")
    return open_print_preview(ctx, parent,
                              lambda language: printing.print_sheet(wanted, language),
                              title=translate("Printing", "Print issue sheets"),
                              suggested_name=name)


def print_register(ctx: UiContext, parent: QWidget | None, project_code: str,
                   query: IssueQuery | None = None) -> PrintPreviewDialog:
    """Preview and print the register of a project (``query``: the register's filter)."""
    printing = ctx.services.printing
    name = f"{project_code}-" + translate("Printing", "Issue tracking record") + ".pdf"
    return open_print_preview(
        ctx, parent, lambda language: printing.print_register(project_code, query, language),
        title=translate("Printing", "Print the issue tracking record"),
        suggested_name=name)


def print_handover(ctx: UiContext, parent: QWidget | None,
                   project_code: str) -> PrintPreviewDialog:
    """Preview and print the handover document of a project (made on the worker).

    The preview reads the store when it opens and again when the language is
    switched, so it shows what the wizard saved last.
    """
    printing = ctx.services.printing
    name = f"{project_code}-" + translate("Printing", "Project handover and acceptance") + ".pdf"
    return open_print_preview(
        ctx, parent, lambda language: printing.print_handover(project_code, language),
        title=translate("Printing", "Print the handover document"), suggested_name=name)


def export_register(ctx: UiContext, parent: QWidget | None, project_code: str,
                    query: IssueQuery | None = None,
                    on_done: Callable[[ExportResult], None] | None = None) -> None:
    """Ask for a file name, then export the register to .xlsx or .csv."""
    title = translate("Printing", "Export the register")
    suggested = f"{project_code}-" + translate("Printing", "Issue tracking record") + ".xlsx"
    path = ctx.prompter.save_file(
        parent, title, suggested,
        translate("Printing", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
    if path is None:
        return
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + ".xlsx")
    printing = ctx.services.printing

    def done(result: ExportResult) -> None:
        text = translate("Printing", "Exported %1 issues to %2.")
        ctx.prompter.info(parent, title, text.replace("%1", str(result.rows))
                          .replace("%2", str(result.path)))
        if on_done is not None:
            on_done(result)

    def failed(error: GoLiveError) -> None:
        ctx.prompter.error(parent, title, describe(error))

    language = _language(ctx)
    ctx.runner.run(lambda: printing.export_register(project_code, path, query, language),
                   on_done=done, on_error=failed)


def run_excel_import(ctx: UiContext, parent: QWidget | None,
                     project_code: str) -> ExcelImportDialog | None:
    """Ask for a workbook and open the import dialog on it; None when no file was chosen.

    Imported issues reach every page through the task runner's ``changed``
    signal; the dialog's ``imported`` holds their numbers once it is accepted.
    """
    path = ctx.prompter.open_file(parent, translate("Printing", "Import issues from Excel"),
                                  translate("Printing", "Excel workbook (*.xlsx)"))
    if path is None:
        return None
    dialog = ExcelImportDialog(ctx, parent, project_code, path)
    dialog.open()
    dialog.load()
    return dialog
