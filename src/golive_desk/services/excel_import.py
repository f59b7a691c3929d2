"""Reading a customer's existing issue list (.xlsx) and checking it row by row.

Nothing here writes the store: :func:`read_preview` shows what the file holds,
:func:`make_plan` maps and validates every row and says which rows would be
imported and which are refused and why. :class:`PrintingService.apply_import`
writes the accepted rows, as ops, only when the user confirms.

Customers' lists are made by hand: a title row merged over the columns above
the header, module names merged down a block of rows, dates typed as text,
numbers where text belongs. Merged cells take the value of their top-left
cell; the header is the first row with at least two different values.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import FileUnreadableError, ValidationError
from golive_desk.domain.issues import EDITABLE_FIELDS, Category, IssueStatus, Severity
from golive_desk.reports.texts import Texts, enum_labels

Cell = str | int | float | bool | date | datetime | time | None

# The status is not an editable field (the workflow moves it), but a customer's
# list has one: an imported issue starts where the list says it is.
IMPORT_FIELDS: tuple[str, ...] = (*EDITABLE_FIELDS, "status")
# Status words beyond the names the screen and the paper use (``enum_labels``).
_STATUS_WORDS: dict[str, IssueStatus] = {
    "branch tested": IssueStatus.BRANCH_TESTED, "进行中": IssueStatus.IN_PROGRESS,
    "open": IssueStatus.NEW, "待处理": IssueStatus.NEW, "已处理": IssueStatus.RESOLVED,
    "关闭": IssueStatus.CLOSED, "已结案": IssueStatus.CLOSED,
}
_ENUM_FIELDS = {"category": Category, "severity": Severity, "mode": SupportMode}
_DATE_FIELDS = ("expected_by", "confirmed_at")
_HEADER_SCAN = 20  # rows searched for the header; a list with a longer preamble is odd
_MAX_ROWS = 20_000

# Header words customers use, beyond our own labels (which are added below).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "问题", "问题名称", "问题简述", "问题摘要", "主题", "subject", "summary",
              "issue"),
    "description": ("描述", "详细描述", "问题详情", "问题现象", "现象", "details"),
    "module": ("模块名称", "系统模块", "子系统"),
    "function": ("功能", "业务", "功能点", "菜单", "功能菜单", "业务环节",
                 "功能/业务", "function"),  # (功能/业务, Function: what earlier exports said)
    "category": ("类别", "分类", "问题分类", "类型", "问题类型", "type"),
    "severity": ("紧急程度", "优先级", "级别", "严重性", "priority"),
    "mode": ("处理方式",),
    "reporter": ("报告人", "反馈人", "提交人", "提出者", "用户", "reported by"),
    "reporter_dept": ("部门", "所属部门", "使用部门", "department"),
    "reported_at": ("提出日期", "报告时间", "反馈时间", "发现时间", "日期", "date",
                    "reported"),
    "expected_by": ("期望解决日期", "计划完成日期", "截止日期", "要求完成日期", "due"),
    "assignee": ("处理人", "负责人", "责任人", "顾问", "owner", "consultant"),
    "cause": ("原因",),
    "proposal": ("建议",),
    "resolution": ("处理方案", "解决办法", "解决措施", "solution"),
    "result": ("处理结果", "结果", "处理情况"),
    "confirmed_by": ("确认人",),
    "confirmed_at": ("确认时间",),
    "maintenance_note": ("维护事项",),
    "status": ("状态", "问题状态", "处理状态", "进度", "state"),
}


@dataclass(frozen=True, slots=True)
class XlsxPreview:
    """The first rows of a workbook's sheet, as text, and where its header is."""

    path: Path
    sheet: str
    header_row: int  # 1-based, as Excel numbers rows
    headers: tuple[str, ...]
    letters: tuple[str, ...]  # A, B, C … for columns without a header
    rows: tuple[tuple[str, ...], ...]
    data_rows: int
    merged_ranges: int


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row is refused. ``rule`` and ``value``/``detail`` let the window phrase it."""

    field: str
    rule: str  # the ValidationError rule code (required, too_long, date, module, duplicate …)
    message: str  # English, for the command line and the log
    value: str = ""  # the offending value, as the user typed it
    detail: str = ""  # the limit, the allowed choices, or the issue it duplicates


@dataclass(frozen=True, slots=True)
class ImportRow:
    row: int
    values: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class RefusedRow:
    row: int
    title: str
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do; nothing is written until it is applied."""

    project_code: str
    source: Path
    sheet: str
    mapping: Mapping[int, str]
    accepted: tuple[ImportRow, ...]
    refused: tuple[RefusedRow, ...]
    empty_rows: int = 0
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class _Sheet:
    name: str
    grid: list[list[Cell]]
    merged: int


# -- reading ------------------------------------------------------------------------------

