"""The issue sheet drawn with bare reportlab: the printing benchmark's baseline.

The sheet's page drawn with canvas calls at computed positions: the same
header and footer, stroked title, QR code, the same fields in the same two-
and four-column grid with grey label cells, the process table with its two
header rows (repeated on a new page), the result grid, the signature boxes,
and "第 x 页 / 共 y 页". Text is made printable (□ for what the font lacks)
and wrapped character by character, the floor of CJK line breaking. Rows
that do not fit break onto a new page line by line, as the sheet's rows do,
and the result and signatures move to the next page together. The bench's
issues have no attachments or sync conflicts, so those rows are left out.

The QR code is reportlab's own encoder unless ``make_qr`` says otherwise;
it is drawn as one path, like the sheet's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from golive_desk.domain.issues import Issue
from golive_desk.reports.fonts import cjk_font, one_line, printable
from golive_desk.reports.issue_sheet import printed_entry, timeline_text
from golive_desk.reports.models import DocumentInfo, local_time, qr_payload
from golive_desk.reports.styles import FRAME, GRID, HEAD_FILL, INK, LABEL_FILL, MUTED, RULE
from golive_desk.reports.texts import Texts

WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 18 * mm, WIDTH - 18 * mm, HEIGHT - 17 * mm, 15 * mm
LABEL_W = 25 * mm
VALUE_W = (RIGHT - LEFT - 2 * LABEL_W) / 2
TIMELINE_W = (29 * mm, 28 * mm, 16 * mm, RIGHT - LEFT - 73 * mm)
QR_SIZE = 24 * mm


@dataclass
class BareCell:
    width: float
    lines: list[str]
    size: float
    leading: float
    fill: Color | None = None
    centred: bool = False


@dataclass
class BareRow:
    cells: list[BareCell]
    pad: tuple[float, float, float] = (3, 4, 5)  # top, bottom, left/right
    middle: bool = False
    min_height: float = 0.0
    table: int = 0  # rows of one table share its outer frame
    head: bool = False  # repeated at the top of a page the table continues on

    @property
    def height(self) -> float:
        text = max(len(c.lines) * c.leading for c in self.cells)
        return max(self.min_height, text + self.pad[0] + self.pad[1])


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` made printable and broken into lines of ``width`` points, char by char."""
    face = pdfmetrics.getFont(cjk_font()).face
    widths, default, limit = face.charWidths, face.defaultWidth, width * 1000 / size
    lines: list[str] = []
    for paragraph in printable(text).splitlines() or [""]:
        start, used = 0, 0.0
        for index, ch in enumerate(paragraph):
            w = widths.get(ord(ch), default)
            if used + w > limit and index > start:
                lines.append(paragraph[start:index])
                start, used = index, 0.0
            used += w
        lines.append(paragraph[start:])
    return lines


def grid_rows(pairs: list[tuple[str, ...]], texts: Texts, table: int,
              min_heights: dict[int, float]) -> list[BareRow]:
    rows = []
    for index, pair in enumerate(pairs):
        if len(pair) == 2:
            widths = [LABEL_W, RIGHT - LEFT - LABEL_W]
            cells = [(texts[pair[0]], LABEL_FILL), (pair[1], None)]
        else:
            widths = [LABEL_W, VALUE_W, LABEL_W, VALUE_W]
            cells = [(texts[pair[0]], LABEL_FILL), (pair[1], None),
                     (texts[pair[2]], LABEL_FILL), (pair[3], None)]
        row = [BareCell(w, wrap(t, 9 if fill else 9.5, w - 10), 9 if fill else 9.5,
                        12 if fill else 13.5, fill)
               for w, (t, fill) in zip(widths, cells, strict=True)]
        rows.append(BareRow(row, middle=len(pair) == 4, table=table,
                            min_height=min_heights.get(index, 0.0)))
    return rows


