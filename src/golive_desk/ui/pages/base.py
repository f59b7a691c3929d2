"""What the main window expects of a page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from golive_desk.domain.models import Changes, Project


class Page(QWidget):
    """A page of the navigation bar. Override what the page needs."""

    def set_project(self, project: Project | None) -> None:
        """The project switcher chose ``project`` (None: the store has none)."""

    def apply_changes(self, changes: Changes) -> None:
        """Something was written; refresh if ``changes`` touches what is shown."""

    def badge(self) -> int:
        """A count shown beside the page's name (e.g. open conflicts); 0 for none."""
        return 0
