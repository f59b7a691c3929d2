"""Building blocks of the handover document: section headings that feed the contents
and the PDF outline, bordered tables whose header repeats, label/value grids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from golive_desk.reports.fonts import cjk_font, one_line, text_width
from golive_desk.reports.styles import (
    FRAME,
    GRID,
    HEAD_FILL,
    LABEL_FILL,
    MUTED,
    RULE,
    ZEBRA_FILL,
    cell,
    para,
    styles,
    table_style,
)

PAD_X = 4
PAD_TOP, PAD_BOTTOM = 2.5, 3.5


class SectionHeading(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A numbered section title over a full-width rule, emboldened like BoldTitle.

    When drawn it writes its page number into ``pages`` (the contents of the
    second layout pass read it) and adds an entry to the PDF's outline, so a
    reader can jump to each section in any viewer.
    """

    def __init__(self, number: str, text: str, pages: dict[str, int], *, size: float = 13,
                 level: int = 0) -> None:
        super().__init__()
        self.number = number
        self.text = one_line(text)
        self.pages = pages
        self.size = size
        self.level = level
        self.keepWithNext = True
        self._width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.size * 1.6 + 4 * mm

    def draw(self) -> None:
        canvas = self.canv
        key = f"section-{self.number}"
        self.pages[self.number] = canvas.getPageNumber()
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(f"{self.number} {self.text}", key, level=self.level)
        canvas.saveState()
        base = 2.5 * mm
        text = canvas.beginText()
        text.setFont(cjk_font(), self.size)
        text.setTextRenderMode(2)  # fill and stroke: the font has no bold face
        canvas.setLineWidth(self.size * 0.03)
        text.setTextOrigin(0, base + self.size * 0.3)
        text.textOut(f"{self.number}\u2003{self.text}")
        canvas.drawText(text)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(1.2 if self.level == 0 else 0.5)
        canvas.line(0, base, self._width, base)
        canvas.restoreState()


def sub_heading(text: str) -> Paragraph:
    """A heading inside a section (2.2, a module of the maintenance notes)."""
    heading = para(text, styles().section)
    heading.keepWithNext = True
    return heading


def intro(text: str) -> Paragraph:
    """The sentence under a section heading, kept on the page of what it introduces."""
    line = para(text, styles().value)
    line.keepWithNext = True
    return line


def boxed(content: Flowable, width: float) -> Table:
    """``content`` in a single framed cell (the lessons learned, the acceptance opinion)."""
    table = Table([[content]], colWidths=[width])
    table.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), FRAME, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def title_and_body(text: str) -> list[Flowable]:
    """A cell of two paragraphs: the first line as is, the lines after it in grey (an
    issue's title and its description). Two paragraphs, not one with a line break: a
    first line that fills the cell exactly would leave an empty line after it."""
    s = styles()
    first, _, rest = text.strip().partition("\n")
    cells = [para(first, s.cell)]
    if rest.strip():
        cells.append(para(rest.strip(), s.cell.clone("cell_muted", textColor=MUTED)))
    return cells


Cell: TypeAlias = str | Flowable | list[Flowable]  # what a data_table cell may hold


def data_table(heads: Sequence[str], rows: Sequence[Sequence[Cell]],
               widths: Sequence[float], *, center: Sequence[int] = (),
               empty: str = "") -> Table:
    """A bordered table with a grey header row that repeats on every page.

    Text cells wrap (a Paragraph when they do not fit one line); a row too tall
    for the rest of a page is split. ``center``: the columns centred. ``empty``:
    the line shown (spanning the table) when there are no rows.
    """
    s = styles()
    inner = [w - 2 * PAD_X for w in widths]
    body: list[list[object]] = [[cell(h, s.head, w) for h, w in zip(heads, inner, strict=True)]]
    for row in rows:
        body.append([value if not isinstance(value, str) else
                     cell(value, s.cell_center if i in center else s.cell, inner[i])
                     for i, value in enumerate(row)])
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("FONT", (0, 0), (-1, 0), cjk_font(), s.head.fontSize, s.head.leading),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        *[("ALIGN", (c, 1), (c, -1), "CENTER") for c in center],
    ]
    if not rows:
        body.append([para(empty, s.cell_center)] + [""] * (len(heads) - 1))
        commands += [("SPAN", (0, 1), (-1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 6),
                     ("BOTTOMPADDING", (0, 1), (-1, 1), 7)]
    else:
        commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL) for r in range(2, len(body), 2)]
    table = Table(body, colWidths=list(widths), repeatRows=1, splitInRow=1)
    table.setStyle(table_style(commands, s.cell.fontSize, s.cell.leading))
    return table


def label_grid(rows: Sequence[tuple[str, str | Flowable]], widths: Sequence[float]) -> Table:
    """Label / value pairs in a bordered grid, labels on grey (document control)."""
    s = styles()
    table = Table([[para(label, s.label),
                    para(value, s.value) if isinstance(value, str) else value]
                   for label, value in rows], colWidths=list(widths))
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def side_by_side(cells: Sequence[Flowable], widths: Sequence[float]) -> Table:
    """Flowables in one row without borders (small tables next to each other)."""
    row = Table([list(cells)], colWidths=list(widths))
    row.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return row


class TickBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A square to tick by pen, as tall as a capital and a half of the text beside it;
    ``ticked`` draws the tick (a ✔ glyph, so the PDF's text says which box is ticked)."""

    def __init__(self, ticked: bool = False, size: float = 4.2 * mm) -> None:
        super().__init__()
        self.ticked = ticked
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.ticked:
            font_size = self.size * 0.85
            canvas.setFont(cjk_font(), font_size)
            canvas.drawCentredString(self.size / 2, self.size * 0.2, "✔")
        canvas.restoreState()


def tick_choices(labels: Sequence[str], ticked: int | None, width: float) -> Table:
    """Choices in one row, each a :class:`TickBox` and its label; ``ticked`` is the index
    of the one ticked (None: all blank, for the pen)."""
    s = styles()
    box = 4.2 * mm
    cells: list[Flowable] = []
    widths: list[float] = []
    for index, label in enumerate(labels):
        label_width = text_width(label, s.value.fontSize) + 7 * mm
        cells += [TickBox(index == ticked, box), para(label, s.value)]
        widths += [box + 2 * mm, label_width]
    spare = width - sum(widths)
    if spare < 0:  # too narrow for one line: the labels share what there is
        label_width = (width - len(labels) * (box + 2 * mm)) / len(labels)
        widths = [w if i % 2 == 0 else label_width for i, w in enumerate(widths)]
    row = Table([cells], colWidths=widths)
    row.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    row.hAlign = "LEFT"
    return row
