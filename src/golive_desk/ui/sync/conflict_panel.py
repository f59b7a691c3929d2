"""One conflict in detail: every competing value, who wrote it and when, and how to settle it."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.conflicts import ConflictKind, ConflictValue, FieldConflict
from golive_desk.domain.schema import ENTITIES
from golive_desk.ui.labels import field_label
from golive_desk.ui.sync.models import short_time, show_value

# Kinds of records that hang under another: in a conflict they are additions.
CHILD_KINDS = frozenset(name for name, spec in ENTITIES.items() if spec.parent is not None)
# Fields whose stored value is a code ("low"), shown as a word: the competing
# values are all there is to choose from, nothing to type.
CODED_FIELDS = frozenset({"severity", "status", "category", "mode"})


def _typed(conflict: FieldConflict) -> bool:
    """Whether the user may type the value that stands (free text, not a code or a flag)."""
    return (conflict.kind == ConflictKind.FIELD and conflict.field not in CODED_FIELDS
            and not any(isinstance(v.value, bool) for v in conflict.values))


class ConflictPanel(QFrame):
    """Emits ``resolve(label, field, value)`` when the user settles the conflict.

    ``open_issue(issue id)`` asks for the issue in the register's form.
    """

    resolve = Signal(str, str, str)
    open_issue = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._conflict: FieldConflict | None = None
        self._title = ""
        self._layout = QVBoxLayout(self)
        self._heading = QLabel(self.tr("Select a conflict to see both values."))
        self._heading.setObjectName("sectionHeading")
        self._heading.setWordWrap(True)
        self._layout.addWidget(self._heading)
        self._values = QGridLayout()
        self._values.setColumnStretch(0, 1)  # the values take the room, the buttons their own
        self._layout.addLayout(self._values)
        edit_row = QHBoxLayout()
        self.custom = QLineEdit()
        self.custom.setPlaceholderText(self.tr("…or type the value that should stand"))
        self.use_custom = QPushButton(self.tr("Use this value"))
        self.use_custom.clicked.connect(self._on_custom)
        edit_row.addWidget(self.custom, 1)
        edit_row.addWidget(self.use_custom)
        self._edit_box = QWidget()
        self._edit_box.setLayout(edit_row)
        self._layout.addWidget(self._edit_box)
        self.open_button = QPushButton(self.tr("Open issue"))
        self.open_button.setToolTip(self.tr("Show this issue in the register's form"))
        self.open_button.clicked.connect(self._on_open)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)
        self._layout.addLayout(open_row)
        self._layout.addStretch(1)
        self.show_conflict(None)

    def show_conflict(self, conflict: FieldConflict | None, title: str = "") -> None:
        """Show ``conflict``; ``title`` is its issue's title (empty for other records)."""
        self._conflict = conflict
        self._title = title
        while self._values.count():
            item = self._values.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: the deletion waits for the event loop
                widget.deleteLater()
        self._edit_box.setVisible(conflict is not None and _typed(conflict))
        self.open_button.setVisible(conflict is not None and conflict.entity == "issue")
        if conflict is None:
            self._heading.setText(self.tr("Select a conflict to see both values."))
            return
        if conflict.kind in (ConflictKind.EDITED_AFTER_DELETE, ConflictKind.DELETE_RESTORE):
            self._show_deleted(conflict)
            return
        self._heading.setText(self.tr("%1 · %2: two computers wrote different values")
                              .replace("%1", self._record()).replace("%2",
                                                                     field_label(conflict.field)))
        for row, version in enumerate(conflict.values):
            provisional = self.tr(" (shown for now)") if row == 0 else ""
            value = QLabel(f"<b>{show_value(version.value, conflict.field)}</b>{provisional}")
            value.setWordWrap(True)
            who = QLabel(self.tr("%1 · %2").replace("%1", version.author)
                         .replace("%2", short_time(version.at)))
            who.setObjectName("muted")
            keep = QPushButton(self.tr("Keep this"))
            keep.clicked.connect(lambda _c=False, v=version.value: self._emit(v))
            self._values.addWidget(value, row * 2, 0)
            self._values.addWidget(keep, row * 2, 1)
            self._values.addWidget(who, row * 2 + 1, 0)
        self.custom.setText(show_value(conflict.values[0].value) if _typed(conflict) else "")

    def _show_deleted(self, conflict: FieldConflict) -> None:
        if conflict.kind == ConflictKind.DELETE_RESTORE:
            self._heading.setText(self.tr(
                "%1 was deleted on one computer and restored on another, neither seeing the "
                "other. Restore it, or keep it deleted?").replace("%1", self._record()))
        elif conflict.field in CHILD_KINDS:
            self._heading.setText(self.tr(
                "%1 was deleted on one computer while another added %2 to it. It stays "
                "deleted until you decide; what was added stays with it.")
                .replace("%1", self._record()).replace("%2", field_label(conflict.field)))
        else:
            self._heading.setText(self.tr(
                "%1 was deleted on one computer while another changed %2. It stays deleted "
                "until you decide.").replace("%1", self._record())
                .replace("%2", field_label(conflict.field)))
        for row, version in enumerate(conflict.values):
            label = QLabel(self._version_line(conflict, version))
            label.setWordWrap(True)
            self._values.addWidget(label, row, 0, 1, 2)
        restore = QPushButton(self.tr("Restore the record"))
        restore.clicked.connect(lambda: self._emit_raw("deleted", "restore"))
        delete = QPushButton(self.tr("Keep it deleted"))
        delete.clicked.connect(lambda: self._emit_raw("deleted", "delete"))
        row = len(conflict.values)
        self._values.addWidget(restore, row, 0)
        self._values.addWidget(delete, row, 1)

    def _version_line(self, conflict: FieldConflict, version: ConflictValue) -> str:
        when = short_time(version.at)
        if conflict.kind == ConflictKind.DELETE_RESTORE:
            text = (self.tr("%1 deleted it (%3)") if version.value
                    else self.tr("%1 restored it (%3)"))
        elif conflict.field in CHILD_KINDS:
            text = self.tr("%1 added <b>%2</b> (%3)")
        else:
            text = self.tr("%1 set it to <b>%2</b> (%3)")
        return (text.replace("%1", version.author)
                .replace("%2", show_value(version.value, conflict.field)).replace("%3", when))

    def _record(self) -> str:
        """The record as the heading names it: an issue's number and its title."""
        label = self._conflict.label if self._conflict else ""
        return f"{label} “{self._title}”" if self._title else label

    def _on_open(self) -> None:
        if self._conflict is not None and self._conflict.entity == "issue":
            self.open_issue.emit(self._conflict.entity_id)

    def _emit(self, value: object) -> None:
        # The service matches this text against the versions' own values.
        self._emit_raw(self._conflict.field if self._conflict else "",
                       value if isinstance(value, str) else json.dumps(value))

    def _emit_raw(self, field: str, value: str) -> None:
        if self._conflict is not None:
            self.resolve.emit(self._conflict.label, field, value)

    def _on_custom(self) -> None:
        if self._conflict is not None and self.custom.text().strip():
            self.resolve.emit(self._conflict.label, self._conflict.field,
                              self.custom.text().strip())
