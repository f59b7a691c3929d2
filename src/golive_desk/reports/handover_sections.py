"""Sections 3–7 of the handover document: maintenance notes, the internal support
system, the emergency plan, the exit and project summary, the acceptance with its
signature boxes. Each function returns the flowables under its section heading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.handover_records import (
    HandoverRecord,
    MaintenanceNote,
    Scenario,
    SupportSummary,
)
from golive_desk.domain.issues import Category, IssueStatus
from golive_desk.domain.models import Person
from golive_desk.reports.handover_blocks import (
    Cell,
    boxed,
    data_table,
    intro,
    label_grid,
    side_by_side,
    sub_heading,
    tick_choices,
    title_and_body,
)
from golive_desk.reports.handover_texts import HandoverTexts
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

__all__ = ["acceptance", "emergency_plan", "maintenance_section", "summary_section",
           "support_system"]


# -- 3 maintenance notes ------------------------------------------------------------------

def maintenance_section(notes: Sequence[MaintenanceNote], texts: HandoverTexts,
                        width: float) -> list[Flowable]:
    """The notes by module (3.1 总账（5 项）…): symptom, cause, solution."""
    s = styles()
    story: list[Flowable] = [intro(texts["mn_intro"])]
    if not notes:
        return [*story, Spacer(1, 2 * mm), para(texts["mn_none"], s.note)]
    widths = [22 * mm, 0.0, 0.0, 0.0]
    text_width = (width - widths[0]) / 3
    widths[1:] = [text_width + 6 * mm, text_width - 3 * mm, text_width - 3 * mm]
    ordered = sorted(notes, key=lambda n: (n.module or "", n.issue_number, n.symptom))
    for index, (module, group) in enumerate(groupby(ordered, key=lambda n: n.module or ""),
                                            start=1):
        items = list(group)
        title = texts["mn_module_count"].format(module=module or texts["mn_no_module"],
                                                n=len(items))
        rows: list[list[Cell]] = [
            [n.issue_number, title_and_body(n.symptom), n.cause, n.solution]
            for n in items]
        story += [sub_heading(f"3.{index}\u2003{title}"),
                  data_table([texts["mn_source"], texts["mn_symptom"], texts["mn_cause"],
                              texts["mn_solution"]], rows, widths, center=(0,))]
    return story


# -- 4 internal support system --------------------------------------------------------------

def support_system(contacts: Sequence[Person], texts: HandoverTexts,
                   width: float) -> list[Flowable]:
    """The customer's PM, key users and internal support staff with the modules they cover."""
    widths = [17 * mm, 22 * mm, 21 * mm, 27 * mm, 0.0, 34 * mm]
    widths[4] = width - sum(widths)
    sep = texts["list_sep"]
    rows: list[list[Cell]] = [
        [p.name, texts.role(p.role), p.department, p.phone, p.email,
         sep.join(m.strip() for m in p.modules.splitlines() if m.strip())]
        for p in contacts]
    return [intro(texts["sp_intro"]), Spacer(1, 3 * mm),
            data_table([texts["sp_name"], texts["sp_role"], texts["sp_department"],
                        texts["sp_phone"], texts["sp_email"], texts["sp_modules"]],
                       rows, widths, empty=texts["sp_none"])]


# -- 5 emergency plan -------------------------------------------------------------------------

def emergency_plan(scenarios: Sequence[Scenario], texts: HandoverTexts,
                   width: float) -> list[Flowable]:
    """Each scenario as a framed block: title, actions, contacts, escalation."""
    s = styles()
    story: list[Flowable] = [intro(texts["em_intro"])]
    if not scenarios:
        return [*story, Spacer(1, 2 * mm), para(texts["em_none"], s.note)]
    label_width = 24 * mm
    for index, scenario in enumerate(sorted(scenarios, key=lambda x: x.position), start=1):
        rows: list[list[object]] = [[para(f"5.{index}\u2003{scenario.title}", s.label), ""]]
        for key, value in (("em_actions", scenario.actions), ("em_contacts", scenario.contacts),
                           ("em_escalation", scenario.escalation)):
            rows.append([para(texts[key], s.label), para(value or "—", s.value_small)])
        table = Table(rows, colWidths=[label_width, width - label_width], splitInRow=1)
        table.setStyle(table_style([
            ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("BACKGROUND", (0, 1), (0, -1), LABEL_FILL),
            ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ]))
        story += [Spacer(1, 3 * mm), KeepTogether([table])]
    return story