def _load(path: Path) -> _Sheet:
    path = Path(path)
    if not path.is_file():
        raise FileUnreadableError("file", f"{path} does not exist or is not a file",
                                  path=str(path), rule="missing")
    if path.suffix.lower() == ".xls":
        raise ValidationError("file", f"{path.name} is an old Excel 97-2003 file; open it in "
                              "Excel and save it as .xlsx", path=str(path), rule="xls_format")
    # openpyxl is imported on first use, like reportlab in printing.py.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles);
            # they do not matter for reading values and would only alarm users.
            warnings.simplefilter("ignore")
            book = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError("file", f"{path.name} is not an Excel .xlsx file ({exc})",
                              path=str(path), rule="not_xlsx") from None
    try:
        sheets = [s for s in dict.fromkeys([book.active, *book.worksheets])
                  if s is not None and hasattr(s, "iter_rows")]
        for sheet in sheets:
            if sheet.max_row > _MAX_ROWS + _HEADER_SCAN:
                raise ValidationError("file", f"{path.name} has more than {_MAX_ROWS} rows; "
                                      "split it", path=str(path), rule="too_many_rows")
            grid = [list(row) for row in sheet.iter_rows(values_only=True)]
            merged = list(sheet.merged_cells.ranges)
            for area in merged:
                if area.min_row > len(grid) or area.min_col > len(grid[area.min_row - 1]):
                    continue
                # Every cell of a merged area shows the top-left value in Excel.
                value = grid[area.min_row - 1][area.min_col - 1]
                for r in range(area.min_row - 1, min(area.max_row, len(grid))):
                    for c in range(area.min_col - 1, min(area.max_col, len(grid[r]))):
                        grid[r][c] = value
            if any(_filled(v) for row in grid for v in row):
                return _Sheet(str(sheet.title), grid, len(merged))
    finally:
        book.close()
    raise ValidationError("file", f"{path.name} is empty: no sheet has any values",
                          path=str(path), rule="empty_file")


def _filled(value: Cell) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _header_index(grid: Sequence[Sequence[Cell]]) -> int:
    for index, row in enumerate(grid[:_HEADER_SCAN]):
        distinct = {_display(v) for v in row if _filled(v)}
        if len(distinct) >= 2:
            return index
    return next(i for i, row in enumerate(grid) if any(_filled(v) for v in row))


def _width(grid: Sequence[Sequence[Cell]]) -> int:
    last = 0
    for row in grid:
        for index, value in enumerate(row, start=1):
            if _filled(value):
                last = max(last, index)
    return last


def _display(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour, value.minute) != (0, 0) \
            else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(path: Path) -> tuple[_Sheet, int, list[str], list[list[Cell]]]:
    sheet = _load(path)
    head = _header_index(sheet.grid)
    width = _width(sheet.grid)
    header = [_display(v) for v in (list(sheet.grid[head]) + [None] * width)[:width]]
    body = [(list(row) + [None] * width)[:width] for row in sheet.grid[head + 1:]]
    return sheet, head, header, body


def read_preview(path: Path, sample: int = 8) -> XlsxPreview:
    """Headers and the first ``sample`` rows of the sheet holding the list.

    Raises:
        FileUnreadableError: no such file. ValidationError: not an .xlsx file
            (rule ``not_xlsx`` or ``xls_format``), an empty file (``empty_file``).
    """
    sheet, head, header, body = _table(path)
    data = [row for row in body if any(_filled(v) for v in row)]
    return XlsxPreview(
        path=Path(path), sheet=sheet.name, header_row=head + 1, headers=tuple(header),
        letters=tuple(column_letter(i) for i in range(1, len(header) + 1)),
        rows=tuple(tuple(_display(v) for v in row) for row in data[:sample]),
        data_rows=len(data), merged_ranges=sheet.merged)


