"""Two small charts drawn with QPainter: the daily trend and horizontal bars.

No chart library: PySide6-Essentials has none, and these two need a few dozen
lines each (the frozen build stays small).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil, log10

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from golive_desk.domain.overview import TrendPoint

INK = QColor("#1b2a44")
MUTED = QColor("#66748c")
GRID = QColor("#e4e9f2")
OPENED = QColor("#1f5fd1")
CLOSED = QColor("#43a047")
BACKLOG = QColor("#e07b00")


def nice_ceiling(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × 10ⁿ)."""
    if value <= 4:
        return 4
    power = 10 ** int(log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = ceil(step * power)
        if top >= value:
            return top
    return value


class TrendChart(QWidget):
    """Opened and closed per day (bars) and the open backlog (line), since go-live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[TrendPoint, ...] = ()
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        self._points = tuple(points)
        self.update()

    def points(self) -> tuple[TrendPoint, ...]:
        return self._points

    def sizeHint(self) -> QSize:
        return QSize(640, 280)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        legend_h = metrics.height() + 10
        left = metrics.horizontalAdvance("0000") + 12
        plot = QRectF(left, legend_h + 6, self.width() - left - 12,
                      self.height() - legend_h - metrics.height() - 22)
        self._legend(painter, metrics)
        points = self._points
        if not points or plot.width() < 40 or plot.height() < 40:
            painter.setPen(MUTED)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No issues yet"))
            return
        top = nice_ceiling(max(max(p.opened, p.closed, p.open) for p in points))
        # grid and y labels
        for i in range(5):
            value = top * i / 4
            y = plot.bottom() - plot.height() * i / 4
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{value:g}")
        slot = plot.width() / len(points)
        bar = max(1.0, min(14.0, slot * 0.36))
        scale = plot.height() / top
        painter.setPen(Qt.PenStyle.NoPen)
        for i, p in enumerate(points):
            centre = plot.left() + slot * (i + 0.5)
            for value, colour, dx in ((p.opened, OPENED, -bar), (p.closed, CLOSED, 0.0)):
                if value:
                    height = value * scale
                    painter.setBrush(colour)
                    painter.drawRoundedRect(QRectF(centre + dx, plot.bottom() - height, bar,
                                                   height), 1.5, 1.5)
        path = QPainterPath()
        for i, p in enumerate(points):
            spot = QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - p.open * scale)
            if i == 0:
                path.moveTo(spot)
            else:
                path.lineTo(spot)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(BACKLOG, 2.5))
        painter.drawPath(path)
        # x axis and date labels, as many as fit
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        label_w = metrics.horizontalAdvance("00-00") + 14
        every = max(1, ceil(label_w / slot))
        for i in range(0, len(points), every):
            centre = plot.left() + slot * (i + 0.5)
            painter.drawText(QRectF(centre - label_w / 2, plot.bottom() + 4, label_w,
                                    metrics.height()), Qt.AlignmentFlag.AlignCenter,
                             points[i].day.strftime("%m-%d"))

    def _legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        items = ((self.tr("Opened"), OPENED), (self.tr("Closed"), CLOSED),
                 (self.tr("Open backlog"), BACKLOG))
        x = float(self.width() - 12)
        for text, colour in reversed(items):
            x -= metrics.horizontalAdvance(text)
            painter.setPen(INK)
            painter.drawText(QPointF(x, metrics.ascent() + 4), text)
            x -= 18
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, 4 + (metrics.height() - 10) / 2, 12, 10), 2, 2)
            x -= 16


class BarList(QWidget):
    """Horizontal bars: a label, a bar in proportion, the count (and an optional share)."""

    def __init__(self, colour: QColor = OPENED, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[tuple[str, int], ...] = ()
        self._colour = colour
        self._highlight: str | None = None
        self.setMinimumHeight(120)

    def set_items(self, items: Sequence[tuple[str, int]], highlight: str | None = None) -> None:
        self._items = tuple(items)
        self._highlight = highlight
        self.setMinimumHeight(max(60, len(self._items) * 26 + 8))
        self.update()

    def items(self) -> tuple[tuple[str, int], ...]:
        return self._items

    def sizeHint(self) -> QSize:
        return QSize(360, max(60, len(self._items) * 26 + 8))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        if not self._items:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "–")
            return
        label_w = min(self.width() * 0.4,
                      max(metrics.horizontalAdvance(t) for t, _ in self._items) + 12)
        count_w = metrics.horizontalAdvance("00000") + 8
        top = max(n for _, n in self._items) or 1
        row = min(26.0, (self.height() - 4) / len(self._items))
        span = self.width() - label_w - count_w - 8
        for i, (text, n) in enumerate(self._items):
            y = 4 + i * row
            painter.setPen(INK)
            painter.drawText(QRectF(0, y, label_w - 8, row),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                int(label_w - 8)))
            width = max(2.0, span * n / top) if n else 0.0
            colour = QColor("#c62828") if text == self._highlight else self._colour
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(label_w, y + row * 0.2, width, row * 0.6), 3, 3)
            painter.setPen(MUTED)
            painter.drawText(QRectF(label_w + width + 6, y, count_w, row),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             str(n))
