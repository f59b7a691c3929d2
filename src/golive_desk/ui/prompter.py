"""Every message box and file chooser goes through one injected prompter.

Tests pass a :class:`~golive_desk.ui.scripted_prompter.ScriptedPrompter` with the
answers they want, so no modal dialog ever waits for a user who is not there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

# The dialogs through their modules: PySide6 makes a class (and its enums) when it is
# first named, and the window's first paint needs none of these.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtWidgets import QWidget


class Prompter(Protocol):
    def info(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def warn(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...
    def ask_save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str: ...
    def ask_text(self, parent: QWidget | None, title: str, label: str,
                 secret: bool = False) -> str | None: ...
    def open_file(self, parent: QWidget | None, title: str, filters: str) -> Path | None: ...
    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[Path]: ...
    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> Path | None: ...
    def open_folder(self, folder: Path) -> None: ...


class QtPrompter:
    """The real thing: Qt's standard dialogs (translated by qtbase_zh_CN)."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.critical(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        button = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(parent, title, text, button.Yes | button.No)
        return answer == button.Yes

    def ask_save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        button = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            parent, title, text, button.Save | button.Discard | button.Cancel, button.Save)
        return {button.Save: "save", button.Discard: "discard"}.get(answer, "cancel")

    def ask_text(self, parent: QWidget | None, title: str, label: str,
                 secret: bool = False) -> str | None:
        echo = QtWidgets.QLineEdit.EchoMode
        mode = echo.Password if secret else echo.Normal
        text, ok = QtWidgets.QInputDialog.getText(parent, title, label, mode)
        return text if ok else None

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[Path]:
        names, _ = QtWidgets.QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(n) for n in names]

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> Path | None:
        name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def open_folder(self, folder: Path) -> None:
        """The folder in the system's file manager."""
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(folder)))
