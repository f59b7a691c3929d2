"""Printing and exports: issue sheets, the register, the schedule and the handover
document as PDF, the register as .xlsx and .csv, Excel import.

Plain values in (issue numbers, a project code, an :class:`IssueQuery`, a
language code), PDF bytes or files out. The layout lives in ``reports/``;
this module gathers the read models it needs and writes files safely.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from golive_desk.domain.errors import DiskFullError, NotFoundError, ValidationError
from golive_desk.domain.issues import Issue, IssueQuery
from golive_desk.domain.models import Changes
from golive_desk.domain.sla import SlaReading
from golive_desk.reports.models import HANDOVER_SUFFIX, DocumentInfo, doc_number
from golive_desk.reports.texts import Texts
from golive_desk.services import excel_import, register_export
from golive_desk.services.calendar import CalendarService
from golive_desk.services.excel_import import (
    ImportPlan,
    ImportRow,
    RefusedRow,
    RowProblem,
    XlsxPreview,
)
from golive_desk.services.handover import HandoverService
from golive_desk.services.issues import IssueService
from golive_desk.services.projects import ProjectService
from golive_desk.services.sla import SlaService
from golive_desk.storage import issue_reads, local_node, queries
from golive_desk.storage.engine import Store, Tx

__all__ = ["ExportResult", "ImportPlan", "ImportRow", "PrintingService", "RefusedRow",
           "RowProblem", "XlsxPreview", "write_file"]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    size: int


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file, then a rename).

    Raises:
        ValidationError: rule ``unwritable`` — a folder, no permission, the file
            open in Excel (Windows refuses to replace it). DiskFullError: no space.
    """
    path = Path(path)
    if path.is_dir():
        raise ValidationError("file", f"{path} is a folder", path=str(path), rule="unwritable")
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # an unwritable folder holds no temporary file
            temp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(f"the disk is full; {path} was not written",
                                path=str(path)) from None
        raise ValidationError("file", f"cannot write {path}: {exc.strerror or exc}",
                              path=str(path), rule="unwritable") from None


