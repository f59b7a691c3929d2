"""The schedule's mode symbols, drawn large enough to read on paper and on screen.

In the embedded CJK font ● and ◎ are about 40 % of the type size: at the grid's
10 pt, ◎ printed as a grey speck (about 1.5 mm, hair lines) and ● barely
better. On site (a filled disc) and remote (a ring around a dot) are drawn as
shapes of a fixed size instead; phone keeps the font's ☎, which is large. Each
shape also carries its character as invisible text, so the PDF still reads
"●" and "◎" when searched or copied.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from golive_desk.domain.enums import SupportMode
from golive_desk.reports.fonts import cjk_font
from golive_desk.reports.styles import INK

SYMBOLS: dict[SupportMode, str] = {SupportMode.ONSITE: "●", SupportMode.PHONE: "☎",
                                   SupportMode.REMOTE: "◎"}
RADIUS = 1.35 * mm  # a 2.7 mm disc, about as wide as ☎ at 11 pt
PITCH = 3.2 * mm  # from one mark's centre to the next in a cell holding two
GLYPH_SIZE = 11.0  # ☎ (and the invisible ● and ◎)
_HIDDEN = 3  # PDF text render mode: neither fill nor stroke


class ModeMarks(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The symbols of one half-day (a string of :data:`SYMBOLS` characters), centred."""

    def __init__(self, marks: str) -> None:
        super().__init__()
        self.marks = marks
        self.width = 0.0
        self.height = 2 * RADIUS + 0.6 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        middle = self.height / 2
        first = self.width / 2 - (len(self.marks) - 1) * PITCH / 2
        for n, mark in enumerate(self.marks):
            x = first + n * PITCH
            canvas.saveState()
            canvas.setFillColor(INK)
            canvas.setStrokeColor(INK)
            if mark == SYMBOLS[SupportMode.ONSITE]:
                canvas.circle(x, middle, RADIUS, stroke=0, fill=1)
            elif mark == SYMBOLS[SupportMode.REMOTE]:
                canvas.setLineWidth(0.75)
                canvas.circle(x, middle, RADIUS - 0.375, stroke=1, fill=0)
                canvas.circle(x, middle, RADIUS * 0.4, stroke=0, fill=1)
            text = canvas.beginText()
            text.setFont(cjk_font(), GLYPH_SIZE)
            if mark != SYMBOLS[SupportMode.PHONE]:
                text.setTextRenderMode(_HIDDEN)
            width = canvas.stringWidth(mark, cjk_font(), GLYPH_SIZE)
            text.setTextOrigin(x - width / 2, middle - 0.36 * GLYPH_SIZE)
            text.textOut(mark)
            canvas.drawText(text)
            canvas.restoreState()
