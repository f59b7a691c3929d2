"""Small flowables: a bold title in a font that has no bold, and a QR code."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from golive_desk.reports.fonts import cjk_font, one_line
from golive_desk.reports.qr import qr_matrix

_DARK_RUNS = re.compile(rb"\x01+")  # a row's modules as bytes: runs of dark ones


class BoldTitle(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A centred one-line title, emboldened by stroking the glyph outlines.

    WenQuanYi Micro Hei has no bold face; stroking keeps the text real text
    (searchable, copyable) instead of faking weight with an image.
    """

    def __init__(self, text: str, size: float, space_after: float = 2) -> None:
        super().__init__()
        self.text = one_line(text)
        self.size = size
        self.space_after = space_after
        self._width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.size * 1.25 + self.space_after

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        text = canvas.beginText()
        text.setFont(cjk_font(), self.size)
        text.setTextRenderMode(2)  # fill, then stroke the outline
        canvas.setLineWidth(self.size * 0.035)
        width = canvas.stringWidth(self.text, cjk_font(), self.size)
        text.setTextOrigin((self._width - width) / 2, self.space_after + self.size * 0.25)
        text.textOut(self.text)
        canvas.drawText(text)
        canvas.restoreState()


class QrCode(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A QR code drawn as filled rectangles, ``size`` points square, quiet zone included.

    reportlab's QR encoder gives the module matrix (see ``qr.py``); drawing
    it ourselves (one path, runs of dark modules merged) avoids the graphics
    renderer, which would set a default Times font on the page that is never
    embedded.
    """

    QUIET = 4  # modules of white border that scanners need

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.matrix = qr_matrix(value, "M")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count = len(self.matrix)
        module = self.size / (count + 2 * self.QUIET)
        origin = self.QUIET * module
        path = self.canv.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.size - origin - (r + 1) * module
            for run in _DARK_RUNS.finditer(bytes(row)):
                start = run.start()
                path.rect(origin + start * module, y, (run.end() - start) * module, module)
        self.canv.saveState()
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()
