"""The monthly on-site support schedule (现场支持时间表) as a landscape PDF.

One row pair per person (morning above, afternoon below; a whole day spans
both), one column per day of the month. The support mode is a symbol
(● on site, ☎ phone, ◎ remote) explained by a legend; the project's
milestones (上线, 月结, 计划撤离现场, 验收) sit in a row above the team;
weekends and holidays are shaded with the working-day calendar, so a 调休
Saturday stays white. Document control as on the register: a header with the
document number, a control strip, "page x of y", and a line for the PM's
signature. Read models in, PDF bytes out: no store, no Qt.
"""

from __future__ import annotations

import calendar as _calendar
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.models import Person
from golive_desk.domain.support_calendar import (
    Half,
    Milestone,
    MilestoneKind,
    Slot,
    onsite_totals,
    schedule_rows,
)
from golive_desk.domain.workdays import DayKind, HolidayCalendar
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
from golive_desk.reports.schedule_marks import SYMBOLS, ModeMarks
from golive_desk.reports.styles import (
    FRAME,
    GRID,
    HEAD_FILL,
    LABEL_FILL,
    MUTED,
    RULE,
    para,
    styles,
    table_style,
)
from golive_desk.reports.texts import Texts

LAYOUT = Layout(size=landscape(A4), left=12 * mm, right=12 * mm, top=18 * mm, bottom=16 * mm)

WEEKEND_FILL = colors.HexColor("#E4E7EB")
HOLIDAY_FILL = colors.HexColor("#F4D9D0")
MILESTONE_FILL = colors.HexColor("#FFF4D6")
_NAME_W, _HALF_W, _TOTAL_W = 26 * mm, 10 * mm, 14 * mm
_KINDS = (MilestoneKind.GO_LIVE, MilestoneKind.MONTH_END_CLOSE, MilestoneKind.PLANNED_EXIT,
          MilestoneKind.ACCEPTANCE, MilestoneKind.OTHER)
_HEAD_ROWS = 3  # day numbers, weekdays, milestones


def month_days(month: date) -> list[date]:
    """Every date of ``month``'s month, in order."""
    first = month.replace(day=1)
    count = _calendar.monthrange(first.year, first.month)[1]
    return [first + timedelta(days=i) for i in range(count)]


def render_schedule(slots: Sequence[Slot], milestones: Sequence[Milestone],
                    people: Sequence[Person], month: date, holidays: HolidayCalendar,
                    info: DocumentInfo, language: str) -> bytes:
    """The 现场支持时间表 of ``month`` (any date in it) for one project, as PDF bytes."""
    texts = Texts(language)
    days = month_days(month)
    label = texts["month_value"].format(year=days[0].year, month=days[0].month)
    in_month = [s for s in slots if s.start <= days[-1] and s.end >= days[0]]
    stones = sorted((m for m in milestones if days[0] <= m.day <= days[-1]),
                    key=lambda m: (m.day, _KINDS.index(m.kind)))
    team = schedule_rows(people, in_month)
    s = styles()
    story: list[Flowable] = [
        BoldTitle(texts["schedule_title"], 20, space_after=2),
        para(f"{info.customer} · {info.project_name} · {label}", s.subtitle),
        Spacer(1, 4 * mm), _control(info, texts, label), Spacer(1, 4 * mm),
        _grid(days, in_month, stones, team, holidays, texts), Spacer(1, 4 * mm),
        KeepTogether([_legend(texts), Spacer(1, 3 * mm),
                      _notes(days, stones, holidays, texts), Spacer(1, 6 * mm),
                      _signature(info, texts)]),
    ]

    def furniture(canvas: Canvas, page: PageInfo) -> None:
        _furniture(canvas, texts, info, label)

    number = PageNumber(LAYOUT.size[0] / 2, LAYOUT.bottom - 8 * mm, 8, texts.page)
    return build_pdf([story], LAYOUT, furniture, number,
                     title=f"{texts['schedule_title']} {label}", author=info.prepared_by,
                     subject=f"{info.customer} {info.project_name}")


