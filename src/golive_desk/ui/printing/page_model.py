"""The preview's pages as a list model that renders only the pages a view asks for.

A batch of 300 issue sheets is 300 pages; rendering all of them up front
would take seconds and hundreds of MB. The model answers a page it has not
rendered with a blank sheet, asks the task runner for it, and keeps the most
recently used pages only.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPixmap

from golive_desk.ui.printing.pdf_pages import PdfInfo, render_pages
from golive_desk.ui.task_runner import TaskRunner

_KEEP = 48  # rendered pages kept; the rest are rendered again when scrolled back to
_BATCH = 4  # pages per worker task: the first screen comes quickly, the runner stays free

Index = QModelIndex | QPersistentModelIndex


class PdfPageModel(QAbstractListModel):
    """Rows are pages; DecorationRole is the page image at the current zoom."""

    def __init__(self, runner: TaskRunner, page_label: Callable[[int, int], str]) -> None:
        super().__init__()
        self._runner = runner
        self._label = page_label
        self._info: PdfInfo | None = None
        self._dpi = 60.0
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()
        self._wanted: list[int] = []
        self._busy = False
        self._generation = 0  # results of an older zoom or document are dropped
        self._blank: QPixmap | None = None

    # -- what is shown -------------------------------------------------------------
    def set_document(self, info: PdfInfo | None) -> None:
        self.beginResetModel()
        self._info = info
        self._forget()
        self.endResetModel()

    def set_dpi(self, dpi: float) -> None:
        if dpi == self._dpi:
            return
        self.beginResetModel()
        self._dpi = dpi
        self._forget()
        self.endResetModel()

    def dpi(self) -> float:
        return self._dpi

    def page_size(self) -> QSize:
        if self._info is None:
            return QSize(0, 0)
        scale = self._dpi / 72.0
        # PDFium rounds a page's pixel size up; so must the placeholder.
        return QSize(math.ceil(self._info.width * scale), math.ceil(self._info.height * scale))

    def rendered(self) -> list[int]:
        return sorted(self._cache)

    def _forget(self) -> None:
        self._generation += 1
        self._cache.clear()
        self._wanted.clear()
        self._blank = None

    # -- the model -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._info is None:
            return 0
        return self._info.pages

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._info is None:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(row + 1, self._info.pages)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._cache.get(row)
            if pixmap is not None:
                self._cache.move_to_end(row)
                return pixmap
            self._request(row)
            return self._placeholder()
        if role == Qt.ItemDataRole.SizeHintRole:
            size = self.page_size()
            return QSize(size.width() + 16, size.height() + 28)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled

    def _placeholder(self) -> QPixmap:
        if self._blank is None:
            self._blank = QPixmap(self.page_size())
            self._blank.fill(QColor("white"))
        return self._blank

    # -- rendering on the worker ------------------------------------------------------
    def _request(self, row: int) -> None:
        if row not in self._wanted:
            self._wanted.append(row)
        self._pump()

    def _pump(self) -> None:
        if self._busy or not self._wanted or self._info is None:
            return
        batch, self._wanted = self._wanted[:_BATCH], self._wanted[_BATCH:]
        data, dpi, generation = self._info.data, self._dpi, self._generation
        self._busy = True
        self._runner.run(lambda: render_pages(data, batch, dpi),
                         on_done=lambda images: self._arrived(generation, images))

    def _arrived(self, generation: int, images: dict[int, QImage]) -> None:
        self._busy = False
        if generation == self._generation:
            for row, image in images.items():
                self._cache[row] = QPixmap.fromImage(image)
                self._cache.move_to_end(row)
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
            while len(self._cache) > _KEEP:
                self._cache.popitem(last=False)
        self._pump()
