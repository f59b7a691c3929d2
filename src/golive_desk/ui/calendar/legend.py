"""The colour key under the calendar's toolbar: modes, milestones, days off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.support_calendar import MilestoneKind
from golive_desk.ui.calendar import texts


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(22)
        self._cache: QPixmap | None = None

    def _items(self) -> list[tuple[str, QColor, str]]:
        items = [("bar", texts.MODE_COLORS[m], texts.mode(m)) for m in SupportMode]
        items += [("diamond", texts.MILESTONE_COLORS[k], texts.milestone(k))
                  for k in (MilestoneKind.GO_LIVE, MilestoneKind.MONTH_END_CLOSE,
                            MilestoneKind.PLANNED_EXIT, MilestoneKind.ACCEPTANCE)]
        items += [("fill", texts.HOLIDAY_FILL, self.tr("Holiday (Off)")),
                  ("fill", texts.ADJUSTED_FILL, self.tr("Adjusted working day (Work)")),
                  ("clash", texts.CLASH, self.tr("Double booked"))]
        return items

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font())
        return QSize(sum(metrics.horizontalAdvance(t) + 34 for _k, _c, t in self._items()), 22)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(12)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn once into a pixmap: the key never changes while the months do, and
        # a month switch repaints the page (the key was ~0.5 ms of each switch).
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        if self._cache is None or self._cache.size() != size:
            self._cache = QPixmap(size)
            self._cache.setDevicePixelRatio(ratio)
            self._cache.fill(Qt.GlobalColor.transparent)
            self._draw(QPainter(self._cache))
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange,
                            QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._cache = None
        super().changeEvent(event)

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        x = 0.0
        for kind, color, text in self._items():
            swatch = QRectF(x, 5, 18, 12)
            if kind == "diamond":
                centre = swatch.center()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawPolygon([centre + QPointF(0, -6), centre + QPointF(6, 0),
                                     centre + QPointF(0, 6), centre + QPointF(-6, 0)])
            elif kind == "clash":
                painter.setPen(color)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(swatch.adjusted(1, 0, -1, 0))
            else:
                painter.setPen(QColor("#c9d2e3") if kind == "fill" else Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(swatch, 3, 3)
            painter.setPen(QColor("#33415c"))
            width = metrics.horizontalAdvance(text)
            painter.drawText(QRectF(x + 24, 0, width + 2, 22), int(Qt.AlignmentFlag.AlignVCenter),
                             text)
            x += width + 40
        painter.end()
