"""The week: seven day columns, a morning and an afternoon row, a bar per person."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from golive_desk.domain.support_calendar import Half, Slot
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.canvas import Bar, SlotCanvas
from golive_desk.ui.calendar.data import CalendarData
from golive_desk.ui.calendar.layout import lanes, monday_of

GUTTER = 72
HEADER = 52
MILESTONES = 26
BAR = 24
GAP = 4


class WeekGrid(SlotCanvas):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = monday_of(date.today())

    def set_week(self, day: date) -> None:
        self.monday = monday_of(day)
        self._relayout()

    def show_week(self, day: date, data: CalendarData) -> None:
        """The week of ``day`` with its data, laid out once (not once per setter)."""
        self.monday = monday_of(day)
        self.set_data(data)

    # -- geometry ------------------------------------------------------------------------
    def _column_width(self) -> float:
        return (self.width() - GUTTER - 1) / 7

    def _body_top(self) -> float:
        return HEADER + MILESTONES

    def _row(self, half: Half) -> QRectF:
        top = self._body_top()
        height = (self.height() - top - 1) / 2
        y = top if half is Half.AM else top + height
        return QRectF(GUTTER, y, self.width() - GUTTER - 1, height)

    def day_rect(self, day: date) -> QRectF | None:
        col = (day - self.monday).days
        if not 0 <= col < 7:
            return None
        width = self._column_width()
        top = self._body_top()
        return QRectF(GUTTER + col * width, top, width, self.height() - top - 1)

    cell_rect = day_rect

    def day_at(self, pos: QPointF) -> date | None:
        if pos.x() < GUTTER or pos.y() < 0:
            return None
        col = min(6, int((pos.x() - GUTTER) / self._column_width()))
        return self.monday + timedelta(days=col)

    def half_at(self, pos: QPointF) -> Half:
        return Half.AM if pos.y() < self._row(Half.PM).top() else Half.PM

    def badge_rect(self, day: date) -> QRectF | None:
        count = self.data.issues.get(day, 0)
        col = (day - self.monday).days
        if not count or not 0 <= col < 7:
            return None
        width = 14 + 6 * len(str(count))
        x = GUTTER + (col + 1) * self._column_width() - width - 6
        return QRectF(x, 8, width, 15)

    def layout_bars(self) -> list[Bar]:
        bars: list[Bar] = []
        sunday = self.monday + timedelta(days=6)
        width = self._column_width()
        for half in (Half.AM, Half.PM):
            row = self._row(half)
            shown = [s for s in self.data.slots if s.half in (Half.DAY, half)]
            for slot, lane in lanes(shown, self.monday, sunday):
                y = row.top() + 6 + lane * (BAR + GAP)
                if y + BAR > row.bottom():
                    continue
                first, last = max(slot.start, self.monday), min(slot.end, sunday)
                left = GUTTER + (first - self.monday).days * width + 4
                right = GUTTER + ((last - self.monday).days + 1) * width - 4
                bars.append(Bar(QRectF(left, y, right - left, BAR), slot, last == slot.end))
        return bars

    def bar_label(self, slot: Slot) -> str:
        label = f"{slot.person_name} · {texts.mode(slot.mode)}"
        if self.data.show_project:
            label += f" · {slot.project_code}"
        if slot.note:
            label += f" · {slot.note}"
        return label

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        width = self._column_width()
        for col in range(7):
            day = self.monday + timedelta(days=col)
            self._paint_column(painter, day, QRectF(GUTTER + col * width, 0, width,
                                                    self.height() - 1))
        self._paint_gutter(painter)
        for bar in self._bars:
            self.paint_bar(painter, bar, self.bar_label(bar.slot))
        self.paint_clashes(painter)
        self.paint_drag(painter)
        painter.end()

    def day_title(self, day: date) -> str:
        """A column's head: "周一 10月5日", "Mon 5 Oct"."""
        return texts.weekday_day(self.locale_(), day)

    def _paint_column(self, painter: QPainter, day: date, column: QRectF) -> None:
        painter.fillRect(column, self.day_fill(day))
        painter.fillRect(QRectF(column.left(), 0, column.width(), HEADER), QColor("#eef2f8"))
        painter.setPen(QPen(texts.GRID, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(column)
        painter.drawLine(QPointF(column.left(), HEADER), QPointF(column.right(), HEADER))
        font = QFont(self.font())
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        today = day == self.today
        painter.setPen(texts.TODAY if today else texts.INK)
        title = self.day_title(day)
        painter.drawText(QRectF(column.left() + 8, 6, column.width() - 16, 20),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        if today:
            painter.fillRect(QRectF(column.left(), HEADER - 3, column.width(), 3), texts.TODAY)
        tag = self.day_tag(day)
        if tag is not None:
            small = QFont(self.font())
            small.setPixelSize(11)
            painter.setFont(small)
            painter.setPen(tag[1])
            painter.drawText(QRectF(column.left() + 8, 28, column.width() - 16, 18),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             tag[0])
        badge = self.badge_rect(day)
        if badge is not None:
            self.paint_badge(painter, badge, self.data.issues.get(day, 0))
        small = QFont(self.font())
        small.setPixelSize(11)
        small.setBold(True)
        painter.setFont(small)
        x = column.left() + 6
        for item in self.data.milestones_on(day):
            color = texts.MILESTONE_COLORS[item.kind]
            label = texts.milestone(item.kind)
            width = QFontMetrics(small).horizontalAdvance(label) + 12
            pill = QRectF(x, HEADER + 4, min(width, column.right() - x - 4), 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(pill, 9, 9)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), label)
            x = pill.right() + 4

    def _paint_gutter(self, painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, GUTTER, self.height()), QColor("#f5f7fb"))
        painter.setPen(QPen(texts.GRID, 1))
        font = QFont(self.font())
        font.setPixelSize(12)
        painter.setFont(font)
        for half, label in ((Half.AM, self.tr("Morning")), (Half.PM, self.tr("Afternoon"))):
            row = self._row(half)
            painter.setPen(QPen(texts.GRID, 1))
            painter.drawLine(QPointF(0, row.top()), QPointF(self.width(), row.top()))
            painter.setPen(QColor("#4a5870"))
            painter.drawText(QRectF(0, row.top(), GUTTER, row.height()),
                             int(Qt.AlignmentFlag.AlignCenter), label)
