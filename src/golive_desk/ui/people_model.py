"""The people of a project as a table model (small, but still a model, not a widget list).

The overview's People tab shows name, role, side and contacts; the handover's
support system shows contacts and the modules each person covers: one model,
its columns chosen by the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from golive_desk.domain.models import Person
from golive_desk.ui import labels

Index = QModelIndex | QPersistentModelIndex

OVERVIEW_COLUMNS = ("name", "role", "side", "department", "phone", "email")
SUPPORT_COLUMNS = ("name", "role", "phone", "email", "department", "modules")


class PeopleModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[str] = OVERVIEW_COLUMNS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.people: list[Person] = []

    def set_people(self, people: Sequence[Person]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def row_of(self, person_id: str) -> int:
        return next((n for n, p in enumerate(self.people) if p.id == person_id), -1)

    def replace(self, person: Person) -> None:
        """Show a person saved meanwhile in their row (when they are listed)."""
        row = self.row_of(person.id)
        if row >= 0:
            self.people[row] = person
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= index.row() < len(self.people):
            return None
        person = self.people[index.row()]
        column = self.columns[index.column()]
        if column == "role":
            return labels.role(person.role)
        if column == "side":
            return labels.side(person.side)
        if column == "modules":
            return "、".join(person.modules.splitlines())
        return getattr(person, column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(self.columns):
            return None
        names = {"name": self.tr("Name"), "role": self.tr("Role"), "side": self.tr("Side"),
                 "department": self.tr("Department"), "phone": self.tr("Phone"),
                 "email": self.tr("E-mail"), "modules": self.tr("Modules covered")}
        return names[self.columns[section]]


COLUMN_AIR = 24  # pixels beside a column's widest text: names and phones need room to breathe


def fit_columns(view: QTableView) -> None:
    """Each column but the last as wide as its widest text plus some air; the last takes
    what is left (the header stretches it). Sized to contents alone, columns touched."""
    columns = view.model().columnCount() if view.model() is not None else 0
    view.resizeColumnsToContents()
    for column in range(max(0, columns - 1)):
        view.setColumnWidth(column, view.columnWidth(column) + COLUMN_AIR)
