"""A page whose feature is not built yet: says so plainly, with what it will do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from golive_desk.ui.icons import icon
from golive_desk.ui.pages.base import Page, description_label


class ComingPage(Page):
    def __init__(self, icon_name: str, title: str, description: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(72, 72))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("pageHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = self.description = description_label(description)
        text.setObjectName("muted")
        coming = QLabel(self.tr("Coming in a later release"))
        coming.setAlignment(Qt.AlignmentFlag.AlignCenter)
        coming.setObjectName("pill")
        for widget in (picture, heading):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        # No alignment flag: an aligned item gets its size hint, not its height for
        # the width (the label centres its own lines and caps its width).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text, 100)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(coming, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
