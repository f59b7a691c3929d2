"""The issue sheet (系统运行问题跟踪记录单): one issue per A4 page, as the customer signs it.

Laid out like the methodology's form: the document number and nature in the
header band; the title, customer and project with a QR code; the record
fields in a bordered grid; the resolution process (处理过程跟踪) with dates;
resolution and result; signature and date boxes for the consultant and the
customer. Long texts split inside their grid row and flow onto the next page,
which repeats the issue number in its header.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from enum import StrEnum

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.issues import (
    Category,
    Issue,
    IssueStatus,
    Severity,
    TimelineEntry,
    TimelineKind,
)
from golive_desk.reports.flowables import BoldTitle, QrCode
from golive_desk.reports.fonts import cjk_font
from golive_desk.reports.models import DocumentInfo, local_time, qr_payload
from golive_desk.reports.paging import (
    GroupMark,
    Layout,
    PageInfo,
    PageNumber,
    build_pdf,
    draw_text,
)
from golive_desk.reports.styles import (
    FRAME,
    GRID,
    HEAD_FILL,
    LABEL_FILL,
    MUTED,
    RULE,
    cell,
    para,
    styles,
    table_style,
    wide_cell,
)
from golive_desk.reports.texts import Texts

# Header and footer sit 11 and 8 mm from the paper's edge: inside what every
# office printer can print, leaving the body room for a typical issue on one page.
LAYOUT = Layout(size=A4, left=18 * mm, right=18 * mm, top=17 * mm, bottom=15 * mm)
_HEADER_Y = A4[1] - 11 * mm
_FOOTER_Y = 8 * mm
_LABEL_W = 25 * mm
_VALUE_W = (LAYOUT.frame_width - 2 * _LABEL_W) / 2
_GRID_WIDTHS = [_LABEL_W, _VALUE_W, _LABEL_W, _VALUE_W]
_QR_SIZE = 24 * mm
_PAD_TOP, _PAD_BOTTOM, _PAD_X = 3, 4, 5
_TIMELINE_WIDTHS = [29 * mm, 28 * mm, 16 * mm, LAYOUT.frame_width - 73 * mm]


def render_issue_sheets(sheets: Sequence[tuple[Issue, DocumentInfo]], language: str) -> bytes:
    """The sheets of ``sheets`` (issue, its project's document info) in one PDF.

    Each issue starts on a new page and is numbered on its own ("page 1 of 2").
    Issues should carry their timeline (``IssueService.get``), or the process
    table stays empty.
    """
    texts = Texts(language)
    groups: dict[str, tuple[Issue, DocumentInfo]] = {}

    def chunks() -> Iterator[list[Flowable]]:
        # One sheet at a time: a batch of 1,000 never has all its flowables alive.
        for index, (issue, info) in enumerate(sheets):
            key = f"{index}|{issue.number}"
            groups[key] = (issue, info)
            yield [PageBreak()] if index else []
            yield [GroupMark(key), *sheet_story(issue, info, texts)]
        if not sheets:
            yield [Paragraph("", styles().value)]  # a blank page rather than an error

    def furniture(canvas: Canvas, page: PageInfo) -> None:
        issue, info = groups.get(page.group, (None, None))
        _furniture(canvas, page, texts, issue, info)

    number = PageNumber(LAYOUT.size[0] / 2, _FOOTER_Y, 8, texts.page)
    first = sheets[0][0].number if sheets else ""
    return build_pdf(chunks(), LAYOUT, furniture, number,
                     title=f"{texts['sheet_title']} {first}".strip(),
                     subject=texts["sheet_title"])


def _furniture(canvas: Canvas, page: PageInfo, texts: Texts, issue: Issue | None,
               info: DocumentInfo | None) -> None:
    width = LAYOUT.size[0]
    left, right = LAYOUT.left, width - LAYOUT.right
    top = _HEADER_Y
    canvas.saveState()
    canvas.setFillColor(MUTED)
    if info is not None:
        draw_text(canvas, left, top, texts.colon(texts["doc_no"]) + info.doc_no, 8)
        draw_text(canvas, right, top,
                  texts.colon(texts["nature"]) + texts["nature_external"], 8, align="right")
    if issue is not None and page.page > 1:
        # A continuation page must say whose it is, if it comes loose from page 1.
        draw_text(canvas, width / 2, top, f"{issue.number}  {issue.title}{texts['continued']}",
                  8, align="center", max_width=right - left - 80 * mm)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 2.2 * mm, right, top - 2.2 * mm)
    bottom = _FOOTER_Y
    canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    if info is not None:
        draw_text(canvas, left, bottom, texts.colon(texts["printed"])
                  + info.printed_on.isoformat(), 8)
    if issue is not None:
        draw_text(canvas, right, bottom, issue.number, 8, align="right")
    canvas.restoreState()


def sheet_story(issue: Issue, info: DocumentInfo, texts: Texts) -> list[Flowable]:
    """The flowables of one issue's sheet (without the page break before it)."""
    resolution, outcome = _result_grid(issue, texts)
    closing: list[Flowable] = [*outcome]
    if issue.conflicts:
        fields = "、".join(dict.fromkeys(texts_label(texts, c.field) for c in issue.conflicts))
        closing += [Spacer(1, 2 * mm), para(texts["conflicts_note"].format(fields=fields),
                                            styles().warn)]
    closing += [Spacer(1, 3 * mm), _signatures(texts)]
    # The result and the signatures travel together: a page 2 holding only
    # empty signature boxes would be signed without the result in view. The
    # resolution (often long) flows on, or the whole block would leave page 1
    # a quarter empty whenever it did not fit.
    return [*_heading(issue, info, texts), Spacer(1, 2 * mm),
            *_record_grid(issue, info, texts), _timeline_table(issue, texts),
            *resolution, KeepTogether(closing)]


def texts_label(texts: Texts, field: str) -> str:
    try:
        return texts[field]
    except KeyError:
        return field


def _heading(issue: Issue, info: DocumentInfo, texts: Texts) -> list[Flowable]:
    """The title centred on the page, the QR code at the right margin."""
    size = 18 if texts.chinese else 14
    title = BoldTitle(texts["sheet_title"], size, space_after=(_QR_SIZE - size * 1.25) / 2)
    qr = QrCode(qr_payload(issue.number, info.store_id), _QR_SIZE)
    table = Table([["", title, qr]],
                  colWidths=[_QR_SIZE, LAYOUT.frame_width - 2 * _QR_SIZE, _QR_SIZE])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return [table]


def _when(value: str) -> str:
    """``2026-11-29T10:06`` as ``2026-11-29 10:06``."""
    return value.replace("T", " ", 1)


def _minute(stamp: str) -> str:
    moment = local_time(stamp)
    return moment.strftime("%Y-%m-%d %H:%M") if moment else stamp


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _status_text(issue: Issue, texts: Texts) -> str:
    status = texts.enum(issue.status)
    return f"{status}（{texts['deleted']}）" if issue.deleted else status


def _grid_style(columns: int) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID, RULE),
        ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if columns == 4 else "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_X),
    ]
    label = styles().label
    commands.append(("FONT", (0, 0), (0, -1), cjk_font(), label.fontSize, label.leading))
    if columns == 4:
        commands += [("BACKGROUND", (2, 0), (2, -1), LABEL_FILL),
                     ("FONT", (2, 0), (2, -1), cjk_font(), label.fontSize, label.leading)]
    value = styles().value
    return table_style(commands, value.fontSize, value.leading)