def _furniture(canvas: Canvas, texts: Texts, info: DocumentInfo, label: str) -> None:
    draw_running_lines(
        canvas, LAYOUT, heading=f"{texts['schedule_title']} · {info.customer} · {label}",
        top_right=f"{texts.colon(texts['doc_no'])}{info.doc_no} · "
                  f"{texts.colon(texts['project_code'])}{info.project_code}",
        bottom_left=texts.colon(texts["printed"]) + info.printed_on.isoformat(),
        bottom_right=f"{texts.colon(texts['version'])}{info.version}")


def _control(info: DocumentInfo, texts: Texts, label: str) -> Table:
    """One strip of document control: number, project, customer, month, PM, printed."""
    s = styles()
    pairs = [("doc_no", info.doc_no), ("customer", info.customer),
             ("project", f"{info.project_name}（{info.project_code}）" if texts.chinese
              else f"{info.project_name} ({info.project_code})"),
             ("month", label), ("vendor_pm", info.vendor_pm or "—"),
             ("printed", info.printed_on.isoformat())]
    label_w = 22 * mm
    value_w = (LAYOUT.frame_width - 3 * label_w) / 3
    rows: list[list[object]] = [[], []]
    for index, (key, value) in enumerate(pairs):
        rows[index % 2] += [para(texts[key], s.label), para(value, s.value_small)]
    table = Table(rows, colWidths=[label_w, value_w] * 3)
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), GRID, RULE), ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        *[("BACKGROUND", (c, 0), (c, -1), LABEL_FILL) for c in range(0, 6, 2)],
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _cells(days: Sequence[date], slots: Sequence[Slot]
           ) -> dict[str, dict[date, tuple[str, str]]]:
    """Per person and day: the symbols of the morning and of the afternoon."""
    first, last = days[0], days[-1]
    am: dict[tuple[str, date], list[SupportMode]] = defaultdict(list)
    pm: dict[tuple[str, date], list[SupportMode]] = defaultdict(list)
    for slot in sorted(slots, key=lambda x: (x.start, x.mode)):
        day = max(slot.start, first)
        while day <= min(slot.end, last):
            key = (slot.person_id, day)
            if slot.half in (Half.DAY, Half.AM) and slot.mode not in am[key]:
                am[key].append(slot.mode)
            if slot.half in (Half.DAY, Half.PM) and slot.mode not in pm[key]:
                pm[key].append(slot.mode)
            day += timedelta(days=1)
    out: dict[str, dict[date, tuple[str, str]]] = defaultdict(dict)
    for person, day in set(am) | set(pm):
        out[person][day] = ("".join(SYMBOLS[m] for m in am.get((person, day), [])),
                            "".join(SYMBOLS[m] for m in pm.get((person, day), [])))
    return out


def _days_text(value: float) -> str:
    """9.5, 6, 0: a listed person without a day on site reads 0, not a blank."""
    return f"{value:g}"


