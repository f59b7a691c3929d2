"""The handover record's text fields on screen: bound editors, saved as you go,
and a conflict box on each field two computers changed at once.

One :class:`RecordFields` per wizard: the readiness page's reason, the lessons
learned and the four signers all save through it, with the versions of the
record last read (``seen``), so a value imported meanwhile is kept as a
conflict instead of being overwritten. A conflict is settled through the one
resolution path (``SyncService.resolve`` → ``services/conflicts.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError, ValidationError
from golive_desk.domain.handover_records import HandoverRecord
from golive_desk.domain.models import Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover.autosave import AutoSave, Job

Editor = QLineEdit | QPlainTextEdit


def editor_text(editor: Editor) -> str:
    return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()


def set_editor_text(editor: Editor, text: str) -> None:
    if isinstance(editor, QLineEdit):
        editor.setText(text)
    else:
        editor.setPlainText(text)


class ConflictBox(QFrame):
    """The competing values of one field, each with "Keep this"."""

    keep = Signal(str, str)  # field, value

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName("conflictBox")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.keep_buttons: list[QPushButton] = []
        self.hide()

    def show_values(self, values: tuple[str, ...]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.keep_buttons = []
        if not values:
            self.hide()
            return
        heading = QLabel(self.tr("Changed on two computers at once — choose the value to keep:"))
        heading.setObjectName("conflictHeading")
        heading.setWordWrap(True)
        self.grid.addWidget(heading, 0, 0, 1, 2)
        for row, value in enumerate(values, start=1):
            label = QLabel(value or self.tr("(empty)"))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(self.tr("Keep this"))
            button.clicked.connect(lambda _c=False, v=value: self.keep.emit(self.field, v))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(button, row, 1)
            self.keep_buttons.append(button)
        self.grid.setColumnStretch(0, 1)
        self.show()


class RecordFields(QObject):
    """The record's editors; ``reloaded`` after every save or resolution."""

    reloaded = Signal(object)  # HandoverRecord
    failed = Signal(str, str)  # field ("" when none), message

    def __init__(self, ctx: UiContext, project: Project, record: HandoverRecord,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.project = project
        self.record = record
        self.editors: dict[str, Editor] = {}
        self.boxes: dict[str, ConflictBox] = {}
        self._dirty: set[str] = set()
        self.saver = AutoSave(ctx.runner, self._build, self._apply, self._failed, self)

    def bind(self, field: str, editor: Editor) -> ConflictBox:
        """Show the record's ``field`` in ``editor`` and save its edits; returns the
        field's conflict box (hidden until there is a conflict) to place beside it."""
        self.editors[field] = editor
        set_editor_text(editor, getattr(self.record, field))
        editor.textChanged.connect(lambda *_a, f=field: self._edited(f))
        box = ConflictBox(field)
        box.keep.connect(self.resolve)
        self.boxes[field] = box
        box.show_values(self.record.conflicts.get(field, ()))
        return box

    def value(self, field: str) -> str:
        editor = self.editors.get(field)
        return editor_text(editor) if editor is not None else str(getattr(self.record, field))

    def set_value(self, field: str, text: str) -> None:
        """Fill ``field`` (a prefill): saved like a typed value."""
        editor = self.editors.get(field)
        if editor is not None:
            set_editor_text(editor, text)

    def _edited(self, field: str) -> None:
        self._dirty.add(field)
        self.saver.mark()

    def _build(self) -> Job | None:
        values = {f: self.value(f) for f in self._dirty}
        self._dirty.clear()
        values = {f: v for f, v in values.items()
                  if v != getattr(self.record, f) or f in self.record.conflicts}
        if not values:
            return None
        handover, code, seen = self._ctx.services.handover, self.project.code, \
            dict(self.record.versions)

        def job() -> tuple[HandoverRecord, Any]:
            changes = handover.save_record(code, values, seen=seen)
            return handover.record(code), changes

        return job

    def _apply(self, result: tuple[HandoverRecord, Any]) -> None:
        self.show_record(result[0])

    def show_record(self, record: HandoverRecord) -> None:
        """A newer read: its versions for the next save, its conflicts on screen."""
        self.record = record
        for field, box in self.boxes.items():
            box.show_values(record.conflicts.get(field, ()))
        self.reloaded.emit(record)

    def _failed(self, error: GoLiveError) -> None:
        field = error.field if isinstance(error, ValidationError) else ""
        self.failed.emit(field if field in self.editors else "", describe(error))

    def resolve(self, field: str, value: str) -> None:
        """Keep ``value`` of a field in conflict (the one resolution path)."""
        sync, handover = self._ctx.services.sync, self._ctx.services.handover
        project_id, code = self.project.id, self.project.code

        def job() -> tuple[HandoverRecord, Any]:
            changes = sync.resolve(project_id, field, value)
            return handover.record(code), changes

        def done(result: tuple[HandoverRecord, Any]) -> None:
            editor = self.editors.get(field)
            if editor is not None:
                editor.blockSignals(True)
                set_editor_text(editor, value)
                editor.blockSignals(False)
            self.show_record(result[0])

        self._ctx.runner.run(job, done, self._failed)
