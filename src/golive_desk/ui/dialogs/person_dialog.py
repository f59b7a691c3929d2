"""Add a person to the project: name, role, contact."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from golive_desk.domain import validation
from golive_desk.domain.enums import Role
from golive_desk.ui import labels
from golive_desk.ui.dialogs.form_dialog import FormDialog, checked


@dataclass(frozen=True)
class PersonAnswer:
    name: str
    role: str
    initials: str
    phone: str
    email: str
    department: str


class PersonDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add person"), parent)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(labels.role(role), role.value)
        self.initials = QLineEdit()
        self.initials.setMaxLength(4)
        self.department = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.add_row("name", self.tr("Name"), self.name)
        self.add_row("role", self.tr("Role"), self.role)
        self.add_row("initials", self.tr("Initials"), self.initials)
        self.add_row("department", self.tr("Department"), self.department)
        self.add_row("phone", self.tr("Phone"), self.phone)
        self.add_row("email", self.tr("E-mail"), self.email)
        self.answer: PersonAnswer | None = None

    def collect(self) -> None:
        checked("name", lambda: validation.required("name", self.name.text(), 80),
                self.tr("Please enter the person's name."))
        if self.initials.text().strip():
            checked("initials", lambda: validation.initials(self.initials.text()),
                    self.tr("Initials are 1 to 4 Latin letters."))
        checked("email", lambda: validation.email(self.email.text()),
                self.tr("This is not an e-mail address."))
        self.answer = PersonAnswer(self.name.text().strip(), str(self.role.currentData()),
                                   self.initials.text().strip().upper(), self.phone.text().strip(),
                                   self.email.text().strip(), self.department.text().strip())

    def ask(self) -> PersonAnswer | None:
        return self.answer if self.exec() else None
