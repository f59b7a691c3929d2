"""The maintenance notes (维护手册): search, a list grouped by module, an editor.

Used by the wizard's page 3 and by the Handover page's own tab (the customer's
first-line knowledge base after the handover). Notes read from a flagged issue
get their own record on the first edit; edits are saved as you go, each note
with the versions it was read with.
"""

from __future__ import annotations

from itertools import count
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.handover_records import MaintenanceNote
from golive_desk.domain.models import Changes, Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover import texts
from golive_desk.ui.handover.autosave import AutoSave, Job
from golive_desk.ui.handover.record_fields import RecordFields, editor_text, set_editor_text
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error

_KEY = Qt.ItemDataRole.UserRole
_FIELDS = ("module", "symptom", "cause", "solution")
_new_keys = count(1)


def note_key(note: MaintenanceNote) -> str:
    """A note's key on screen: its issue's, else its own record's."""
    return f"issue:{note.issue_id}" if note.issue_id else f"note:{note.id}"


class NotesEditor(QWidget):
    """Search box, notes by module, and the chosen note's symptom, cause and solution."""

    saved = Signal()
    shown = Signal()  # a read of the notes is on screen

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.project: Project | None = None
        self.notes: dict[str, MaintenanceNote] = {}
        self._reads = 0  # the newest read's number: an older answer is dropped
        self.current_key: str | None = None
        self._pending: dict[str, dict[str, str]] = {}
        self._filling = False
        self.saver = AutoSave(ctx.runner, self._build, self._apply, self._failed, self)
        self._build_ui()

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search symptom, cause, solution, module…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.show_list())
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.clicked.connect(self.add_note)
        self.delete_button = QPushButton(self.tr("Delete note"))
        self.delete_button.clicked.connect(self.delete_note)
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        outer.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._chosen(cur))
        split.addWidget(self.tree)
        editor = QWidget()
        form = QFormLayout(editor)
        form.setContentsMargins(8, 0, 0, 0)
        self.source = QLabel()
        self.source.setObjectName("muted")
        self.source.setWordWrap(True)
        self.module = QLineEdit()
        self.symptom = QPlainTextEdit()
        self.cause = QPlainTextEdit()
        self.solution = QPlainTextEdit()
        self.symptom_error = field_error()
        self.error = field_error()
        form.addRow(self.source)
        form.addRow(self.tr("Module"), self.module)
        form.addRow(self.tr("Symptom"), self.symptom)
        form.addRow("", self.symptom_error)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(self.tr("Solution"), self.solution)
        form.addRow(self.error)
        for widget in (self.module, self.symptom, self.cause, self.solution):
            widget.textChanged.connect(self._edited)
        split.addWidget(editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([360, 520])
        outer.addWidget(split, 1)
        self._enable_editor(False)

    # -- reading -------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        if project is not self.project:
            self.saver.flush()
        self.project = project
        self.reload()

    def reload(self) -> None:
        """Read the notes again (on the worker), keeping the one chosen."""
        self._reads += 1
        number, project = self._reads, self.project
        if project is None:
            self._show_read(number, None, [])
            return
        handover, code = self._ctx.services.handover, project.code
        self._ctx.runner.run(lambda: handover.notes(code),
                             lambda read: self._show_read(number, project, read))

    def _show_read(self, number: int, project: Project | None,
                   read: list[MaintenanceNote]) -> None:
        if number != self._reads or project is not self.project:
            return
        if project is None:
            self.notes = {}
        else:
            kept = {k: n for k, n in self.notes.items() if k.startswith("new:") and n.id is None}
            for key, note in list(self.notes.items()):
                if key.startswith("new:") and note.id is not None:  # saved: its own key now
                    self._rekey(key, note_key(note))
            self.notes = {note_key(n): n for n in read}
            self.notes.update(kept)
        self.show_list()
        self.shown.emit()

    def _rekey(self, old: str, new: str) -> None:
        if self.current_key == old:
            self.current_key = new
        if old in self._pending:
            self._pending[new] = self._pending.pop(old)

    def apply_changes(self, changes: Changes) -> None:
        if (changes.touches("maintenance_note") or changes.touches("issue")) \
                and not self.saver.busy and not self.saver.dirty:
            self.reload()

    def visible_notes(self) -> list[tuple[str, MaintenanceNote]]:
        wanted = self.search.text()
        items = sorted(self.notes.items(),
                       key=lambda kv: (kv[1].module, kv[1].issue_number, kv[1].symptom))
        return [(k, n) for k, n in items if n.matches(wanted)]

    def show_list(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        shown = self.visible_notes()
        for key, note in shown:
            module = note.module or self.tr("(no module)")
            group = groups.get(module)
            if group is None:
                group = QTreeWidgetItem(self.tree, [module])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[module] = group
            first = note.symptom.splitlines()[0] if note.symptom else self.tr("(no symptom)")
            label = f"{note.issue_number} · {first}" if note.issue_number else first
            item = QTreeWidgetItem(group, [label])
            item.setData(0, _KEY, key)
            item.setToolTip(0, note.symptom)
            if key == self.current_key:
                chosen = item
        for module, group in groups.items():
            group.setText(0, texts.fill(self.tr("%1 (%2)"), module, group.childCount()))
        self.tree.expandAll()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        if chosen is None:
            self._show_note(None)
        self.delete_button.setEnabled(self._deletable())

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, _KEY) if item is not None else None
        if key is None:
            return
        self._show_note(str(key))

    def choose(self, key: str) -> None:
        """Select the note ``key`` (if shown)."""
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            for m in range(group.childCount() if group is not None else 0):
                child = group.child(m) if group is not None else None
                if child is not None and child.data(0, _KEY) == key:
                    self.tree.setCurrentItem(child)
                    return

    def _show_note(self, key: str | None) -> None:
        self.current_key = key
        note = self.notes.get(key) if key else None
        self._filling = True
        values = self._pending.get(key, {}) if key else {}
        for name in _FIELDS:
            text = values.get(name, getattr(note, name) if note else "")
            widget = getattr(self, name)
            if editor_text(widget) != text:
                set_editor_text(widget, text)
        self._filling = False
        if note is None:
            self.source.setText("")
        elif note.issue_number:
            self.source.setText(texts.fill(self.tr("From issue %1"), note.issue_number))
        else:
            self.source.setText(self.tr("A note of its own (no issue)"))
        show_error(self.symptom_error, "", self.symptom)
        self._enable_editor(note is not None)
        self.delete_button.setEnabled(self._deletable())

    def _enable_editor(self, on: bool) -> None:
        for name in _FIELDS:
            getattr(self, name).setEnabled(on)

    def _deletable(self) -> bool:
        note = self.notes.get(self.current_key) if self.current_key else None
        return note is not None and (note.id is not None or note.issue_id is None)

    # -- writing -------------------------------------------------------------------
    def _edited(self) -> None:
        if self._filling or self.current_key is None:
            return
        values = {name: editor_text(getattr(self, name)) for name in _FIELDS}
        if not values["symptom"].strip():
            show_error(self.symptom_error, self.tr("A note needs its symptom."), self.symptom)
            return
        show_error(self.symptom_error, "", self.symptom)
        self._pending[self.current_key] = values
        self.saver.mark()

    def _build(self) -> Job | None:
        project = self.project
        if project is None or not self._pending:
            self._pending.clear()
            return None
        work = [(key, self.notes[key], values) for key, values in self._pending.items()
                if key in self.notes]
        self._pending.clear()
        handover, code = self._ctx.services.handover, project.code

        def job() -> tuple[list[tuple[str, MaintenanceNote]], Changes]:
            saved = [(key, handover.save_note(code, note, values)) for key, note, values in work]
            return saved, Changes(frozenset({"maintenance_note"}),
                                  frozenset(n.id for _, n in saved if n.id))

        return job

    def _apply(self, result: tuple[list[tuple[str, MaintenanceNote]], Any]) -> None:
        for key, note in result[0]:
            if key in self.notes:
                self.notes[key] = note
        self.show_list()
        self.saved.emit()

    def _failed(self, error: GoLiveError) -> None:
        show_error(self.error, describe(error))

    def flush(self) -> None:
        self.saver.flush()

    def add_note(self) -> None:
        """A note of no issue: shown at once, saved when its symptom is written."""
        key = f"new:{next(_new_keys)}"
        self.notes[key] = MaintenanceNote(None, None, "", "", "", "", "")
        self.search.clear()
        self.current_key = key
        self.show_list()
        self._show_note(key)
        self.symptom.setFocus()

    def delete_note(self) -> None:
        key = self.current_key
        note = self.notes.get(key) if key else None
        if key is None or note is None or not self._deletable():
            return
        if not self._ctx.prompter.confirm(self, self.tr("Delete note"), self.tr(
                "Delete this maintenance note?")):
            return
        self._pending.pop(key, None)
        del self.notes[key]
        self.current_key = None
        self.show_list()
        if note.id is None:
            return
        handover, note_id = self._ctx.services.handover, note.id
        self.saver.when_saved(lambda: self._ctx.runner.run(
            lambda: handover.delete_note(note_id), lambda _c: self.reload(), self._failed))


class NotesStep(HandoverStep):
    """Page 3: the maintenance notes, from the resolved issues flagged for them."""

    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("3. Maintenance notes"))
        self.setSubTitle(self.tr(
            "Symptom, cause and solution of each resolved issue flagged for the maintenance "
            "notes, by module: the customer's first-line knowledge base. Edit them, add your "
            "own."))
        layout = QVBoxLayout(self)
        self.editor = NotesEditor(ctx)
        self.editor.shown.connect(self._notes_shown)
        layout.addWidget(self.editor)

    def _notes_shown(self) -> None:
        self.loaded = True

    def load(self) -> None:
        if self.editor.project is None:
            self.editor.set_project(self.project)
        else:
            self.editor.reload()

    def leave(self) -> None:
        super().leave()
        self.editor.flush()

    def apply_changes(self, changes: Changes) -> None:
        self.editor.apply_changes(changes)
