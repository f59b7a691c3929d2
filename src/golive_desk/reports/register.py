"""The register (系统运行问题跟踪记录): the deliverable handed over at acceptance.

A cover page with the document control data of the methodology (document
number <prefix>_7_1_1_1 (the methodology's xx_xx is the project's document
prefix), version, nature "external", approver = the customer's
project manager, date) and an approval line; then every issue of the project
(or of a filtered selection) as a landscape table whose header repeats on
each page; then totals by status, severity and category.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from golive_desk.domain.issues import Category, Issue, IssueQuery, IssueStatus, Severity
from golive_desk.domain.sla import SlaReading
from golive_desk.reports.flowables import BoldTitle
from golive_desk.reports.fonts import cjk_font
from golive_desk.reports.models import DocumentInfo
from golive_desk.reports.paging import (
    Layout,
    PageInfo,
    PageNumber,
    build_pdf,
    draw_running_lines,
)
from golive_desk.reports.styles import (
    FRAME,
    GRID,
    HEAD_FILL,
    LABEL_FILL,
    RULE,
    ZEBRA_FILL,
    cell,
    para,
    styles,
    table_style,
)
from golive_desk.reports.texts import Texts

LAYOUT = Layout(size=landscape(A4), left=12 * mm, right=12 * mm, top=18 * mm, bottom=16 * mm)
# 序号, 编号, 提出日期, 模块, 标题, 类别, 严重程度, 状态, 提出人, 处理顾问, 要求解决, SLA,
# 解决结果 (0: the title takes what is left). Each header fits on one line.
_WIDTHS_MM = (9, 23, 19, 14, 0, 22, 15, 20, 15, 18, 19, 22, 40)
_FIXED = sum(_WIDTHS_MM) * mm
_COLUMNS = [w * mm if w else LAYOUT.frame_width - _FIXED for w in _WIDTHS_MM]
_RESULT_MAX = 160  # the register is a summary; the sheet has the whole text


def render_register(issues: Sequence[Issue], info: DocumentInfo, language: str,
                    query: IssueQuery | None = None,
                    sla: Mapping[str, SlaReading] | None = None) -> bytes:
    """The register of ``issues`` in one PDF: cover, table, totals.

    ``query`` is the filter that chose ``issues`` (printed on the cover as the
    scope); None or an empty query means every issue of the project. ``sla``:
    each issue's SLA reading by id, for the SLA column.
    """
    texts = Texts(language)
    readings = sla or {}
    story: list[Flowable] = [*_cover(issues, info, texts, query), PageBreak(),
                             _register_table(issues, texts, readings), Spacer(1, 6 * mm),
                             KeepTogether(_totals(issues, texts))]

    def furniture(canvas: Canvas, page: PageInfo) -> None:
        _furniture(canvas, texts, info)

    number = PageNumber(LAYOUT.size[0] / 2, LAYOUT.bottom - 8 * mm, 8, texts.page)
    return build_pdf([story], LAYOUT, furniture, number, title=texts["register_title"],
                     author=info.prepared_by, subject=f"{info.customer} {info.project_name}")


def _furniture(canvas: Canvas, texts: Texts, info: DocumentInfo) -> None:
    draw_running_lines(
        canvas, LAYOUT, heading=f"{texts['register_title']} · {info.customer}",
        top_right=f"{texts.colon(texts['doc_no'])}{info.doc_no} · "
                  f"{texts.colon(texts['nature'])}{texts['nature_external']}",
        bottom_left=texts.colon(texts["printed"]) + info.printed_on.isoformat(),
        bottom_right=f"{texts.colon(texts['version'])}{info.version}")


# -- cover ----------------------------------------------------------------------------

def describe_query(query: IssueQuery | None, texts: Texts) -> str:
    """The filter in words for the cover ("状态：处理中、已上报；关键字：凭证")."""
    if query is None:
        return texts["scope_all"]
    parts: list[str] = []

    def labels(values: Iterable[StrEnum]) -> str:
        return "、".join(texts.enum(v) for v in sorted(values, key=lambda v: v.value))

    for key, values in (("filter_status", query.statuses), ("filter_severity",
                        query.severities), ("filter_category", query.categories)):
        if values:
            parts.append(texts.colon(texts[key]) + labels(values))
    if query.modules:
        parts.append(texts.colon(texts["filter_module"]) + "、".join(sorted(query.modules)))
    if query.assignee:
        parts.append(texts.colon(texts["filter_assignee"]) + query.assignee)
    if query.text.strip():
        parts.append(texts.colon(texts["filter_text"]) + query.text.strip())
    if query.reported_from or query.reported_to:
        start = query.reported_from.isoformat() if query.reported_from else "…"
        end = query.reported_to.isoformat() if query.reported_to else "…"
        parts.append(f"{texts.colon(texts['filter_from'])}{start} {texts['filter_to']} {end}")
    for flag, key in ((query.mine, "filter_mine"), (query.overdue, "filter_overdue"),
                      (query.include_deleted, "filter_deleted")):
        if flag:
            parts.append(texts[key])
    if not parts:
        return texts["scope_all"]
    return ("；" if texts.chinese else "; ").join(parts)


def _cover(issues: Sequence[Issue], info: DocumentInfo, texts: Texts,
           query: IssueQuery | None) -> list[Flowable]:
    s = styles()
    open_count = sum(1 for i in issues if i.is_open)
    total = f"{len(issues)}（{texts['open']} {open_count}）" if texts.chinese else \
        f"{len(issues)} ({texts['open'].lower()}: {open_count})"
    approver = texts["approver_role"] + (f"：{info.customer_pm}" if texts.chinese
                                         else f": {info.customer_pm}") \
        if info.customer_pm else texts["approver_role"]
    rows = [
        ("doc_no", info.doc_no), ("doc_name", texts["register_title"]),
        ("version", info.version), ("nature", texts["nature_external"]),
        ("stage", texts["stage_name"]), ("template", texts["template_name"]),
        ("customer", info.customer), ("project", f"{info.project_name}（{info.project_code}）"
                                      if texts.chinese else
                                      f"{info.project_name} ({info.project_code})"),
        ("scope", describe_query(query, texts)), ("issues_total", total),
        ("prepared_by", info.prepared_by), ("prepared_on", info.printed_on.isoformat()),
        ("approver", approver),
    ]
    if info.vendor_pm:
        rows.insert(-3, ("vendor_pm", info.vendor_pm))
    label_width = 30 * mm
    value_width = 118 * mm
    control = Table([[para(texts[key], s.label), para(value, s.value)]
                     for key, value in rows], colWidths=[label_width, value_width])
    control.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    gap = 10 * mm
    approval_width = LAYOUT.frame_width - label_width - value_width - gap
    # Side by side: on a landscape page the control table and the approval
    # boxes fit one cover page; stacked, the signatures would spill over.
    body = Table([[control, "", _approval(texts, approval_width)]],
                 colWidths=[label_width + value_width, gap, approval_width])
    body.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, 6 * mm), BoldTitle(texts["register_title"], 24, space_after=4),
            para(f"{info.customer} · {info.project_name}", s.subtitle), Spacer(1, 8 * mm),
            body]


def _approval(texts: Texts, width: float) -> Table:
    s = styles()

    def box(label: str) -> list[Flowable]:
        return [para(texts.colon(texts[label]), s.label), Spacer(1, 13 * mm),
                para(texts["sign_date"], s.label)]

    table = Table([[para(texts.colon(texts["approval"]), s.label)],
                   [box("sign_approver")], [box("sign_preparer")]],
                  colWidths=[width], rowHeights=[34 * mm, None, None])
    table.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), FRAME, RULE), ("GRID", (0, 0), (-1, -1), GRID, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


# -- the table ------------------------------------------------------------------------

def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _register_table(issues: Sequence[Issue], texts: Texts,
                    sla: Mapping[str, SlaReading]) -> Table:
    s = styles()
    heads = ("seq", "number", "reported_on", "module_short", "title", "category", "severity",
             "status", "reporter", "assignee", "expected_short", "sla", "result")
    inner = [w - 6 for w in _COLUMNS]
    rows: list[list[object]] = [[cell(texts[h], s.head, w) for h, w in
                                 zip(heads, inner, strict=True)]]
    for index, issue in enumerate(issues, start=1):
        status = texts.enum(issue.status) + (f"（{texts['deleted']}）" if issue.deleted else "")
        outcome = _short(issue.result or issue.resolution, _RESULT_MAX)
        if issue.confirmed_by:  # on a line of its own, so the name is not split
            confirmed = f"{texts.colon(texts['confirmed_by'])}{issue.confirmed_by}"
            outcome = f"{outcome}\n{confirmed}" if outcome else confirmed
        values = (str(index), issue.number, issue.reported_at[:10], issue.module, issue.title,
                  texts.enum(issue.category), texts.enum(issue.severity), status,
                  issue.reporter, issue.assignee,
                  issue.expected_by.isoformat() if issue.expected_by else "",
                  texts.sla(sla.get(issue.id)), outcome)
        rows.append([cell(v, s.cell, w) for v, w in zip(values, inner, strict=True)])
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("FONT", (0, 0), (-1, 0), cjk_font(), s.head.fontSize, s.head.leading),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (6, 1), (6, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if not issues:
        rows.append([para(texts["register_empty"], s.cell_center)] + [""] * (len(heads) - 1))
        commands += [("SPAN", (0, 1), (-1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 8),
                     ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]
    else:
        commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL)
                     for r in range(2, len(rows), 2)]
    table = Table(rows, colWidths=_COLUMNS, repeatRows=1, splitInRow=1)
    table.setStyle(table_style(commands, s.cell.fontSize, s.cell.leading))
    return table


# -- totals ---------------------------------------------------------------------------

def _totals(issues: Sequence[Issue], texts: Texts) -> list[Flowable]:
    s = styles()
    blocks = [
        ("by_status", Counter[StrEnum](i.status for i in issues), list[StrEnum](IssueStatus)),
        ("by_severity", Counter[StrEnum](i.severity for i in issues), list[StrEnum](Severity)),
        ("by_category", Counter[StrEnum](i.category for i in issues),
         list[StrEnum](Category)),
    ]
    width = (LAYOUT.frame_width - 2 * 8 * mm) / 3
    cells: list[object] = []
    for key, counts, members in blocks:
        rows: list[list[object]] = [[para(texts[key], s.head), para(texts["count"], s.head)]]
        rows += [[para(texts.enum(m), s.cell), para(str(counts.get(m, 0)), s.cell_center)]
                 for m in members]
        rows.append([para(texts["total"], s.label), para(str(len(issues)), s.cell_center)])
        table = Table(rows, colWidths=[width - 22 * mm, 22 * mm])
        table.setStyle(table_style([
            ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        cells.append(table)
    row = Table([cells], colWidths=[width + 8 * mm, width + 8 * mm, width])
    row.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [para(texts["summary"], s.section), row]
