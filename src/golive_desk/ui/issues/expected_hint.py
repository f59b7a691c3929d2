"""A new issue's expected-by field shows the date the SLA policy will give it.

The service sets the date on save when none is typed; showing it as the
field's placeholder beforehand tells the user what they will get (and that
typing a date overrides it). Read on the worker; only the last question asked
is answered.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QObject

from golive_desk.domain.errors import GoLiveError
from golive_desk.ui.context import UiContext
from golive_desk.ui.issues.fields import DATE_FORMAT, DateField


class ExpectedByHint(QObject):
    """Keeps ``field``'s placeholder at the policy's date for a new issue."""

    def __init__(self, ctx: UiContext, field: DateField) -> None:
        super().__init__(field)
        self.ctx = ctx
        self.field = field
        self._asked: tuple[str, str, datetime] | None = None
        self.shown: date | None = None

    def show_for(self, project: str | None, severity: str | None,
                 reported: datetime | None) -> None:
        """The policy's date for these values; ``None`` anywhere: the plain notation."""
        if project is None or severity is None or reported is None:
            self._asked = None
            self._set(None)
            return
        asked = (project, severity, reported)
        if asked == self._asked:
            return
        self._asked = asked
        issues = self.ctx.services.issues
        self.ctx.runner.run(lambda: issues.default_expected_by(project, severity, reported),
                            lambda day: self._arrived(asked, day), self._failed)

    def _arrived(self, asked: tuple[str, str, datetime], day: date) -> None:
        if asked == self._asked:
            self._set(day)

    def _failed(self, _err: GoLiveError) -> None:
        self._set(None)

    def _set(self, day: date | None) -> None:
        self.shown = day
        if day is None:
            self.field.edit.setPlaceholderText(DATE_FORMAT)
            self.field.edit.setToolTip("")
            return
        self.field.edit.setPlaceholderText(
            self.tr("%1 (by the SLA)").replace("%1", day.isoformat()))
        self.field.edit.setToolTip(self.tr(
            "Left empty, the issue is expected by the day its SLA resolution target runs "
            "out; type a date to set another."))