def _grid(days: Sequence[date], slots: Sequence[Slot], stones: Sequence[Milestone],
          team: Sequence[tuple[str, str]], holidays: HolidayCalendar, texts: Texts) -> Table:
    s = styles()
    n = len(days)
    day_w = (LAYOUT.frame_width - _NAME_W - _HALF_W - _TOTAL_W) / n
    widths = [_NAME_W, _HALF_W, *([day_w] * n), _TOTAL_W]
    last_col = n + 2
    weekdays = texts["weekdays"]
    kinds = {d: holidays.day_kind(d) for d in days}
    marks = {DayKind.HOLIDAY: "休" if texts.chinese else "H",
             DayKind.ADJUSTED_WORKDAY: texts["sch_adjusted_mark"]}
    total_head = "现场\n天数" if texts.chinese else "On site\n(days)"
    rows: list[list[object]] = [
        [texts["sch_person"], texts["sch_half"], *[str(d.day) for d in days], total_head],
        ["", "", *[weekdays[d.weekday()] + ("\n" + marks[kinds[d]] if kinds[d] in marks
                                             else "") for d in days], ""],
    ]
    by_day: dict[date, list[str]] = defaultdict(list)
    for stone in stones:
        by_day[stone.day].append(texts[f"ms_{stone.kind.value}"])
    rows.append([texts["sch_milestones"], "", *["\n".join(by_day.get(d, [])) for d in days],
                 ""])
    cells = _cells(days, slots)
    totals = onsite_totals(slots, days[0], days[-1])
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID * 0.6, colors.HexColor("#888888")),
        ("BOX", (0, 0), (-1, -1), FRAME, RULE),
        ("LINEBELOW", (0, _HEAD_ROWS - 1), (-1, _HEAD_ROWS - 1), FRAME, RULE),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (last_col, 0), (last_col, 1)), ("SPAN", (0, 2), (1, 2)),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 1), HEAD_FILL),
        ("BACKGROUND", (0, 2), (1, 2), LABEL_FILL),
        ("FONT", (0, 0), (-1, 0), cjk_font(), 8, 9.5),
        ("FONT", (2, 1), (-1, 2), cjk_font(), 6.5, 7.5),
        ("FONT", (last_col, 0), (last_col, 0), cjk_font(), 6.5, 7.5),
        ("FONT", (0, 2), (1, 2), cjk_font(), 8, 9.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
    ]
    for col, day in enumerate(days, start=2):
        kind = kinds[day]
        if kind is DayKind.WEEKEND:
            commands.append(("BACKGROUND", (col, 1), (col, -1), WEEKEND_FILL))
        elif kind is DayKind.HOLIDAY:
            commands.append(("BACKGROUND", (col, 1), (col, -1), HOLIDAY_FILL))
        if by_day.get(day):
            commands.append(("BACKGROUND", (col, 2), (col, 2), MILESTONE_FILL))
    for person_id, name in team:
        top = len(rows)
        mine = cells.get(person_id, {})
        am_row: list[object] = [para(name, s.cell_center), texts["sch_am"]]
        pm_row: list[object] = ["", texts["sch_pm"]]
        for col, day in enumerate(days, start=2):
            am, pm = mine.get(day, ("", ""))
            if am and am == pm:
                am_row.append(ModeMarks(am))
                pm_row.append("")
                commands.append(("SPAN", (col, top), (col, top + 1)))
            else:
                am_row.append(ModeMarks(am) if am else "")
                pm_row.append(ModeMarks(pm) if pm else "")
        am_row.append(_days_text(totals.get(person_id, 0.0)))
        pm_row.append("")
        rows += [am_row, pm_row]
        commands += [("SPAN", (0, top), (0, top + 1)),
                     ("SPAN", (last_col, top), (last_col, top + 1)),
                     ("NOSPLIT", (0, top), (-1, top + 1)),
                     ("LINEBELOW", (0, top + 1), (-1, top + 1), GRID, RULE),
                     ("FONT", (1, top), (1, top + 1), cjk_font(), 6.5, 7.5),
                     ("TEXTCOLOR", (1, top), (1, top + 1), MUTED),
                     ("FONT", (2, top), (last_col - 1, top + 1), cjk_font(), 10, 11),
                     ("FONT", (last_col, top), (last_col, top), cjk_font(), 8, 9.5)]
    if not team:
        rows.append([para(texts["sch_empty"], s.cell_center)] + [""] * (last_col))
        commands.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    heights = [None, None, None] + [5.2 * mm] * (len(rows) - _HEAD_ROWS)
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=_HEAD_ROWS)
    table.setStyle(table_style(commands, 8, 9.5))
    return table


