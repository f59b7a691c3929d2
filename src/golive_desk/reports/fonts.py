"""The one font of every printed page, and what to do with characters it lacks.

Every text on a printed page is drawn with WenQuanYi Micro Hei from
``resources/fonts`` and embedded as a subset, so a sheet prints the same on a
customer's laptop with no Chinese fonts as on ours. reportlab's built-in
Helvetica is never used: it is not embedded, and a printer without it
substitutes a font of its own.

The font covers the Chinese of daily business (GB 2312 and most of GBK) but
no emoji and few rare CJK characters (extension B and later). Such characters
are printed as a visible placeholder (□) rather than dropped: the reader sees
that something was there and can look it up in the program.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from golive_desk.paths import cjk_font_path

FONT_NAME = "GoLiveCJK"
PLACEHOLDER = "\u25a1"  # □: in the font, and what readers know as "missing character"

_ZWJ = "\u200d"
_KEEP_CONTROLS = frozenset("\n\r\t")
_CONTROL_OR_JOINER = re.compile("[\x00-\x1f\u200d]")  # in the font's map, yet never kept


@functools.cache
def cjk_font() -> str:
    """Register the CJK font with reportlab (once per process); returns its name.

    Parsing the 5 MB collection takes about 0.1 s, so it is done on first use
    and cached rather than at import time.
    """
    font = TTFont(FONT_NAME, str(cjk_font_path()), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return FONT_NAME


@functools.cache
def _coverage() -> frozenset[int]:
    font = pdfmetrics.getFont(cjk_font())
    return frozenset(font.face.charToGlyph)


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by □.

    Control characters (other than newline and tab) are dropped: they come
    from pasted or imported text and have no glyph. Joiners, variation
    selectors and skin-tone modifiers are folded into the placeholder of the
    character they modify, so one emoji prints as one □, not three.
    """
    covered = _coverage()
    if covered.issuperset(map(ord, text)) and not _CONTROL_OR_JOINER.search(text):
        return text  # nearly every text: one check in C instead of a loop per character
    out: list[str] = []
    joined = False
    for ch in text:
        if ch == _ZWJ:
            joined = True
            continue
        code = ord(ch)
        if code in covered and code >= 0x20:
            out.append(ch)
            joined = False
            continue
        if ch in _KEEP_CONTROLS:
            out.append(ch)
            joined = False
            continue
        kind = unicodedata.category(ch)
        if kind in ("Cc", "Cf", "Cs", "Mn", "Me", "Sk"):
            continue  # controls, joiners, selectors, modifiers: nothing of their own
        if joined and out and out[-1] == PLACEHOLDER:
            joined = False
            continue  # the next part of an emoji sequence: already shown
        out.append(PLACEHOLDER)
        joined = False
    return "".join(out)


def markup(text: str) -> str:
    """``text`` made safe for a reportlab Paragraph: printable, escaped, line breaks kept."""
    clean = printable(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return escape(clean).replace("\n", "<br/>")


def one_line(text: str) -> str:
    """``text`` printable on one line: line breaks and tabs become spaces."""
    return " ".join(printable(text).split())


def text_width(text: str, size: float) -> float:
    """Width in points of ``text`` set in the CJK font at ``size``."""
    return float(pdfmetrics.stringWidth(text, cjk_font(), size))
