"""What the screenshot tools share: waiting until the window has settled, grabbing a
dialog without running its event loop."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from golive_desk.app import DesktopApp


def settle(desktop: DesktopApp, seconds: float = 0.6) -> None:
    """Let the worker finish and the window paint, for at least ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or desktop.runner.is_busy():
        desktop.runner.wait(100)
        QApplication.processEvents()


def grab_dialog(desktop: DesktopApp, dialog: QWidget, path: Path,
                size: tuple[int, int] | None = None, seconds: float = 0.3) -> Path:
    """Show ``dialog`` without exec(), let it settle, save it to ``path``, close it."""
    dialog.show()
    if size is not None:
        dialog.resize(*size)
    settle(desktop, seconds)
    dialog.grab().save(str(path))
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return path


def grab_open(desktop: DesktopApp, dialog: QWidget, path: Path, seconds: float = 1.5) -> Path:
    """Save a dialog already shown (a print preview rendering its pages), then close it."""
    settle(desktop, seconds)
    dialog.grab().save(str(path))
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return path
