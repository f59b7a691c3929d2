"""Page 2, open issues: every issue still open is transferred to the O&M department
(运营维护服务部门, with an owner and a plan) or closed before sign-off."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError, ValidationError
from golive_desk.domain.issues import Issue
from golive_desk.domain.models import Changes, Person
from golive_desk.ui import labels
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover import texts
from golive_desk.ui.handover.record_fields import RecordFields
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error

Index = QModelIndex | QPersistentModelIndex


class OpenIssuesModel(QAbstractTableModel):
    """The open issues (a handful to a few dozen), the first column checkable."""

    NUMBER, TITLE, SEVERITY, STATUS, MODULE, ASSIGNEE = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issues: list[Issue] = []
        self.checked: set[str] = set()

    def set_issues(self, issues: Sequence[Issue]) -> None:
        self.beginResetModel()
        self.issues = list(issues)
        self.checked &= {i.number for i in self.issues}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Number"), self.tr("Title"), self.tr("Severity"), self.tr("Status"),
                 self.tr("Module"), self.tr("Assignee"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.issues):
            return None
        issue = self.issues[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.NUMBER:
            return (Qt.CheckState.Checked if issue.number in self.checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return issue.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (issue.number, issue.title, labels.severity(issue.severity),
                  labels.issue_status(issue.status), issue.module, issue.assignee)
        return values[column] if 0 <= column < len(values) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NUMBER:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != self.NUMBER):
            return False
        number = self.issues[index.row()].number
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(number)
        else:
            self.checked.discard(number)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def check_all(self, on: bool) -> None:
        self.checked = {i.number for i in self.issues} if on else set()
        if self.issues:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.issues) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def chosen(self) -> list[str]:
        """The checked numbers, in the table's order."""
        return [i.number for i in self.issues if i.number in self.checked]


