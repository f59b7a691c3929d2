"""The register page's "Print and export" button: one menu, wired to the entry points."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QToolButton, QWidget

from golive_desk.domain.issues import IssueQuery, RegisterRow
from golive_desk.domain.models import Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.printing import (
    export_register,
    print_issue_sheets,
    print_register,
    run_excel_import,
    translate,
)


def selected_numbers(view: QAbstractItemView,
                     issue_at: Callable[[int], RegisterRow | None]) -> list[str]:
    """Numbers of the selected rows (or of the current row), in the register's order."""
    selection = view.selectionModel()
    rows = sorted({i.row() for i in selection.selectedRows()}) if selection else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    found = (issue_at(row) for row in rows)
    return [issue.number for issue in found if issue is not None]


def register_print_menu(ctx: UiContext, page: QWidget, view: QAbstractItemView,
                        issue_at: Callable[[int], RegisterRow | None],
                        project: Callable[[], Project | None],
                        query: Callable[[], IssueQuery | None]) -> QToolButton:
    """A tool button whose menu prints, exports and imports for the register on ``page``.

    ``view`` and ``issue_at`` give the selected issues; ``project`` and
    ``query`` the project shown and the register's current filter.
    """
    button = QToolButton(page)
    button.setText(translate("Printing", "Print and export"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)

    def code() -> str | None:
        shown = project()
        return shown.code if shown is not None else None

    def sheets() -> None:
        numbers = selected_numbers(view, issue_at)
        if numbers:
            print_issue_sheets(ctx, page, numbers)

    def whole() -> None:
        if (current := code()) is not None:
            print_register(ctx, page, current)

    def filtered() -> None:
        if (current := code()) is not None:
            print_register(ctx, page, current, query())

    def export() -> None:
        if (current := code()) is not None:
            export_register(ctx, page, current, query())

    def import_list() -> None:
        if (current := code()) is not None:
            run_excel_import(ctx, page, current)

    print_sheets = menu.addAction(translate("Printing", "Print the selected issue sheets…"))
    print_sheets.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_sheets.triggered.connect(sheets)
    page.addAction(print_sheets)  # the shortcut works while the menu is closed
    menu.addAction(translate("Printing", "Print the whole register…")).triggered.connect(whole)
    menu.addAction(translate("Printing", "Print the register as filtered…")).triggered.connect(
        filtered)
    menu.addSeparator()
    menu.addAction(translate("Printing", "Export the register as filtered (Excel, CSV)…")
                   ).triggered.connect(export)
    menu.addAction(translate("Printing", "Import issues from Excel…")).triggered.connect(
        import_list)

    def refresh() -> None:
        has_project = code() is not None
        for action in menu.actions():
            action.setEnabled(has_project)
        print_sheets.setEnabled(has_project and bool(selected_numbers(view, issue_at)))

    menu.aboutToShow.connect(refresh)
    button.setMenu(menu)
    return button
