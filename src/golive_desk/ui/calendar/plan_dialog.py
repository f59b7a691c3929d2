"""The plan generator's proposal, for the PM to edit: untick a row or change its mode."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.support_calendar import SlotProposal
from golive_desk.ui.calendar import texts

_Index = QModelIndex | QPersistentModelIndex


class ProposalModel(QAbstractTableModel):
    """The proposals with a "use" tick each; the mode column is editable."""

    COLUMNS = ("use", "person", "start", "end", "half", "mode")

    def __init__(self, proposals: Sequence[SlotProposal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(proposals)
        self._use = [True] * len(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {"use": self.tr("Use"), "person": self.tr("Person"), "start": self.tr("From"),
                "end": self.tr("To"), "half": self.tr("Time"),
                "mode": self.tr("Mode")}[self.COLUMNS[section]]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = self.COLUMNS[index.column()]
        if name == "use":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if name == "mode":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, name = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and name == "use":
            return Qt.CheckState.Checked if self._use[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and name == "mode":
            return row.mode
        if role == Qt.ItemDataRole.ForegroundRole and name == "mode":
            return texts.MODE_COLORS[row.mode]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {"use": "", "person": row.person_name, "start": row.start.isoformat(),
                "end": row.end.isoformat(), "half": texts.half(row.half),
                "mode": texts.mode(row.mode)}[name]

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        name = self.COLUMNS[index.column()]
        if name == "use" and role == Qt.ItemDataRole.CheckStateRole:
            self._use[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif name == "mode" and role == Qt.ItemDataRole.EditRole:
            self._rows[index.row()] = replace(self._rows[index.row()], mode=SupportMode(value))
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def chosen(self) -> list[SlotProposal]:
        return [p for p, use in zip(self._rows, self._use, strict=True) if use]


class ModeDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        box = QComboBox(parent)
        for mode in SupportMode:
            box.addItem(texts.mode(mode), mode)
        return box

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractTableModel,  # type: ignore[override]
                     index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PlanDialog(QDialog):
    def __init__(self, project_code: str, proposals: Sequence[SlotProposal],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Support plan for %1").replace("%1", project_code))
        self.resize(720, 520)
        self.model = ProposalModel(proposals, self)
        intro = QLabel(self.tr(
            "On site on go-live day and the first working days, then tapering to phone and "
            "remote support until the planned exit; on site again for each month-end close. "
            "Untick what you do not want, change a mode by double-clicking it, then apply."))
        intro.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(ProposalModel.COLUMNS.index("mode"),
                                           ModeDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the tick needs its caption's width, not a sixth of the table
        self.view.horizontalHeader().setSectionResizeMode(
            ProposalModel.COLUMNS.index("use"), QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        apply = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setObjectName("primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

    def ask(self) -> list[SlotProposal] | None:
        return self.model.chosen() if self.exec() else None
