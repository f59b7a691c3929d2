"""The screen and the paper call each issue field by one Chinese name (issue 15 #7).

The screen's words are the Chinese translation (.ts) of the form's, the list's and
the field labels' sources; the paper's are ``reports/texts.py``. Where the
methodology (seed 7) has a wording, both use it: 分公司测试通过 ("在当地分公司进行
测试,通过后…"), 列入维护事项 ("交代后续维护事宜").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from golive_desk.domain.issues import IssueStatus
from golive_desk.reports.texts import Texts

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "golive_desk_zh_CN.ts"


def _screen() -> dict[tuple[str, str], str]:
    words: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            words[(name, message.findtext("source") or "")] = message.findtext("translation") or ""
    return words


SCREEN = _screen()
PAPER = Texts("zh_CN")

# (paper key, the screen's (context, source) naming that field)
FIELDS = [
    ("reporter", ("Fields", "Reporter")),
    ("reporter", ("SheetFields", "Reporter")),
    ("reporter", ("IssueTableModel", "Reporter")),
    ("reporter", ("ImportText", "Reporter")),
    ("expected_by", ("Fields", "Expected by")),
    ("expected_by", ("SheetFields", "Expected by")),
    ("expected_by", ("ImportText", "Expected by")),
    ("expected_short", ("IssueTableModel", "Expected by")),
    ("assignee", ("Fields", "Assignee")),
    ("assignee", ("SheetFields", "Assignee")),
    ("assignee", ("IssueTableModel", "Assignee")),
    ("assignee", ("ImportText", "Assignee")),
    ("function", ("ImportText", "Function / document")),
    ("maintenance_note", ("Fields", "Add to maintenance notes")),
    ("reported_at", ("Fields", "Reported at")),
    ("reported_at", ("SheetFields", "Reported at")),
    ("reported_at", ("IssueTableModel", "Reported at")),
    ("reporter_dept", ("Fields", "Reporter's department")),
    ("reporter_dept", ("SheetFields", "Department")),
    ("function", ("Fields", "Function / document")),
    ("function", ("SheetFields", "Function/document")),
    ("maintenance_note", ("ImportText", "Maintenance matter")),
]


@pytest.mark.parametrize(("paper", "screen"), FIELDS, ids=lambda v: "|".join(v)
                         if isinstance(v, tuple) else v)
def test_the_screen_names_a_field_as_the_paper_does(paper: str, screen: tuple[str, str]) -> None:
    assert SCREEN[screen] == PAPER[paper]


def test_the_maintenance_box_on_the_form_uses_the_papers_words() -> None:
    box = SCREEN[("SheetFields", "Add to the maintenance matters for the handover")]
    assert box.startswith(PAPER["maintenance_note"])


def test_the_branch_tested_status_has_the_methodologys_name_on_screen_and_paper() -> None:
    assert SCREEN[("Labels", "Branch tested")] == PAPER.enum(IssueStatus.BRANCH_TESTED)
    assert PAPER.enum(IssueStatus.BRANCH_TESTED) == "分公司测试通过"


def test_no_old_name_is_left_on_screen() -> None:
    old = ("报告人", "期望解决", "负责顾问", "纳入维护手册", "分公司已测试", "要求解决时间")
    left = [(key, text) for key, text in SCREEN.items() if any(word in text for word in old)]
    assert left == []


def test_the_english_paper_names_fields_as_the_english_screen_does() -> None:
    paper = Texts("en")
    assert (paper["reporter"], paper["assignee"], paper["function"], paper["reported_at"]) \
        == ("Reporter", "Assignee", "Function / document", "Reported at")
