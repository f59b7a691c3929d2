"""PDF pages as images, for the preview and for printing.

PySide6-Essentials has no QtPdf, and the customer's laptop has no poppler.
pypdfium2 wraps PDFium — the same engine QtPdf is built on — in a small
wheel for every platform we ship, so preview and print show exactly the
bytes that "save as PDF" writes.

PDFium is not thread-safe: every function here runs on the task runner's one
worker thread, never on the GUI thread and never two at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72.0
PRINT_DPI_CAP = 300  # a 600 dpi A4 page would be a 140 MB image; 300 dpi is crisp on paper


def _pdfium() -> ModuleType:
    # Imported on first use: loading PDFium would slow every start of the window.
    import pypdfium2

    return pypdfium2


@dataclass(frozen=True)
class PdfInfo:
    """A loaded document: its bytes, page count and first page size in points."""

    data: bytes
    pages: int
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def inspect(data: bytes) -> PdfInfo:
    document = _pdfium().PdfDocument(data)
    try:
        pages = len(document)
        width, height = document[0].get_size() if pages else (595.0, 842.0)
    finally:
        document.close()
    return PdfInfo(data, pages, float(width), float(height))


def _image(page: Any, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
    # BGRx bytes are QImage's RGB32 on little-endian machines (all we ship to);
    # copy() because the bitmap's memory is freed with it.
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB32).copy()
    bitmap.close()
    return image


def render_pages(data: bytes, indexes: list[int], dpi: float) -> dict[int, QImage]:
    """Pages ``indexes`` (0-based) at ``dpi``; QImage may be made off the GUI thread."""
    document = _pdfium().PdfDocument(data)
    try:
        count = len(document)
        return {i: _image(document[i], dpi) for i in indexes if 0 <= i < count}
    finally:
        document.close()


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print the document on ``printer`` (its page range honoured); returns pages printed.

    Each page is rendered at the printer's resolution (capped) and drawn over
    the whole sheet: the PDF carries its own margins. Returns 0 when the
    printer cannot be started (offline, no permission).
    """
    document = _pdfium().PdfDocument(data)
    painter = QPainter()
    try:
        count = len(document)
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        if count == 0 or first > last or not painter.begin(printer):
            return 0
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            image = _image(document[number - 1], dpi)
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(target.x() + (target.width() - width) / 2,
                                     target.y() + (target.height() - height) / 2,
                                     width, height), image)
        return last - first + 1
    finally:
        if painter.isActive():
            painter.end()
        document.close()
