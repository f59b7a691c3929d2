"""Paragraph and table styles shared by the sheet and the register.

Black on white with light grey label cells: the documents are printed on
office laser printers and photocopied, so nothing depends on colour.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from golive_desk.reports.fonts import cjk_font, markup, printable, text_width

INK = colors.black
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#222222")
LABEL_FILL = colors.HexColor("#EDEFF2")
HEAD_FILL = colors.HexColor("#D9DDE3")
ZEBRA_FILL = colors.HexColor("#F7F8FA")
WARN = colors.HexColor("#9A3412")

GRID = 0.5
FRAME = 1.0


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    value_small: ParagraphStyle
    head: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    note: ParagraphStyle
    warn: ParagraphStyle
    section: ParagraphStyle
    right: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The styles, built once per process (after the font is registered)."""
    font = cjk_font()

    def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        # CJK wrapping keeps closing punctuation (，。）」) off the start of a
        # line, as Chinese typesetting requires, by letting it hang past the
        # line's end. Its ink sits in the left half of the em: half an em of
        # right indent keeps it inside a table cell.
        options: dict[str, object] = {"textColor": INK, "alignment": TA_LEFT,
                                      "wordWrap": "CJK", "rightIndent": size / 2, **kw}
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)

    return Styles(
        title=style("title", 18, 24, alignment=TA_CENTER, spaceAfter=2),
        subtitle=style("subtitle", 9.5, 13, alignment=TA_CENTER, textColor=MUTED),
        label=style("label", 9, 12),
        value=style("value", 9.5, 13.5),
        value_small=style("value_small", 8.5, 11.5),
        head=style("head", 8.5, 11, alignment=TA_CENTER, rightIndent=0),
        cell=style("cell", 8, 10.5),
        cell_center=style("cell_center", 8, 10.5, alignment=TA_CENTER, rightIndent=0),
        note=style("note", 8, 11, textColor=MUTED),
        warn=style("warn", 8.5, 12, textColor=WARN),
        section=style("section", 11, 15, spaceBefore=8, spaceAfter=4),
        right=style("right", 9, 12, alignment=TA_RIGHT),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: unprintable characters become □, markup is escaped."""
    return Paragraph(markup(text), style)


def cell(text: str, style: ParagraphStyle, width: float) -> Paragraph | str:
    """A table cell: plain text when it fits on one line, else a wrapping paragraph.

    A table draws a plain string directly, several times faster than a
    Paragraph (which parses markup and breaks lines); most cells of a sheet
    and of the register are short. The table's FONT must match ``style``.
    """
    clean = printable(text)
    if "\n" not in clean and "\r" not in clean and "\t" not in clean and (
            text_width(clean, style.fontSize) <= width):
        return clean
    return Paragraph(markup(text), style)


def wide_cell(text: str, style: ParagraphStyle, width: float) -> Paragraph | str:
    """A cell that must look exactly like ``para(text, style)`` in ``width`` points.

    Plain text when the paragraph would be one line: it fits inside the
    style's right indent and has no white space the paragraph would fold
    (runs of spaces, spaces at either end, line breaks, tabs).
    """
    clean = printable(text)
    if (clean and " ".join(clean.split()) == clean
            and text_width(clean, style.fontSize) <= width - style.rightIndent):
        return clean
    return Paragraph(markup(text), style)


def table_style(commands: Sequence[tuple[object, ...]], size: float = 8,
                leading: float = 10.5) -> TableStyle:
    """A table style whose cells use the CJK font (``size`` for plain-text cells).

    reportlab sets each cell's font before drawing it, even for an empty span
    filler, and its default is Helvetica: that would put a non-embedded font
    in the PDF.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), cjk_font(), size, leading), *commands])
