"""The Overview's support card: who supports the project today and on each day of this week.

The slots are read with the page's figures (one runner task); the words and the
mode colours are the calendar page's (``ui.calendar.texts``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from golive_desk.ui.calendar import texts
from golive_desk.ui.rich_text import escape

if TYPE_CHECKING:  # the calendar's domain: imported after the first paint
    from golive_desk.domain.support_calendar import Slot


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _entry(slot: Slot) -> str:
    color = texts.MODE_COLORS[slot.mode].name()
    return (f'<span style="color:{color}">●</span> {escape(slot.person_name)} · '
            f'<span style="color:{color}">{escape(texts.mode(slot.mode))}</span> · '
            f"{escape(texts.half(slot.half))}")


class SupportCard(QWidget):
    """Today's slots, then the week's Monday to Sunday; a link into the calendar."""

    calendar_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.today_label = QLabel()
        self.today_label.setWordWrap(True)
        layout.addWidget(self.today_label)
        self.empty = QLabel(self.tr("No support scheduled this week"))
        self.empty.setObjectName("muted")
        layout.addWidget(self.empty)
        self._week = QGridLayout()
        self._week.setHorizontalSpacing(10)
        self._week.setVerticalSpacing(3)
        layout.addLayout(self._week)
        layout.addStretch(1)
        words = self.tr("Open calendar")  # lupdate does not read tr() inside an f-string
        self.link = QLabel(f'<a href="calendar">{escape(words)}</a>')
        self.link.linkActivated.connect(lambda _href: self.calendar_requested.emit())
        self.link.setToolTip(self.tr("Show the support calendar"))
        self._week_labels: list[QLabel] = []
        self.show_reading()

    def show_reading(self) -> None:
        """Not read yet (the window's start paints before the store is open): say so,
        rather than "nobody scheduled"."""
        self.today_label.setText("<b>" + escape(self.tr("Today")) + "</b> "
                                 + escape(self.tr("reading the schedule…")))
        self.empty.hide()
        self._clear_week()

    def _clear_week(self) -> None:
        while self._week.count():
            item = self._week.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._week_labels = []

    def show_slots(self, slots: list[Slot], today: date) -> None:
        locale = QLocale()
        monday, sunday = week_of(today)
        todays = [s for s in slots if s.covers(today)]
        heading = "<b>" + escape(self.tr("Today")) + "</b>"
        if todays:
            self.today_label.setText(heading + "<br>" + "<br>".join(_entry(s) for s in todays))
        else:
            self.today_label.setText(heading + " " + escape(self.tr("nobody scheduled")))
        self._clear_week()
        week = [s for s in slots if s.start <= sunday and s.end >= monday]
        self.empty.setVisible(not week)
        if not week:
            return
        for row in range(7):
            day = monday + timedelta(days=row)
            on_day = [s for s in week if s.covers(day)]
            head = QLabel(texts.weekday_day(locale, day))  # 周一 11月30日, not 一 11月30日
            head.setObjectName("muted")
            body = QLabel("<br>".join(_entry(s) for s in on_day) if on_day else "–")
            body.setWordWrap(True)
            if day == today:  # the row of today stands out, as the Today line above says
                head.setStyleSheet(f"color: {texts.TODAY.name()}; font-weight: 700;")
                body.setStyleSheet("font-weight: 700;")
            self._week.addWidget(head, row, 0)
            self._week.addWidget(body, row, 1)
            self._week_labels.append(body)

    def day_heads(self) -> list[str]:
        """The week's day labels, Monday first (for tests)."""
        heads = []
        for row in range(self._week.rowCount()):
            item = self._week.itemAtPosition(row, 0)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                heads.append(label.text())
        return heads

    def lines(self) -> list[str]:
        """What the card says (for tests): today's line, then each day's."""
        return [self.today_label.text(), *(label.text() for label in self._week_labels)]
