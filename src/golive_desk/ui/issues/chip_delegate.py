"""Draws a cell as a small rounded chip in the colours the model gives (severity, status).

Every visible chip is repainted on each scroll step, so a chip is drawn once
into a pixmap and then only copied: the cell costs one ``data()`` call and a
blit instead of a style option, text measuring and antialiased drawing.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PIXMAP_LIMIT = 256  # chips differ by label, colours and column width: a few dozen in use


class Chip(NamedTuple):
    """What the model gives for the chip role."""

    background: QColor
    foreground: QColor
    label: str


class ChipDelegate(QStyledItemDelegate):
    def __init__(self, chip_role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._chip_role = chip_role
        self._pixmaps: dict[tuple[object, ...], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        chip = index.data(self._chip_role)
        if not chip or not chip.label:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        # The cell's own background (selection, alternate rows) first, then the chip.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect: QRect = option.rect
        ratio = widget.devicePixelRatioF() if widget else 1.0
        pixmap = self._pixmap(chip, option.font, rect.width() - 12, ratio)
        height = round(pixmap.height() / ratio)
        painter.drawPixmap(rect.x() + 6, rect.y() + (rect.height() - height) // 2, pixmap)

    def _pixmap(self, chip: Chip, font: QFont, room: int, ratio: float) -> QPixmap:
        key = (chip.label, chip.background.rgba(), chip.foreground.rgba(), room, font.key(),
               ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= PIXMAP_LIMIT:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = draw_chip(chip, font, room, ratio)
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20,
                     max(size.height(), option.fontMetrics.height() + 10))


def draw_chip(chip: Chip, font: QFont, room: int, ratio: float) -> QPixmap:
    """The chip as a transparent pixmap at most ``room`` wide (its label elided to fit)."""
    metrics = QFontMetrics(font)
    width = max(1, min(metrics.horizontalAdvance(chip.label) + 16, room))
    height = metrics.height() + 4
    pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(chip.background)
    shape = QRect(0, 0, width, height)
    painter.drawRoundedRect(shape, height / 2, height / 2)
    painter.setPen(chip.foreground)
    painter.drawText(shape, Qt.AlignmentFlag.AlignCenter,
                     metrics.elidedText(chip.label, Qt.TextElideMode.ElideRight, width - 8))
    painter.end()
    return pixmap
