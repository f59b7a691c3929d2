"""The Handover page: the project's handover state, readiness at a glance, the
wizard (start or resume), the printed document, and the maintenance notes as
their own tab — the customer's first-line knowledge base after the handover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.handover import Criterion, ReadinessThresholds
from golive_desk.domain.handover_records import HandoverRecord, HandoverState
from golive_desk.domain.models import Changes, Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover import texts
from golive_desk.ui.handover.notes import NotesEditor
from golive_desk.ui.handover.readiness import CriteriaList
from golive_desk.ui.handover.resume import last_page
from golive_desk.ui.handover.thresholds_dialog import ThresholdsDialog
from golive_desk.ui.handover.wizard import HandoverWizard
from golive_desk.ui.pages.base import Page

if TYPE_CHECKING:
    from golive_desk.ui.printing.preview_dialog import PrintPreviewDialog

# What the page shows refreshes when one of these is written.
_WATCHED = ("project", "issue", "timeline_entry", "milestone", "support_slot", "person",
            "membership", "emergency_scenario", "maintenance_note")


@dataclass(frozen=True, slots=True)
class HandoverView:
    """What the page reads of a project (on the worker)."""

    code: str
    state: HandoverState
    accepted_on: date | None
    criteria: tuple[Criterion, ...]
    untransferred: int
    exit_date: date | None


def read_view(ctx: UiContext, code: str) -> HandoverView:
    handover = ctx.services.handover
    status = handover.status(code)
    accepted = date.fromisoformat(status.accepted_at) if status.accepted_at else None
    return HandoverView(code, HandoverState(status.state), accepted, status.readiness,
                        len(status.untransferred), status.exit_date)


class HandoverPage(Page):
    wizard_opened = Signal(object)  # HandoverWizard
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.project: Project | None = None
        self.view: HandoverView | None = None
        self.wizard: HandoverWizard | None = None
        self._generation = 0
        self._watching = False
        self._opening = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Handover"))
        heading.setObjectName("pageHeading")
        top.addWidget(heading)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("Print handover document…"))
        self.print_button.clicked.connect(self.print_document)
        self.wizard_button = QPushButton(self.tr("Start the handover wizard"))
        self.wizard_button.setObjectName("primary")
        self.wizard_button.clicked.connect(self.open_wizard)
        self.thresholds_button = QPushButton(self.tr("Exit thresholds…"))
        self.thresholds_button.setToolTip(self.tr(
            "What each exit criterion must reach for this project"))
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        top.addWidget(self.thresholds_button)
        top.addWidget(self.print_button)
        top.addWidget(self.wizard_button)
        outer.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._status_tab(), self.tr("Handover status"))
        self.notes = NotesEditor(ctx)
        notes_tab = QWidget()
        notes_layout = QVBoxLayout(notes_tab)
        intro = QLabel(self.tr(
            "The maintenance notes: symptom, cause and solution of known problems, by module "
            "— what the key users and internal support look up first."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        notes_layout.addWidget(intro)
        notes_layout.addWidget(self.notes, 1)
        self.tabs.addTab(notes_tab, self.tr("Maintenance notes"))
        self.tabs.currentChanged.connect(self._tab_changed)
        outer.addWidget(self.tabs, 1)

    def _status_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        self.state = QLabel()
        self.state.setObjectName("sectionHeading")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.readiness = QLabel()
        self.readiness.setObjectName("cardValue")
        for widget in (self.state, self.readiness, self.facts):
            card_layout.addWidget(widget)
        layout.addWidget(card)
        self.criteria = CriteriaList()
        self.criteria.setObjectName("card")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.criteria)
        layout.addWidget(scroll, 1)
        return tab

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watching:
            # The wizard is a window of its own: when the main window closes (quit, a
            # language switch), what was typed since the last save goes to the store.
            self.window().installEventFilter(self)
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self.wizard is not None:
            self.wizard.save_all()
        return super().eventFilter(watched, event)

    # -- Page ------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        if self.wizard is not None and (project is None or project.id != self.project_id()):
            self.wizard.close()
        self.project = project
        if self.tabs.currentIndex() == 1:
            self.notes.set_project(project)
        self.reload()

    def project_id(self) -> str | None:
        return self.project.id if self.project is not None else None

    def apply_changes(self, changes: Changes) -> None:
        if self.wizard is not None:
            self.wizard.apply_changes(changes)
        if any(changes.touches(e) for e in _WATCHED):
            self.reload()
            if self.tabs.currentIndex() == 1:
                self.notes.apply_changes(changes)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.notes.project is not self.project:
            self.notes.set_project(self.project)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        project = self.project
        if project is None:
            self._show(None)
            return
        ctx = self._ctx
        self._ctx.runner.run(lambda: read_view(ctx, project.code),
                             lambda view: self._shown(generation, view))

    def _shown(self, generation: int, view: HandoverView) -> None:
        if generation == self._generation:
            self._show(view)

    def _show(self, view: HandoverView | None) -> None:
        self.view = view
        has = view is not None
        self.wizard_button.setEnabled(has)
        self.print_button.setEnabled(has)
        self.thresholds_button.setEnabled(has)
        if view is None:
            self.state.setText(self.tr("No project"))
            self.readiness.setText("")
            self.facts.setText("")
            self.criteria.show_criteria([])
            return
        self.state.setText(texts.state_text(view.state, view.accepted_on))
        colour = {HandoverState.HANDED_OVER: "#2e7d32", HandoverState.IN_PROGRESS: "#1f5fd1"}
        self.state.setStyleSheet(f"color: {colour.get(view.state, '#1b2a44')};")
        met = sum(1 for c in view.criteria if c.ok)
        self.readiness.setText(texts.fill(self.tr("%1 of %2 exit criteria met"), met,
                                          len(view.criteria)))
        facts = [texts.fill(self.tr("Open issues neither transferred nor closed: %1"),
                            view.untransferred)]
        if view.exit_date is not None:
            facts.append(texts.fill(self.tr("Consultant leaves the site on %1"),
                                    view.exit_date.isoformat()))
        self.facts.setText(self.tr("; ").join(facts))
        self.criteria.show_criteria(view.criteria)
        if view.state is HandoverState.HANDED_OVER:
            self.wizard_button.setText(self.tr("Open the handover wizard"))
            self.print_button.setText(self.tr("Reprint handover document…"))
        else:
            started = view.state is HandoverState.IN_PROGRESS or (
                self.project is not None and last_page(self._ctx, self.project.id) > 0)
            self.wizard_button.setText(self.tr("Resume the handover wizard") if started
                                       else self.tr("Start the handover wizard"))
            self.print_button.setText(self.tr("Print handover document…"))

    # -- actions ---------------------------------------------------------------------
    def open_wizard(self) -> HandoverWizard | None:
        """Show the wizard of the project, on the page it was left on: at once when it is
        open, else once its record is read (on the worker; :attr:`wizard_opened`)."""
        project = self.project
        if project is None:
            return None
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        if not self._opening:
            self._opening = True
            handover = self._ctx.services.handover
            self._ctx.runner.run(lambda: handover.record(project.code),
                                 lambda record: self._show_wizard(project, record),
                                 self._open_failed)
        return None

    def _show_wizard(self, project: Project, record: HandoverRecord) -> None:
        self._opening = False
        if self.project is None or self.project.id != project.id or self.wizard is not None:
            return
        wizard = HandoverWizard(self._ctx, project, record, self)
        self.wizard = wizard
        wizard.closed.connect(lambda: self._wizard_closed(wizard))
        wizard.show()
        wizard.resume()
        self.wizard_opened.emit(wizard)

    def _open_failed(self, error: GoLiveError) -> None:
        self._opening = False
        self._ctx.prompter.error(self, self.tr("Handover"), describe(error))

    def edit_thresholds(self) -> None:
        """Read the project's thresholds (worker), edit them in the dialog, save them."""
        project = self.project
        if project is None:
            return
        handover = self._ctx.services.handover
        self._ctx.runner.run(lambda: handover.record(project.code).thresholds,
                             lambda current: self._ask_thresholds(project.code, current))

    def _ask_thresholds(self, code: str, current: ReadinessThresholds) -> None:
        answer = ThresholdsDialog(current, self).ask()
        if answer is not None and answer != current:
            self.save_thresholds(code, answer)

    def save_thresholds(self, code: str, thresholds: ReadinessThresholds) -> None:
        """Save (worker); the readiness shown is counted again with them."""
        handover = self._ctx.services.handover
        self._ctx.runner.run(lambda: handover.set_thresholds(code, thresholds),
                             lambda _changes: self.reload())

    def _wizard_closed(self, wizard: HandoverWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None
            wizard.deleteLater()
            self.reload()

    def print_document(self) -> PrintPreviewDialog | None:
        """Preview and print the handover document (before and after the sign-off)."""
        if self.project is None:
            return None
        from golive_desk.ui.printing import print_handover

        if self.wizard is not None:
            self.wizard.save_all()  # the preview reads the store: what is typed goes first
        return print_handover(self._ctx, self, self.project.code)
