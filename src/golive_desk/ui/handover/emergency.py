"""Page 5, the emergency plan (应急预案): scenarios, each with actions, contacts and
escalation path; start from templates in the window's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.handover_records import Scenario
from golive_desk.domain.models import Changes
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover.autosave import AutoSave, Job
from golive_desk.ui.handover.record_fields import RecordFields, editor_text, set_editor_text
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error

_FIELDS = ("title", "actions", "contacts", "escalation")
_ID = Qt.ItemDataRole.UserRole


def template_language(window_language: str) -> str:
    """The templates' language for the window's ("zh_CN" or "en")."""
    return "zh_CN" if window_language.startswith("zh") else "en_US"


class EmergencyStep(HandoverStep):
    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("5. Emergency plan"))
        self.setSubTitle(self.tr(
            "What the customer does when things go wrong after the consultant has left: for "
            "each scenario the actions, whom to call and when to escalate."))
        self.scenarios: dict[str, Scenario] = {}
        self._current: str | None = None
        self._pending: dict[str, dict[str, str]] = {}
        self._filling = False
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.templates_button = QPushButton(self.tr("Start from templates"))
        self.templates_button.setToolTip(self.tr(
            "Adds the usual scenarios (system down, month-end close blocked, data error, key "
            "user absent, …) that the plan does not have yet; edit them after."))
        self.templates_button.clicked.connect(self.add_templates)
        self.add_button = QPushButton(self.tr("Add scenario"))
        self.add_button.clicked.connect(self.add_scenario)
        self.delete_button = QPushButton(self.tr("Delete scenario"))
        self.delete_button.clicked.connect(self.delete_scenario)
        for button in (self.templates_button, self.add_button, self.delete_button):
            # Enter and the blue look stay with the wizard's Next, even after a click here.
            button.setAutoDefault(False)
        buttons.addWidget(self.templates_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda cur, _prev: self._chosen(cur))
        split.addWidget(self.list)
        editor = QWidget()
        form = QFormLayout(editor)
        form.setContentsMargins(8, 0, 0, 0)
        # Not ``self.title``/``self.actions``: QWizardPage has methods of those names.
        self.title_edit = QLineEdit()
        self.actions_edit = QPlainTextEdit()
        self.contacts_edit = QPlainTextEdit()
        self.contacts_edit.setFixedHeight(64)
        self.escalation_edit = QPlainTextEdit()
        self.escalation_edit.setFixedHeight(64)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {
            "title": self.title_edit, "actions": self.actions_edit,
            "contacts": self.contacts_edit, "escalation": self.escalation_edit}
        self.title_error, self.error = field_error(), field_error()
        form.addRow(self.tr("Scenario"), self.title_edit)
        form.addRow("", self.title_error)
        form.addRow(self.tr("Actions"), self.actions_edit)
        form.addRow(self.tr("Contacts"), self.contacts_edit)
        form.addRow(self.tr("Escalation"), self.escalation_edit)
        form.addRow(self.error)
        for field_editor in self.editors.values():
            field_editor.textChanged.connect(self._edited)
        split.addWidget(editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([260, 640])
        layout.addWidget(split, 1)
        self.empty_error = field_error()
        layout.addWidget(self.empty_error)
        self.saver = AutoSave(ctx.runner, self._build, self._apply, self._failed, self)
        self._show(None)

    # -- reading -------------------------------------------------------------------
    def load(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        self.read_then(lambda: handover.scenarios(code), self._show_read)

    def _show_read(self, read: list[Scenario]) -> None:
        self.scenarios = {s.id: s for s in read}
        self._show_list()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("emergency_scenario") and not self.saver.busy \
                and not self.saver.dirty:
            self.load()

    def _show_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for scenario in sorted(self.scenarios.values(), key=lambda s: (s.position, s.title)):
            item = QListWidgetItem(scenario.title)
            item.setData(_ID, scenario.id)
            self.list.addItem(item)
            if scenario.id == self._current:
                chosen = item
        if chosen is None and self.list.count():
            chosen = self.list.item(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        self._show(str(chosen.data(_ID)) if chosen is not None else None)
        show_error(self.empty_error, "")

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._show(str(item.data(_ID)))

    def _show(self, scenario_id: str | None) -> None:
        self._current = scenario_id
        scenario = self.scenarios.get(scenario_id) if scenario_id else None
        pending = self._pending.get(scenario_id, {}) if scenario_id else {}
        self._filling = True
        for name in _FIELDS:
            widget = self.editors[name]
            text = pending.get(name, getattr(scenario, name) if scenario else "")
            if editor_text(widget) != text:
                set_editor_text(widget, text)
            widget.setEnabled(scenario is not None)
        self._filling = False
        self.delete_button.setEnabled(scenario is not None)
        show_error(self.title_error, "", self.title_edit)

    # -- writing -------------------------------------------------------------------
    def _edited(self) -> None:
        if self._filling or self._current is None:
            return
        values = {name: editor_text(self.editors[name]) for name in _FIELDS}
        if not values["title"].strip():
            show_error(self.title_error, self.tr("A scenario needs its title."), self.title_edit)
            return
        show_error(self.title_error, "", self.title_edit)
        self._pending[self._current] = values
        item = self.list.currentItem()
        if item is not None:
            item.setText(values["title"])
        self.saver.mark()

    def _build(self) -> Job | None:
        work = [(self.scenarios[i], v) for i, v in self._pending.items() if i in self.scenarios]
        self._pending.clear()
        if not work:
            return None
        handover = self.ctx.services.handover

        def job() -> tuple[list[Scenario], Changes]:
            saved = [handover.update_scenario(s, v) for s, v in work]
            return saved, Changes(frozenset({"emergency_scenario"}),
                                  frozenset(s.id for s in saved))

        return job

    def _apply(self, result: tuple[list[Scenario], Any]) -> None:
        for scenario in result[0]:
            self.scenarios[scenario.id] = scenario

    def _failed(self, error: GoLiveError) -> None:
        show_error(self.error, describe(error))

    def leave(self) -> None:
        super().leave()
        self.saver.flush()

    def _after_saves(self, job: Job, then: Any) -> None:
        """Run ``job`` once the pending edits are saved (they name the versions read)."""
        self.saver.when_saved(lambda: self.ctx.runner.run(job, then, self._failed))

    def add_templates(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        language = template_language(self.ctx.language())

        def job() -> tuple[list[Scenario], Changes]:
            found = handover.add_templates(code, language)
            return found, Changes(frozenset({"emergency_scenario"}),
                                  frozenset(s.id for s in found))

        self._after_saves(job, lambda _r: self.load())

    def add_scenario(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        title = self.tr("New scenario")

        def job() -> tuple[Scenario, Changes]:
            made = handover.add_scenario(code, {"title": title})
            return made, Changes.of("emergency_scenario", made.id)

        def done(result: tuple[Scenario, Changes]) -> None:
            self._current = result[0].id
            self.load()
            self.title_edit.selectAll()
            self.title_edit.setFocus()

        self._after_saves(job, done)

    def delete_scenario(self) -> None:
        scenario = self.scenarios.get(self._current) if self._current else None
        if scenario is None:
            return
        if not self.ctx.prompter.confirm(self, self.tr("Delete scenario"), self.tr(
                "Delete this scenario of the emergency plan?")):
            return
        self._pending.pop(scenario.id, None)
        handover, scenario_id = self.ctx.services.handover, scenario.id

        def done(_changes: Changes) -> None:
            self._current = None
            self.load()

        self._after_saves(lambda: handover.delete_scenario(scenario_id), done)

    def check(self) -> bool:
        if not self.scenarios:
            show_error(self.empty_error, self.tr(
                "The plan has no scenario yet: start from the templates or add one."))
            return False
        return True
