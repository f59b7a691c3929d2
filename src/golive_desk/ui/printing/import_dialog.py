"""Import a customer's issue list from Excel: map columns, check rows, then confirm.

Nothing is written until the user presses Import: the dialog first reads the
file, guesses which column is which field, and checks every row on the
worker, listing the rows that would be refused and why. Changing the mapping
withdraws the check, so what is imported is always what was last shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import Changes
from golive_desk.services.excel_import import IMPORT_FIELDS, ImportPlan, XlsxPreview
from golive_desk.ui.context import UiContext
from golive_desk.ui.printing.import_text import describe_file_error, describe_problem, field_label
from golive_desk.ui.printing.rows_model import TextRowsModel


class ExcelImportDialog(QDialog):
    """Column mapping, refused rows, and Import only after a clean check."""

    def __init__(self, ctx: UiContext, parent: QWidget | None, project_code: str,
                 path: Path) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._project = project_code
        self._path = Path(path)
        self.preview: XlsxPreview | None = None
        self.plan: ImportPlan | None = None
        self.imported: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Import issues from Excel"))
        self.resize(900, 680)
        self._build()

    def _build(self) -> None:
        self.source = QLabel(self.tr("Reading %1…").replace("%1", self._path.name))
        self.source.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Import as")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refused_model = TextRowsModel()
        self.refused_view = QTableView()
        self.refused_view.setModel(self.refused_model)
        self.refused_view.verticalHeader().hide()
        self.refused_view.horizontalHeader().setStretchLastSection(True)
        self.refused_view.setWordWrap(True)
        self.check_button = QPushButton(self.tr("&Check rows"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.confirm_import)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(QLabel(self.tr("Which column holds which field? Columns set to "
                                        "\u201cnot imported\u201d are left out.")))
        layout.addWidget(self.mapping_table, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused_view, 2)
        layout.addLayout(buttons)

    # -- reading the file ---------------------------------------------------------------
    def load(self) -> None:
        printing = self._ctx.services.printing
        path = self._path
        self.check_button.setEnabled(False)
        self._ctx.runner.run(lambda: printing.read_xlsx_preview(path), on_done=self._previewed,
                             on_error=self._unreadable)

    def _unreadable(self, error: GoLiveError) -> None:
        text = describe_file_error(error)
        self.source.setText(text)
        self._ctx.prompter.error(self, self.tr("Cannot import"), text)
        self.reject()

    def _previewed(self, preview: XlsxPreview) -> None:
        self.preview = preview
        self.source.setText(
            self.tr("%1, sheet \u201c%2\u201d: header in row %3, %4 rows with data.")
            .replace("%1", preview.path.name).replace("%2", preview.sheet)
            .replace("%3", str(preview.header_row)).replace("%4", str(preview.data_rows)))
        guess = self._ctx.services.printing.suggest_mapping(preview.headers)
        self.mapping_table.setRowCount(len(preview.headers))
        for column, header in enumerate(preview.headers):
            name = f"{preview.letters[column]}  {header}".rstrip()
            self.mapping_table.setItem(column, 0, QTableWidgetItem(name))
            example = next((row[column] for row in preview.rows if row[column]), "")
            self.mapping_table.setItem(column, 1, QTableWidgetItem(example[:80]))
            box = QComboBox()
            box.addItem(self.tr("(not imported)"), "")
            for field in IMPORT_FIELDS:
                box.addItem(field_label(field), field)
            if column in guess:
                box.setCurrentIndex(box.findData(guess[column]))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(column, 2, box)
        self.check_button.setEnabled(True)
        self.check()

    # -- mapping and check ------------------------------------------------------------------
    def mapping(self) -> dict[int, str]:
        chosen: dict[int, str] = {}
        for row in range(self.mapping_table.rowCount()):
            box = self.mapping_table.cellWidget(row, 2)
            if isinstance(box, QComboBox) and box.currentData():
                chosen[row] = str(box.currentData())
        return chosen

    def set_mapping(self, mapping: Mapping[int, str]) -> None:
        """Choose the field of each column (columns not named are not imported)."""
        for row in range(self.mapping_table.rowCount()):
            box = self.mapping_table.cellWidget(row, 2)
            if isinstance(box, QComboBox):
                box.setCurrentIndex(max(0, box.findData(mapping.get(row, ""))))

    def _mapping_changed(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("&Import"))
        self.summary.setText(self.tr("The mapping changed: check the rows again."))

    def check(self) -> None:
        """Validate every row with the current mapping on the worker (nothing is written)."""
        self.plan = None
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking the rows…"))
        printing = self._ctx.services.printing
        project, path, mapping = self._project, self._path, self.mapping()
        self._ctx.runner.run(lambda: printing.plan_import(project, path, mapping),
                             on_done=self._planned, on_error=self._plan_failed)

    def _plan_failed(self, error: GoLiveError) -> None:
        self.summary.setText(describe_file_error(error))
        self.refused_model.set_rows([], [])

    def _planned(self, plan: ImportPlan) -> None:
        if dict(plan.mapping) != self.mapping():
            return  # the user changed the mapping while this check ran
        self.plan = plan
        accepted, refused = len(plan.accepted), len(plan.refused)
        self.summary.setText(
            self.tr("%1 rows can be imported; %2 rows are refused and will not be imported.")
            .replace("%1", str(accepted)).replace("%2", str(refused)))
        self.refused_model.set_rows(
            [self.tr("Row"), self.tr("Title"), self.tr("Why it is refused")],
            [(str(r.row), r.title, " ".join(describe_problem(p) for p in r.problems))
             for r in plan.refused])
        self.refused_view.resizeColumnToContents(0)
        self.refused_view.setColumnWidth(1, 260)
        self.import_button.setText(self.tr("&Import %1 issues").replace("%1", str(accepted)))
        self.import_button.setEnabled(accepted > 0)

    # -- import --------------------------------------------------------------------------
    def confirm_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.accepted:
            return
        if plan.refused and not self._ctx.prompter.confirm(
                self, self.tr("Import issues"),
                self.tr("%1 rows are refused and will not be imported. Import the other %2 "
                        "rows?").replace("%1", str(len(plan.refused)))
                .replace("%2", str(len(plan.accepted)))):
            return
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        printing = self._ctx.services.printing
        self._ctx.runner.run(lambda: printing.apply_import(plan), on_done=self._imported,
                             on_error=self._import_failed)

    def _imported(self, result: tuple[tuple[str, ...], Changes]) -> None:
        numbers, _ = result
        self.imported = numbers
        first, last = numbers[0], numbers[-1]
        self._ctx.prompter.info(
            self, self.tr("Import issues"),
            self.tr("Imported %1 issues (%2 … %3).").replace("%1", str(len(numbers)))
            .replace("%2", first).replace("%3", last))
        self.accept()

    def _import_failed(self, error: GoLiveError) -> None:
        self.check_button.setEnabled(True)
        self._ctx.prompter.error(self, self.tr("Cannot import"), describe_file_error(error))
        self.check()
