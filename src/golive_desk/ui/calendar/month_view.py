"""The month grid: weeks from Monday, holidays shaded, milestones, slots as bars.

Painting a month (42 days, their numbers, tags and badges, some 40 labelled
bars) takes ~2 ms, most of a month switch. So the grid paints into a picture
kept while nothing it shows changes, and a paint copies it; the month read
ahead is laid out and painted ahead (:meth:`MonthGrid.prepare`) while the user
looks at the shown one, so stepping to it only copies its picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from golive_desk.domain.support_calendar import Half
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.canvas import Bar, ClashMarks, SlotCanvas
from golive_desk.ui.calendar.data import CalendarData
from golive_desk.ui.calendar.layout import lanes, month_weeks

HEADER = 30
DAY_STRIP = 24
MILESTONE_LINE = 17
BAR = 19
GAP = 3
# (made once: a paint used to make them again for every day)
_GRID_PEN = QPen(texts.GRID, 1)
_WHITE = QColor("#ffffff")
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Events after which a kept picture may no longer be what a paint would draw.
_RESTYLED = (QEvent.Type.FontChange, QEvent.Type.LanguageChange, QEvent.Type.LocaleChange,
             QEvent.Type.PaletteChange, QEvent.Type.StyleChange)


@dataclass(frozen=True)
class _Frame:
    """A month laid out for the grid's size: what showing it sets, kept when prepared."""

    number: int  # of the layout: a picture names the one it was painted from
    size: QSize  # of the grid it was laid out for
    first: date
    weeks: list[date]
    data: CalendarData
    cells: dict[date, QRectF]
    bars: list[Bar]
    hidden: dict[date, int]
    clash_marks: ClashMarks


@dataclass(frozen=True)
class _Picture:
    """The month as painted (everything but a drag's outline) and what it was painted in."""

    look: tuple[object, ...]
    pixmap: QPixmap


