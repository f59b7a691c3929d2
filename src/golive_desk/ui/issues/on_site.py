"""Who was on site the day an issue was reported: a quiet line under 提出时间.

Read on the worker (``CalendarService.on_site``); a newer day asked for while
a read is out wins, so the line never shows an earlier day's people.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from golive_desk.domain.errors import GoLiveError
from golive_desk.ui.context import UiContext


class OnSiteNote(QLabel):
    """"On site: 张伟, 李娜" / "Nobody on site" for a project and a day."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fieldHint")
        self.setWordWrap(True)
        self._asked: tuple[str, date] | None = None
        self.hide()

    def show_day(self, project: str | None, day: date | None) -> None:
        """Show who was on site for ``project`` on ``day`` (nothing without either)."""
        if project is None or day is None:
            self._asked = None
            self.hide()
            return
        if self._asked == (project, day):
            return
        self._asked = asked = (project, day)
        calendar = self.ctx.services.calendar
        self.ctx.runner.run(lambda: calendar.on_site(project, day),
                            lambda names: self._arrived(asked, names), self._failed)

    def refresh(self) -> None:
        """Read the shown day again (the schedule changed)."""
        asked, self._asked = self._asked, None
        if asked is not None:
            self.show_day(*asked)

    def _arrived(self, asked: tuple[str, date], names: list[str]) -> None:
        if asked != self._asked:
            return  # a later day was asked for meanwhile
        if names:
            self.setText(self.tr("On site: %1").replace("%1", self.tr(", ").join(names)))
        else:
            self.setText(self.tr("Nobody on site"))
        self.setToolTip(self.tr("From the support calendar: who was on site for this "
                                "project on the day the issue was reported"))
        self.show()

    def _failed(self, _err: GoLiveError) -> None:
        self._asked = None  # a project gone meanwhile: say nothing rather than something wrong
        self.hide()
