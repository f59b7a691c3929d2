"""Rich text escaping: the same as the standard library's, for every character it minds."""

from __future__ import annotations

import html

import pytest

from golive_desk.ui.rich_text import escape


@pytest.mark.parametrize("text", [
    "", "张力 · 电话 · 全天", "<b>粗体</b>", "A & B", "\"quoted\" and 'single'",
    "&amp; already", "a<b>c&d\"e'f", "换行\n制表\t", "<script>alert('x')</script>",
])
def test_escape_matches_the_standard_library(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_escaped_text_holds_no_markup() -> None:
    shown = escape("<a href=\"x\">链接</a> & 'y'")
    assert "<" not in shown
    assert ">" not in shown
    assert '"' not in shown