class OpenIssuesStep(HandoverStep):
    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("2. Open issues"))
        self.setSubTitle(self.tr(
            "Every issue still open is transferred to the O&M service department, with who "
            "follows it up and the plan, or closed. Sign-off is refused while any is left."))
        layout = QVBoxLayout(self)
        self.count = QLabel()
        self.count.setObjectName("sectionHeading")
        layout.addWidget(self.count)
        self.model = OpenIssuesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(OpenIssuesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Check all"))
        self.all_button.clicked.connect(lambda: self.model.check_all(True))
        self.none_button = QPushButton(self.tr("Check none"))
        self.none_button.clicked.connect(lambda: self.model.check_all(False))
        self.open_button = QPushButton(self.tr("Open in the issue form"))
        self.open_button.setToolTip(self.tr("Close it there, or record its action plan"))
        self.open_button.clicked.connect(self.open_current)
        for button in (self.all_button, self.none_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.open_hint = QLabel()
        self.open_hint.setObjectName("muted")
        self.open_hint.setWordWrap(True)
        self.open_hint.hide()
        layout.addWidget(self.open_hint)
        form = QGridLayout()
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setMinimumWidth(180)
        owner_edit = self.owner.lineEdit()
        if owner_edit is not None:
            owner_edit.setPlaceholderText(self.tr("who follows them up"))
        self.plan = QLineEdit()
        self.plan.setPlaceholderText(self.tr("the plan: what will be done, by when"))
        self.transfer_button = QPushButton(  # "O&M" is no mnemonic
            self.tr("Transfer checked to O&M").replace("&", "&&"))
        # primary (blue) only while it can act: the style greys a disabled primary, so it
        # never competes with the wizard's Next while nothing is ticked
        self.transfer_button.setObjectName("primary")
        self.transfer_button.clicked.connect(self.transfer_checked)
        self._transferring = False
        self.owner_error, self.plan_error, self.transfer_error = (field_error(), field_error(),
                                                                  field_error())
        owner_label, plan_label = QLabel(self.tr("Owner (O&M)")), QLabel(self.tr("Plan"))
        form.addWidget(owner_label, 0, 0)
        form.addWidget(self.owner, 0, 1)
        form.addWidget(plan_label, 0, 2)
        form.addWidget(self.plan, 0, 3)
        form.addWidget(self.transfer_button, 0, 4)
        form.addWidget(self.owner_error, 1, 1)
        form.addWidget(self.plan_error, 1, 3)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)
        layout.addWidget(self.transfer_error)
        self.owner.currentTextChanged.connect(lambda _t: show_error(self.owner_error, ""))
        self.owner.currentTextChanged.connect(lambda _t: self._update_transfer_button())
        self.model.dataChanged.connect(lambda *_a: self._update_transfer_button())
        self.model.modelReset.connect(self._update_transfer_button)
        self._update_transfer_button()
        self.plan.textChanged.connect(lambda _t: show_error(self.plan_error, "", self.plan))

    def load(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        self.read_then(lambda: (handover.untransferred(code), len(handover.transfers(code)),
                                handover.contacts(code)),
                       lambda read: self._show_read(*read))

    def _show_read(self, issues: list[Issue], transferred: int,
                   contacts: list[Person]) -> None:
        self.model.set_issues(issues)
        open_count = self.model.rowCount()
        if open_count:
            self.count.setText(texts.fill(self.tr(
                "%1 open issues are neither transferred nor closed (%2 already transferred)"),
                open_count, transferred))
        else:
            self.count.setText(texts.fill(self.tr(
                "Every issue is closed or transferred (%1 transferred to O&M)"), transferred))
        self.count.setStyleSheet("color: #c62828;" if open_count else "color: #2e7d32;")
        if self.owner.count() == 0:
            for person in contacts:
                self.owner.addItem(person.name)
            self.owner.setCurrentIndex(-1)
        for button in (self.all_button, self.none_button, self.open_button):
            button.setEnabled(open_count > 0)
        self._update_transfer_button()

    def _update_transfer_button(self) -> None:
        """Transfer acts on the ticked issues and needs who follows them up (the plan is
        checked on the click, beside its field)."""
        ticked = bool(self.model.checked)
        owner = bool(self.owner.currentText().strip())
        self.transfer_button.setEnabled(ticked and owner and not self._transferring)
        if not ticked:
            tip = self.tr("Check the issues to transfer in the first column.")
        elif not owner:
            tip = self.tr("Choose who follows them up in the O&M service department.")
        else:
            tip = ""
        self.transfer_button.setToolTip(tip)

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("issue") or changes.touches("timeline_entry"):
            self.load()

    def current_issue(self) -> Issue | None:
        index = self.table.currentIndex()
        return self.model.issues[index.row()] if index.isValid() else None

    def open_current(self) -> None:
        """The issue in the register's form, beside the wizard (it stays open)."""
        issue = self.current_issue()
        if issue is None:
            self.open_hint.setText(self.tr("Choose an issue in the list first."))
            self.open_hint.show()
            return
        wizard = self.wizard()
        owner = wizard.parentWidget() if wizard is not None else None
        window: Any = owner.window() if owner is not None else None
        if window is None or not hasattr(window, "show_page") or not hasattr(window, "page"):
            self.open_hint.setText(texts.fill(self.tr(
                "Open %1 from the Issues page (search for its number)."), issue.number))
            self.open_hint.show()
            return
        window.show_page("issues")
        page = window.page("issues")
        if hasattr(page, "open_issue"):
            page.open_issue(issue.id)
        self.open_hint.setText(texts.fill(self.tr(
            "%1 is open in the main window; this list follows what you save there."),
            issue.number))
        self.open_hint.show()

    def transfer_checked(self) -> None:
        numbers = self.model.chosen()
        owner, plan = self.owner.currentText().strip(), self.plan.text().strip()
        self.transfer_error.setStyleSheet("")
        show_error(self.transfer_error, "" if numbers else self.tr(
            "Check the issues to transfer in the first column."))
        show_error(self.owner_error, "" if owner else self.tr("Who follows them up?"))
        show_error(self.plan_error, "" if plan else self.tr("Write the plan."), self.plan)
        if not (numbers and owner and plan):
            return
        handover = self.ctx.services.handover

        def job() -> tuple[list[Issue], Changes]:
            moved = handover.transfer_many(numbers, owner, plan)
            return moved, Changes(frozenset({"issue", "timeline_entry"}),
                                  frozenset(i.id for i in moved))

        self._transferring = True
        self._update_transfer_button()
        self.ctx.runner.run(job, self._transferred, self._refused)

    def _transferred(self, result: tuple[list[Issue], Changes]) -> None:
        self._transferring = False
        self.model.check_all(False)
        self.plan.clear()
        show_error(self.transfer_error, texts.fill(
            self.tr("%1 issues transferred to the O&M service department."), len(result[0])))
        self.transfer_error.setStyleSheet("color: #2e7d32;")
        self.load()

    def _refused(self, error: GoLiveError) -> None:
        self._transferring = False
        self._update_transfer_button()
        self.transfer_error.setStyleSheet("")
        if isinstance(error, ValidationError) and error.field == "owner":
            show_error(self.owner_error, describe(error))
        elif isinstance(error, ValidationError) and error.field == "plan":
            show_error(self.plan_error, describe(error), self.plan)
        else:
            show_error(self.transfer_error, describe(error))
