"""Run the benchmarks and print one table.

    uv run python -m bench            # all of them
    uv run python -m bench startup    # only bench/bench_startup.py

Each ``bench/bench_*.py`` exposes ``run() -> list[Row]`` where a row is
``(name, value, baseline_name, baseline_value, unit)``.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

Row = tuple[str, float, str, float, str]


def discover(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    if selected:
        names = [n for n in names if any(s in n for s in selected)]
    return names


def format_table(rows: list[Row]) -> str:
    header = ("benchmark", "value", "baseline", "baseline value", "ratio")
    lines = [header]
    for name, value, base_name, base_value, unit in rows:
        ratio = f"{value / base_value:.2f}×" if base_value else "–"
        lines.append((name, f"{value:,.2f} {unit}", base_name, f"{base_value:,.2f} {unit}",
                      ratio))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        out.append(" | ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)))
        if index == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[Row] = []
    for name in discover(argv):
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} …", file=sys.stderr, flush=True)
        rows.extend(module.run())
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
