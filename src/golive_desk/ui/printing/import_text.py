"""Words of the Excel import: issue field names and why a row or a file was refused.

The service says why in codes (``rule``, ``value``, ``detail``) plus an
English message; here the codes become sentences in the user's language.
A rule this table does not know shows the service's English message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.issues import IssueStatus
from golive_desk.services.excel_import import RowProblem
from golive_desk.ui import labels
from golive_desk.ui.error_text import describe

# A plain name that pyside6-lupdate recognises as a translate(context, text) call.
translate = QCoreApplication.translate


def field_label(field: str) -> str:
    """An issue field's name as the form shows it."""
    names = {
        "title": translate("ImportText", "Title"),
        "description": translate("ImportText", "Description"),
        "module": translate("ImportText", "Module"),
        "function": translate("ImportText", "Function / document"),
        "category": translate("ImportText", "Category"),
        "severity": translate("ImportText", "Severity"),
        "mode": translate("ImportText", "Support mode"),
        "reporter": translate("ImportText", "Reporter"),
        "reporter_dept": translate("ImportText", "Department"),
        "reported_at": translate("ImportText", "Reported at"),
        "expected_by": translate("ImportText", "Expected by"),
        "assignee": translate("ImportText", "Assignee"),
        "cause": translate("ImportText", "Cause analysis"),
        "proposal": translate("ImportText", "Proposed handling"),
        "resolution": translate("ImportText", "Resolution"),
        "result": translate("ImportText", "Result"),
        "confirmed_by": translate("ImportText", "Confirmed by"),
        "confirmed_at": translate("ImportText", "Confirmed on"),
        "maintenance_note": translate("ImportText", "Maintenance matter"),
        "status": translate("ImportText", "Status"),
    }
    return names.get(field, field)


def _fill(template: str, *values: str) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", value)
    return template


def describe_problem(problem: RowProblem) -> str:
    """One refusal reason as a sentence (%1 the field, %2 the detail, %3 the value)."""
    templates = {
        "required": translate("ImportText", "%1 is empty."),
        "too_long": translate("ImportText", "%1 is longer than %2 characters."),
        "choice": translate("ImportText", "%1: \u201c%3\u201d is not a known value."),
        "module": translate("ImportText",
                            "\u201c%3\u201d is not a module of this project (%2)."),
        "date": translate("ImportText", "%1: \u201c%3\u201d is not a date (e.g. 2026-11-05)."),
        "datetime": translate("ImportText", "%1: \u201c%3\u201d is not a date and time."),
        "bool": translate("ImportText", "%1: \u201c%3\u201d is neither yes nor no."),
        "before_reported": translate("ImportText", "%1 is before the report date %2."),
        "duplicate": translate("ImportText",
                               "Already recorded as %2 (same title and report date)."),
        "duplicate_row": translate("ImportText",
                                   "Repeats row %2 (same title and report date)."),
    }
    if problem.field == "status" and problem.rule == "choice":
        names = translate("ImportText", ", ").join(labels.issue_status(s) for s in IssueStatus)
        return _fill(translate("ImportText", "Status: \u201c%1\u201d is not a status (use %2)."),
                     problem.value, names)
    template = templates.get(problem.rule)
    if template is None:
        return problem.message
    return _fill(template, field_label(problem.field), problem.detail, problem.value)


def describe_file_error(error: GoLiveError) -> str:
    """Why a file cannot be read or a mapping cannot work, as a sentence."""
    templates = {
        "missing": translate("ImportText", "%1 does not exist."),
        "xls_format": translate("ImportText", "%1 is an old Excel 97-2003 workbook. Open it "
                                "in Excel, save it as .xlsx and import that file."),
        "not_xlsx": translate("ImportText", "%1 is not an Excel .xlsx workbook."),
        "empty_file": translate("ImportText", "%1 is empty."),
        "no_rows": translate("ImportText", "%1 has a header row but no rows below it."),
        "too_many_rows": translate("ImportText",
                                   "%1 has too many rows; split it into several files."),
        "title_unmapped": translate("ImportText", "Choose the column that holds the title: "
                                    "every issue needs one."),
        "duplicate_target": translate("ImportText",
                                      "Two columns are imported as \u201c%2\u201d; choose one."),
        "nothing_to_import": translate("ImportText", "No row can be imported."),
    }
    template = templates.get(str(error.details.get("rule", "")))
    if template is None:
        return describe(error)
    name = Path(str(error.details.get("path", ""))).name
    return _fill(template, name, field_label(str(error.details.get("value", ""))))
