"""Page furniture: headers, "第 x 页 / 共 y 页" footers, and documents built with them.

The page count is known only when the last page is laid out, so the canvas
keeps each finished page's drawing and paints headers and footers at save
time. A batch of issue sheets is one PDF, but each sheet is numbered on its
own ("page 2 of 2" of that issue): a zero-size :class:`GroupMark` at the top
of each sheet tells the canvas where a new group of pages begins.
"""

from __future__ import annotations

import functools
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from golive_desk.reports.fonts import cjk_font, one_line, text_width


@dataclass(frozen=True, slots=True)
class PageInfo:
    """Where a page stands in its group: ``page`` of ``pages``; ``group`` as marked."""

    group: str
    page: int
    pages: int


Furniture = Callable[[Canvas, PageInfo], None]


class GroupMark(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Starts a new numbering group (one issue sheet) on the page it lands on."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.golive_group = self.key


class _DeferredCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Holds every page until :meth:`save`, then paints the furniture with the totals."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []
        self._groups: list[str] = []
        self.golive_group = ""

    def showPage(self) -> None:  # reportlab's name
        self._held.append(dict(self.__dict__))
        self._groups.append(self.golive_group)
        self._startPage()

    def save(self) -> None:
        totals = Counter(self._groups)
        seen: Counter[str] = Counter()
        for state, group in zip(self._held, self._groups, strict=True):
            self.__dict__.update(state)
            seen[group] += 1
            self._furniture(self, PageInfo(group, seen[group], totals[group]))
            Canvas.showPage(self)
        self._held.clear()
        super().save()


@dataclass(frozen=True, slots=True)
class Layout:
    """Page size and margins in points."""

    size: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.size[0] - self.left - self.right


def build_pdf(story: Sequence[Flowable], layout: Layout, furniture: Furniture, *,
              title: str, author: str = "", subject: str = "") -> bytes:
    """Lay out ``story`` on ``layout`` pages and return the PDF's bytes."""
    buffer = io.BytesIO()
    font = cjk_font()
    doc = BaseDocTemplate(
        buffer, pagesize=layout.size, leftMargin=layout.left, rightMargin=layout.right,
        topMargin=layout.top, bottomMargin=layout.bottom, title=title, author=author,
        subject=subject, creator="GoLive Desk",
        # The canvas would otherwise start each page in Helvetica, a font that
        # is never embedded; the CJK font keeps `pdffonts` clean.
        initialFontName=font, initialFontSize=9,
    )
    frame = Frame(layout.left, layout.bottom, layout.frame_width,
                  layout.size[1] - layout.top - layout.bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=functools.partial(_DeferredCanvas, furniture=furniture))
    return buffer.getvalue()


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *,
              align: str = "left", max_width: float | None = None) -> None:
    """One line of user text in the CJK font, shortened with … to ``max_width``."""
    line = fit(one_line(text), size, max_width) if max_width else one_line(text)
    canvas.setFont(cjk_font(), size)
    if align == "right":
        canvas.drawRightString(x, y, line)
    elif align == "center":
        canvas.drawCentredString(x, y, line)
    else:
        canvas.drawString(x, y, line)


def fit(text: str, size: float, max_width: float | None) -> str:
    """``text`` cut with … so it fits ``max_width`` points."""
    if max_width is None or text_width(text, size) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if text_width(text[:mid] + "…", size) <= max_width:
            low = mid
        else:
            high = mid - 1
    return text[:low] + "…"
