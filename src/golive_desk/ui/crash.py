"""No silent crash: unexpected errors are logged and shown with the log's path."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtWidgets  # the box through its module: made when first needed
from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, Slot
from PySide6.QtCore import qInstallMessageHandler as install_qt_message_handler
from PySide6.QtWidgets import QWidget

log = logging.getLogger("golive_desk.crash")


class CrashReporter(QObject):
    """Installs the hooks; shows the dialog on the GUI thread, whichever thread crashed."""

    _crashed = Signal(str)

    def __init__(self, log_path: Path, parent_window: Callable[[], QWidget | None],
                 show: Callable[[QWidget | None, str, str, str, str], None] | None = None
                 ) -> None:
        super().__init__()
        self._log_path = log_path
        self._parent_window = parent_window
        self._show_box = show or _message_box
        self._showing = False
        self._crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        install_qt_message_handler(_qt_message_to_log)

    def _excepthook(self, etype: type[BaseException], value: BaseException,
                    tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(etype, value, tb))
        log.error("unexpected error:\n%s", text)
        self._crashed.emit(f"{etype.__name__}: {value}")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, summary: str) -> None:
        if self._showing:
            return  # one dialog at a time; the log has every error
        self._showing = True
        try:
            self._show_box(
                self._parent_window(),
                self.tr("GoLive Desk – unexpected error"),
                self.tr("Something went wrong. Your saved work is safe: every change "
                        "is written to the store as soon as you make it."),
                self.tr("Please send the log file to support:\n%1").replace(
                    "%1", str(self._log_path)),
                summary)
        finally:
            self._showing = False


def _qt_message_to_log(mode: QtMsgType, _context: object, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _message_box(parent: QWidget | None, title: str, text: str, informative: str,
                 details: str) -> None:
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    box.setDetailedText(details)
    box.exec()
