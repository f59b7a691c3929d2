"""New project: code, name, customer, go-live and first month-end close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit, QWidget

from golive_desk.domain import validation
from golive_desk.domain.errors import ValidationError
from golive_desk.ui.dialogs.form_dialog import FormDialog, checked


@dataclass(frozen=True)
class ProjectAnswer:
    code: str
    name: str
    customer: str
    go_live: str
    month_end: str | None


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ProjectDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New project"), parent)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. HX"))
        self.code.setMaxLength(10)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 华星电子 ERP 上线支持"))
        self.customer = QLineEdit()
        today = date.today()
        self.go_live = _date_edit(today)
        self.has_month_end = QCheckBox(self.tr("Known"))
        self.has_month_end.setChecked(True)
        self.month_end = _date_edit(_month_end(today))
        self.has_month_end.toggled.connect(self.month_end.setEnabled)
        self.add_row("code", self.tr("Project code"), self.code)
        self.add_row("name", self.tr("Project name"), self.name)
        self.add_row("customer", self.tr("Customer"), self.customer)
        self.add_row("go_live", self.tr("Go-live date"), self.go_live)
        self.add_row("month_end", self.tr("First month-end close"), self.month_end)
        self.form.addRow("", self.has_month_end)
        self.answer: ProjectAnswer | None = None

    def collect(self) -> None:
        checked("code", lambda: validation.project_code(self.code.text()),
                self.tr("2 to 10 letters or digits, starting with a letter (e.g. HX)."))
        checked("name", lambda: validation.required("name", self.name.text()),
                self.tr("Please enter the project's name."))
        checked("customer", lambda: validation.required("customer", self.customer.text()),
                self.tr("Please enter the customer."))
        live = _to_date(self.go_live.date())
        close = _to_date(self.month_end.date()) if self.has_month_end.isChecked() else None
        if close is not None and close < live:
            raise ValidationError("month_end",
                                  self.tr("The first month-end close cannot be before go-live."))
        self.answer = ProjectAnswer(self.code.text().strip().upper(), self.name.text().strip(),
                                    self.customer.text().strip(), live.isoformat(),
                                    close.isoformat() if close else None)

    def ask(self) -> ProjectAnswer | None:
        return self.answer if self.exec() else None


def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(first_next.toordinal() - 1)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
