"""The people of a project as a table model (small, but still a model, not a widget list)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from golive_desk.domain.models import Person
from golive_desk.ui import labels

Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    COLUMNS = ("name", "role", "side", "department", "phone", "email")

    def __init__(self) -> None:
        super().__init__()
        self._people: list[Person] = []

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        person = self._people[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "role":
            return labels.role(person.role)
        if column == "side":
            return labels.side(person.side)
        return getattr(person, column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Role"), self.tr("Side"), self.tr("Department"),
                self.tr("Phone"), self.tr("E-mail"))[section]
