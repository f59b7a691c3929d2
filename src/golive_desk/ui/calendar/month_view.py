"""The month grid: weeks from Monday, holidays shaded, milestones, slots as bars."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from golive_desk.domain.support_calendar import Half
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.canvas import Bar, SlotCanvas
from golive_desk.ui.calendar.layout import lanes, month_weeks

HEADER = 30
DAY_STRIP = 24
MILESTONE_LINE = 17
BAR = 19
GAP = 3


class MonthGrid(SlotCanvas):
    """One month; the days of the neighbouring months that fill its weeks are dimmed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = date.today().replace(day=1)
        self._weeks = month_weeks(self.first)
        self._hidden: dict[date, int] = {}

    def set_month(self, first: date) -> None:
        self.first = first.replace(day=1)
        self._weeks = month_weeks(self.first)
        self._relayout()

    def weeks(self) -> list[date]:
        """The Mondays of the shown weeks (asked for by every cell's geometry: kept)."""
        return self._weeks

    # -- geometry ------------------------------------------------------------------------
    def _grid(self) -> QRectF:
        return QRectF(self.rect()).adjusted(0, HEADER, -1, -1)

    def cell_rect(self, day: date) -> QRectF | None:
        weeks = self.weeks()
        row = (day - weeks[0]).days // 7
        if not 0 <= row < len(weeks):
            return None
        grid = self._grid()
        width = grid.width() / 7
        height = grid.height() / len(weeks)
        return QRectF(grid.left() + day.weekday() * width, grid.top() + row * height,
                      width, height)

    day_rect = cell_rect

    def day_at(self, pos: QPointF) -> date | None:
        grid = self._grid()
        if not grid.contains(pos):
            return None
        weeks = self.weeks()
        col = min(6, int((pos.x() - grid.left()) / (grid.width() / 7)))
        row = min(len(weeks) - 1, int((pos.y() - grid.top()) / (grid.height() / len(weeks))))
        return weeks[row] + timedelta(days=col)

    def badge_rect(self, day: date) -> QRectF | None:
        count = self.data.issues.get(day, 0)
        cell = self.cell_rect(day)
        if not count or cell is None:
            return None
        width = 14 + 6 * len(str(count))
        return QRectF(cell.left() + 32, cell.top() + 5, width, 15)

    def _milestone_rows(self, monday: date) -> int:
        return max(len(self.data.milestones_on(monday + timedelta(days=i))) for i in range(7))

    def layout_bars(self) -> list[Bar]:
        bars: list[Bar] = []
        self._hidden = {}
        for monday in self.weeks():
            sunday = monday + timedelta(days=6)
            first_cell = self.cell_rect(monday)
            if first_cell is None:
                continue
            top = first_cell.top() + DAY_STRIP + self._milestone_rows(monday) * MILESTONE_LINE
            room = int((first_cell.bottom() - 16 - top) // (BAR + GAP))
            for slot, lane in lanes(self.data.slots, monday, sunday):
                first, last = max(slot.start, monday), min(slot.end, sunday)
                if lane >= room:
                    for i in range((last - first).days + 1):
                        day = first + timedelta(days=i)
                        self._hidden[day] = self._hidden.get(day, 0) + 1
                    continue
                y = top + lane * (BAR + GAP)
                if slot.half is Half.DAY:
                    left, right = self.cell_rect(first), self.cell_rect(last)
                    assert left is not None
                    assert right is not None
                    rect = QRectF(left.left() + 3, y, right.right() - left.left() - 6, BAR)
                    bars.append(Bar(rect, slot, last == slot.end))
                    continue
                for i in range((last - first).days + 1):
                    day = first + timedelta(days=i)
                    cell = self.cell_rect(day)
                    assert cell is not None
                    half = cell.width() / 2
                    x = cell.left() + (0 if slot.half is Half.AM else half)
                    bars.append(Bar(QRectF(x + 3, y, half - 5, BAR), slot, day == slot.end))
        return bars

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._paint_header(painter)
        for monday in self.weeks():
            for i in range(7):
                self._paint_day(painter, monday + timedelta(days=i))
        for bar in self._bars:
            self.paint_bar(painter, bar, self.bar_label(bar.slot))
        self._paint_more(painter)
        self.paint_drag(painter)
        painter.end()

    def _paint_header(self, painter: QPainter) -> None:
        grid = self._grid()
        width = grid.width() / 7
        painter.fillRect(QRectF(0, 0, self.width(), HEADER), QColor("#eef2f8"))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for col, name in enumerate(texts.weekday_names(self.locale_())):
            painter.setPen(texts.HOLIDAY_INK if col >= 5 else QColor("#33415c"))
            painter.drawText(QRectF(grid.left() + col * width, 0, width, HEADER),
                             int(Qt.AlignmentFlag.AlignCenter), name)

    def _paint_day(self, painter: QPainter, day: date) -> None:
        cell = self.cell_rect(day)
        if cell is None:
            return
        in_month = day.month == self.first.month
        painter.fillRect(cell, self.day_fill(day, in_month))
        painter.setPen(QPen(texts.GRID, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell)
        font = QFont(self.font())
        font.setPixelSize(13)
        number = QRectF(cell.left() + 5, cell.top() + 3, 22, 19)
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(texts.TODAY)
            painter.drawEllipse(number.center(), 10.5, 10.5)
            painter.setPen(QColor("#ffffff"))
            font.setBold(True)
        else:
            painter.setPen(texts.INK if in_month else texts.MUTED)
        painter.setFont(font)
        painter.drawText(number, int(Qt.AlignmentFlag.AlignCenter), str(day.day))
        tag = self.day_tag(day)
        if tag is not None:
            small = QFont(self.font())
            small.setPixelSize(11)
            painter.setFont(small)
            text, color = tag
            painter.setPen(color)
            room = QRectF(cell.left() + 60, cell.top() + 4, cell.width() - 66, 17)
            painter.drawText(room, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             QFontMetrics(small).elidedText(text, Qt.TextElideMode.ElideRight,
                                                            int(room.width())))
        badge = self.badge_rect(day)
        if badge is not None:
            self.paint_badge(painter, badge, self.data.issues.get(day, 0))
        self._paint_milestones(painter, day, cell)

    def _paint_milestones(self, painter: QPainter, day: date, cell: QRectF) -> None:
        small = QFont(self.font())
        small.setPixelSize(11)
        small.setBold(True)
        painter.setFont(small)
        for n, item in enumerate(self.data.milestones_on(day)):
            color = texts.MILESTONE_COLORS[item.kind]
            y = cell.top() + DAY_STRIP + n * MILESTONE_LINE
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            centre = QPointF(cell.left() + 10, y + 7)
            painter.drawPolygon([centre + QPointF(0, -5), centre + QPointF(5, 0),
                                 centre + QPointF(0, 5), centre + QPointF(-5, 0)])
            painter.setPen(color)
            label = texts.milestone(item.kind)
            if self.data.show_project:
                label += f" {item.project_code}"
            room = QRectF(cell.left() + 18, y, cell.width() - 22, 14)
            painter.drawText(room, int(Qt.AlignmentFlag.AlignVCenter),
                             QFontMetrics(small).elidedText(label, Qt.TextElideMode.ElideRight,
                                                            int(room.width())))

    def _paint_more(self, painter: QPainter) -> None:
        small = QFont(self.font())
        small.setPixelSize(11)
        painter.setFont(small)
        painter.setPen(texts.MUTED)
        for day, hidden in self._hidden.items():
            cell = self.cell_rect(day)
            if cell is not None:
                painter.drawText(cell.adjusted(4, 0, -6, -2),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                                 self.tr("+%1 more").replace("%1", str(hidden)))
