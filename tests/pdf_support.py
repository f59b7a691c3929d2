"""Printed PDFs read back with what ``uv`` installs: text, pages, fonts, QR codes.

pypdf reads the text and walks the font dictionaries; pypdfium2 (the engine
the preview uses) renders a page for zxing-cpp to decode. No poppler or zbar
on the machine is needed, so a clean clone's ``uv run pytest`` is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2
import zxingcpp
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

# 200 dpi, as the old pdftoppm step used. The sheet's 27 mm code decodes
# from 72 dpi up; 200 dpi leaves a wide margin for a denser payload.
QR_SCALE = 200 / 72

EMBEDDED_FONT_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


def squash(text: str) -> str:
    """Text without white space: extractors differ on the spaces between CJK characters."""
    return re.sub(r"\s+", "", text)


def text_of(pdf: Path, page: int | None = None) -> str:
    """The text of page ``page`` (1-based), or of every page."""
    reader = PdfReader(pdf)
    pages = [reader.pages[page - 1]] if page else reader.pages
    return "\n".join(p.extract_text() for p in pages)


def assert_has(text: str, *expected: str) -> None:
    """Each of ``expected`` occurs in ``text``, white space ignored."""
    flat = squash(text)
    for item in expected:
        assert squash(item) in flat, item


def page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, rounded to 2 places."""
    return [(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in PdfReader(pdf).pages]


def _unseen(resources: DictionaryObject, kind: str, seen: set[int]) -> Iterator[Any]:
    """The ``kind`` entries (``/Font``, ``/XObject``) of ``resources`` not met before.

    ``seen`` holds object numbers: every page refers to the same shared
    fonts, and one form may be drawn on many pages.
    """
    entries = resources.get(kind)
    for ref in (entries.get_object().values() if entries is not None else ()):
        if isinstance(ref, IndirectObject):
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
        yield ref.get_object()


def _fonts_in(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    """Every font a resource dictionary uses, its forms' fonts included."""
    resources = resources.get_object() if resources is not None else DictionaryObject()
    for font in _unseen(resources, "/Font", seen):
        yield font
        # A composite (Type0) font keeps its glyphs in its descendant font.
        yield from (child.get_object() for child in font.get("/DescendantFonts", []))
    for xobject in _unseen(resources, "/XObject", seen):
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts_in(xobject.get("/Resources"), seen)


def fonts_of(pdf: Path) -> list[DictionaryObject]:
    """Every font dictionary the pages (and the forms they draw) refer to, once each."""
    seen: set[int] = set()
    return [font for page in PdfReader(pdf).pages
            for font in _fonts_in(page.get("/Resources"), seen)]


def assert_only_embedded_fonts(pdf: Path) -> None:
    """Every font is ours (WenQuanYi) and embedded; no base-14 font such as Helvetica."""
    fonts = fonts_of(pdf)
    assert fonts, "the PDF uses no font at all"
    for font in fonts:
        name = str(font.get("/BaseFont", ""))
        if font.get("/Subtype") == "/Type0":
            # Its program is in the descendant font, which fonts_of checks too.
            assert "WenQuanYi" in name, f"a font other than ours: {name}"
            continue
        # Base-14 fonts (Helvetica, Times, …) have no descriptor: never embedded.
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"not embedded: {name}"
        assert any(key in descriptor.get_object() for key in EMBEDDED_FONT_KEYS), (
            f"not embedded: {name}")
        assert "WenQuanYi" in name, f"a font other than ours: {name}"


def qr_codes(pdf: Path, page: int = 1) -> list[str]:
    """The text of every QR code on page ``page`` (1-based)."""
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[page - 1].render(scale=QR_SCALE, grayscale=True)
        # A grey image shares the bitmap's memory: decode before the page is closed.
        found = zxingcpp.read_barcodes(bitmap.to_pil(), formats=qr_only)
    finally:
        document.close()
    return [code.text for code in found]
