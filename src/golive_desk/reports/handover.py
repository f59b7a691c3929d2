"""The handover document (项目交接与验收): the deliverable signed at the end of support.

A4 portrait. A cover with the document control data (number
``<prefix>_7_4_1_1``, version, nature, stage, customer, project, exit, state,
approver), the handover at a glance and the contents with page numbers; then
one numbered section per page of the wizard:

1. readiness — each exit criterion, its figure, threshold and ✔/✘, and the
   PM's reason when a red one is passed over;
2. the open issues transferred to O&M (owner, plan, date) and, marked, those
   still neither transferred nor closed;
3. the maintenance notes (维护手册) grouped by module;
4. the internal support system (contacts and the modules each covers);
5. the emergency plan, scenario by scenario;
6. the consultant's exit and the project summary (figures, support days,
   lessons learned);
7. the acceptance statement and four signature boxes (移交方, 接收方, 客户项目经理,
   实施方项目经理) to sign in ink.

The layout is made twice: the first pass finds the page of each section for
the contents, the second prints them (the cover's size does not change).
Read models in, PDF bytes out: no store, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from golive_desk.domain.handover import Criterion
from golive_desk.domain.handover_records import (
    HandoverRecord,
    HandoverState,
    MaintenanceNote,
    Scenario,
    SupportSummary,
    Transfer,
)
from golive_desk.domain.issues import Issue
from golive_desk.domain.models import Person, Project
from golive_desk.reports.flowables import BoldTitle
from golive_desk.reports.handover_blocks import (
    Cell,
    SectionHeading,
    data_table,
    intro,
    label_grid,
    sub_heading,
)
from golive_desk.reports.handover_sections import (
    acceptance,
    emergency_plan,
    maintenance_section,
    summary_section,
    support_system,
)
from golive_desk.reports.handover_texts import HandoverTexts
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
    para,
    styles,
    table_style,
)

__all__ = ["LAYOUT", "SECTIONS", "HandoverData", "criterion_details", "criterion_figures",
           "criterion_name", "open_issues", "render_handover", "state_label"]

LAYOUT = Layout(size=A4, left=18 * mm, right=18 * mm, top=20 * mm, bottom=18 * mm)
WIDTH = LAYOUT.frame_width
SECTIONS: tuple[str, ...] = ("sec_readiness", "sec_transfers", "sec_notes", "sec_support",
                             "sec_emergency", "sec_summary", "sec_acceptance")
_OK_FILL = "#DCEFD9"
_RED_FILL = "#F6D6CF"


class HandoverData(Protocol):
    """What the document reads (``services.handover.HandoverDocument`` has it all)."""

    @property
    def project(self) -> Project: ...
    @property
    def record(self) -> HandoverRecord: ...
    @property
    def state(self) -> HandoverState: ...
    @property
    def readiness(self) -> Sequence[Criterion]: ...
    @property
    def transfers(self) -> Sequence[Transfer]: ...
    @property
    def untransferred(self) -> Sequence[Issue]: ...
    @property
    def notes(self) -> Sequence[MaintenanceNote]: ...
    @property
    def contacts(self) -> Sequence[Person]: ...
    @property
    def scenarios(self) -> Sequence[Scenario]: ...
    @property
    def exit_date(self) -> date | None: ...
    @property
    def summary(self) -> SupportSummary: ...
    @property
    def today(self) -> date: ...


def render_handover(doc: HandoverData, info: DocumentInfo, language: str) -> bytes:
    """The handover document of one project as PDF bytes (``info``: its document control)."""
    texts = HandoverTexts(language)
    pages: dict[str, int] = {}

    def furniture(canvas: Canvas, page: PageInfo) -> None:
        draw_running_lines(
            canvas, LAYOUT, heading=f"{texts['ho_title']} · {info.customer}",
            top_right=f"{texts.colon(texts['doc_no'])}{info.doc_no}",
            bottom_left=texts.colon(texts["printed"]) + info.printed_on.isoformat(),
            bottom_right=f"{texts.colon(texts['version'])}{info.version}")

    number = PageNumber(LAYOUT.size[0] / 2, LAYOUT.bottom - 8 * mm, 8, texts.page)
    pdf = b""
    for _ in range(2):  # the first pass fills ``pages`` for the contents
        found = dict(pages)
        pdf = build_pdf([_story(doc, info, texts, found, pages)], LAYOUT, furniture, number,
                        title=f"{texts['ho_title']} {info.project_name}",
                        author=info.prepared_by, subject=f"{info.customer} {info.project_name}")
    return pdf


def _story(doc: HandoverData, info: DocumentInfo, texts: HandoverTexts,
           found: Mapping[str, int], pages: dict[str, int]) -> list[Flowable]:
    def heading(index: int) -> SectionHeading:
        return SectionHeading(str(index + 1), texts[SECTIONS[index]], pages)

    return [
        *_cover(doc, info, texts, found), PageBreak(),
        heading(0), *_readiness(doc, texts), Spacer(1, 6 * mm),
        heading(1), *_transfers(doc, texts), PageBreak(),
        heading(2), *maintenance_section(doc.notes, texts, WIDTH), Spacer(1, 6 * mm),
        heading(3), *support_system(doc.contacts, texts, WIDTH), Spacer(1, 6 * mm),
        heading(4), *emergency_plan(doc.scenarios, texts, WIDTH), Spacer(1, 6 * mm),
        heading(5), *summary_section(doc.project.go_live, doc.exit_date, doc.summary,
                                     doc.record.handover_lessons, texts, WIDTH), PageBreak(),
        heading(6), *acceptance(doc.record, len(doc.untransferred),
                                any(not c.ok for c in doc.readiness), texts, WIDTH),
    ]


# -- cover ------------------------------------------------------------------------------

def state_label(doc: HandoverData, texts: HandoverTexts) -> str:
    """"交接进行中", or "已交接（验收日期 2026-12-01）"."""
    label = texts[f"state_{doc.state.value}"]
    accepted = doc.record.accepted_on
    if doc.state is HandoverState.HANDED_OVER and accepted is not None:
        sep = ("（", "）") if texts.chinese else (" (", ")")
        label += f"{sep[0]}{texts.colon(texts['ho_accepted_on'])}{accepted.isoformat()}{sep[1]}"
    return label


def _cover(doc: HandoverData, info: DocumentInfo, texts: HandoverTexts,
           found: Mapping[str, int]) -> list[Flowable]:
    s = styles()
    project = doc.project
    name = (f"{project.name}（{project.code}）" if texts.chinese
            else f"{project.name} ({project.code})")
    approver = texts["approver_role"] + (texts.colon("") + info.customer_pm
                                         if info.customer_pm else "")
    rows: list[tuple[str, str]] = [
        (texts["doc_no"], info.doc_no), (texts["doc_name"], texts["ho_doc_name"]),
        (texts["version"], info.version), (texts["nature"], texts["nature_external"]),
        (texts["stage"], texts["ho_stage"]), (texts["customer"], info.customer),
        (texts["project"], name), (texts["go_live"], project.go_live.isoformat()),
        (texts["ho_exit"], doc.exit_date.isoformat() if doc.exit_date
         else texts["sm_not_planned"]),
        (texts["ho_state"], state_label(doc, texts)),
        (texts["prepared_by"], info.prepared_by),
        (texts["prepared_on"], info.printed_on.isoformat()), (texts["approver"], approver),
    ]
    return [
        Spacer(1, 14 * mm), BoldTitle(texts["ho_title"], 24, space_after=4),
        para(texts["ho_subtitle"], s.subtitle), Spacer(1, 1.5 * mm),
        para(f"{info.customer} · {project.name}", s.subtitle), Spacer(1, 9 * mm),
        label_grid(rows, [36 * mm, WIDTH - 36 * mm]), Spacer(1, 7 * mm),
        _glance(doc, texts), Spacer(1, 7 * mm), _contents(texts, found),
    ]


def _glance(doc: HandoverData, texts: HandoverTexts) -> Table:
    """Six key figures in a strip: issues, transferred, neither transferred nor closed,
    maintenance notes, criteria met, support person-days."""
    s = styles()
    ok = sum(1 for c in doc.readiness if c.ok)
    days = sum(doc.summary.support_days.values())
    figures = [
        ("ho_glance_issues", str(doc.summary.issues)),
        ("ho_glance_transferred", str(len(doc.transfers))),
        ("ho_glance_open", str(len(doc.untransferred))),
        ("ho_glance_notes", str(len(doc.notes))),
        ("ho_glance_criteria", f"{ok}/{len(doc.readiness)}"),
        ("ho_glance_days", _number(days)),
    ]
    big = s.title.clone("glance", fontSize=15, leading=18, spaceAfter=0)
    # English labels wrap between words ("Support / person-days"), never inside one
    label = s.cell_center if texts.chinese else s.cell_center.clone("glance_label",
                                                                    wordWrap=None)
    width = WIDTH / len(figures)
    table = Table([[para(value, big) for _, value in figures],
                   [para(texts[key], label) for key, _ in figures]],
                  colWidths=[width] * len(figures))
    commands: list[tuple[object, ...]] = [
        ("BOX", (0, 0), (-1, -1), FRAME, RULE), ("LINEAFTER", (0, 0), (-2, -1), GRID, RULE),
        ("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL), ("LINEABOVE", (0, 1), (-1, 1), GRID, RULE),
        ("TOPPADDING", (0, 0), (-1, 0), 5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("TOPPADDING", (0, 1), (-1, 1), 2), ("BOTTOMPADDING", (0, 1), (-1, 1), 3),
    ]
    if doc.untransferred:  # the figure that blocks the sign-off stands out
        commands.append(("BACKGROUND", (2, 0), (2, 0), _RED_FILL))
    table.setStyle(table_style(commands))
    return table


def _contents(texts: HandoverTexts, found: Mapping[str, int]) -> Table:
    s = styles()
    rows: list[list[object]] = [[para(texts["ho_contents"], s.label), "", ""]]
    for index, key in enumerate(SECTIONS, start=1):
        page = found.get(str(index))
        rows.append([para(str(index), s.value), para(texts[key], s.value),
                     para(str(page) if page else "", s.right)])
    table = Table(rows, colWidths=[10 * mm, WIDTH - 30 * mm, 20 * mm])
    table.setStyle(table_style([
        ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("BOX", (0, 0), (-1, -1), FRAME, RULE), ("LINEBELOW", (0, 0), (-1, -2), GRID, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


# -- 1 readiness ------------------------------------------------------------------------

def _number(value: float | str) -> str:
    """1.0 → "1", 5.714 → "5.71"; text as is."""
    if isinstance(value, str):
        return value
    return f"{value:.2f}".rstrip("0").rstrip(".")


_PERCENT = frozenset({"sla_urgent_high", "resolved_by_staying", "operation_error_share"})
_AT_MOST = frozenset({"urgent_without_plan", "new_issues_per_day", "operation_error_share"})


def criterion_name(c: Criterion, texts: HandoverTexts) -> str:
    key = f"cr_{c.code}"
    try:
        template = texts[key]
    except KeyError:
        return c.code  # a criterion of a newer version
    return template.format(days=c.details.get("days", 7))


def criterion_figures(c: Criterion, texts: HandoverTexts) -> tuple[str, str]:
    """The figure and the threshold as printed ("86.7%", "≥ 90%")."""
    sign = "≤ " if c.code in _AT_MOST else "≥ "
    unit = "%" if c.code in _PERCENT else ""
    threshold = f"{sign}{_number(c.threshold)}{unit}"
    if c.code in _PERCENT:
        return f"{_number(c.figure)}%", threshold
    if c.code == "urgent_without_plan":
        return texts["fig_items"].format(n=_number(c.figure)), threshold
    if c.code == "month_end_closes" and isinstance(c.figure, str) and "/" in c.figure:
        passed, held = c.figure.split("/", 1)
        return (texts["fig_closes"].format(passed=passed, held=held),
                sign + texts["fig_times"].format(n=_number(c.threshold)))
    if c.code == "days_since_urgent":
        figure = (texts["fig_none"] if c.figure == "none"
                  else texts["fig_days"].format(n=_number(c.figure)))
        return figure, sign + texts["fig_days"].format(n=_number(c.threshold))
    return _number(c.figure), threshold


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def criterion_details(c: Criterion, texts: HandoverTexts) -> str:
    """What lies behind the figure: the issues, the days, whom to train."""
    d = c.details
    parts: list[str] = []
    if c.code == "urgent_without_plan" and (found := _strings(d.get("issues"))):
        parts.append(texts["dt_issues"].format(list=texts.join(found, 6)))
    elif c.code == "sla_urgent_high":
        parts.append(texts["dt_within"].format(within=d.get("within", 0), total=d.get("total", 0)))
        if breached := _strings(d.get("breached")):
            parts.append(texts["dt_breached"].format(list=texts.join(breached, 5)))
    elif c.code == "resolved_by_staying":
        parts.append(texts["dt_staying"].format(staying=d.get("staying", 0),
                                                total=d.get("total", 0)))
        if others := _strings(d.get("not_staying")):
            parts.append(texts["dt_not_staying"].format(n=len(others)))
    elif c.code == "month_end_closes":
        for key in ("held", "uncovered", "not_passed"):
            if days := _strings(d.get(key)):
                parts.append(texts[f"dt_{key}"].format(list=texts.join(days)))
    elif c.code == "new_issues_per_day":
        parts.append(texts["dt_new"].format(n=d.get("new", 0), start=d.get("from", ""),
                                            end=d.get("to", "")))
    elif c.code == "days_since_urgent" and d.get("last"):
        parts.append(texts["dt_last"].format(day=d["last"]))
    elif c.code == "operation_error_share":
        parts.append(texts["dt_errors"].format(errors=d.get("errors", 0),
                                               total=d.get("total", 0)))
        reporters = d.get("reporters")
        names = [f"{r.get('reporter', '?')} {r.get('issues', 0)}"
                 for r in (reporters if isinstance(reporters, list) else [])
                 if isinstance(r, dict)]
        if names:
            parts.append(texts["dt_train"].format(list=texts.join(names, 5)))
    return texts["item_sep"].join(parts)


def _readiness(doc: HandoverData, texts: HandoverTexts) -> list[Flowable]:
    s = styles()
    widths = [56 * mm, 24 * mm, 18 * mm, 19 * mm]
    widths.append(WIDTH - sum(widths))
    rows: list[list[Cell]] = []
    for c in doc.readiness:
        figure, threshold = criterion_figures(c, texts)
        rows.append([criterion_name(c, texts), figure, threshold,
                     texts["rd_ok"] if c.ok else texts["rd_red"], criterion_details(c, texts)])
    table = data_table([texts["rd_criterion"], texts["rd_figure"], texts["rd_threshold"],
                        texts["rd_result"], texts["rd_details"]], rows, widths,
                       center=(1, 2, 3))
    table.setStyle(table_style([
        ("BACKGROUND", (3, r), (3, r), _OK_FILL if c.ok else _RED_FILL)
        for r, c in enumerate(doc.readiness, start=1)]))
    ok = sum(1 for c in doc.readiness if c.ok)
    story: list[Flowable] = [
        intro(texts["rd_intro"].format(day=doc.today.isoformat())), Spacer(1, 3 * mm),
        table, Spacer(1, 1.5 * mm),
        para(texts["rd_met"].format(ok=ok, total=len(doc.readiness)), s.note)]
    if ok < len(doc.readiness):
        reason = doc.record.handover_override.strip()
        box = label_grid([(texts["rd_override"],
                           para(reason, s.value) if reason
                           else para(texts["rd_no_override"], s.warn))],
                         [46 * mm, WIDTH - 46 * mm])
        story += [Spacer(1, 3 * mm), KeepTogether([box])]
    return story


# -- 2 transfers --------------------------------------------------------------------------

def _transfers(doc: HandoverData, texts: HandoverTexts) -> list[Flowable]:
    s = styles()
    widths = [9 * mm, 23 * mm, 0.0, 15 * mm, 20 * mm, 52 * mm, 20 * mm]
    widths[2] = WIDTH - sum(widths)
    rows: list[list[Cell]] = [
        [str(i), t.number, t.title, t.module, t.owner or texts["tr_no_owner"], t.plan,
         t.day.isoformat() if t.day else ""]
        for i, t in enumerate(sorted(doc.transfers, key=lambda t: t.number), start=1)]
    story: list[Flowable] = [
        intro(texts["tr_intro"]),
        sub_heading("2.1\u2003" + texts["tr_list"].format(n=len(rows))),
        data_table([texts["seq"], texts["number"], texts["title"], texts["module_short"],
                    texts["tr_owner"], texts["tr_plan"], texts["tr_day"]], rows, widths,
                   center=(0,), empty=texts["tr_none"]),
        Spacer(1, 5 * mm)]
    if not doc.untransferred:
        return [*story, para(texts["tr_all_done"], s.value)]
    return [*story, *open_issues(doc.untransferred, texts)]


def keep(flowable: Flowable) -> Flowable:
    flowable.keepWithNext = True
    return flowable


def open_issues(issues: Sequence[Issue], texts: HandoverTexts) -> list[Flowable]:
    """The issues still open, under a warning: the sign-off waits for them."""
    s = styles()
    widths = [9 * mm, 23 * mm, 0.0, 15 * mm, 14 * mm, 22 * mm, 20 * mm, 20 * mm]
    widths[2] = WIDTH - sum(widths)
    rows: list[list[Cell]] = [
        [str(i), issue.number, issue.title, issue.module, texts.enum(issue.severity),
         texts.enum(issue.status), issue.assignee, issue.reported_at[:10]]
        for i, issue in enumerate(sorted(issues, key=lambda i: i.number), start=1)]
    table = data_table([texts["seq"], texts["number"], texts["title"], texts["module_short"],
                        texts["severity"], texts["status"], texts["assignee"],
                        texts["reported_on"]], rows, widths, center=(0, 4))
    table.setStyle(table_style([("BACKGROUND", (0, 0), (-1, 0), _RED_FILL),
                                ("BOX", (0, 0), (-1, -1), 1.6, RULE)]))
    return [sub_heading("2.2\u2003" + texts["tr_open_title"].format(n=len(issues))),
            keep(para(texts["tr_open_note"], s.warn)), Spacer(1, 2 * mm), table]