def sheet_rows(issue: Issue, info: DocumentInfo, texts: Texts) -> tuple[list[BareRow], int]:
    """The rows of the record grid, process table and result grid; the closing rows' start."""
    status = texts.enum(issue.status) + (f"（{texts['deleted']}）" if issue.deleted else "")
    updated = local_time(issue.updated_at)
    rows = grid_rows([
        ("customer", info.customer, "project", f"{info.project_name}（{info.project_code}）"),
        ("number", issue.number, "status", status), ("title", issue.title),
        ("module", issue.module, "function", issue.function),
        ("category", texts.enum(issue.category), "severity", texts.enum(issue.severity)),
        ("reporter", issue.reporter, "reporter_dept", issue.reporter_dept),
        ("reported_at", issue.reported_at.replace("T", " "), "expected_by",
         issue.expected_by.isoformat() if issue.expected_by else ""),
        ("mode", texts.enum(issue.mode), "assignee", issue.assignee),
        ("description", issue.description), ("cause", issue.cause),
        ("proposal", issue.proposal)], texts, 1, {8: 20 * mm, 9: 11 * mm, 10: 11 * mm})
    pad = (3, 4, 4)
    rows.append(BareRow([BareCell(RIGHT - LEFT, [texts["timeline"]], 9, 12, LABEL_FILL)],
                        pad, table=2, head=True))
    rows.append(BareRow([BareCell(w, [texts[k]], 8.5, 11, HEAD_FILL, centred=True) for k, w in
                         zip(("tl_at", "tl_kind", "tl_author", "tl_text"), TIMELINE_W,
                             strict=True)], pad, table=2, head=True))
    for e in sorted((e for e in issue.timeline if printed_entry(e)), key=lambda e: e.at):
        values = (e.at.replace("T", " "), texts.enum(e.kind), e.author, timeline_text(e, texts))
        rows.append(BareRow([BareCell(w, wrap(v, 8, w - 8), 8, 10.5) for v, w in
                             zip(values, TIMELINE_W, strict=True)], pad, table=2))
    closing = len(rows)
    rows += grid_rows([
        ("resolution", issue.resolution), ("result", issue.result),
        ("confirmed_by", issue.confirmed_by, "confirmed_at",
         issue.confirmed_at.isoformat() if issue.confirmed_at else ""),
        ("maintenance_note", texts.yes_no(issue.maintenance_note), "updated_at",
         updated.strftime("%Y-%m-%d %H:%M") if updated else issue.updated_at)],
        texts, 3, {0: 11 * mm, 1: 11 * mm})
    return rows, closing


