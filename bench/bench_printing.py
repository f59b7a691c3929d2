"""Printing benchmarks, each beside bare reportlab measured in the same run.

(a) One issue sheet (a closed demo issue with a typical history, one page)
    through ``PrintingService.print_sheet`` (read the issue, its timeline and
    the project from the store, lay out the form with platypus, embed the
    font subset) against bare reportlab drawing the same content on a canvas
    at fixed positions (``simpleSplit`` for wrapping, the same grid, the same
    QR code, the same font embedded) — the floor for any layout, with no
    store read.
(b) 1,000 sheets in one PDF (the demo's issues in turn): seconds and peak
    memory (RSS of a fresh process), against bare reportlab drawing the same
    content. The baseline draws each sheet on one page even when its history
    needs two, so it does less than ours there: no splitting, no repeated
    table headers, no continuation pages.

Run alone with ``uv run python bench/bench_printing.py``; ``bench/__main__.py``
calls :func:`run`.
"""

from __future__ import annotations

import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from golive_desk.domain.issues import Issue, IssueQuery, IssueStatus
from golive_desk.reports.flowables import QrCode
from golive_desk.reports.fonts import cjk_font
from golive_desk.reports.models import DocumentInfo, qr_payload
from golive_desk.reports.texts import Texts
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store

Row = tuple[str, float, str, float, str]
SHEETS = 1000


def make_store(folder: Path, issues: int = 60) -> Path:
    path = folder / "bench-print.db"
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    try:
        fill_demo(services, issues=issues)
    finally:
        services.close()
    return path


def typical(services: Services) -> str:
    """A closed demo issue with the median length of history: a whole record on one page."""
    ids = services.issues.list_ids(IssueQuery(project="HX",
                                              statuses=frozenset({IssueStatus.CLOSED})))
    issues = sorted((services.issues.get_by_id(i) for i in ids), key=lambda i: len(i.timeline))
    return issues[len(issues) // 2].number


# -- bare reportlab: the same content, no layout engine -----------------------------------

def bare_sheet(canvas: Canvas, issue: Issue, info: DocumentInfo, texts: Texts) -> None:
    """The sheet's text, grid, QR code and signature boxes drawn at fixed positions."""
    font = cjk_font()
    width, height = A4
    left, right = 18 * mm, width - 18 * mm
    canvas.setFont(font, 8)
    canvas.drawString(left, height - 14 * mm, f"{texts['doc_no']}：{info.doc_no}")
    canvas.drawRightString(right, height - 14 * mm, f"{texts['nature']}：外部")
    canvas.line(left, height - 16 * mm, right, height - 16 * mm)
    canvas.setFont(font, 18)
    canvas.drawCentredString(width / 2, height - 28 * mm, texts["sheet_title"])
    canvas.setFont(font, 9.5)
    y = height - 36 * mm
    for line in (f"{texts['customer']}：{info.customer}",
                 f"{texts['project']}：{info.project_name}",
                 f"{texts['number']}：{issue.number}"):
        canvas.drawString(left, y, line)
        y -= 13.5
    # The same QR drawing as the sheet's (reportlab's matrix, one path): drawn
    # through renderPDF instead, the baseline would be slower and flatter us.
    QrCode(qr_payload(issue.number, info.store_id), 27 * mm).drawOn(
        canvas, right - 27 * mm, height - 48 * mm)
    fields = [("number", issue.number), ("status", texts.enum(issue.status)),
              ("title", issue.title), ("module", issue.module), ("function", issue.function),
              ("category", texts.enum(issue.category)), ("severity", texts.enum(issue.severity)),
              ("reporter", issue.reporter), ("reported_at", issue.reported_at),
              ("assignee", issue.assignee), ("description", issue.description),
              ("cause", issue.cause), ("proposal", issue.proposal)]
    fields += [("timeline", f"{e.at} {e.author} {e.text}") for e in issue.timeline]
    fields += [("resolution", issue.resolution), ("result", issue.result)]
    y = height - 52 * mm
    value_width = right - left - 30 * mm
    for key, value in fields:
        lines = simpleSplit(value or " ", font, 9.5, value_width)
        row = max(1, len(lines)) * 13.5 + 7
        canvas.setFont(font, 9)
        canvas.drawString(left + 5, y - 12, texts[key])
        canvas.setFont(font, 9.5)
        for n, line in enumerate(lines):
            canvas.drawString(left + 30 * mm, y - 12 - n * 13.5, line)
        canvas.rect(left, y - row, right - left, row)
        canvas.line(left + 25 * mm, y, left + 25 * mm, y - row)
        y -= row
    canvas.rect(left, y - 40 * mm, (right - left) / 2, 35 * mm)
    canvas.rect(left + (right - left) / 2, y - 40 * mm, (right - left) / 2, 35 * mm)
    canvas.setFont(font, 9)
    canvas.drawString(left + 8, y - 12 * mm, texts["sign_consultant"])
    canvas.drawString(left + (right - left) / 2 + 8, y - 12 * mm, texts["sign_customer"])
    canvas.setFont(font, 8)
    canvas.drawCentredString(width / 2, 9 * mm, texts.page(1, 1))
    canvas.showPage()


def bare_pdf(issues: list[Issue], info: DocumentInfo) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=cjk_font())
    texts = Texts("zh_CN")
    for issue in issues:
        bare_sheet(canvas, issue, info, texts)
    canvas.save()
    return out.getvalue()


# -- measuring ----------------------------------------------------------------------------

def median_ms(fn: Callable[[], object], repeat: int = 15) -> float:
    fn()  # warm: the font is parsed once per process
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def one_sheet(store: Path) -> tuple[float, float]:
    services = Services.open(store)
    try:
        number = typical(services)
        ours = median_ms(lambda: services.printing.print_sheet([number], "zh_CN"))
        issue = services.issues.get(number)
        info = services.printing.document_info("HX")
        bare = median_ms(lambda: bare_pdf([issue], info))
    finally:
        services.close()
    return ours, bare


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
        start = time.perf_counter()
        data = bare_pdf([issues[n] for n in batch], info)
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
        ours, bare = one_sheet(store)
        big = thousand(store, "ours")
        big_bare = thousand(store, "bare")
    return [
        ("print: one issue sheet (service)", ours, "bare reportlab, same content", bare, "ms"),
        (f"print: {SHEETS:,} sheets in one PDF", big["seconds"], "bare reportlab",
         big_bare["seconds"], "s"),
        (f"print: {SHEETS:,} sheets, peak RSS", big["peak_mb"], "bare reportlab",
         big_bare["peak_mb"], "MB"),
    ]


if __name__ == "__main__":
    from bench.__main__ import format_table

    print(format_table(run()))
