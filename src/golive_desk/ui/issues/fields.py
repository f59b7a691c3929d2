"""The editable fields of the issue sheet, laid out like the printed 问题记录单.

:class:`SheetFields` owns one editor per field and speaks in *form values*:
text, ``YYYY-MM-DD`` (or None) for dates, ``YYYY-MM-DDTHH:MM`` for the report
time, stable codes for enumerations, a bool for the maintenance flag — the
same values the service validates and a draft stores.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.issues import Category, Issue, Severity
from golive_desk.ui import labels

TEXT_FIELDS = ("title", "description", "function", "reporter", "reporter_dept", "assignee",
               "cause", "proposal", "resolution", "result", "confirmed_by", "module")


def issue_values(issue: Issue) -> dict[str, object]:
    """An issue's editable fields as form values."""
    return {
        "title": issue.title, "description": issue.description, "module": issue.module,
        "function": issue.function, "category": issue.category.value,
        "severity": issue.severity.value, "mode": issue.mode.value,
        "reporter": issue.reporter, "reporter_dept": issue.reporter_dept,
        "reported_at": issue.reported_at,
        "expected_by": issue.expected_by.isoformat() if issue.expected_by else None,
        "assignee": issue.assignee, "cause": issue.cause, "proposal": issue.proposal,
        "resolution": issue.resolution, "result": issue.result,
        "confirmed_by": issue.confirmed_by,
        "confirmed_at": issue.confirmed_at.isoformat() if issue.confirmed_at else None,
        "maintenance_note": issue.maintenance_note,
    }


DATE_FORMAT = "yyyy-MM-dd"  # the date pickers' and the 提出时间 picker's notation


class DateField(QWidget):
    """A date that may be empty: typed as YYYY-MM-DD or picked from a calendar.

    (QDateEdit cannot be empty; a sentinel date would show up in the calendar.)
    Text that is not a date is kept as typed, so the service's check can say so.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)  # the ▾ joins the field, as the 提出时间 picker's does
        self.edit = QLineEdit()
        # The notation the 提出时间 picker shows (yyyy-MM-dd HH:mm), without the time.
        self.edit.setPlaceholderText(DATE_FORMAT)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.button = QToolButton()
        self.button.setObjectName("dateButton")
        # The same down arrow the 提出时间 picker's drop-down draws, as tall as the edit.
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        self.button.setAccessibleName(self.tr("Choose a date"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._before_popup)
        self.button.setMenu(menu)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def _before_popup(self) -> None:
        current = QDate.fromString(self.edit.text().strip(), DATE_FORMAT)
        self.calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString(DATE_FORMAT))
        menu = self.button.menu()
        if menu is not None:
            menu.hide()

    def value(self) -> str | None:
        return self.edit.text().strip() or None

    def set_value(self, value: str | None) -> None:
        self.edit.setText(value or "")


class FieldCell(QWidget):
    """A field's editor with the space below it for its validation message and conflict."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)
        self.extra = QVBoxLayout()  # conflict boxes go here
        self.extra.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.extra)
        # A neighbour's conflict box makes the grid row taller: the room goes below,
        # so the editor stays level with its label (a box layout would centre it).
        column.addStretch(1)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""