Pair = tuple[str, str, str, str] | tuple[str, str]


def _grid(pairs: Sequence[Pair], texts: Texts,
          min_heights: dict[int, float] | None = None) -> list[Flowable]:
    """A bordered label/value grid: 4-tuples are two fields a row, 2-tuples one wide field.

    The grid is a stack of tables of the same width, one per run of rows of
    the same shape, so it reads as one form. Wide fields are a two-column
    table rather than a spanned cell: reportlab splits a spanned cell as if it
    were one column wide, which would leave most of each page empty.
    """
    s = styles()
    min_heights = min_heights or {}
    span_width = LAYOUT.frame_width - _LABEL_W
    label_width, value_width = _LABEL_W - 2 * _PAD_X, _VALUE_W - 2 * _PAD_X
    story: list[Flowable] = []
    run: list[list[object]] = []
    heights: list[float | None] = []

    def flush(columns: int) -> None:
        if not run:
            return
        widths = _GRID_WIDTHS if columns == 4 else [_LABEL_W, span_width]
        # splitInRow lets a long description break inside its row onto the
        # next page; without it a row taller than a page cannot be laid out.
        table = Table(list(run), colWidths=widths, rowHeights=list(heights), splitInRow=1)
        table.setStyle(_grid_style(columns))
        story.append(table)
        run.clear()
        heights.clear()

    for index, pair in enumerate(pairs):
        columns = 2 if len(pair) == 2 else 4
        if run and len(run[0]) != columns:
            flush(len(run[0]))
        if len(pair) == 2:
            value = wide_cell(pair[1], s.value, span_width - 2 * _PAD_X)
            run.append([cell(texts[pair[0]], s.label, label_width), value])
            # A fixed height would clip longer text: only a text shorter than
            # the box (for writing by hand) gets the box's height.
            wanted = min_heights.get(index)
            # A text of more than 120 characters a line's worth of box cannot
            # fit; only shorter ones are measured (wrapping is not free).
            if wanted and len(pair[1]) < wanted / s.value.leading * 120:
                needed = (s.value.leading if isinstance(value, str)
                          else value.wrap(span_width - 2 * _PAD_X, 10_000)[1])
                heights.append(wanted if needed + _PAD_TOP + _PAD_BOTTOM < wanted else None)
            else:
                heights.append(None)
        else:
            label1, value1, label2, value2 = pair
            run.append([cell(texts[label1], s.label, label_width),
                        cell(value1, s.value, value_width),
                        cell(texts[label2], s.label, label_width),
                        cell(value2, s.value, value_width)])
            heights.append(None)
    if run:
        flush(len(run[0]))
    return story


