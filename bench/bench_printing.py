"""Printing benchmarks, each beside bare reportlab measured in the same run.

(a) One issue sheet (a closed demo issue with a typical history, one page)
    through ``PrintingService.print_sheet`` (read the issue, its timeline and
    the project from the store, lay out the form with platypus, embed the
    font subset) against bare reportlab drawing the same page on a canvas at
    computed positions (``bare_sheet.py``) — the floor for any layout, with
    no store read. A second row gives that baseline our QR encoder
    (``reports/qr.py``: reportlab's symbol, made faster), so its ratio shows
    the service's layout and store overhead alone. The three take turns.
(b) 1,000 sheets in one PDF (the demo's issues in turn): seconds and peak
    memory (RSS of a fresh process), against bare reportlab drawing the same
    pages (and, for seconds, the same with our QR encoder). Sheets whose
    history needs two pages get two in both, with the same page breaks.
    Each runs twice, in turn; the faster run counts.

Run alone with ``uv run python -m bench.bench_printing``; ``bench/__main__.py``
calls :func:`run`.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.bare_sheet import bare_pdf, reportlab_qr
from golive_desk.domain.issues import IssueQuery, IssueStatus
from golive_desk.reports.fonts import cjk_font
from golive_desk.reports.qr import qr_matrix
from golive_desk.services.container import Services
from golive_desk.services.demo import demo_store

Row = tuple[str, float, str, float, str]
SHEETS = 1000


def make_store(folder: Path, issues: int = 60) -> Path:
    return demo_store(folder / "bench-print.db", issues)


def typical(services: Services) -> str:
    """A closed demo issue with the median length of history: a whole record on one page."""
    ids = services.issues.list_ids(IssueQuery(project="HX",
                                              statuses=frozenset({IssueStatus.CLOSED})))
    issues = sorted((services.issues.get_by_id(i) for i in ids), key=lambda i: len(i.timeline))
    return issues[len(issues) // 2].number


# -- measuring ----------------------------------------------------------------------------

def interleaved_ms(fns: Sequence[Callable[[], object]], repeat: int = 25) -> list[float]:
    """The median milliseconds of each of ``fns``, run in turn.

    Taking turns spreads a change in the machine's load (the bench shares its
    cores) over all of them alike, so their ratio holds.
    """
    for fn in fns:
        fn()  # warm: the font is parsed once per process
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, spent in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) * 1000 for spent in times]


def one_sheet(store: Path) -> list[float]:
    """Milliseconds for the service's sheet, the bare one, and the bare one with our QR."""
    services = Services.open(store)
    try:
        number = typical(services)
        issue = services.issues.get(number)
        info = services.printing.document_info("HX")
        return interleaved_ms([lambda: services.printing.print_sheet([number], "zh_CN"),
                               lambda: bare_pdf([issue], info),
                               lambda: bare_pdf([issue], info, qr_matrix)])
    finally:
        services.close()


def _child(kind: str, store: str) -> None:
    """In a fresh process: make 1,000 sheets, print seconds and peak RSS as JSON."""
    services = Services.open(Path(store))
    numbers = [i.number for i in services.issues.list_issues(IssueQuery(project="HX"))]
    batch = [numbers[i % len(numbers)] for i in range(SHEETS)]
    cjk_font()
    if kind == "ours":
        start = time.perf_counter()
        data = services.printing.print_sheet(batch, "zh_CN")
    else:
        issues = {n: services.issues.get(n) for n in numbers}
        info = services.printing.document_info("HX")
        make_qr = qr_matrix if kind == "bare, our QR" else reportlab_qr
        start = time.perf_counter()
        data = bare_pdf([issues[n] for n in batch], info, make_qr)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    services.close()
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "bytes": len(data)}))


def thousand(store: Path, kind: str) -> dict[str, float]:
    code = f"from bench.bench_printing import _child; _child({kind!r}, {str(store)!r})"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=root).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        store = make_store(Path(tmp))
        ours, bare, bare_our_qr = one_sheet(store)
        # Twice each, in turn, keeping the faster: one run can meet another
        # program's burst of work.
        kinds = ("ours", "bare", "bare, our QR")
        runs = [(kind, thousand(store, kind)) for _ in range(2) for kind in kinds]
        big = {kind: min((r for k, r in runs if k == kind), key=lambda r: r["seconds"])
               for kind in kinds}
    sheets = f"print: {SHEETS:,} sheets in one PDF"
    # Our QR encoder (reports/qr.py) makes reportlab's symbol faster: given to
    # the baseline too, the ratio shows the layout and store overhead alone.
    return [
        ("print: one issue sheet (service)", ours, "bare reportlab, same content", bare, "ms"),
        ("print: one issue sheet (service)", ours, "… with our QR encoder", bare_our_qr, "ms"),
        (sheets, big["ours"]["seconds"], "bare reportlab", big["bare"]["seconds"], "s"),
        (sheets, big["ours"]["seconds"], "… with our QR encoder",
         big["bare, our QR"]["seconds"], "s"),
        (f"print: {SHEETS:,} sheets, peak RSS", big["ours"]["peak_mb"], "bare reportlab",
         big["bare"]["peak_mb"], "MB"),
    ]


if __name__ == "__main__":
    from bench.__main__ import format_table

    print(format_table(run()))
