"""The register's filter bar and its status side bar: widgets in, an IssueQuery out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from golive_desk.domain.issues import OPEN_STATUSES, Category, IssueQuery, IssueStatus, Severity
from golive_desk.domain.sla import SlaState
from golive_desk.ui import labels
from golive_desk.ui.issues import text as issue_text

SEARCH_DELAY_MS = 250  # wait for a pause in typing before searching 100k issues


class FilterBar(QWidget):
    """Severity, category, module, assignee, dates, SLA, "mine", "overdue" and the search box."""

    changed = Signal()

    def __init__(self, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setObjectName("filterBar")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Search number, title, description, cause, resolution, timeline (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)

        self.severity = self._combo(self.tr("All severities"),
                                    [(labels.severity(s), s) for s in Severity])
        self.category = self._combo(self.tr("All categories"),
                                    [(labels.category(c), c) for c in Category])
        self.module = self._combo(self.tr("All modules"), [])
        self.assignee = self._combo(self.tr("All assignees"), [])
        self.dates = self._combo(self.tr("Any date"), [
            (self.tr("Reported today"), "today"), (self.tr("Last 7 days"), "7"),
            (self.tr("Last 30 days"), "30"), (self.tr("Date range…"), "custom")])
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(today()))
            edit.hide()
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.date_from.setDate(QDate(today() - timedelta(days=7)))
        # Breached / at risk: every issue's clock is read (seconds at 100k issues).
        self.sla = self._combo(self.tr("Any SLA"), [
            (self.tr("SLA breached"), SlaState.BREACHED.value),
            (self.tr("SLA at risk"), SlaState.AT_RISK.value)])
        self._range_dash = QLabel("–")
        self._range_dash.hide()
        self.mine = QCheckBox(self.tr("Assigned to me"))
        self.overdue = QCheckBox(self.tr("Overdue"))
        for box in (self.mine, self.overdue):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.clear = QPushButton(self.tr("Clear filters"))
        self.clear.setObjectName("flat")
        self.clear.clicked.connect(self.reset)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search, 3)
        for widget in (self.severity, self.category, self.module, self.assignee, self.dates,
                       self.date_from, self._range_dash, self.date_to, self.sla, self.mine,
                       self.overdue, self.clear):
            layout.addWidget(widget)

    def _combo(self, everything: str, items: Iterable[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for text, value in items:
            box.addItem(text, value)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.currentIndexChanged.connect(self._combo_changed)
        return box

    def _combo_changed(self, _index: int) -> None:
        custom = self.dates.currentData() == "custom"
        for widget in (self.date_from, self._range_dash, self.date_to):
            widget.setVisible(custom)
        self.changed.emit()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.changed.emit()

    def set_choices(self, modules: Iterable[str], assignees: Iterable[str]) -> None:
        """The project's modules and the people issues are assigned to."""
        for box, values in ((self.module, modules), (self.assignee, assignees)):
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
            box.blockSignals(False)

    def reset(self) -> None:
        """Back to "everything" without firing a query per widget."""
        widgets = (self.search, self.severity, self.category, self.module, self.assignee,
                   self.dates, self.sla, self.mine, self.overdue)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.severity, self.category, self.module, self.assignee, self.dates,
                    self.sla):
            box.setCurrentIndex(0)
        self.mine.setChecked(False)
        self.overdue.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._combo_changed(0)

    def set_reported_range(self, start: date, end: date) -> None:
        """Choose "Date range…" from ``start`` to ``end``."""
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self.dates.setCurrentIndex(self.dates.findData("custom"))
        self._combo_changed(0)

    def apply(self, query: IssueQuery) -> IssueQuery:
        """``query`` with this bar's filters (status and project are left as they are)."""
        reported_from, reported_to = self._range()
        severity = self.severity.currentData()
        category = self.category.currentData()
        module = self.module.currentData()
        return replace(
            query,
            severities=frozenset({Severity(severity)}) if severity else frozenset(),
            categories=frozenset({Category(category)}) if category else frozenset(),
            modules=frozenset({str(module)}) if module else frozenset(),
            assignee=self.assignee.currentData() or None,
            reported_from=reported_from, reported_to=reported_to,
            mine=self.mine.isChecked(), overdue=self.overdue.isChecked(),
            text=self.search.text().strip(), sla=str(self.sla.currentData() or ""))

    def set_sla(self, state: SlaState | None) -> None:
        """Choose the SLA filter (None: any)."""
        self.sla.setCurrentIndex(max(0, self.sla.findData(state.value)) if state else 0)

    def _range(self) -> tuple[date | None, date | None]:
        choice = self.dates.currentData()
        today = self._today()
        if choice == "today":
            return today, today
        if choice in ("7", "30"):
            return today - timedelta(days=int(str(choice)) - 1), today
        if choice == "custom":
            start = _to_date(self.date_from.date())
            end = _to_date(self.date_to.date())
            return min(start, end), max(start, end)
        return None, None


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


class _CountDelegate(QStyledItemDelegate):
    """The status name on the left, its count right-aligned and muted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        painter.save()
        painter.setPen(QColor("#66748c"))
        painter.drawText(option.rect.adjusted(0, 0, -12, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(count))
        painter.restore()


class StatusList(QListWidget):
    """The side bar: how many issues per status; choosing one filters the register."""

    chosen = Signal()

    ALL = "all"
    OPEN = "open"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusList")
        self.setItemDelegate(_CountDelegate(self))
        self._items: dict[str, QListWidgetItem] = {}
        self._add(self.ALL, self.tr("All issues"))
        self._add(self.OPEN, self.tr("Open"))
        for status in IssueStatus:
            self._add(status.value, labels.issue_status(status), status)
        self.setCurrentRow(0)
        self.currentRowChanged.connect(lambda _row: self.chosen.emit())

    def _add(self, key: str, text: str, status: IssueStatus | None = None) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        if status is not None:
            item.setForeground(issue_text.status_colours(status)[1])
        else:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.addItem(item)
        self._items[key] = item

    def set_counts(self, counts: dict[IssueStatus, int]) -> None:
        self._items[self.ALL].setData(COUNT_ROLE, sum(counts.values()))
        self._items[self.OPEN].setData(COUNT_ROLE, sum(
            n for s, n in counts.items() if s in OPEN_STATUSES))
        for status, n in counts.items():
            self._items[status.value].setData(COUNT_ROLE, n)

    def count_of(self, key: str) -> int:
        return int(self._items[key].data(COUNT_ROLE) or 0)

    def choose(self, key: str) -> None:
        self.setCurrentItem(self._items[key])

    def chosen_key(self) -> str:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else self.ALL

    def statuses(self) -> frozenset[IssueStatus]:
        key = self.chosen_key()
        if key == self.ALL:
            return frozenset()
        if key == self.OPEN:
            return frozenset(OPEN_STATUSES)
        return frozenset({IssueStatus(key)})
