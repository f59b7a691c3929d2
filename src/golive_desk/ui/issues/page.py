"""The issue register (系统运行问题跟踪记录) and, in its place when opened, the issue form.

Keyboard first: Ctrl+N records a new issue, Ctrl+F searches, Enter opens the
selected issue, Ctrl+S saves it and Esc goes back (asking about unsaved changes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.enums import Side
from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.issues import (
    OPEN_STATUSES,
    Category,
    Issue,
    IssueQuery,
    IssueStatus,
    Severity,
)
from golive_desk.domain.models import Changes, Person, Project
from golive_desk.domain.sla import SlaState
from golive_desk.ui import labels
from golive_desk.ui.context import UiContext
from golive_desk.ui.issues import sla_text
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.chip_delegate import ChipDelegate
from golive_desk.ui.issues.columns import ColumnChooser, hidden_from_text
from golive_desk.ui.issues.filters import FilterBar, StatusList
from golive_desk.ui.issues.form import IssueForm
from golive_desk.ui.issues.model import IssueTableModel
from golive_desk.ui.pages.base import Page
from golive_desk.ui.printing.menu import register_print_menu

translate = QCoreApplication.translate

# Widths of the data columns (names, modules) in pixels; the coded columns are
# measured in the window's language (column_widths), the title takes what is left.
_WIDTHS = {"number": 112, "module": 64, "category": 110, "severity": 72, "status": 112,
           "assignee": 70, "reporter": 70, "reported_at": 128, "expected_by": 96,
           "sla": 150, "updated_at": 128}
TITLE_MIN = 200  # below this the register scrolls sideways rather than squeeze the title
_CHIP_EXTRA = 16 + 12 + 8  # a chip's padding, its margins in the cell, a little air
_CELL_EXTRA = 18  # a plain cell's padding


def column_widths(metrics: QFontMetrics, header: QFontMetrics,
                  headings: dict[str, str]) -> dict[str, int]:
    """Each column but the title wide enough for its longest text in this language.

    ``headings`` are the columns' captions (measured with ``header``'s font plus
    room for the sort arrow); a column is never narrower than its caption.
    """
    def fit(extra: int, *texts: str) -> int:
        return max(metrics.horizontalAdvance(t) for t in texts) + extra

    stamp, day = "2026-12-31 23:59", "2026-12-31"
    long = sla_text.duration(88 * 3600 + 59 * 60)
    widths = dict(_WIDTHS)
    widths.update({
        "category": fit(_CELL_EXTRA, *(labels.category(c) for c in Category)),
        "severity": fit(_CHIP_EXTRA, *(labels.severity(s) for s in Severity)),
        "status": fit(_CHIP_EXTRA, *(labels.issue_status(s) for s in IssueStatus)),
        "reported_at": fit(_CELL_EXTRA, stamp), "updated_at": fit(_CELL_EXTRA, stamp),
        "expected_by": fit(_CELL_EXTRA, day),
        "sla": fit(_CHIP_EXTRA, translate("SlaText", "paused · %1 left").replace("%1", long),
                   translate("SlaText", "overdue %1").replace("%1", long)),
    })
    for name, caption in headings.items():
        if name in widths:
            widths[name] = max(widths[name], header.horizontalAdvance(caption) + 34)
    return widths


_ISSUE_ENTITIES = ("issue", "timeline_entry", "attachment")


class RegisterView(QTableView):
    """The register's table: Enter opens the selected issue (as a double click does).

    The title column takes the width the others leave, at least :data:`TITLE_MIN`.
    """

    open_requested = Signal()
    title_column = 1

    def fit_title(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(n) for n in range(header.count())
                     if n != self.title_column and not header.isSectionHidden(n))
        header.resizeSection(self.title_column,
                             max(TITLE_MIN, self.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_title()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class IssuesPage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._project: Project | None = None
        self._open_count = 0
        self._select_id: str | None = None
        self._after_close: Callable[[], None] | None = None
        # Reads that wait until the register's first screen is drawn (counts, choices).
        self._after_first_screen: dict[str, Callable[[], None]] = {}
        self.model = IssueTableModel(ctx.services.issues, ctx.runner,
                                     sla=ctx.services.sla.readings)
        self.filters = FilterBar()
        self.status_list = StatusList()
        self.view = RegisterView()
        self.form = IssueForm(ctx)
        self.stack = QStackedWidget()
        self.register = self._build_register()
        self.stack.addWidget(self.register)
        self.stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.new_action = QAction(self.tr("New issue"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_issue)
        self.addAction(self.new_action)
        search = QAction(self.tr("Search issues"), self.register)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.triggered.connect(self.focus_search)
        self.register.addAction(search)
        self.filters.changed.connect(self.reload)
        self.status_list.chosen.connect(self.reload)
        self.view.open_requested.connect(self.open_current)
        self.view.doubleClicked.connect(lambda _index: self.open_current())
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.complete.connect(self._update_summary)
        self.model.first_screen.connect(self._first_screen_shown)
        self.model.rowsInserted.connect(lambda *_a: self._update_summary())
        self.model.failed.connect(self._failed)
        self.model.unknown_years.connect(self._show_unknown_years)
        self.form.closed.connect(self._form_closed)
        self.form.saved.connect(self._form_saved)

    def _build_register(self) -> QWidget:
        register = QWidget()
        register.setObjectName("register")
        outer = QVBoxLayout(register)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Issue register"))
        heading.setObjectName("pageHeading")
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.new_button = QPushButton(self.tr("New issue"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(self.tr("Record a new issue (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_issue)
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.print_button = register_print_menu(self._ctx, self, self.view, self.model.issue_at,
                                                lambda: self._project, self.current_query)
        self.print_button.setObjectName("printButton")  # styled like the buttons beside it
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)
        outer.addLayout(top)
        outer.addWidget(self.filters)
        body = QHBoxLayout()
        body.setSpacing(12)
        self.status_list.setFixedWidth(168)
        body.addWidget(self.status_list)
        column = QVBoxLayout()
        self.sla_notice = QLabel()
        self.sla_notice.setObjectName("slaNotice")
        self.sla_notice.setWordWrap(True)
        self.sla_notice.setStyleSheet("background: #fff4d6; color: #8a5a00; border: 1px solid "
                                      "#f0d48a; border-radius: 6px; padding: 4px 10px;")
        self.sla_notice.hide()
        column.addWidget(self.sla_notice)
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.hide()
        column.addWidget(self.empty)
        column.addWidget(self.view, 1)
        body.addLayout(column, 1)
        outer.addLayout(body, 1)
        self._setup_view()
        return register

    def _setup_view(self) -> None:
        view = self.view
        view.setObjectName("register")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once: the sheets of all selected issues print in one PDF.
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(32)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        chips = ChipDelegate(IssueTableModel.ChipRole, view)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(48)
        columns = IssueTableModel.COLUMNS
        bold = QFont(view.font())
        bold.setBold(True)
        headings = {name: str(self.model.headerData(n, Qt.Orientation.Horizontal))
                    for n, name in enumerate(columns)}
        widths = column_widths(view.fontMetrics(), QFontMetrics(bold), headings)
        for n, name in enumerate(columns):
            if name in ("severity", "status", "sla"):
                view.setItemDelegateForColumn(n, chips)
            if name == "title":
                view.title_column = n
            else:
                header.resizeSection(n, widths[name])
        self.columns = ColumnChooser(
            header, columns, headings,
            hidden_from_text(self._ctx.settings().register_hidden, columns),
            lambda text: self._ctx.save_settings(
                self._ctx.settings().with_(register_hidden=text)),
            view.fit_title)
        view.fit_title()
        header.setSortIndicator(columns.index("reported_at"), Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)

    # -- Page ------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        if self.stack.currentWidget() is self.form:
            self.form.close_keeping_draft()
        self._project = project
        self.new_action.setEnabled(project is not None)
        self.new_button.setEnabled(project is not None)
        if project is None:
            self.model.set_query(None)
            self.status_list.set_counts({})
            return
        self.reload()
        self._after_first_screen["choices"] = lambda: self._load_choices(project)

    def apply_changes(self, changes: Changes) -> None:
        if self._project is None:
            return
        if changes.touches("person") or changes.touches("project"):
            self._load_choices(self._project)
        if changes.touches("support_slot") or changes.touches("person"):
            self.form.on_site.refresh()  # the form's "on site" line reads the schedule
        if changes.touches("project") or changes.touches("holiday_year"):
            self.model.refresh()  # a new SLA policy or holiday year: every clock again
        if any(changes.touches(e) for e in _ISSUE_ENTITIES):
            self.model.refresh(changes)
            self._refresh_counts()
            self.form.apply_changes(changes)

    def badge(self) -> int:
        """Open issues of the current project (what still needs someone)."""
        return self._open_count

    # -- queries -----------------------------------------------------------------------
    def current_query(self) -> IssueQuery | None:
        if self._project is None:
            return None
        previous = self.model.query()
        base = IssueQuery(project=self._project.code,
                          statuses=self.status_list.statuses())
        if previous is not None:
            base = replace(base, sort=previous.sort, descending=previous.descending)
        return self.filters.apply(base)

    def show_filtered(self, *, severity: Severity | None = None, open_only: bool = False,
                      overdue: bool = False, sla: SlaState | None = None) -> None:
        """Show the register with just these filters (the overview's tiles lead here)."""
        self._leave_form_then(lambda: self._apply_filter(severity, open_only, overdue, sla))

    def _apply_filter(self, severity: Severity | None, open_only: bool, overdue: bool,
                      sla: SlaState | None = None) -> None:
        widgets = (self.filters, self.status_list)
        for widget in widgets:
            widget.blockSignals(True)
        self.filters.reset()
        box = self.filters.severity
        box.setCurrentIndex(next((i for i in range(box.count())
                                  if severity is not None and box.itemData(i) == severity), 0))
        self.filters.overdue.setChecked(overdue)
        self.filters.set_sla(sla)
        self.status_list.choose(StatusList.OPEN if open_only else StatusList.ALL)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def show_reported_between(self, start: date, end: date) -> None:
        """Show the register of every issue reported from ``start`` to ``end`` (the
        calendar's day badges lead here)."""
        self._leave_form_then(lambda: self._apply_reported(start, end))

    def _apply_reported(self, start: date, end: date) -> None:
        widgets = (self.filters, self.status_list)
        for widget in widgets:
            widget.blockSignals(True)
        self.filters.reset()
        self.filters.set_reported_range(start, end)
        self.status_list.choose(StatusList.ALL)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """The filters changed: new rows and new counts."""
        self.model.set_query(self.current_query())
        self._after_first_screen["counts"] = self._refresh_counts

    def _first_screen_shown(self) -> None:
        for read in self._after_first_screen.values():
            read()
        self._after_first_screen.clear()

    def _refresh_counts(self) -> None:
        query = self.current_query()
        if query is None:
            return
        service = self._ctx.services.issues
        plain = IssueQuery(project=query.project)

        def counts() -> tuple[dict[IssueStatus, int], dict[IssueStatus, int]]:
            filtered = service.counts(query)
            return filtered, filtered if replace(query, statuses=frozenset()) == plain \
                else service.counts(plain)

        self._ctx.runner.run_later(counts, self._show_counts)

    def _show_counts(self, result: tuple[dict[IssueStatus, int], dict[IssueStatus, int]]) -> None:
        filtered, everything = result
        self.status_list.set_counts(filtered)
        open_count = sum(n for s, n in everything.items() if s in OPEN_STATUSES)
        if open_count != self._open_count:
            self._open_count = open_count
            window = self.window()
            if hasattr(window, "refresh_badges"):
                window.refresh_badges()
        self._update_summary()

    def _show_unknown_years(self, years: tuple[int, ...]) -> None:
        if years:
            self.sla_notice.setText(self.tr(
                "The holiday calendar does not know %1: SLA times marked * count Monday to "
                "Friday only. Import that year's holidays (File ▸ Import holiday calendar…).")
                .replace("%1", "、".join(str(y) for y in years)))
        self.sla_notice.setVisible(bool(years))

    def _update_summary(self) -> None:
        rows = self.model.rowCount()
        total = self.status_list.count_of(StatusList.ALL)
        if not self.model.is_complete():
            text = self.tr("Loading…")
        elif total and rows != total:
            text = self.tr("%1 of %2 issues").replace("%1", str(rows)).replace("%2", str(total))
        else:
            text = self.tr("%1 issues").replace("%1", str(rows))
        self.summary.setText(text)
        empty = self.model.is_complete() and rows == 0 and self._project is not None
        self.empty.setText(self.tr("No issue matches these filters.") if total else self.tr(
            "No issues recorded yet. Press Ctrl+N to record the first one."))
        self.empty.setVisible(empty)

    def _load_choices(self, project: Project) -> None:
        projects, issues = self._ctx.services.projects, self._ctx.services.issues
        code = project.code

        def read() -> tuple[tuple[str, ...], list[Person]]:
            return issues.modules(code), projects.people(code)

        self._ctx.runner.run_later(read, self._show_choices)

    def _show_choices(self, result: tuple[tuple[str, ...], list[Person]]) -> None:
        modules, people = result
        vendor = [p.name for p in people if p.side == Side.VENDOR]
        customer = [p.name for p in people if p.side == Side.CUSTOMER]
        self.filters.set_choices(modules, vendor)
        self.form.fields.set_choices(modules, vendor, customer)

    def _failed(self, err: GoLiveError) -> None:
        self._ctx.prompter.error(self, self.tr("Issues"), issue_text.error(err))

    # -- selection -----------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _remember_selection(self) -> None:
        if self._select_id is None:
            self._select_id = self.current_id()

    def _restore_selection(self) -> None:
        wanted, self._select_id = self._select_id, None
        row = self.model.row_of(wanted) if wanted else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        self._update_summary()

    def select_issue(self, issue_id: str) -> bool:
        row = self.model.row_of(issue_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        return row >= 0

    # -- actions -------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def open_current(self) -> None:
        issue_id = self.current_id()
        if issue_id is not None:
            self.open_issue(issue_id)

    def open_issue(self, issue_id: str) -> None:
        project = self._project
        if project is None:
            return
        self._leave_form_then(lambda: self._show_form(lambda: self.form.open_issue(project,
                                                                                 issue_id)))

    def new_issue(self) -> None:
        project = self._project
        if project is None:
            return
        self._leave_form_then(lambda: self._show_form(lambda: self.form.new_issue(project)))

    def _show_form(self, load: Callable[[], None]) -> None:
        self.stack.setCurrentWidget(self.form)
        load()

    def _leave_form_then(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the form is closed (at once when it is not open)."""
        if self.stack.currentWidget() is not self.form:
            action()
            return
        self._after_close = action
        self.form.request_close()
        if self.stack.currentWidget() is self.form and not self.form.work.busy:
            self._after_close = None  # the user chose to stay

    def _form_closed(self) -> None:
        self.stack.setCurrentWidget(self.register)
        self.view.setFocus()
        after, self._after_close = self._after_close, None
        if after is not None:
            after()

    def _form_saved(self, issue: Issue) -> None:
        # A new issue appears once the register re-reads its ids (a model reset);
        # an edited one is already there.
        self._select_id = None if self.select_issue(issue.id) else issue.id

    def is_form_open(self) -> bool:
        return self.stack.currentWidget() is self.form
