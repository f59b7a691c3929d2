"""What the screenshot tools share: waiting until the window has settled."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from golive_desk.app import DesktopApp


def settle(desktop: DesktopApp, seconds: float = 0.6) -> None:
    """Let the worker finish and the window paint, for at least ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or desktop.runner.is_busy():
        desktop.runner.wait(100)
        QApplication.processEvents()
