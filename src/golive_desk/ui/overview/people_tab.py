"""The Overview's People tab: the project's people, its two managers, "Add person…".

Built when the tab is first shown, not with the page: the window's first paint
shows the dashboard, and a table view is a dozen widgets for the style sheet
to polish.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from golive_desk.ui.people_model import PeopleModel, fit_columns


class PeopleTab(QWidget):
    def __init__(self, model: PeopleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.managers = QLabel()
        self.managers.setObjectName("muted")
        bar.addWidget(self.managers)
        bar.addStretch(1)
        self.add_button = QPushButton(self.tr("Add person…"))
        bar.addWidget(self.add_button)
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

    def fit(self) -> None:
        fit_columns(self.table)
