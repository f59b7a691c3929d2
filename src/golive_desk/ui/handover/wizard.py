"""The handover wizard (交接向导): seven pages, saved as you go, resumed where left.

Non-modal beside the main window (an issue opened from page 2 shows in the
register's form). Every page change is written to the settings, so closing it
— or a crash — resumes on the same page; every edit is saved through the
services (on a pause in typing, on leaving a page, on close).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from golive_desk.domain.handover_records import HandoverRecord
from golive_desk.domain.models import Changes, Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.handover.contacts import ContactsStep
from golive_desk.ui.handover.emergency import EmergencyStep
from golive_desk.ui.handover.exit_summary import ExitSummaryStep
from golive_desk.ui.handover.notes import NotesStep
from golive_desk.ui.handover.open_issues import OpenIssuesStep
from golive_desk.ui.handover.readiness import ReadinessStep
from golive_desk.ui.handover.record_fields import RecordFields
from golive_desk.ui.handover.resume import last_page, remember_page
from golive_desk.ui.handover.sign_off import SignOffStep
from golive_desk.ui.handover.step import HandoverStep


class HandoverWizard(QWizard):
    """The wizard of one project; ``closed`` once it is closed (after saving)."""

    closed = Signal()
    signed = Signal()

    def __init__(self, ctx: UiContext, project: Project, record: HandoverRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.project = project
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Handover – %1").replace("%1", project.name))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Done"))
        self.resize(1060, 760)
        self.fields = RecordFields(ctx, project, record, self)
        self.steps: list[HandoverStep] = [
            ReadinessStep(ctx, self.fields), OpenIssuesStep(ctx, self.fields),
            NotesStep(ctx, self.fields), ContactsStep(ctx, self.fields),
            EmergencyStep(ctx, self.fields), ExitSummaryStep(ctx, self.fields),
        ]
        self.sign_off = SignOffStep(ctx, self.fields)
        self.sign_off.signed.connect(self.signed)
        self.steps.append(self.sign_off)
        for n, step in enumerate(self.steps):
            self.setPage(n, step)
        self._shown = -1
        # Read before the wizard is shown: showing it starts on page 0 and records that.
        self.resume_page = min(last_page(ctx, project.id), len(self.steps) - 1)
        self.currentIdChanged.connect(self._page_changed)

    def resume(self) -> None:
        """Walk to the page the wizard was left on (no checks on the way)."""
        wanted = self.resume_page
        for step in self.steps:
            step.resuming = True
        try:
            while self.currentId() < wanted and self.currentId() >= 0:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            for step in self.steps:
                step.resuming = False

    def _page_changed(self, page: int) -> None:
        previous = self.steps[self._shown] if 0 <= self._shown < len(self.steps) else None
        if previous is not None:
            previous.leave()
        self._shown = page
        if page >= 0:
            remember_page(self._ctx, self.project.id, page)

    def current_step(self) -> HandoverStep | None:
        page = self.currentId()
        return self.steps[page] if 0 <= page < len(self.steps) else None

    def apply_changes(self, changes: Changes) -> None:
        """Written elsewhere (the issue form, a sync): the page shown follows."""
        step = self.current_step()
        if step is not None:
            step.apply_changes(changes)

    def save_all(self) -> None:
        for step in self.steps:
            step.leave()

    def done(self, result: int) -> None:
        self.save_all()
        super().done(result)
        self.closed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_all()
        super().closeEvent(event)
