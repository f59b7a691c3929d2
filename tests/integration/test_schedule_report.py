"""The printed 现场支持时间表's rows and totals, read back from the PDF with pypdf.

The rows are the project's support team, scheduled or not, then anyone else with
a slot; the total is the on-site days counted in half days
(``domain.support_calendar.onsite_totals``, which the team view counts with too).
"""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from golive_desk.services.container import Services

NOV = date(2026, 11, 1)


def schedule_totals(pdf: bytes, names: list[str]) -> dict[str, str]:
    """Per person named, the number at the right end of their row (the total column);
    a name with no row ending in a number is left out (the PM's name is also in the
    document control strip and the signature line)."""

    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():
            runs.append((cm[4] + tm[4], cm[5] + tm[5], text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    totals: dict[str, str] = {}
    for name in names:
        for x, y, text in runs:
            line = sorted((rx, words) for rx, ry, words in runs if abs(ry - y) < 4 and rx > x)
            if text == name and line and re.fullmatch(r"\d+(\.5)?", line[-1][1]):
                totals[name] = line[-1][1]
    return totals


def test_totals_count_half_days_and_the_team_is_listed_unscheduled(
        services: Services, project_code: str) -> None:
    projects, calendar = services.projects, services.calendar
    zhang, _ = projects.add_person(project_code, "张力", "consultant", initials="ZL")
    lin, _ = projects.add_person(project_code, "林晓", "consultant", initials="LX")
    projects.add_person(project_code, "周建国", "vendor_pm", initials="ZJG")
    projects.add_person(project_code, "刘芳", "key_user", initials="LF")
    calendar.add_slot(project_code, zhang.id, date(2026, 11, 2), date(2026, 11, 4), "day",
                      "onsite")
    calendar.add_slot(project_code, zhang.id, date(2026, 11, 5), date(2026, 11, 6), "am",
                      "onsite")
    calendar.add_slot(project_code, zhang.id, date(2026, 11, 5), date(2026, 11, 6), "pm",
                      "remote")
    calendar.add_slot(project_code, lin.id, date(2026, 11, 9), date(2026, 11, 9), "day",
                      "phone")
    pdf = services.printing.print_schedule(project_code, NOV, "zh_CN")
    totals = schedule_totals(pdf, ["张力", "林晓", "周建国", "刘芳"])
    # 3 whole days and 2 mornings; phone is no day on site; the vendor PM is on the
    # team though not scheduled; a key user without a slot is not
    assert totals == {"张力": "4", "林晓": "0", "周建国": "0"}
    english = services.printing.print_schedule(project_code, NOV, "en")
    assert schedule_totals(english, ["张力"]) == {"张力": "4"}


def test_a_half_day_counts_half(services: Services, project_code: str) -> None:
    zhang, _ = services.projects.add_person(project_code, "张力", "consultant", initials="ZL")
    services.calendar.add_slot(project_code, zhang.id, date(2026, 11, 16),
                               date(2026, 11, 16), "pm", "onsite")
    pdf = services.printing.print_schedule(project_code, NOV, "zh_CN")
    assert schedule_totals(pdf, ["张力"]) == {"张力": "0.5"}
