"""The coverage warnings beside the grid; a click jumps to the warning's day."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from golive_desk.domain.support_calendar import CoverageWarning
from golive_desk.ui.calendar import texts

_WARNING = QColor("#b42318")
_NOTICE = QColor("#5f6b80")


class WarningsPanel(QWidget):
    day_chosen = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarWarnings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading = QLabel(self.tr("Coverage"))
        self.heading.setObjectName("sectionHeading")
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("statusList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._warnings: list[CoverageWarning] = []

    def set_warnings(self, warnings: Sequence[CoverageWarning]) -> None:
        self._warnings = list(warnings)
        self.list.clear()
        locale = self.locale()
        for item in self._warnings:
            notice = texts.is_notice(item)
            row = QListWidgetItem(f"{'○' if notice else '●'} "
                                  f"{texts.day_text(locale, item.day)}\n{texts.warning(item)}")
            row.setForeground(_NOTICE if notice else _WARNING)
            row.setData(Qt.ItemDataRole.UserRole, item.day)
            row.setToolTip(texts.warning(item))
            self.list.addItem(row)
        errors = sum(1 for w in self._warnings if not texts.is_notice(w))
        notices = len(self._warnings) - errors
        if not self._warnings:
            self.summary.setText(self.tr("Every rule is met on the days shown."))
        else:
            self.summary.setText(self.tr("%1 warnings, %2 notices")
                                 .replace("%1", str(errors)).replace("%2", str(notices)))

    def warnings(self) -> list[CoverageWarning]:
        return list(self._warnings)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.day_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