def split_row(row: BareRow, room: float) -> tuple[BareRow, BareRow] | None:
    """``row`` cut where ``room`` points run out, or None if not even a line fits."""
    keep = [int((room - row.pad[0] - row.pad[1]) // c.leading) for c in row.cells]
    if min(keep) < 1:
        return None
    first = [BareCell(c.width, c.lines[:k], c.size, c.leading, c.fill, c.centred)
             for c, k in zip(row.cells, keep, strict=True)]
    rest = [BareCell(c.width, c.lines[k:], c.size, c.leading, c.fill, c.centred)
            for c, k in zip(row.cells, keep, strict=True)]
    return (BareRow(first, row.pad, row.middle, 0, row.table),
            BareRow(rest, row.pad, row.middle, 0, row.table))


def paginate(rows: list[BareRow], first_top: float, closing: int,
             closing_extra: float) -> list[list[BareRow]]:
    """Rows per page; a continued table repeats its head; the closing rows stay together."""
    pages: list[list[BareRow]] = [[]]
    room = first_top - BOTTOM
    heads = [r for r in rows if r.head]
    tail = sum(r.height for r in rows[closing:]) + closing_extra
    queue = list(enumerate(rows))
    while queue:
        index, row = queue.pop(0)
        if (tail if index == closing else row.height) <= room or not pages[-1]:
            pages[-1].append(row)
            room -= row.height
            continue
        cut = split_row(row, room) if index != closing else None
        if cut is not None:
            pages[-1].append(cut[0])
            row = cut[1]
        queue.insert(0, (-1 if cut else index, row))
        pages.append(list(heads) if row.table == 2 and not row.head else [])
        room = TOP - BOTTOM - sum(r.height for r in pages[-1])
    return pages


def draw_rows(canvas: Canvas, rows: list[BareRow], top: float) -> float:
    """Draw ``rows`` downwards from ``top`` with grid and table frames; returns the bottom."""
    frames: dict[int, list[float]] = {}
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(GRID)
    for row in rows:
        height, x = row.height, LEFT
        for c in row.cells:
            if c.fill is not None:
                canvas.setFillColor(c.fill)
                canvas.rect(x, top - height, c.width, height, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.setFont(cjk_font(), c.size)
            free = height - len(c.lines) * c.leading - row.pad[0] - row.pad[1]
            y = top - row.pad[0] - c.size - (free / 2 if row.middle else 0)
            for line in c.lines:
                if c.centred:
                    canvas.drawCentredString(x + c.width / 2, y, line)
                else:
                    canvas.drawString(x + row.pad[2], y, line)
                y -= c.leading
            x += c.width
        # The grid: the row's bottom rule and the rules between its cells.
        edges = [(LEFT, top - height, RIGHT, top - height)]
        x = LEFT
        for c in row.cells[:-1]:
            x += c.width
            edges.append((x, top, x, top - height))
        canvas.lines(edges)
        frames.setdefault(row.table, [top, top])[1] = top - height
        top -= height
    canvas.setLineWidth(FRAME)
    for upper, lower in frames.values():
        canvas.rect(LEFT, lower, RIGHT - LEFT, upper - lower)
    return top


def reportlab_qr(value: str) -> list[list[bool]]:
    """The QR module matrix as reportlab's own encoder makes it (``QRCode.make``)."""
    code = QrCodeWidget(value, barLevel="M").qr
    code.make()
    modules: list[list[bool]] = code.modules
    return modules


QrMaker = Callable[[str], list[list[bool]]]


def bare_heading(canvas: Canvas, issue: Issue, info: DocumentInfo, texts: Texts,
                 make_qr: QrMaker) -> None:
    """The stroked title and the QR code, drawn as one path like the sheet's."""
    canvas.saveState()  # the stroke render mode must not outlive the title
    text = canvas.beginText()
    text.setFont(cjk_font(), 18)
    text.setTextRenderMode(2)
    canvas.setLineWidth(18 * 0.035)
    title = texts["sheet_title"]
    text.setTextOrigin((WIDTH - canvas.stringWidth(title, cjk_font(), 18)) / 2,
                       TOP - QR_SIZE / 2 - 4)
    text.textOut(title)
    canvas.drawText(text)
    canvas.restoreState()
    matrix = make_qr(qr_payload(issue.number, info.store_id))
    module = QR_SIZE / (len(matrix) + 8)
    x0, y0 = RIGHT - QR_SIZE + 4 * module, TOP - 4 * module
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        for run in re.finditer(rb"\x01+", bytes(row)):
            path.rect(x0 + run.start() * module, y0 - (r + 1) * module,
                      (run.end() - run.start()) * module, module)
    canvas.setFillColor(INK)
    canvas.drawPath(path, stroke=0, fill=1)


def bare_furniture(canvas: Canvas, issue: Issue, info: DocumentInfo, texts: Texts,
                   page: int, pages: int) -> None:
    top, bottom = HEIGHT - 11 * mm, 8 * mm
    canvas.setFont(cjk_font(), 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(LEFT, top, texts.colon(texts["doc_no"]) + info.doc_no)
    canvas.drawRightString(RIGHT, top, texts.colon(texts["nature"]) + texts["nature_external"])
    if page > 1:
        canvas.drawCentredString(WIDTH / 2, top, one_line(
            f"{issue.number}  {issue.title}{texts['continued']}"))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, top - 2.2 * mm, RIGHT, top - 2.2 * mm)
    canvas.line(LEFT, bottom + 4 * mm, RIGHT, bottom + 4 * mm)
    canvas.drawString(LEFT, bottom, texts.colon(texts["printed"]) + info.printed_on.isoformat())
    canvas.drawRightString(RIGHT, bottom, issue.number)
    canvas.setFillGray(0.33)
    canvas.drawCentredString(WIDTH / 2, bottom, texts.page(page, pages))


SIGN_H = 12 + 8 * mm + 12 + 6 + 8


def bare_signatures(canvas: Canvas, texts: Texts, top: float) -> None:
    half = (RIGHT - LEFT) / 2
    canvas.setFillColor(INK)
    canvas.setFont(cjk_font(), 9)
    for x, label in ((LEFT, "sign_consultant"), (LEFT + half, "sign_customer")):
        canvas.drawString(x + 8, top - 6 - 9, texts.colon(texts[label]))
        canvas.drawString(x + 8, top - 6 - 12 - 8 * mm - 9, texts["sign_date"])
    canvas.setLineWidth(GRID)
    canvas.line(LEFT + half, top, LEFT + half, top - SIGN_H)
    canvas.setLineWidth(FRAME)
    canvas.rect(LEFT, top - SIGN_H, RIGHT - LEFT, SIGN_H)


def bare_sheet(canvas: Canvas, issue: Issue, info: DocumentInfo, texts: Texts,
               make_qr: QrMaker) -> None:
    """One issue's sheet, on as many pages as it needs (the bench's issues have no
    attachments or sync conflicts, so their rows are left out)."""
    rows, closing = sheet_rows(issue, info, texts)
    first_top = TOP - QR_SIZE - 2 - 2 * mm
    pages = paginate(rows, first_top, closing, 3 * mm + SIGN_H)
    for number, page in enumerate(pages, start=1):
        bare_furniture(canvas, issue, info, texts, number, len(pages))
        top = TOP
        if number == 1:
            bare_heading(canvas, issue, info, texts, make_qr)
            top = first_top
        top = draw_rows(canvas, page, top)
        if number == len(pages):
            bare_signatures(canvas, texts, top - 3 * mm)
        canvas.showPage()


def bare_pdf(issues: list[Issue], info: DocumentInfo, make_qr: QrMaker = reportlab_qr) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=cjk_font())
    texts = Texts("zh_CN")
    for issue in issues:
        bare_sheet(canvas, issue, info, texts, make_qr)
    canvas.save()
    return out.getvalue()
