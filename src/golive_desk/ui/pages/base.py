"""What the main window expects of a page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from golive_desk.domain.models import Changes, Project
from golive_desk.services.start_view import StartView


class Page(QWidget):
    """A page of the navigation bar. Override what the page needs."""

    def set_project(self, project: Project | None) -> None:
        """The project switcher chose ``project`` (None: the store has none)."""

    def show_start(self, view: StartView) -> None:
        """The start-up's read, shown before the store is open (and ``set_project`` follows).

        Only the start page is given it; its reads start once the store is open.
        """

    def apply_changes(self, changes: Changes) -> None:
        """Something was written; refresh if ``changes`` touches what is shown."""

    def badge(self) -> int:
        """A count shown beside the page's name (e.g. open conflicts); 0 for none."""
        return 0

    def has_content(self) -> bool:
        """Whether what the page read for the current project is on screen (the start-up
        probe, ``app._quit_when_shown``, waits for it). Pages that read override it."""
        return True


def description_label(text: str, *, max_width: int = 520) -> QLabel:
    """A page's wrapped description that is never clipped.

    A word-wrapped label's size hint is one guess at a width; placed with an
    alignment in a box layout it gets that hint's height whatever width it
    ends up with, and the last lines are cut off. A minimum-height policy with
    height-for-width makes the layout ask the label how tall it is at the
    width it actually gets.
    """
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMaximumWidth(max_width)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label