# -- 6 exit and summary -------------------------------------------------------------------------

def _days(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _label(enum: type[StrEnum], code: str, texts: HandoverTexts) -> str:
    try:
        return texts.enum(enum(code))
    except ValueError:
        return code


def _count_table(title: str, rows: Sequence[Sequence[str]], heads: Sequence[str],
                 total: Sequence[str], width: float) -> Table:
    """A small totals table: a title row, a head, one row per value, a total row."""
    s = styles()
    numbers = len(heads) - 1
    widths = [width - numbers * 19 * mm] + [19 * mm] * numbers
    body: list[list[object]] = [[para(title, s.label)] + [""] * numbers,
                                [para(h, s.head) for h in heads]]
    body += [[para(row[0], s.cell)] + [para(v, s.cell_center) for v in row[1:]] for row in rows]
    body.append([para(total[0], s.label)] + [para(v, s.cell_center) for v in total[1:]])
    table = Table(body, colWidths=widths)
    table.setStyle(table_style([
        ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 1), HEAD_FILL),
        ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
        ("GRID", (0, 1), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _person_days(go_live: date, exit_date: date | None, summary: SupportSummary,
                 texts: HandoverTexts) -> str:
    """The support person-days and what they count: the schedule from go-live to the
    consultant's exit (the summary counts only those days)."""
    n = _days(sum(summary.support_days.values()))
    if exit_date is None:
        return texts["sm_days_open"].format(n=n, start=go_live.isoformat())
    return texts["sm_days_value"].format(n=n, start=go_live.isoformat(),
                                         end=exit_date.isoformat())


def summary_section(go_live: date, exit_date: date | None, summary: SupportSummary,
                    lessons: str, texts: HandoverTexts, width: float) -> list[Flowable]:
    """The exit, what was supported (issues by category, module, status and mode; support
    person-days by mode, go-live to exit) and the lessons learned."""
    s = styles()
    period = (texts["sm_period_value"].format(start=summary.first_day.isoformat(),
                                              end=summary.last_day.isoformat())
              if summary.first_day and summary.last_day else "—")
    facts = label_grid([
        (texts["sm_go_live"], go_live.isoformat()),
        (texts["sm_exit"], exit_date.isoformat() if exit_date else texts["sm_not_planned"]),
        (texts["sm_period"], period),
        (texts["sm_issues"], texts["sm_issues_value"].format(n=summary.issues,
                                                             open=summary.open_issues)),
        (texts["sm_days"], _person_days(go_live, exit_date, summary, texts)),
    ], [36 * mm, width - 36 * mm])
    half = (width - 8 * mm) / 2
    total = str(summary.issues)
    count = texts["count"]
    category = _count_table(texts["by_category"], [
        (_label(Category, code, texts), str(n)) for code, n in summary.by_category.items()],
        [texts["category"], count], [texts["total"], total], half)
    module = _count_table(texts["sm_by_module"], [
        (code, str(n)) for code, n in summary.by_module.items()],
        [texts["module"], count], [texts["total"], total], half)
    status = _count_table(texts["sm_by_status"], [
        (_label(IssueStatus, code, texts), str(n)) for code, n in summary.by_status.items()],
        [texts["status"], count], [texts["total"], total], half)
    days = summary.support_days
    mode = _count_table(texts["sm_by_mode"], [
        (texts.enum(m), str(summary.by_mode.get(m.value, 0)), _days(days.get(m.value, 0.0)))
        for m in SupportMode],
        [texts["mode"], count, texts["sm_days_unit"]],
        [texts["total"], total, _days(sum(days.values()))], half)
    gap = 8 * mm
    lessons_box = boxed(para(lessons, s.value) if lessons.strip()
                        else para(texts["sm_no_lessons"], s.note), width)
    return [facts, sub_heading(f"6.1\u2003{texts['sm_figures']}"),
            side_by_side([category, Spacer(gap, 1), module], [half, gap, half]),
            Spacer(1, 4 * mm),
            side_by_side([status, Spacer(gap, 1), mode], [half, gap, half]),
            sub_heading(f"6.2\u2003{texts['sm_lessons']}"), lessons_box]


# -- 7 acceptance --------------------------------------------------------------------------------

def _signature_box(title: str, name: str, texts: HandoverTexts, width: float) -> Table:
    """One signer: the role over a name line, a tall box to sign in ink, a date line."""
    s = styles()
    label_width = 22 * mm
    table = Table([[para(title, s.label), ""],
                   [para(texts["ac_name"], s.label), para(name, s.value)],
                   [para(texts["ac_sign"], s.label), ""],
                   [para(texts["ac_date"], s.label), para(texts["ac_date_blank"], s.value)]],
                  colWidths=[label_width, width - label_width],
                  rowHeights=[None, 9 * mm, 26 * mm, 9 * mm])
    table.setStyle(table_style([
        ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("BACKGROUND", (0, 1), (0, -1), LABEL_FILL),
        ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("VALIGN", (0, 2), (0, 2), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _decision(record: HandoverRecord, red: bool) -> int | None:
    """Which decision box is ticked: none before the sign-off (the signers tick it by
    pen); once signed off, accepted, or accepted with conditions when criteria were not
    met and the PM gave the reason to go on."""
    if record.accepted_on is None:
        return None
    return 1 if red and record.handover_override.strip() else 0


def acceptance(record: HandoverRecord, untransferred: int, red: bool, texts: HandoverTexts,
               width: float) -> list[Flowable]:
    """The statement, the acceptance date, the decision (ticked once signed off) with the
    remarks, and the four signature boxes (kept together).

    Args:
        record: the handover record (signers, acceptance date, the override reason).
        untransferred: issues neither transferred nor closed (a warning above).
        red: whether any exit criterion is not met.
        texts: the document's words.
        width: the frame's width.
    """
    s = styles()
    story: list[Flowable] = [para(texts["ac_statement"], s.value), Spacer(1, 3 * mm)]
    if untransferred:
        story += [para(texts["ac_blocked"].format(n=untransferred), s.warn),
                  Spacer(1, 3 * mm)]
    accepted = record.accepted_on.isoformat() if record.accepted_on else texts["ac_date_blank"]
    gap = 8 * mm
    half = (width - gap) / 2
    names: Mapping[str, str] = {
        "ho_by": record.handover_by, "ho_receiver": record.handover_receiver,
        "ho_vendor_pm": record.accept_vendor, "ho_customer_pm": record.accept_customer}

    def box(key: str) -> Table:
        return _signature_box(texts[key], names[key], texts, half)

    verdict = tick_choices([texts[k] for k in ("ac_pass", "ac_conditional", "ac_fail")],
                           _decision(record, red), width - 36 * mm - 12)
    # signed off with criteria not met: the PM's reason is the condition of the acceptance
    reason = record.handover_override.strip() if red else ""
    remarks: list[Flowable] = [para(reason, s.value), Spacer(1, 6 * mm)] if reason else []
    opinion = Table([[para(texts["ac_opinion"], s.label), remarks]],
                    colWidths=[36 * mm, width - 36 * mm],
                    rowHeights=[None if reason else 24 * mm])
    opinion.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), FRAME, RULE), ("LINEAFTER", (0, 0), (0, 0), GRID, RULE),
        ("BACKGROUND", (0, 0), (0, 0), LABEL_FILL), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    blocks: list[Flowable] = [
        label_grid([(texts["ho_accepted_on"], accepted), (texts["ac_verdict"], verdict)],
                   [36 * mm, width - 36 * mm]),
        opinion,
        Spacer(1, 6 * mm),
        side_by_side([box("ho_by"), Spacer(gap, 1), box("ho_receiver")], [half, gap, half]),
        Spacer(1, 6 * mm),
        side_by_side([box("ho_vendor_pm"), Spacer(gap, 1), box("ho_customer_pm")],
                     [half, gap, half]),
        Spacer(1, 4 * mm), para(texts["ac_copies"], s.note),
    ]
    return [*story, KeepTogether(blocks)]
