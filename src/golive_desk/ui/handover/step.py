"""What every page of the handover wizard shares: the context, the project, the
record's editors, a message line beside a field, and saving on leave."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
        self._reads = 0  # the newest read's number: an older answer is dropped
        # False until the page's first read is shown: its checks (and Next) wait for it,
        # so nothing is judged, or saved, from a page still empty.
        self.loaded = False

    @property
    def project(self) -> Project:
        return self.fields.project

    @property
    def code(self) -> str:
        return self.fields.project.code

    def initializePage(self) -> None:
        self.load()

    def load(self) -> None:
        """Read (on the worker, :meth:`read_then`) and show what the page is about."""

    def read_then(self, read: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """Run ``read`` on the worker (the store is never read on the GUI thread) and
        ``show`` its result, unless a newer read was asked for meanwhile."""
        self._reads += 1
        number = self._reads

        def shown(result: Any) -> None:
            if number == self._reads:
                show(result)
                self.loaded = True

        self.ctx.runner.run(read, shown)

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
        if not self.loaded or not self.check():
            return False
        self.leave()
        return True
