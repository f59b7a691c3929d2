"""The register as a spreadsheet: .xlsx for the customer's PM, .csv for anything else.

The column headers are the labels of the printed sheet (Chinese by default),
so a customer's PM recognises them, and our own Excel import maps them back
without help. Dates are real dates in the .xlsx (sortable, filterable);
enum codes are shown as their labels.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from golive_desk.domain.issues import Category, Issue, IssueStatus, Severity
from golive_desk.domain.sla import SlaReading
from golive_desk.reports.models import local_time
from golive_desk.reports.texts import Texts

if TYPE_CHECKING:
    from openpyxl import Workbook

Value = str | date | datetime | int | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the label key in reports/texts.py, mostly the issue field's name
    width: float  # Excel character units
    value: Callable[[Issue, Texts], Value]
    number_format: str = ""
    wrap: bool = False


def _reported(issue: Issue, texts: Texts) -> Value:
    # An odd value (from a newer version) is kept as text rather than lost.
    return local_time(issue.reported_at) or issue.reported_at or None


def _updated(issue: Issue, texts: Texts) -> Value:
    return local_time(issue.updated_at) or issue.updated_at or None


def _text(field: str) -> Callable[[Issue, Texts], Value]:
    def get(issue: Issue, texts: Texts) -> Value:
        return str(getattr(issue, field))
    return get


def _label(field: str) -> Callable[[Issue, Texts], Value]:
    def get(issue: Issue, texts: Texts) -> Value:
        value: StrEnum = getattr(issue, field)
        return texts.enum(value)
    return get


def _day(field: str) -> Callable[[Issue, Texts], Value]:
    def get(issue: Issue, texts: Texts) -> Value:
        value: date | None = getattr(issue, field)
        return value
    return get


def _status(issue: Issue, texts: Texts) -> Value:
    label = texts.enum(issue.status)
    return f"{label}（{texts['deleted']}）" if issue.deleted else label


_DAY = "yyyy-mm-dd"
_MINUTE = "yyyy-mm-dd hh:mm"

COLUMNS: tuple[Column, ...] = (
    Column("number", 14, _text("number")),
    Column("title", 36, _text("title"), wrap=True),
    Column("module", 9, _text("module")),
    Column("function", 12, _text("function")),
    Column("category", 11, _label("category")),
    Column("severity", 9, _label("severity")),
    Column("status", 11, _status),
    Column("mode", 9, _label("mode")),
    Column("reporter", 9, _text("reporter")),
    Column("reporter_dept", 11, _text("reporter_dept")),
    Column("reported_at", 17, _reported, _MINUTE),
    Column("expected_by", 12, _day("expected_by"), _DAY),
    Column("sla", 18, lambda i, t: None),  # from the readings given (see _value)
    Column("assignee", 9, _text("assignee")),
    Column("description", 48, _text("description"), wrap=True),
    Column("cause", 36, _text("cause"), wrap=True),
    Column("proposal", 36, _text("proposal"), wrap=True),
    Column("resolution", 36, _text("resolution"), wrap=True),
    Column("result", 36, _text("result"), wrap=True),
    Column("confirmed_by", 10, _text("confirmed_by")),
    Column("confirmed_at", 12, _day("confirmed_at"), _DAY),
    Column("maintenance_note", 12, lambda i, t: t.yes_no(i.maintenance_note)),
    Column("updated_at", 17, _updated, _MINUTE),
)

# openpyxl refuses the C0 controls Excel cannot store; pasted text carries them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _value(column: Column, issue: Issue, texts: Texts,
           sla: Mapping[str, SlaReading]) -> Value:
    if column.key == "sla":
        return texts.sla(sla.get(issue.id)) or None
    return column.value(issue, texts)


def headers(texts: Texts) -> list[str]:
    return [texts[c.key] for c in COLUMNS]


def xlsx_bytes(issues: Sequence[Issue], texts: Texts, sheet_title: str,
               sla: Mapping[str, SlaReading] | None = None) -> bytes:
    """The register as an .xlsx workbook: typed columns, frozen header, filter, totals.

    ``sla``: each issue's SLA reading by id (the SLA column; empty where missing).
    """
    readings = sla or {}
    # openpyxl is imported on first use, like reportlab in printing.py.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]  # Excel's limit for a sheet name
    sheet.append(headers(texts))
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="D9DDE3")
    for cell in sheet[1]:
        cell.font = head_font
        cell.fill = head_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    for row_index, issue in enumerate(issues, start=2):
        for col_index, column in enumerate(COLUMNS, start=1):
            value = _value(column, issue, texts, readings)
            if isinstance(value, str):
                value = _ILLEGAL.sub("", value)
            cell = sheet.cell(row=row_index, column=col_index, value=value)
            if cell.data_type == "f":
                cell.data_type = "s"  # a title starting with "=" is text, not a formula
            if column.number_format and isinstance(value, date | datetime):
                cell.number_format = column.number_format
            cell.alignment = wrap if column.wrap else top
    for col_index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(col_index)].width = column.width
    sheet.freeze_panes = "B2"  # header row and the issue number stay in view
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(issues) + 1)}"
    _totals_sheet(book, issues, texts)
    book.properties.title = sheet_title
    book.properties.creator = "GoLive Desk"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _totals_sheet(book: Workbook, issues: Sequence[Issue], texts: Texts) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(texts["summary"][:31])
    bold = Font(bold=True)
    row = 1
    for key, counts, members in (
            ("by_status", Counter[StrEnum](i.status for i in issues),
             list[StrEnum](IssueStatus)),
            ("by_severity", Counter[StrEnum](i.severity for i in issues),
             list[StrEnum](Severity)),
            ("by_category", Counter[StrEnum](i.category for i in issues),
             list[StrEnum](Category))):
        sheet.cell(row=row, column=1, value=texts[key]).font = bold
        sheet.cell(row=row, column=2, value=texts["count"]).font = bold
        for member in members:
            row += 1
            sheet.cell(row=row, column=1, value=texts.enum(member))
            sheet.cell(row=row, column=2, value=counts.get(member, 0))
        row += 1
        sheet.cell(row=row, column=1, value=texts["total"]).font = bold
        sheet.cell(row=row, column=2, value=len(issues)).font = bold
        row += 2
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 8


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # Excel runs a cell that starts like a formula; a quote makes it plain text.
    if text[:1] in ("=", "+", "@", "\t", "\r") or (
            text[:1] == "-" and text[1:2] not in ("", " ", "-", *"0123456789")):
        return "'" + text
    return text


def csv_bytes(issues: Sequence[Issue], texts: Texts,
              sla: Mapping[str, SlaReading] | None = None) -> bytes:
    """The register as CSV in UTF-8 with a BOM, which is how Chinese Excel knows it is UTF-8."""
    readings = sla or {}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(texts))
    for issue in issues:
        writer.writerow([_csv_cell(_value(c, issue, texts, readings)) for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def suffix_kind(path: Path) -> str:
    """``xlsx`` or ``csv`` from the file name; anything else is for the caller to refuse."""
    return path.suffix.lower().lstrip(".")
