"""What every page of the handover wizard shares: the context, the project, the
record's editors, a message line beside a field, and saving on leave."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from golive_desk.domain.models import Changes, Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.handover.record_fields import RecordFields


def field_error() -> QLabel:
    """The red message line shown under a field when its check fails."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str, field: QWidget | None = None) -> None:
    """``text`` under the field (empty: clear it); the field's border turns red."""
    label.setText(text)
    label.setVisible(bool(text))
    if field is not None:
        field.setProperty("invalid", bool(text))
        style = field.style()
        style.unpolish(field)
        style.polish(field)


class HandoverStep(QWizardPage):
    """A wizard page; ``load`` reads what it shows, ``leave`` saves what is pending."""

    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fields = fields
        # Set while the wizard walks to the page it was left on: no checks then.
        self.resuming = False

    @property
    def project(self) -> Project:
        return self.fields.project

    @property
    def code(self) -> str:
        return self.fields.project.code

    def initializePage(self) -> None:
        self.load()

    def load(self) -> None:
        """Read and show what the page is about (small reads: on the GUI thread)."""

    def leave(self) -> None:
        """Save what is pending: the wizard calls it on every page change and on close."""
        self.fields.saver.flush()

    def apply_changes(self, changes: Changes) -> None:
        """Something was written elsewhere; refresh lists that show it."""

    def check(self) -> bool:
        """The page's own checks on Next; messages go beside the fields."""
        return True

    def validatePage(self) -> bool:
        if self.resuming:
            return True
        if not self.check():
            return False
        self.leave()
        return True
