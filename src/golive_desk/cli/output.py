"""Printing results: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# C0 controls but newline and tab, DEL and the C1 controls (ESC, CSI, OSC…):
# stored text comes from other computers and must not drive the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), newline and tab kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass
class Output:
    json_mode: bool

    def data(self, value: Any, text: str | None = None) -> None:
        """Print ``value`` as JSON, or ``text`` (defaults to the JSON) for people."""
        if self.json_mode:
            sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
        else:
            sys.stdout.write(visible(text if text is not None else json.dumps(
                value, ensure_ascii=False, indent=2, default=str)) + "\n")

    def table(self, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
        if self.json_mode:
            self.data(list(rows))
            return
        if not rows:
            sys.stdout.write("(none)\n")
            return
        widths = {c: max(_width(c), *(_width(str(r.get(c) or "")) for r in rows)) for c in columns}
        lines = ["  ".join(_pad(c, widths[c]) for c in columns)]
        lines += ["  ".join(_pad(str(r.get(c) or ""), widths[c]) for c in columns) for r in rows]
        sys.stdout.write(visible("\n".join(lines)) + "\n")


def _width(text: str) -> int:
    # CJK characters take two terminal cells.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
