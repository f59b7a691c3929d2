"""First start: who uses this laptop, and would they like a demo project."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from golive_desk.domain import validation
from golive_desk.ui.dialogs.form_dialog import FormDialog, checked


@dataclass(frozen=True)
class FirstStartAnswer:
    name: str
    initials: str
    office: bool
    demo: bool


class FirstStartDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Welcome to GoLive Desk"), parent)
        self.set_intro(self.tr(
            "GoLive Desk keeps your go-live support work on this computer and works without "
            "a network. Tell us who is using it: your name goes on every record you write, "
            "your initials into the issue numbers (e.g. HX-ZL-0007)."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 张力"))
        self.initials = QLineEdit()
        self.initials.setPlaceholderText(self.tr("e.g. ZL"))
        self.initials.setMaxLength(4)
        self.office = QCheckBox(self.tr("This computer is the branch office (merges bundles)"))
        self.demo = QCheckBox(self.tr("Create a demo project to explore (华星电子 ERP 上线支持)"))
        self.demo.setChecked(True)
        self.add_row("name", self.tr("Your name"), self.name)
        self.add_row("initials", self.tr("Initials"), self.initials)
        self.form.addRow("", self.office)
        self.form.addRow("", self.demo)
        self.answer: FirstStartAnswer | None = None

    def collect(self) -> None:
        checked("name", lambda: validation.required("name", self.name.text(), 80),
                self.tr("Please enter your name."))
        checked("initials", lambda: validation.initials(self.initials.text()),
                self.tr("Initials are 1 to 4 Latin letters, e.g. ZL."))
        self.answer = FirstStartAnswer(self.name.text().strip(),
                                       self.initials.text().strip().upper(),
                                       self.office.isChecked(), self.demo.isChecked())

    def ask(self) -> FirstStartAnswer | None:
        return self.answer if self.exec() else None