class PrintingService:
    """Issue sheets, the register, the schedule, the handover document (PDF), register
    exports, Excel import."""

    def __init__(self, store: Store, issues: IssueService, projects: ProjectService, *,
                 today: Callable[[], date] = date.today, sla: SlaService | None = None,
                 calendar: CalendarService | None = None,
                 handover: HandoverService | None = None) -> None:
        self._store = store
        self._calendar = calendar if calendar is not None else CalendarService(store)
        self._sla = sla
        self._issues = issues
        self._projects = projects
        self._today = today
        self._handover = handover if handover is not None else HandoverService(
            store, issues=issues, sla=sla, calendar=self._calendar, projects=projects)

    # -- documents ------------------------------------------------------------------
    def document_info(self, project_code: str) -> DocumentInfo:
        """Header data of a project's documents: customer, PMs, who prints, this store.

        Raises:
            NotFoundError: no such project.
        """
        with self._store.read() as tx:
            return self._document_info(tx, project_code)

    def _document_info(self, tx: Tx, project_code: str) -> DocumentInfo:
        project = queries.find_project(tx, project_code.strip().upper())
        if project is None:
            raise NotFoundError(f"no project {project_code}", code=project_code)
        names = queries.names_of(tx, (project.customer_pm or "", project.vendor_pm or ""))
        user = local_node.identity(tx)
        return DocumentInfo(
            project_code=project.code, project_name=project.name, customer=project.customer,
            printed_on=self._today(), customer_pm=names.get(project.customer_pm or "", ""),
            vendor_pm=names.get(project.vendor_pm or "", ""), prepared_by=user.user_name,
            store_id=user.node_id, doc_no=doc_number(project.doc_prefix or project.code))

    def print_sheet(self, numbers: Sequence[str], language: str) -> bytes:
        """The issue sheets of ``numbers`` (one or many) as one PDF, in that order.

        Raises:
            ValidationError: no number given. NotFoundError: an unknown number.
        """
        wanted = [n.strip() for n in numbers if n.strip()]
        if not wanted:
            raise ValidationError("numbers", "name at least one issue to print",
                                  rule="required")
        infos: dict[str, DocumentInfo] = {}
        sheets: list[tuple[Issue, DocumentInfo]] = []
        # The issues and their projects' headers in one read, one snapshot for a batch,
        # on the store's kept connection (opening one costs ~0.6 ms, a twentieth of
        # drawing a sheet).
        with self._store.read_kept() as tx:
            for number in wanted:
                issue = _full_issue(tx, number)
                if issue.project_code not in infos:
                    infos[issue.project_code] = self._document_info(tx, issue.project_code)
                sheets.append((issue, infos[issue.project_code]))
        # reportlab is imported on first use: it would add a noticeable part of a
        # second to every start of the window and of every command.
        from golive_desk.reports.issue_sheet import render_issue_sheets

        return render_issue_sheets(sheets, language)

    def register_issues(self, project_code: str, query: IssueQuery | None = None) -> list[Issue]:
        """The issues of the register: the query's filters, in the order they were reported."""
        code = self._projects.get(project_code).code
        base = query if query is not None else IssueQuery()
        # A tracking record reads in time order, whatever the screen's sort was.
        return self._issues.list_issues(replace(base, project=code, sort="reported_at",
                                                descending=False))

    def print_register(self, project_code: str, query: IssueQuery | None,
                       language: str) -> bytes:
        """The register (cover, table, totals) of a project, or of a filtered selection."""
        from golive_desk.reports.register import render_register  # see print_sheet

        issues = self.register_issues(project_code, query)
        return render_register(issues, self.document_info(project_code), language, query,
                               self._readings(issues))

    def print_schedule(self, project_code: str, month: date, language: str) -> bytes:
        """The 现场支持时间表 of a project for ``month`` (any date in it), as PDF bytes.

        Raises:
            NotFoundError: no such project.
        """
        from golive_desk.reports.schedule import month_days, render_schedule  # see print_sheet

        code = self._projects.get(project_code).code
        days = month_days(month)
        slots = self._calendar.slots(code, None, days[0], days[-1])
        return render_schedule(slots, self._calendar.milestones(code),
                               self._projects.people(code), days[0], self._calendar.holidays(),
                               self.document_info(code), language)

    def print_handover(self, project_code: str, language: str) -> bytes:
        """The handover document (项目交接与验收) of a project, as PDF bytes: cover with
        document control, readiness, transfers and the issues still open, maintenance
        notes, support system, emergency plan, exit and summary, signature boxes.

        Raises:
            NotFoundError: no such project.
        """
        from golive_desk.reports.handover import render_handover  # see print_sheet

        document = self._handover.document(project_code, today=self._today())
        project = document.project
        info = replace(self.document_info(project.code),
                       doc_no=doc_number(project.doc_prefix or project.code, HANDOVER_SUFFIX))
        return render_handover(document, info, language)

    def _readings(self, issues: Sequence[Issue]) -> dict[str, SlaReading]:
        """The SLA clocks of these issues now (the register's SLA column)."""
        return self._sla.readings([i.id for i in issues]) if self._sla is not None else {}

    # -- exports --------------------------------------------------------------------
    def export_register(self, project_code: str, path: Path, query: IssueQuery | None = None,
                        language: str = "zh_CN") -> ExportResult:
        """Write the register to ``path``, .xlsx or .csv by its suffix."""
        kind = register_export.suffix_kind(Path(path))
        if kind == "xlsx":
            return self.export_register_xlsx(project_code, path, query, language)
        if kind == "csv":
            return self.export_register_csv(project_code, path, query, language)
        raise ValidationError("file", f"{Path(path).name}: export to a .xlsx or .csv file",
                              path=str(path), rule="file_type")

    def export_register_xlsx(self, project_code: str, path: Path,
                             query: IssueQuery | None = None,
                             language: str = "zh_CN") -> ExportResult:
        """The register as an Excel workbook with typed columns, frozen header and filter."""
        issues = self.register_issues(project_code, query)
        texts = Texts(language)
        data = register_export.xlsx_bytes(issues, texts, texts["register_title"],
                                          self._readings(issues))
        write_file(Path(path), data)
        return ExportResult(Path(path), len(issues), len(data))

    def export_register_csv(self, project_code: str, path: Path,
                            query: IssueQuery | None = None,
                            language: str = "zh_CN") -> ExportResult:
        """The register as CSV, UTF-8 with a byte order mark (for Excel)."""
        issues = self.register_issues(project_code, query)
        data = register_export.csv_bytes(issues, Texts(language), self._readings(issues))
        write_file(Path(path), data)
        return ExportResult(Path(path), len(issues), len(data))

    # -- Excel import ---------------------------------------------------------------
    @staticmethod
    def read_xlsx_preview(path: Path, sample: int = 8) -> XlsxPreview:
        """Headers and the first rows of a customer's list (see excel_import.read_preview)."""
        return excel_import.read_preview(Path(path), sample)

    @staticmethod
    def suggest_mapping(headers: Sequence[str]) -> dict[int, str]:
        return excel_import.suggest_mapping(headers)

    def plan_import(self, project_code: str, path: Path,
                    mapping: Mapping[int, str]) -> ImportPlan:
        """Check every row of the file against the project's rules; writes nothing.

        A row is refused for a wrong type (text in a date column), a value the
        rules refuse (unknown module, empty title, a date before the report
        date), or as a duplicate of an issue already recorded (same title and
        report date) or of an earlier row.

        Raises:
            NotFoundError: no such project. ValidationError: an unreadable or empty
                file, a mapping without a title column or naming a missing column.
        """
        project = self._projects.get(project_code)
        sheet, rows, empty = excel_import.rows_to_values(Path(path), mapping)
        known = {_duplicate_key(i.title, i.reported_at): i.number
                 for i in self._issues.list_issues(IssueQuery(project=project.code))}
        accepted: list[ImportRow] = []
        refused: list[RefusedRow] = []
        for number, values, problems in rows:
            if not problems:
                problems = excel_import.validation_problems(self._issues.validate(
                    project.code, excel_import.editable_values(values)))
            if not problems:
                problems = _duplicate(values, known, number)
            if problems:
                refused.append(excel_import.refused_row(number, values, problems))
            else:
                accepted.append(ImportRow(number, values))
        return ImportPlan(project_code=project.code, source=Path(path), sheet=sheet.name,
                          mapping=dict(mapping), accepted=tuple(accepted),
                          refused=tuple(refused), empty_rows=empty)

    def apply_import(self, plan: ImportPlan) -> tuple[tuple[str, ...], Changes]:
        """Create the plan's accepted rows as issues: all of them, or none.

        One transaction through the issue writer (the op path of
        ``IssueService.create``): a row that became invalid since the plan was
        made (a module removed meanwhile) rolls the whole import back, so a
        second attempt never doubles the rows already imported.

        Raises:
            ValidationError: nothing to import, or a row no longer valid.
        """
        if not plan.accepted:
            raise ValidationError("plan", "no row can be imported", rule="nothing_to_import")
        ids: list[str] = []
        numbers: list[str] = []
        with self._issues.batch() as writer:
            project = writer.project(plan.project_code)
            for row in plan.accepted:
                issue_id = writer.create(project, excel_import.editable_values(row.values))
                writer.set_imported_status(issue_id, excel_import.imported_status(row.values))
                ids.append(issue_id)
                numbers.append(writer.issue(issue_id).number)
        return tuple(numbers), Changes(frozenset({"issue"}), frozenset(ids))