def _record_grid(issue: Issue, info: DocumentInfo, texts: Texts) -> list[Flowable]:
    project = info.project_name + (f"（{info.project_code}）" if texts.chinese
                                   else f" ({info.project_code})")
    pairs: list[Pair] = [
        ("customer", info.customer, "project", project),
        ("number", issue.number, "status", _status_text(issue, texts)),
        ("title", issue.title),
        ("module", issue.module, "function", issue.function),
        ("category", texts.enum(issue.category), "severity", texts.enum(issue.severity)),
        ("reporter", issue.reporter, "reporter_dept", issue.reporter_dept),
        ("reported_at", _when(issue.reported_at), "expected_by", _day(issue.expected_by)),
        ("mode", texts.enum(issue.mode), "assignee", issue.assignee),
        ("description", issue.description),
        ("cause", issue.cause),
        ("proposal", issue.proposal),
    ]
    # Blank boxes stay tall enough to write in by hand, as on the paper form.
    return _grid(pairs, texts, {8: 20 * mm, 9: 11 * mm, 10: 11 * mm})


def _result_grid(issue: Issue, texts: Texts) -> tuple[list[Flowable], list[Flowable]]:
    """The resolution's row, then the rows that close the sheet (result, confirmation, …)."""
    pairs: list[Pair] = [
        ("result", issue.result),
        ("confirmed_by", issue.confirmed_by, "confirmed_at", _day(issue.confirmed_at)),
        ("maintenance_note", texts.yes_no(issue.maintenance_note), "updated_at",
         _minute(issue.updated_at)),
    ]
    if issue.attachments:
        names = "；".join(f"{a.name}（{_size(a.size)}）" for a in issue.attachments)
        pairs.append(("attachments", names))
    return (_grid([("resolution", issue.resolution)], texts, {0: 11 * mm}),
            _grid(pairs, texts, {0: 11 * mm}))


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def timeline_text(entry: TimelineEntry, texts: Texts) -> str:
    """What the process table says of one entry, in the report's language."""
    if entry.kind == TimelineKind.STATUS_CHANGE and entry.to_status is not None:
        old = texts.enum(entry.from_status) if entry.from_status else "—"
        moved = texts["status_change"].format(old=old, new=texts.enum(entry.to_status))
        return texts.colon(moved) + entry.text if entry.text.strip() else moved
    if entry.kind == TimelineKind.FIELD_CHANGE and entry.field:
        change = texts["field_change"].format(
            field=texts_label(texts, entry.field), old=_value_text(entry.field, entry.old_value,
                                                                   texts),
            new=_value_text(entry.field, entry.new_value, texts))
        return change  # who changed it has its own column
    if entry.kind == TimelineKind.CUSTOMER_NOTIFIED and entry.channel is not None:
        told = texts["notified"].format(channel=texts.enum(entry.channel), whom=entry.whom)
        return f"{told}：{entry.text}" if entry.text and texts.chinese else (
            f"{told}: {entry.text}" if entry.text else told)
    return entry.text