class Section(QFrame):
    """A titled block of the sheet with a two-pair grid: label, field, label, field."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetSection")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 14)
        outer.setSpacing(8)
        heading = QLabel(title)
        heading.setObjectName("sectionHeading")
        outer.addWidget(heading)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        outer.addLayout(self.grid)
        self._row = 0

    def add(self, pairs: list[tuple[str, QWidget]]) -> None:
        """One row: a single wide field, or two side by side."""
        for n, (caption, cell) in enumerate(pairs):
            label = QLabel(caption)
            label.setObjectName("fieldLabel")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 5, 0, 0)
            label.setBuddy(cell.editor if isinstance(cell, FieldCell) else cell)
            self.grid.addWidget(label, self._row, n * 2)
            span = 3 if len(pairs) == 1 else 1
            self.grid.addWidget(cell, self._row, n * 2 + 1, 1, span)
        self._row += 1


class SheetFields(QWidget):
    """Every editable field of the issue; emits :attr:`changed` on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.description = self._text(120)
        self.module = self._combo(editable=True)
        self.function = QLineEdit()
        self.function.setPlaceholderText(self.tr("e.g. 采购入库单"))
        self.category = self._combo([(labels.category(c), c.value) for c in Category])
        self.severity = self._combo([(labels.severity(s), s.value) for s in Severity])
        self.mode = self._combo([(labels.support_mode(m), m.value) for m in SupportMode])
        self.reporter = self._combo(editable=True)
        self.reporter_dept = QLineEdit()
        self.reported_at = QDateTimeEdit()
        self.reported_at.setDisplayFormat(f"{DATE_FORMAT} HH:mm")
        self.reported_at.setCalendarPopup(True)
        self.expected_by = DateField()
        self.assignee = self._combo(editable=True)
        self.cause = self._text(80)
        self.proposal = self._text(70)
        self.resolution = self._text(70)
        self.result = self._text(60)
        self.confirmed_by = self._combo(editable=True)
        self.confirmed_at = DateField()
        self.maintenance_note = QCheckBox(
            self.tr("Add to the maintenance matters for the handover"))
        for edit in (self.title, self.function, self.reporter_dept):
            edit.textChanged.connect(self._emit)
        for text in (self.description, self.cause, self.proposal, self.resolution, self.result):
            text.textChanged.connect(self._emit)
        self.reported_at.dateTimeChanged.connect(self._emit)
        for field in (self.expected_by, self.confirmed_at):
            field.changed.connect(self._emit)
        self.maintenance_note.toggled.connect(self._emit)
        self.cells: dict[str, FieldCell] = {
            name: FieldCell(getattr(self, name)) for name in (
                "title", "description", "module", "function", "category", "severity", "mode",
                "reporter", "reporter_dept", "reported_at", "expected_by", "assignee", "cause",
                "proposal", "resolution", "result", "confirmed_by", "confirmed_at",
                "maintenance_note")}
        self._loading = False
        self._build()

    def _text(self, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field of the sheet
        edit.setMinimumHeight(height)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return edit

    def _combo(self, items: Iterable[tuple[str, str]] = (), *,
               editable: bool = False) -> QComboBox:
        box = QComboBox()
        box.setEditable(editable)
        for text, code in items:
            box.addItem(text, code)
        if editable:
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.editTextChanged.connect(self._emit)
        else:
            box.currentIndexChanged.connect(self._emit)
        return box

    def _emit(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _build(self) -> None:
        c = self.cells
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        problem = Section(self.tr("Problem"))
        problem.add([(self.tr("Title"), c["title"])])
        problem.add([(self.tr("Module"), c["module"]),
                     (self.tr("Function/document"), c["function"])])
        problem.add([(self.tr("Category"), c["category"]), (self.tr("Severity"), c["severity"])])
        problem.add([(self.tr("Reporter"), c["reporter"]),
                     (self.tr("Department"), c["reporter_dept"])])
        problem.add([(self.tr("Reported at"), c["reported_at"]),
                     (self.tr("Support mode"), c["mode"])])
        problem.add([(self.tr("Expected by"), c["expected_by"]),
                     (self.tr("Assignee"), c["assignee"])])
        problem.add([(self.tr("Description"), c["description"])])
        analysis = Section(self.tr("Analysis"))
        analysis.add([(self.tr("Cause analysis"), c["cause"])])
        analysis.add([(self.tr("Proposed handling"), c["proposal"])])
        resolution = Section(self.tr("Resolution and confirmation"))
        resolution.add([(self.tr("Resolution"), c["resolution"])])
        resolution.add([(self.tr("Result"), c["result"])])
        resolution.add([(self.tr("Confirmed by"), c["confirmed_by"]),
                        (self.tr("Confirmed on"), c["confirmed_at"])])
        resolution.add([("", c["maintenance_note"])])
        for section in (problem, analysis, resolution):
            layout.addWidget(section)
        layout.addStretch(1)
        # One label width for every section, so the fields line up down the sheet.
        captions = [label for label in self.findChildren(QLabel)
                    if label.objectName() == "fieldLabel"]
        width = max(label.sizeHint().width() for label in captions)
        for label in captions:
            label.setFixedWidth(width)

    # -- choices and values ------------------------------------------------------
    def set_choices(self, modules: Iterable[str], consultants: Iterable[str],
                    customers: Iterable[str]) -> None:
        """Fill the drop-downs; what is typed stays (an old module shows as typed)."""
        self._loading = True
        for box, values in ((self.module, modules), (self.assignee, consultants),
                            (self.reporter, customers), (self.confirmed_by, customers)):
            text = box.currentText()
            box.clear()
            box.addItems(list(values))
            box.setEditText(text)
        self._loading = False

    def values(self) -> dict[str, object]:
        """Every field as a form value; text is stripped (the service stores it so)."""
        moment = self.reported_at.dateTime().toString("yyyy-MM-dd'T'HH:mm")
        return {
            "title": self.title.text().strip(),
            "description": self.description.toPlainText().strip(),
            "module": self.module.currentText().strip(),
            "function": self.function.text().strip(),
            "category": self.category.currentData(),
            "severity": self.severity.currentData(),
            "mode": self.mode.currentData(),
            "reporter": self.reporter.currentText().strip(),
            "reporter_dept": self.reporter_dept.text().strip(),
            "reported_at": moment,
            "expected_by": self.expected_by.value(),
            "assignee": self.assignee.currentText().strip(),
            "cause": self.cause.toPlainText().strip(),
            "proposal": self.proposal.toPlainText().strip(),
            "resolution": self.resolution.toPlainText().strip(),
            "result": self.result.toPlainText().strip(),
            "confirmed_by": self.confirmed_by.currentText().strip(),
            "confirmed_at": self.confirmed_at.value(),
            "maintenance_note": self.maintenance_note.isChecked(),
        }

    def set_values(self, values: dict[str, object]) -> None:
        """Show ``values`` (any subset of the fields) without firing :attr:`changed`."""
        self._loading = True
        try:
            for name, value in values.items():
                self._set(name, value)
        finally:
            self._loading = False

    def _set(self, name: str, value: object) -> None:
        text = "" if value is None else str(value)
        widget = getattr(self, name, None)
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText().strip() != text:
                widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.setEditText(text)
            else:
                widget.setCurrentIndex(max(0, widget.findData(text)))
        elif isinstance(widget, DateField):
            widget.set_value(text or None)
        elif isinstance(widget, QDateTimeEdit):
            moment = QDateTime.fromString(text, "yyyy-MM-dd'T'HH:mm")
            if moment.isValid():
                widget.setDateTime(moment)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))

    def set_read_only(self, read_only: bool) -> None:
        for cell in self.cells.values():
            editor = cell.editor
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)

    def clear_errors(self) -> None:
        for cell in self.cells.values():
            cell.show_error("")
