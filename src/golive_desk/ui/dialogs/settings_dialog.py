"""Settings: language and the local user."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from golive_desk.domain import validation
from golive_desk.ui.dialogs.form_dialog import FormDialog, checked


@dataclass(frozen=True)
class SettingsAnswer:
    language: str  # "" follows the system
    user_name: str


class SettingsDialog(FormDialog):
    def __init__(self, language: str, user_name: str, initials: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Settings"), parent)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.user_name = QLineEdit(user_name)
        initials_label = QLabel(initials)
        initials_label.setToolTip(self.tr("Initials are part of every issue number already "
                                          "given, so they cannot change."))
        self.add_row("language", self.tr("Language"), self.language)
        self.add_row("name", self.tr("Your name"), self.user_name)
        self.form.addRow(self.tr("Initials"), initials_label)
        self.answer: SettingsAnswer | None = None

    def collect(self) -> None:
        checked("name", lambda: validation.required("name", self.user_name.text(), 80),
                self.tr("Please enter your name."))
        self.answer = SettingsAnswer(str(self.language.currentData()),
                                     self.user_name.text().strip())

    def ask(self) -> SettingsAnswer | None:
        return self.answer if self.exec() else None