def column_letter(number: int) -> str:
    """Excel's name of the 1-based column ``number``: 1 → A, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _key(text: str) -> str:
    return re.sub(r"[\s*:：()（）\[\]【】/_\-.]", "", text).lower()


def suggest_mapping(headers: Sequence[str]) -> dict[int, str]:
    """A first guess of source column -> issue field from the header words."""
    words: dict[str, str] = {}
    for language in ("en", "zh_CN"):
        texts = Texts(language)
        for name in IMPORT_FIELDS:
            words.setdefault(_key(texts[name]), name)
    for name, synonyms in _SYNONYMS.items():
        for word in synonyms:
            words.setdefault(_key(word), name)
    for name in IMPORT_FIELDS:
        words.setdefault(_key(name), name)
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        target = words.get(_key(header))
        if target and target not in mapping.values():
            mapping[index] = target
    return mapping


# -- converting cells -------------------------------------------------------------------

_DATE_PATTERN = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?)?\s*$")


class _Refuse(Exception):
    def __init__(self, field: str, rule: str, message: str, value: str) -> None:
        super().__init__(message)
        self.problem = RowProblem(field, rule, message, value)


def _parse_moment(field: str, value: Cell) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, bool | int | float | time):
        raise _Refuse(field, "date", f"{field}: {_display(value)!r} is not a date "
                      "(expected a date cell or text such as 2026-11-05)", _display(value))
    match = _DATE_PATTERN.match(str(value))
    if match is None:
        raise _Refuse(field, "date", f"{field}: {str(value).strip()!r} is not a date "
                      "(expected 2026-11-05, 2026/11/5 or 2026年11月5日)", str(value).strip())
    year, month, day, hour, minute = match.groups()
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError:
        raise _Refuse(field, "date", f"{field}: {str(value).strip()!r} is not a real "
                      "date", str(value).strip()) from None


def _convert(field: str, value: Cell) -> object:
    """One cell as the value the issue rules expect; raises _Refuse for a wrong type."""
    if field in _DATE_FIELDS:
        moment = _parse_moment(field, value)
        return moment.date() if moment else None
    if field == "reported_at":
        return _parse_moment(field, value)
    if field == "status":
        status = parse_status_name(_display(value))
        return status.value if status is not None else None
    if field in _ENUM_FIELDS:
        text = _display(value)
        if not text:
            return None
        member = enum_labels(_ENUM_FIELDS[field]).get(text.lower())
        return member.value if member is not None else text  # the rules refuse it by name
    if field == "maintenance_note":
        return value if isinstance(value, bool) else _display(value)
    if isinstance(value, datetime | date | time):
        return _display(value)  # a date in a text column: keep what the user saw
    return _display(value)


def parse_status_name(text: str) -> IssueStatus | None:
    """A status as a person writes it: the code, the Chinese or English name.

    Empty is None (the issue starts as new); an unknown word is refused with
    the ``choice`` rule, naming the Chinese names a list may use.
    """
    text = text.strip()
    if not text:
        return None
    names = {**enum_labels(IssueStatus), **_STATUS_WORDS}
    found = names.get(text.lower()) or names.get(_key(text))
    if found is None:
        raise _Refuse("status", "choice", f"status: unknown value {text!r}; use one of "
                      f"{', '.join(s.value for s in IssueStatus)}", text)
    return IssueStatus(found)


def editable_values(values: Mapping[str, object]) -> dict[str, object]:
    """A row's values without its status: what the issue rules check and create takes."""
    return {f: v for f, v in values.items() if f != "status"}


def imported_status(values: Mapping[str, object]) -> IssueStatus:
    return IssueStatus(str(values.get("status") or IssueStatus.NEW.value))


def _problems(errors: Iterable[ValidationError]) -> tuple[RowProblem, ...]:
    found: list[RowProblem] = []
    for e in errors:
        detail = e.details.get("choices", e.details.get("limit", e.details.get("reported", "")))
        found.append(RowProblem(e.field, str(e.details.get("rule", e.code)), e.message,
                                str(e.details.get("value", "")), str(detail)))
    return tuple(found)


def check_mapping(mapping: Mapping[int, str], width: int) -> None:
    """Refuse a mapping that cannot work, before any row is read."""
    for column, target in mapping.items():
        if not 0 <= column < width:
            raise ValidationError("mapping", f"column {column + 1} is not in the file "
                                  f"(it has {width} columns)", rule="unknown_column",
                                  column=column)
        if target not in IMPORT_FIELDS:
            raise ValidationError("mapping", f"'{target}' is not an issue field that can be "
                                  "imported", rule="unknown_field", value=target)
    targets = list(mapping.values())
    for target in set(targets):
        if targets.count(target) > 1:
            raise ValidationError("mapping", f"two columns are mapped to '{target}'",
                                  rule="duplicate_target", value=target)
    if "title" not in targets:
        raise ValidationError("mapping", "map one column to the title; an issue needs one",
                              rule="title_unmapped")


def rows_to_values(path: Path, mapping: Mapping[int, str]) -> tuple[
        _Sheet, list[tuple[int, dict[str, object], tuple[RowProblem, ...]]], int]:
    """Each non-empty data row as (Excel row number, field values, type problems).

    Also returns how many empty rows were skipped. Validation against the
    project's rules is the caller's (it needs the project's modules).
    """
    sheet, head, header, body = _table(path)
    check_mapping(mapping, len(header))
    found: list[tuple[int, dict[str, object], tuple[RowProblem, ...]]] = []
    empty = 0
    for offset, row in enumerate(body):
        number = head + 2 + offset
        cells: list[Any] = [row[c] for c in mapping]
        if not any(_filled(v) for v in cells):
            empty += 1
            continue
        values: dict[str, object] = {}
        problems: list[RowProblem] = []
        for column, target in mapping.items():
            try:
                converted = _convert(target, row[column])
            except _Refuse as refused:
                problems.append(refused.problem)
                continue
            if converted is not None and converted != "":
                values[target] = converted
        values.setdefault("title", "")
        found.append((number, values, tuple(problems)))
    if not found:
        raise ValidationError("file", f"{Path(path).name} has a header row but no data rows",
                              path=str(path), rule="no_rows")
    return sheet, found, empty


def refused_row(number: int, values: Mapping[str, object],
                problems: Sequence[RowProblem]) -> RefusedRow:
    return RefusedRow(number, str(values.get("title", "")), tuple(problems))


def validation_problems(errors: Sequence[ValidationError]) -> tuple[RowProblem, ...]:
    return _problems(errors)