def _full_issue(tx: Tx, number: str) -> Issue:
    """The issue with its timeline, attachments and conflicts, read as ``IssueService.get``
    does, inside the caller's read (not its field versions: a sheet is not saved back)."""
    issue = issue_reads.issue_by_number(tx, number.strip().upper())
    if issue is None:
        raise NotFoundError(f"no issue {number}", number=number)
    return issue_reads.with_details(tx, issue, versions=False)


def _duplicate_key(title: object, reported: object) -> tuple[str, str]:
    day = reported.date().isoformat() if isinstance(reported, datetime) else str(reported)[:10]
    return " ".join(str(title).split()), day


def _duplicate(values: Mapping[str, object], known: dict[tuple[str, str], str],
               row: int) -> tuple[RowProblem, ...]:
    """Refuse a row already recorded; remember it so a repeat later in the file is refused."""
    if "reported_at" not in values:
        return ()  # without a date the same title may well be a new problem
    key = _duplicate_key(values.get("title", ""), values["reported_at"])
    earlier = known.get(key)
    if earlier is not None:
        if earlier.isdigit():
            return (RowProblem("title", "duplicate_row", f"repeats row {earlier} (same title "
                               "and report date)", detail=earlier),)
        return (RowProblem("title", "duplicate", f"already recorded as {earlier} (same title "
                           "and report date)", detail=earlier),)
    known[key] = str(row)
    return ()