def _legend(texts: Texts) -> Table:
    s = styles()

    def swatch(fill: colors.Color | None, mark: str = "") -> Table:
        box = Table([[mark]], colWidths=[6 * mm], rowHeights=[4.2 * mm])
        style: list[tuple[object, ...]] = [("BOX", (0, 0), (-1, -1), GRID, RULE),
                                           ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
        if fill is not None:
            style.append(("BACKGROUND", (0, 0), (-1, -1), fill))
        box.setStyle(table_style(style, 8, 9))
        return box

    items: list[tuple[object, str]] = [(ModeMarks(SYMBOLS[m]), texts.enum(m))
                                       for m in SupportMode]
    items += [(swatch(WEEKEND_FILL), texts["sch_weekend"]),
              (swatch(HOLIDAY_FILL, "休" if texts.chinese else "H"), texts["sch_holiday"]),
              (swatch(None, texts["sch_adjusted_mark"]), texts["sch_adjusted"])]
    halves = f"{texts['sch_am']} / {texts['sch_pm']}"
    row: list[object] = [para(texts.colon(texts["legend"]), s.label)]
    widths = [16 * mm]
    for mark, word in items:
        row += [mark, para(word, s.value_small)]
        widths += [8 * mm, 24 * mm]
    row.append(para(("上下两格：" if texts.chinese else "Two rows: ") + halves
                    + ("；合并为一格：全天" if texts.chinese else "; merged: whole day"),
                    s.note))
    widths.append(LAYOUT.frame_width - sum(widths))
    table = Table([row], colWidths=widths)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (-2, 0), "LEFT"),
        ("FONT", (0, 0), (-1, -1), cjk_font(), 11, 12),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _notes(days: Sequence[date], stones: Sequence[Milestone], holidays: HolidayCalendar,
           texts: Texts) -> Table:
    """The month's milestones and holidays in words (a cell holds only two characters)."""
    s = styles()
    sep = "；" if texts.chinese else "; "
    listed = sep.join(f"{m.day.month}/{m.day.day} {texts[f'ms_{m.kind.value}_long']}"
                      + (f"（{m.note}）" if m.note and texts.chinese else
                         f" ({m.note})" if m.note else "") for m in stones)
    names: dict[str, list[date]] = defaultdict(list)
    for day in days:
        if holidays.day_kind(day) is DayKind.HOLIDAY:
            names[holidays.holiday_name(day) or texts["sch_holiday"]].append(day)
    off = sep.join(f"{name} {v[0].month}/{v[0].day}" + (f"–{v[-1].month}/{v[-1].day}"
                                                       if len(v) > 1 else "")
                   for name, v in names.items())
    # (the team view's column counts the same way: domain.support_calendar.onsite_totals)
    counted = ("现场天数：", "按半天计，现场半天计 0.5 天，全天计 1 天") if texts.chinese else \
        ("On-site days:", "counted in half days: half a day on site counts 0.5, a whole day 1")
    table = Table([[para(texts.colon(texts["sch_milestone_list"]), s.label),
                    para(listed or texts["sch_none"], s.value_small)],
                   [para(texts.colon(texts["sch_holiday_list"]), s.label),
                    para(off or texts["sch_none"], s.value_small)],
                   [para(counted[0], s.label), para(counted[1], s.value_small)]],
                  colWidths=[30 * mm, LAYOUT.frame_width - 30 * mm])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _signature(info: DocumentInfo, texts: Texts) -> Table:
    s = styles()
    blank = "\u00a0" * 28
    pm = texts.colon(texts["sign_pm"]) + (info.vendor_pm + "\u00a0" * 4 if info.vendor_pm
                                          else "")
    prepared = texts.colon(texts["prepared_by"]) + info.prepared_by
    table = Table([[para(prepared, s.label), para(pm + blank, s.label),
                    para(texts["sign_date"], s.label)]],
                  colWidths=[60 * mm, 110 * mm, LAYOUT.frame_width - 170 * mm])
    table.setStyle(table_style([
        ("LINEBELOW", (1, 0), (1, 0), GRID, RULE), ("LINEBELOW", (2, 0), (2, 0), GRID, RULE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table
