"""Page furniture: headers, "第 x 页 / 共 y 页" footers, and documents built with them.

The page count of a sheet is known only when its last page is laid out. Each
page therefore draws its number through a PDF form (an XObject) that is
defined once the group of pages is complete: pages are written as usual and
nothing is held back, so a batch of 1,000 sheets needs no more memory than
bare reportlab. A batch of issue sheets is one PDF, but each sheet is
numbered on its own ("page 2 of 2" of that issue): a zero-size
:class:`GroupMark` at the top of each sheet starts a new group.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from golive_desk.reports.fonts import cjk_font, one_line, text_width
from golive_desk.reports.styles import MUTED, RULE


@dataclass(frozen=True, slots=True)
class PageInfo:
    """Which page this is within its group (1-based); ``group`` as marked."""

    group: str
    page: int


@dataclass(frozen=True, slots=True)
class PageNumber:
    """Where "page x of y" goes: centred on ``x`` at ``y``, in ``size`` and ``gray``."""

    x: float
    y: float
    size: float
    text: Callable[[int, int], str]
    gray: float = 0.33


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
        self.canv.golive_next_group = self.key


class _NumberingCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Draws the furniture on each page and the page numbers once a group is complete."""

    def __init__(self, *args: Any, furniture: Furniture, number: PageNumber,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._number = number
        self._group = ""
        self._group_pages: list[int] = []  # serial numbers of the open group's pages
        self._serial = 0
        self.golive_next_group: str | None = None

    def showPage(self) -> None:  # reportlab's name
        if self.golive_next_group is not None:
            # This page opens a new group, so the previous one is complete.
            self._close_group()
            self._group, self.golive_next_group = self.golive_next_group, None
        self._serial += 1
        self._group_pages.append(self._serial)
        self.saveState()
        self._furniture(self, PageInfo(self._group, len(self._group_pages)))
        self.doForm(f"GoLivePageNo{self._serial}")  # defined later: reportlab allows it
        self.restoreState()
        super().showPage()

    def _close_group(self) -> None:
        total = len(self._group_pages)
        number = self._number
        for page, serial in enumerate(self._group_pages, start=1):
            self.beginForm(f"GoLivePageNo{serial}")
            self.setFillGray(number.gray)
            draw_text(self, number.x, number.y, number.text(page, total), number.size,
                      align="center")
            self.endForm()
        self._group_pages = []

    def save(self) -> None:
        self._close_group()
        super().save()


class _LazyStory(list[Flowable]):
    """The story, made one sheet at a time as the layout consumes it.

    reportlab's build takes flowables from the front of its list and deletes
    them; refilling on delete keeps only a few sheets' flowables alive
    instead of a whole batch's.
    """

    def __init__(self, chunks: Iterator[list[Flowable]], low: int = 12) -> None:
        super().__init__()
        self._chunks: Iterator[list[Flowable]] | None = chunks
        self._low = low
        self._refill()

    def _refill(self) -> None:
        while self._chunks is not None and len(self) < self._low:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._chunks = None
            else:
                self.extend(chunk)

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        self._refill()


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


def build_pdf(story: Iterable[list[Flowable]], layout: Layout, furniture: Furniture,
              number: PageNumber, *, title: str, author: str = "", subject: str = "") -> bytes:
    """Lay out ``story`` (chunks of flowables, made as needed) and return the PDF's bytes."""
    buffer = io.BytesIO()
    font = cjk_font()
    doc = BaseDocTemplate(
        buffer, pagesize=layout.size, leftMargin=layout.left, rightMargin=layout.right,
        topMargin=layout.top, bottomMargin=layout.bottom, title=title, author=author,
        subject=subject, creator="GoLive Desk",
        # The canvas would otherwise start each page in Helvetica, a font that
        # is never embedded; starting in the CJK font keeps every font embedded.
        initialFontName=font, initialFontSize=9,
    )
    frame = Frame(layout.left, layout.bottom, layout.frame_width,
                  layout.size[1] - layout.top - layout.bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker = functools.partial(_NumberingCanvas, furniture=furniture, number=number)
    doc.build(_LazyStory(iter(story)), canvasmaker=maker)
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


def draw_running_lines(canvas: Canvas, layout: Layout, *, heading: str, top_right: str,
                       bottom_left: str, bottom_right: str) -> None:
    """The head and foot of a landscape document's page: a line of text above a rule at
    the top, and a rule above a line of text at the bottom (register, schedule)."""
    width, height = layout.size
    left, right = layout.left, width - layout.right
    top = height - layout.top + 6 * mm
    canvas.saveState()
    canvas.setFillColor(MUTED)
    draw_text(canvas, left, top, heading, 8, max_width=(right - left) / 2)
    draw_text(canvas, right, top, top_right, 8, align="right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 2.2 * mm, right, top - 2.2 * mm)
    bottom = layout.bottom - 8 * mm
    canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    draw_text(canvas, left, bottom, bottom_left, 8)
    draw_text(canvas, right, bottom, bottom_right, 8, align="right")
    canvas.restoreState()