_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "category": Category, "severity": Severity, "status": IssueStatus, "mode": SupportMode,
}


def _value_text(field: str, value: object, texts: Texts) -> str:
    if value is None or value == "":
        return texts["empty"]
    if isinstance(value, bool):
        return texts.yes_no(value)
    enum = _ENUM_FIELDS.get(field)
    if enum is not None:
        try:
            return texts.enum(enum(str(value)))
        except ValueError:
            pass  # a code from a newer version: print it as it is
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:59] + "…"


def printed_entry(entry: TimelineEntry) -> bool:
    """Whether the paper record lists ``entry``.

    Filling in a field that was empty (the cause, once it is known) is not a
    step of the resolution process: its value is printed in the grid above.
    Changing a value that was already recorded is, and so is everything else,
    except the derived "created" line: the grid above already says who reported
    the issue, when and how, and the paper lists what was done about it.
    """
    if entry.kind == TimelineKind.CREATED:
        return False
    if entry.kind != TimelineKind.FIELD_CHANGE:
        return True
    return entry.old_value not in (None, "")


def _timeline_table(issue: Issue, texts: Texts) -> Table:
    s = styles()
    rows: list[list[object]] = [
        [cell(texts["timeline"], s.label, LAYOUT.frame_width), "", "", ""],
        [cell(texts[k], s.head, w - 8) for k, w in
         zip(("tl_at", "tl_kind", "tl_author", "tl_text"), _TIMELINE_WIDTHS, strict=True)],
    ]
    # Hand-written entries carry the time they happened, derived field edits
    # the time they were saved; the paper record reads in time order.
    entries = sorted((e for e in issue.timeline if printed_entry(e)), key=lambda e: e.at)
    inner = [w - 8 for w in _TIMELINE_WIDTHS]
    for entry in entries:
        rows.append([cell(_when(entry.at), s.cell, inner[0]),
                     cell(texts.enum(entry.kind), s.cell, inner[1]),
                     cell(entry.author, s.cell, inner[2]),
                     cell(timeline_text(entry, texts), s.cell, inner[3])])
    if not entries:
        rows.append([para(texts["tl_empty"], s.note), "", "", ""])
    heights: list[float | None] = [None] * len(rows)
    if not entries:
        heights[-1] = 14 * mm
    table = Table(rows, colWidths=_TIMELINE_WIDTHS, rowHeights=heights, repeatRows=2,
                  splitInRow=1)
    commands: list[tuple[object, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
        ("FONT", (0, 0), (-1, 0), cjk_font(), s.label.fontSize, s.label.leading),
        ("BACKGROUND", (0, 1), (-1, 1), HEAD_FILL),
        ("FONT", (0, 1), (-1, 1), cjk_font(), s.head.fontSize, s.head.leading),
        ("ALIGN", (0, 1), (-1, 1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), GRID, RULE),
        ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if not entries:
        commands.append(("SPAN", (0, 2), (-1, 2)))
    table.setStyle(table_style(commands, s.cell.fontSize, s.cell.leading))
    return table


def _signatures(texts: Texts) -> Table:
    s = styles()
    half = LAYOUT.frame_width / 2

    def box(label: str) -> list[Flowable]:
        # Left blank on purpose: a printed name beside 签字 reads as signed.
        return [para(texts.colon(texts[label]), s.label), Spacer(1, 8 * mm),
                para(texts["sign_date"], s.label)]

    table = Table([[box("sign_consultant"), box("sign_customer")]],
                  colWidths=[half, half])
    table.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("LINEBEFORE", (1, 0), (1, 0), GRID, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table
