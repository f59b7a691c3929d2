"""Printing results: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Output:
    json_mode: bool

    def data(self, value: Any, text: str | None = None) -> None:
        """Print ``value`` as JSON, or ``text`` (defaults to the JSON) for people."""
        if self.json_mode:
            sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
        else:
            sys.stdout.write((text if text is not None else json.dumps(
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
        sys.stdout.write("\n".join(lines) + "\n")


def _width(text: str) -> int:
    # CJK characters take two terminal cells.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