class MonthGrid(SlotCanvas):
    """One month; the days of the neighbouring months that fill its weeks are dimmed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = date.today().replace(day=1)
        self._weeks = month_weeks(self.first)
        self._hidden: dict[date, int] = {}
        self._cells: dict[date, QRectF] = {}
        self._layouts = 0  # layouts made: numbers each one
        self._layout_number = 0
        self._picture: _Picture | None = None
        # The month read ahead, laid out and painted (one: a picture is the grid's size
        # four bytes a pixel, ~3.4 MB at 1058 × 803).
        self._prepared: tuple[_Frame, _Picture] | None = None

    def set_month(self, first: date) -> None:
        self.first = first.replace(day=1)
        self._weeks = month_weeks(self.first)
        self._relayout()

    def show_month(self, first: date, data: CalendarData) -> None:
        """The month of ``first`` with its data, laid out once (not once per setter), or
        as :meth:`prepare` laid out and painted it."""
        prepared = self._prepared if self._is_prepared(first, data) else None
        self._prepared = None
        if prepared is not None:
            self._enter(prepared[0])
            self._picture = prepared[1]
            self.keep_selection()
            self.update()
            return
        self.first = first.replace(day=1)
        self._weeks = month_weeks(self.first)
        self.set_data(data)

    def prepare(self, first: date, data: CalendarData) -> None:
        """Lay out and paint the month of ``first`` now, for :meth:`show_month` to show
        it at once (the page's read ahead arrived while the user looks at this one)."""
        if not self.isVisible() or self._is_prepared(first, data):
            return
        shown = self._frame()
        try:
            self.first = first.replace(day=1)
            self._weeks = month_weeks(self.first)
            self.data = data
            self._lay_out()
            frame = self._frame()
            picture = _Picture(self._look(), self._paint_picture())
        finally:
            self._enter(shown)
        self._prepared = frame, picture

    def _is_prepared(self, first: date, data: CalendarData) -> bool:
        frame = self._prepared[0] if self._prepared is not None else None
        return frame is not None and frame.first == first.replace(day=1) and \
            frame.data is data and frame.size == self.size()

    def _frame(self) -> _Frame:
        return _Frame(self._layout_number, self.size(), self.first, self._weeks, self.data,
                      self._cells, self._bars, self._hidden, self._clash_marks)

    def _enter(self, frame: _Frame) -> None:
        self._layout_number, self.first, self._weeks, self.data = (
            frame.number, frame.first, frame.weeks, frame.data)
        self._cells, self._bars = frame.cells, frame.bars
        self._hidden, self._clash_marks = frame.hidden, frame.clash_marks

    def weeks(self) -> list[date]:
        """The Mondays of the shown weeks (asked for by every cell's geometry: kept)."""
        return self._weeks

    # -- geometry ------------------------------------------------------------------------
    def _grid(self) -> QRectF:
        return QRectF(self.rect()).adjusted(0, HEADER, -1, -1)

    def cell_rect(self, day: date) -> QRectF | None:
        cell = self._cells.get(day)
        return None if cell is None else QRectF(cell)

    def _relayout(self) -> None:
        self._lay_out()
        self.update()

    def _lay_out(self) -> None:
        # The cells first: laying out the bars and painting ask for them some 250 times.
        grid = self._grid()
        width = grid.width() / 7
        height = grid.height() / len(self._weeks)
        self._cells = {monday + timedelta(days=col): QRectF(grid.left() + col * width,
                                                            grid.top() + row * height,
                                                            width, height)
                       for row, monday in enumerate(self._weeks) for col in range(7)}
        self._bars = self.layout_bars()
        self._clash_marks = self._mark_clashes()
        self._layouts += 1
        self._layout_number = self._layouts

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
        cell = self._cells.get(day) if count else None
        if cell is None:
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
            first_cell = self._cells[monday]
            top = first_cell.top() + DAY_STRIP + self._milestone_rows(monday) * MILESTONE_LINE
            room = int((first_cell.bottom() - 16 - top) // (BAR + GAP))
            placed = self.data.week_lanes.get(monday)  # laid out on the worker with the read
            if placed is None:
                placed = lanes(self.data.slots, monday, sunday)
            for slot, lane in placed:
                first, last = max(slot.start, monday), min(slot.end, sunday)
                if lane >= room:
                    for i in range((last - first).days + 1):
                        day = first + timedelta(days=i)
                        self._hidden[day] = self._hidden.get(day, 0) + 1
                    continue
                y = top + lane * (BAR + GAP)
                if slot.half is Half.DAY:
                    left, right = self._cells[first], self._cells[last]
                    rect = QRectF(left.left() + 3, y, right.right() - left.left() - 6, BAR)
                    bars.append(Bar(rect, slot, last == slot.end))
                    continue
                for i in range((last - first).days + 1):
                    day = first + timedelta(days=i)
                    cell = self._cells[day]
                    half = cell.width() / 2
                    x = cell.left() + (0 if slot.half is Half.AM else half)
                    bars.append(Bar(QRectF(x + 3, y, half - 5, BAR), slot, day == slot.end))
        return bars

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        look = self._look()
        if self._picture is None or self._picture.look != look:
            self._picture = _Picture(look, self._paint_picture())
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture.pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint_drag(painter)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESTYLED:
            self._forget_pictures()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # (another view or page is shown: its pictures are memory the grid may not need)
        self._forget_pictures()
        super().hideEvent(event)

    def _forget_pictures(self) -> None:
        self._picture = None
        self._prepared = None

    def _look(self) -> tuple[object, ...]:
        """Everything the picture shows that is not in the layout: a picture painted in
        another look is painted again."""
        drag = self._drag
        dragged = drag.slot.id if drag and drag.moved and drag.slot else None
        shown = self._cells
        return (self._layout_number, self.devicePixelRatioF(), self.font().key(),
                self.locale_().name(), self.today if self.today in shown else None,
                self.selected_day if self.selected_day in shown else None,
                self._selected_bar(), dragged)

    def _selected_bar(self) -> str | None:
        # (as showing the data will leave it: a month prepared with a slot of another
        # month selected looks as it will once shown)
        chosen = self.selected_slot_id
        return chosen if chosen and any(bar.slot.id == chosen for bar in self._bars) else None

    def _paint_picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        # (a painter on a widget starts in the widget's font and ink; on a pixmap, not)
        painter.setFont(self.font())
        painter.setPen(self.palette().windowText().color())
        self._paint_month(painter)
        painter.end()
        return pixmap

    def _paint_month(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        base = self.font()
        self._paint_header(painter, self.font_like(base, bold=True)[0])
        fonts = _DayFonts(self.font_like(base, 13)[0], self.font_like(base, 13, bold=True)[0],
                          *self.font_like(base, 11), *self.font_like(base, 11, bold=True))
        for day in self._cells:
            self._paint_day(painter, day, fonts)
        for bar in self._bars:
            self.paint_bar(painter, bar, self.bar_label(bar.slot))
        self.paint_clashes(painter)
        self._paint_more(painter, fonts.tag)

    def _paint_header(self, painter: QPainter, font: QFont) -> None:
        grid = self._grid()
        width = grid.width() / 7
        painter.fillRect(QRectF(0, 0, self.width(), HEADER), QColor("#eef2f8"))
        painter.setFont(font)
        for col, name in enumerate(texts.weekday_names(self.locale_())):
            painter.setPen(texts.HOLIDAY_INK if col >= 5 else QColor("#33415c"))
            painter.drawText(QRectF(grid.left() + col * width, 0, width, HEADER),
                             int(Qt.AlignmentFlag.AlignCenter), name)

    def _paint_day(self, painter: QPainter, day: date, fonts: _DayFonts) -> None:
        cell = self._cells[day]
        in_month = day.month == self.first.month
        painter.fillRect(cell, self.day_fill(day, in_month))
        painter.setPen(_GRID_PEN)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell)
        number = QRectF(cell.left() + 5, cell.top() + 3, 22, 19)
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(texts.TODAY)
            painter.drawEllipse(number.center(), 10.5, 10.5)
            painter.setPen(_WHITE)
            painter.setFont(fonts.today)
        else:
            painter.setPen(texts.INK if in_month else texts.MUTED)
            painter.setFont(fonts.number)
        painter.drawText(number, _CENTRE, str(day.day))
        tag = self.day_tag(day)
        if tag is not None:
            painter.setFont(fonts.tag)
            text, color = tag
            painter.setPen(color)
            room = QRectF(cell.left() + 60, cell.top() + 4, cell.width() - 66, 17)
            painter.drawText(room, _RIGHT,
                             fonts.tag_metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                          int(room.width())))
        badge = self.badge_rect(day)
        if badge is not None:
            self.paint_badge(painter, badge, self.data.issues.get(day, 0))
        self._paint_milestones(painter, day, cell, fonts)

    def _paint_milestones(self, painter: QPainter, day: date, cell: QRectF,
                          fonts: _DayFonts) -> None:
        # (set on every day, shown or not: the bars are drawn in the painter's font after)
        painter.setFont(fonts.milestone)
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
                             fonts.milestone_metrics.elidedText(
                                 label, Qt.TextElideMode.ElideRight, int(room.width())))

    def _paint_more(self, painter: QPainter, font: QFont) -> None:
        painter.setFont(font)
        painter.setPen(texts.MUTED)
        for day, hidden in self._hidden.items():
            cell = self._cells.get(day)
            if cell is not None:
                painter.drawText(cell.adjusted(4, 0, -6, -2),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                                 self.tr("+%1 more").replace("%1", str(hidden)))


class _DayFonts(NamedTuple):
    """The fonts a paint draws days in (a paint made a font per day, a metrics per tag)."""

    number: QFont
    today: QFont
    tag: QFont
    tag_metrics: QFontMetrics
    milestone: QFont
    milestone_metrics: QFontMetrics
