"""The register's table model: every row's id up front, the rows themselves lazily.

Opening a query runs in two steps on the task runner. First the ids of the
first screen (a ``LIMIT`` query, which SQLite answers with a top-N sort) and
their rows, so the register shows something at once even over 100k issues;
then every id of the query, which only extends the row count. Rows are read
in blocks of :data:`BLOCK` when the view first asks for them — always on the
worker, never in ``data()`` (a block of 100 takes a few ms, but a busy worker
could make any synchronous read wait for a write) — and cached by issue id,
so a refresh after an edit keeps showing the old row until the new one arrives.
Rows are :class:`RegisterRow`, only what the columns show.

The SLA column is computed for the rows read, never for the whole query: the
first screen's clocks follow once it is painted (``run_later``), a block's come
in the same worker task as its rows (``SlaService.readings``).

The first screen comes from one query (ids and columns of its rows). Every
later read waits until that screen is drawn: the worker and the GIL are then
the paint's alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.issues import IssueQuery, RegisterRow
from golive_desk.domain.models import Changes
from golive_desk.domain.sla import SlaReading
from golive_desk.services.issues import IssueService
from golive_desk.ui import labels
from golive_desk.ui.issues import sla_text
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.chip_delegate import Chip
from golive_desk.ui.task_runner import TaskRunner

Index = QModelIndex | QPersistentModelIndex

FIRST_SCREEN = 80  # more than a maximised window shows, few enough to read at once
BLOCK = 100
CACHE_LIMIT = 4000  # rows kept; 100k issues never all sit in memory
OVERDUE_COLOUR = QColor("#c62828")
MUTED_COLOUR = QColor("#8a94a6")


def local_minute(utc_iso: str) -> str:
    """A stored UTC timestamp as the user's local ``YYYY-MM-DD HH:MM``."""
    try:
        return datetime.fromisoformat(utc_iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return utc_iso


# Roles as plain ints: data() runs for every role of every visible cell, and
# comparing against enum members costs an attribute lookup each time.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)


_SLA_COLUMN = 6  # IssueTableModel.COLUMNS.index("sla"), checked below


@dataclass(frozen=True, slots=True)
class RowView:
    """One issue as the register draws it: texts prepared once, when the row arrives."""

    issue: RegisterRow
    texts: tuple[str, ...]
    severity: Chip
    status: Chip
    overdue: bool
    epoch: int


class IssueTableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = (
        # What a PM scans first stays on screen when a narrow window scrolls sideways:
        # the state, the clock and the date it is expected by; then who and when.
        "number", "title", "module", "category", "severity", "status", "sla",
        "expected_by", "assignee", "reporter", "reported_at", "updated_at",
    )
    IdRole = int(Qt.ItemDataRole.UserRole.value) + 1
    ChipRole = int(Qt.ItemDataRole.UserRole.value) + 2  # a Chip: colours and label
    _ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, IdRole, ChipRole})

    first_screen = Signal()  # the rows of a new query are shown
    complete = Signal()  # every id of the query is known
    failed = Signal(object)  # GoLiveError while reading
    unknown_years = Signal(object)  # tuple[int, ...]: years some shown clock counted Mon–Fri

    def __init__(self, service: IssueService, runner: TaskRunner,
                 today: Callable[[], date] = date.today,
                 sla: Callable[[Sequence[str]], dict[str, SlaReading]] | None = None) -> None:
        super().__init__()
        self._service = service
        self._sla = sla
        self._sla_cells: dict[str, tuple[Chip, str]] = {}
        self._years: set[int] = set()
        self._runner = runner
        self._today = today
        self._query: IssueQuery | None = None
        self._ids: list[str] = []
        self._cache: OrderedDict[str, RowView] = OrderedDict()
        self._stale: set[str] = set()
        self._gone: set[str] = set()  # asked for but not found (deleted meanwhile)
        self._epoch = 0
        self._generation = 0
        self._complete = True
        self._wanted: set[int] = set()
        self._in_flight: set[tuple[int, int]] = set()
        self._dispatch = QTimer(self)
        self._dispatch.setSingleShot(True)
        self._dispatch.setInterval(0)
        self._dispatch.timeout.connect(self._fetch_wanted)

    # -- queries -------------------------------------------------------------
    def query(self) -> IssueQuery | None:
        return self._query

    def is_complete(self) -> bool:
        return self._complete

    def set_query(self, query: IssueQuery | None) -> None:
        """Show the issues matching ``query`` (None: no project, an empty table)."""
        self._query = query
        self._generation += 1
        generation = self._generation
        self._in_flight.clear()
        self._wanted.clear()
        if self._years:
            self._years.clear()
            self.unknown_years.emit(())
        if query is None:
            self._reset([])
            self._complete = True
            self.complete.emit()
            return
        self._complete = False
        service = self._service

        self._runner.run(lambda: service.register_top(query, FIRST_SCREEN),
                         lambda rows: self._first_arrived(generation, query, rows),
                         self._failed)

    def refresh(self, changes: Changes | None = None) -> None:
        """Re-read after a write: ids again, and the changed rows when next drawn."""
        if self._query is None:
            return
        if changes is not None and changes.ids:
            self._stale.update(changes.ids)
        else:
            self._epoch += 1
        self._gone.clear()
        self._generation += 1
        generation = self._generation
        self._in_flight.clear()
        query = self._query
        self._runner.run(lambda: self._service.list_ids(query),
                         lambda ids: self._all_arrived(generation, ids, refresh=True),
                         self._failed)

    def _first_arrived(self, generation: int, query: IssueQuery,
                       rows: list[RegisterRow]) -> None:
        if generation != self._generation:
            return
        self._store(rows)
        self._reset([row.id for row in rows])
        self.first_screen.emit()
        if self._sla is not None and rows:
            shown = [row.id for row in rows]
            sla = self._sla
            # Once painted: the first screen's clocks (a few ms; never 100k of them).
            self._runner.run_later(
                lambda: sla(shown) if generation == self._generation else None,
                lambda readings: self._first_readings(generation, readings), self._failed)
        if len(rows) < FIRST_SCREEN:
            self._set_complete()
            return
        # Once the view has painted these rows; skipped if a newer query came meanwhile.
        self._runner.run_later(
            lambda: self._service.list_ids(query) if generation == self._generation else None,
            lambda all_ids: self._all_arrived(generation, all_ids), self._failed)

    def _all_arrived(self, generation: int, ids: list[str] | None, *,
                     refresh: bool = False) -> None:
        if generation != self._generation or ids is None:
            return
        known = len(self._ids)
        if ids == self._ids:
            if refresh and known:
                self.dataChanged.emit(self.index(0, 0), self.index(known - 1,
                                                                   len(self.COLUMNS) - 1))
        elif not refresh and len(ids) > known and ids[:known] == self._ids:
            self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        else:
            self._reset(ids)
        self._set_complete()
        if refresh:
            self._refetch_stale()

    def _refetch_stale(self) -> None:
        """Re-read the edited rows we hold at once (they are likely on screen)."""
        wanted = [i for i in self._stale if i in self._cache]
        if not wanted:
            return
        self._runner.run(lambda: self._with_sla(self._service.register_rows(wanted)),
                         self._rows_arrived, self._failed)

    def _with_sla(self, rows: list[RegisterRow],
                  ) -> tuple[list[RegisterRow], dict[str, SlaReading]]:
        """On the worker: these rows and their SLA clocks (only theirs)."""
        if self._sla is None or not rows:
            return rows, {}
        return rows, self._sla([row.id for row in rows])

    def _readings_arrived(self, readings: dict[str, SlaReading]) -> None:
        years = set(self._years)
        for issue_id, reading in readings.items():
            self._sla_cells[issue_id] = (sla_text.sla_chip(reading),
                                         sla_text.sla_tooltip(reading))
            years.update(reading.unknown_years)
        while len(self._sla_cells) > CACHE_LIMIT:
            self._sla_cells.pop(next(iter(self._sla_cells)))
        if years != self._years:
            self._years = years
            self.unknown_years.emit(tuple(sorted(years)))

    def _first_readings(self, generation: int, readings: dict[str, SlaReading] | None) -> None:
        if generation != self._generation or readings is None:
            return
        self._readings_arrived(readings)
        if self._ids:
            column = self.COLUMNS.index("sla")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def _rows_arrived(self, result: tuple[list[RegisterRow], dict[str, SlaReading]]) -> None:
        rows, readings = result
        self._readings_arrived(readings)
        self._store(rows)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    def _set_complete(self) -> None:
        self._complete = True
        self.complete.emit()

    def _reset(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def _failed(self, err: GoLiveError) -> None:
        self._complete = True
        self.failed.emit(err)

    # -- rows ----------------------------------------------------------------
    def _store(self, rows: Sequence[RegisterRow]) -> None:
        today = self._today()
        for issue in rows:
            self._cache[issue.id] = self._view(issue, today)
            self._cache.move_to_end(issue.id)
            self._stale.discard(issue.id)
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    def _view(self, issue: RegisterRow, today: date) -> RowView:
        by_name = {
            "number": issue.number, "title": issue.title, "module": issue.module,
            "category": labels.category(issue.category),
            "severity": labels.severity(issue.severity),
            "status": labels.issue_status(issue.status),
            "assignee": issue.assignee, "reporter": issue.reporter,
            "reported_at": issue.reported_at.replace("T", " "),
            "expected_by": issue.expected_by.isoformat() if issue.expected_by else "",
            "sla": "",  # the SLA cell: from _sla_cells
            "updated_at": local_minute(issue.updated_at),
        }
        texts = tuple(by_name[name] for name in self.COLUMNS)
        return RowView(issue, texts,
                       Chip(*issue_text.severity_colours(issue.severity), by_name["severity"]),
                       Chip(*issue_text.status_colours(issue.status), by_name["status"]),
                       issue.is_overdue(today), self._epoch)

    def _row_view(self, row: int) -> RowView | None:
        issue_id = self._ids[row]
        view = self._cache.get(issue_id)
        if issue_id in self._gone:
            return view
        if view is None or view.epoch != self._epoch or issue_id in self._stale:
            block = row // BLOCK
            if (self._generation, block) not in self._in_flight:
                self._wanted.add(block)
                self._dispatch.start()
        return view

    def _fetch_wanted(self) -> None:
        generation = self._generation
        blocks = sorted(b for b in self._wanted if (generation, b) not in self._in_flight)
        self._wanted.clear()
        ids: list[str] = []
        for block in blocks:
            self._in_flight.add((generation, block))
            ids.extend(self._ids[block * BLOCK:(block + 1) * BLOCK])
        if not ids:
            return
        self._runner.run(lambda: self._with_sla(self._service.register_rows(ids)),
                         lambda result: self._block_arrived(generation, blocks, ids, result),
                         self._failed)

    def _block_arrived(self, generation: int, blocks: list[int], asked: list[str],
                       result: tuple[list[RegisterRow], dict[str, SlaReading]]) -> None:
        rows, readings = result
        self._readings_arrived(readings)
        self._store(rows)
        self._gone.update(set(asked) - {issue.id for issue in rows})
        last_column = len(self.COLUMNS) - 1
        if generation != self._generation:
            if self._ids:  # the rows moved meanwhile; let the view redraw what it shows
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, last_column))
            return
        for block in blocks:
            self._in_flight.discard((generation, block))
            first = block * BLOCK
            last = min(first + BLOCK, len(self._ids)) - 1
            if first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    # -- lookups for the page ------------------------------------------------
    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, issue_id: str) -> int:
        try:
            return self._ids.index(issue_id)
        except ValueError:
            return -1

    def issue_at(self, row: int) -> RegisterRow | None:
        issue_id = self.id_at(row)
        view = self._cache.get(issue_id) if issue_id else None
        return view.issue if view else None

    def ids(self) -> list[str]:
        return list(self._ids)

    def cached_rows(self) -> int:
        return len(self._cache)

    # -- QAbstractTableModel -------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Most calls ask for roles the register does not use (font, alignment,
        # decoration, …): answer those before touching the index.
        if role not in self._ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids) or not index.isValid():
            return None
        if role == self.IdRole:
            return self._ids[row]
        column = index.column()
        view = self._row_view(row)
        if view is None:
            return "…" if role == _DISPLAY and column == 0 else None
        if column == _SLA_COLUMN:
            return self._sla_data(view.issue.id, role)
        if role == _DISPLAY:
            return view.texts[column]
        name = self.COLUMNS[column]
        if role == self.ChipRole:
            if name == "severity":
                return view.severity
            if name == "status":
                return view.status
            return None
        if role == _FOREGROUND:
            if name == "expected_by" and view.overdue:
                return OVERDUE_COLOUR
            if name in ("updated_at", "reported_at"):
                return MUTED_COLOUR
            return None
        return self._tooltip(view, name)

    def _sla_data(self, issue_id: str, role: int) -> Any:
        cell = self._sla_cells.get(issue_id)
        if cell is None:
            return None
        if role == _DISPLAY or role == self.ChipRole:
            return cell[0].label if role == _DISPLAY else cell[0]
        return cell[1] if role == _TOOLTIP else None

    def sla_label(self, row: int) -> str | None:
        """The SLA cell's words for ``row`` (None: not read yet)."""
        issue_id = self.id_at(row)
        cell = self._sla_cells.get(issue_id) if issue_id else None
        return cell[0].label if cell else None

    def _tooltip(self, view: RowView, name: str) -> str | None:
        issue = view.issue
        if name == "title":
            text = issue.summary.strip()
            return issue.title + (f"\n\n{text}" if text else "")
        if name == "expected_by" and view.overdue:
            return self.tr("Overdue: still open after the expected-by date")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        captions = {"number": self.tr("Number"), "title": self.tr("Title"),
                    "module": self.tr("Module"), "category": self.tr("Category"),
                    "severity": self.tr("Severity"), "status": self.tr("Status"),
                    "assignee": self.tr("Assignee"), "reporter": self.tr("Reporter"),
                    "reported_at": self.tr("Reported at"),
                    "expected_by": self.tr("Expected by"), "sla": self.tr("SLA"),
                    "updated_at": self.tr("Updated")}
        return captions[self.COLUMNS[section]]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the database's job (IssueQuery.sort), over every matching issue."""
        if self._query is None or not 0 <= column < len(self.COLUMNS):
            return
        key = self.COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        self.set_query(replace(self._query, sort=key, descending=descending))


assert IssueTableModel.COLUMNS.index("sla") == _SLA_COLUMN
