"""Table models of the Sync page: peers and open conflicts."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from golive_desk.domain.conflicts import ConflictKind, FieldConflict
from golive_desk.services.sync_models import PeerView
from golive_desk.ui.labels import field_label, issue_value

Index = QModelIndex | QPersistentModelIndex


def show_value(value: object, field: str = "") -> str:
    """A field value as a person reads it: enum codes translated, None as a dash."""
    if field and isinstance(value, str | bool):
        return issue_value(field, value)
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def short_time(iso: str | None) -> str:
    """A stored UTC time as the user's local ``YYYY-MM-DD HH:MM`` (as the issue form shows)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16].replace("T", " ")


class PeersModel(QAbstractTableModel):
    """Stores this one has exchanged bundles with."""

    def __init__(self) -> None:
        super().__init__()
        self._peers: list[PeerView] = []

    def set_peers(self, peers: list[PeerView]) -> None:
        self.beginResetModel()
        self._peers = list(peers)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._peers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        peer = self._peers[index.row()]
        return (
            f"{peer.name} ({peer.initials})",
            self.tr("Branch office") if peer.is_office else self.tr("Laptop"),
            peer.fingerprint,
            self.tr("Trusted") if peer.trusted else self.tr("Not trusted"),
            short_time(peer.last_exchange) or self.tr("never"),
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Computer"), self.tr("Kind"), self.tr("Key fingerprint"),
                self.tr("Trust"), self.tr("Last exchange"))[section]


class ConflictsModel(QAbstractTableModel):
    """Open conflicts; the first value of each is the provisional winner.

    Columns: the record (an issue's number and title), what is in conflict, who
    wrote the versions, and the competing values last (the only long column).
    """

    RECORD, FIELD, AUTHORS, VALUES = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._conflicts: list[FieldConflict] = []
        self._titles: dict[str, str] = {}

    def set_conflicts(self, conflicts: list[FieldConflict],
                      titles: dict[str, str] | None = None) -> None:
        """``titles``: the title of each issue in conflict, by issue id."""
        self.beginResetModel()
        self._conflicts = list(conflicts)
        self._titles = dict(titles or {})
        self.endResetModel()

    def conflict(self, row: int) -> FieldConflict:
        return self._conflicts[row]

    def title(self, conflict: FieldConflict) -> str:
        """The issue's title (empty for other records)."""
        return self._titles.get(conflict.entity_id, "") if conflict.entity == "issue" else ""

    def record_text(self, conflict: FieldConflict) -> str:
        label = conflict.label or conflict.entity_id[:8]
        title = self.title(conflict)
        return f"{label} {title}" if title else label

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        conflict = self._conflicts[index.row()]
        if index.column() == self.RECORD:
            return self.record_text(conflict)
        if index.column() == self.AUTHORS:
            return self.tr(", ").join(sorted({v.author for v in conflict.values}))
        if index.column() == self.FIELD:
            if conflict.kind == ConflictKind.EDITED_AFTER_DELETE:
                return self.tr("Edited after delete: %1").replace("%1",
                                                                  field_label(conflict.field))
            if conflict.kind == ConflictKind.DELETE_RESTORE:
                return self.tr("Deleted and restored at once")
            return field_label(conflict.field)
        if conflict.kind == ConflictKind.DELETE_RESTORE:
            return "  ⟷  ".join(self.tr("deleted") if v.value else self.tr("restored")
                                for v in conflict.values)
        return "  ⟷  ".join(show_value(v.value, conflict.field) for v in conflict.values)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Record"), self.tr("Field"), self.tr("Written by"),
                self.tr("Competing values"))[section]
