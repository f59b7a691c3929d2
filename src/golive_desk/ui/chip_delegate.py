"""Draws a cell as a small rounded chip in the colours the model gives (severity, status)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem


class ChipDelegate(QStyledItemDelegate):
    def __init__(self, chip_role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._chip_role = chip_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        colours = index.data(self._chip_role)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not colours or not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        # The cell's own background (selection, alternate rows) first, then the chip.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        background, foreground = colours
        metrics = opt.fontMetrics
        width = metrics.horizontalAdvance(str(text)) + 16
        height = metrics.height() + 4
        rect = opt.rect
        chip = QRect(rect.x() + 6, rect.y() + (rect.height() - height) // 2,
                     min(width, rect.width() - 12), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(foreground)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(str(text), Qt.TextElideMode.ElideRight,
                                            chip.width() - 8))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 10))
