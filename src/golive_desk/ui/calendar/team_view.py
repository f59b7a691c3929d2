"""The team: people as rows, the month's days as columns, every customer at once.

For the PM: each cell is coloured by mode (the top half the morning, the bottom
half the afternoon) and names the project; a person on site for two customers
at once is outlined in red. The rows are those the printed schedule of the
project lists (its team, scheduled or not), then everyone else scheduled this
month; the last column is each person's on-site days for that project, counted
as the printed schedule counts them (a half day 0.5); the tooltip adds every
customer's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from golive_desk.domain.support_calendar import Half, Slot
from golive_desk.domain.workdays import DayKind
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.data import CalendarData
from golive_desk.ui.calendar.layout import days_of

NAME_WIDTH = 150
LOAD_WIDTH = 64
HEADER = 46
ROW = 34


class TeamGrid(QWidget):
    day_selected = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = CalendarData(date.today(), date.today())
        self.today = date.today()
        self.selected_day: date | None = None
        self.current_project = ""
        self._cells: dict[tuple[str, date], list[Slot]] = {}
        self.setMinimumWidth(NAME_WIDTH + LOAD_WIDTH + 31 * 22)

    def set_data(self, data: CalendarData) -> None:
        self.data = data
        cells: dict[tuple[str, date], list[Slot]] = defaultdict(list)
        for slot in data.slots:
            for day in slot.days():
                if data.start <= day <= data.end:
                    cells[slot.person_id, day].append(slot)
        self._cells = dict(cells)
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(NAME_WIDTH + LOAD_WIDTH + 31 * 36, HEADER + max(1, len(self.data.people))
                     * ROW + 2)

    def days(self) -> list[date]:
        return list(days_of(self.data.start, self.data.end))

    # -- geometry ------------------------------------------------------------------------
    def _column_width(self) -> float:
        return (self.width() - NAME_WIDTH - LOAD_WIDTH - 1) / max(1, len(self.days()))

    def cell_rect(self, person_id: str, day: date) -> QRectF | None:
        rows = [p for p, _n in self.data.people]
        if person_id not in rows or not self.data.start <= day <= self.data.end:
            return None
        width = self._column_width()
        x = NAME_WIDTH + (day - self.data.start).days * width
        return QRectF(x, HEADER + rows.index(person_id) * ROW, width, ROW)

    def day_at(self, pos: QPointF) -> date | None:
        if pos.x() < NAME_WIDTH:
            return None
        col = int((pos.x() - NAME_WIDTH) / self._column_width())
        day = self.data.start + timedelta(days=col)
        return day if day <= self.data.end else None

    def is_clash(self, person_id: str, day: date) -> bool:
        return (person_id, day) in self.data.clashes

    def total_text(self, person_id: str) -> str:
        """The last column of ``person_id``'s row: "9.5 d", "0 d"."""
        return self.tr("%1 d").replace("%1", _number(self.data.onsite.get(person_id, 0.0)))

    def total_tooltip(self, person_id: str | None) -> str:
        """What the last column counts (the header), with every customer's (a row)."""
        project = self.data.onsite_project
        about = self.tr("Days on site for %1 this month, as the printed schedule counts "
                        "them: a half day counts 0.5.").replace("%1", project)
        if person_id is None:
            return about
        every = self.data.onsite_all.get(person_id, 0.0)
        if every == self.data.onsite.get(person_id, 0.0):
            return about
        words = self.tr("On site for every customer: %1 d").replace("%1", _number(every))
        return f"{about}\n{words}"

    def _row_at(self, pos: QPointF) -> str | None:
        row = int((pos.y() - HEADER) // ROW)
        return self.data.people[row][0] if pos.y() >= HEADER and row < len(
            self.data.people) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = QPointF(event.pos())
            if pos.x() >= self.width() - LOAD_WIDTH:
                QToolTip.showText(event.globalPos(), self.total_tooltip(self._row_at(pos)),
                                  self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None:
            self.selected_day = day
            self.day_selected.emit(day)
            self.update()

    # -- painting ------------------------------------------------------------------------
    # The days, the column width, each day's fill and the fonts are worked out once a
    # paint, not once a cell: 20 people × 31 days took 30 ms with them per cell.
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        days = self.days()
        width = self._column_width()
        self._paint_header(painter, days, width)
        kinds = [self.data.holidays.day_kind(day) for day in days]
        fills = [texts.SELECTED_FILL if day == self.selected_day else _FILLS.get(kind, _WHITE)
                 for day, kind in zip(days, kinds, strict=True)]
        name_font = QFont(self.font())
        name_font.setPixelSize(13)
        code_font = QFont(self.font())
        code_font.setPixelSize(9)
        style = _RowStyle(days, width, fills, name_font, QFontMetrics(name_font), code_font,
                          self.tr("%1 d"))
        for row, (person_id, name) in enumerate(self.data.people):
            self._paint_row(painter, row, person_id, name, style)
        self._paint_columns(painter, style, HEADER + len(self.data.people) * ROW)
        painter.end()

    @staticmethod
    def _paint_columns(painter: QPainter, style: _RowStyle, bottom: float) -> None:
        """The day columns' lines, once for every row (not once a cell)."""
        painter.setPen(QPen(texts.GRID, 1))
        for col in range(len(style.days)):
            x = NAME_WIDTH + col * style.width
            painter.drawLine(QPointF(x, HEADER), QPointF(x, bottom))

    def _paint_header(self, painter: QPainter, days: list[date], width: float) -> None:
        painter.fillRect(QRectF(0, 0, self.width(), HEADER), QColor("#eef2f8"))
        names = texts.weekday_names(self.locale())
        bold = QFont(self.font())
        bold.setPixelSize(12)
        bold.setBold(True)
        small = QFont(self.font())
        small.setPixelSize(10)
        painter.setPen(QColor("#33415c"))
        painter.setFont(bold)
        painter.drawText(QRectF(10, 0, NAME_WIDTH - 10, HEADER),
                         int(Qt.AlignmentFlag.AlignVCenter), self.tr("Person"))
        total = QRectF(self.width() - LOAD_WIDTH, 0, LOAD_WIDTH - 6, HEADER)
        painter.drawText(total.adjusted(0, 4, 0, -HEADER / 2),
                         int(Qt.AlignmentFlag.AlignCenter), self.tr("On site"))
        painter.setFont(small)
        painter.drawText(total.adjusted(0, HEADER / 2, 0, -4), int(Qt.AlignmentFlag.AlignCenter),
                         self.tr("%1, days").replace("%1", self.data.onsite_project))
        tags = {DayKind.HOLIDAY: self.tr("Off"), DayKind.ADJUSTED_WORKDAY: self.tr("Work")}
        for col, day in enumerate(days):
            rect = QRectF(NAME_WIDTH + col * width, 0, width, HEADER)
            kind = self.data.holidays.day_kind(day)
            red = kind in (DayKind.HOLIDAY, DayKind.WEEKEND)
            if day == self.today:
                painter.fillRect(rect, texts.TODAY)
            painter.setPen(QColor("#ffffff") if day == self.today else
                           texts.HOLIDAY_INK if red else texts.INK)
            painter.setFont(bold)
            painter.drawText(rect.adjusted(0, 4, 0, -HEADER / 2), int(Qt.AlignmentFlag.AlignCenter),
                             str(day.day))
            painter.setFont(small)
            tag = tags.get(kind, names[day.weekday()])
            if kind is DayKind.ADJUSTED_WORKDAY and day != self.today:
                painter.setPen(texts.ADJUSTED_INK)
            painter.drawText(rect.adjusted(0, HEADER / 2, 0, -4),
                             int(Qt.AlignmentFlag.AlignCenter), tag)

    def _paint_row(self, painter: QPainter, row: int, person_id: str, name: str,
                   style: _RowStyle) -> None:
        top = HEADER + row * ROW
        if row % 2:
            painter.fillRect(QRectF(0, top, NAME_WIDTH, ROW), QColor("#f8fafd"))
        painter.setFont(style.name_font)
        painter.setPen(texts.INK)
        painter.drawText(QRectF(10, top, NAME_WIDTH - 14, ROW),
                         int(Qt.AlignmentFlag.AlignVCenter),
                         style.name_metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                       NAME_WIDTH - 14))
        grid = QPen(texts.GRID, 1)
        for col, day in enumerate(style.days):
            cell = QRectF(NAME_WIDTH + col * style.width, top, style.width, ROW)
            slots = self._cells.get((person_id, day), ())
            if style.fills[col] is not _WHITE:  # (the widget was filled white once)
                painter.fillRect(cell, style.fills[col])
            if slots:
                self._paint_slots(painter, cell, slots, style.code_font)
            if (person_id, day) in self.data.clashes:
                painter.setPen(QPen(texts.CLASH, 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(cell.adjusted(1.5, 1.5, -1.5, -1.5))
        painter.setPen(texts.INK)
        painter.setFont(style.name_font)
        painter.drawText(QRectF(self.width() - LOAD_WIDTH, top, LOAD_WIDTH - 6, ROW),
                         int(Qt.AlignmentFlag.AlignCenter),
                         style.days_text.replace(
                             "%1", _number(self.data.onsite.get(person_id, 0.0))))
        painter.setPen(grid)
        painter.drawLine(QPointF(0, top + ROW), QPointF(self.width(), top + ROW))

    @staticmethod
    def _paint_slots(painter: QPainter, cell: QRectF, slots: Sequence[Slot],
                     font: QFont) -> None:
        """The morning in the top half, the afternoon in the bottom, by mode; the codes."""
        inner = cell.adjusted(2, 3, -2, -3)
        for n, half in enumerate((Half.AM, Half.PM)):
            there = [s for s in slots if s.half is Half.DAY or s.half is half]
            if not there:
                continue
            band = QRectF(inner.left(), inner.top() + n * inner.height() / 2, inner.width(),
                          inner.height() / 2)
            part = band.width() / len(there)
            for k, slot in enumerate(there):
                piece = QRectF(band.left() + k * part, band.top(), part, band.height())
                painter.fillRect(piece, texts.MODE_COLORS[slot.mode])
        if inner.width() >= 22:
            codes = sorted({s.project_code for s in slots})
            painter.setFont(font)
            painter.setPen(_WHITE)
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter),
                             "\n".join(codes[:2]) if len(codes) > 1 else codes[0])


def _number(days: float) -> str:
    return f"{days:g}"  # 9.5, 6, 0


_WHITE = QColor("#ffffff")
_FILLS = {DayKind.HOLIDAY: texts.HOLIDAY_FILL, DayKind.WEEKEND: texts.WEEKEND_FILL,
          DayKind.ADJUSTED_WORKDAY: texts.ADJUSTED_FILL}


@dataclass(frozen=True)
class _RowStyle:
    """What every row of one paint shares."""

    days: list[date]
    width: float
    fills: list[QColor]
    name_font: QFont
    name_metrics: QFontMetrics
    code_font: QFont
    days_text: str  # "%1 d"
