"""The guard against PySide6 builds that lose references to None and True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from golive_desk.ui.pyside_refcount import leaks, protect


def test_none_and_true_survive_many_void_calls_and_emits(qapp: QApplication) -> None:
    protect()
    probe = QObject()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    # More calls than a fresh interpreter holds references to None or True: on a
    # leaking build without the guard this aborts the process.
    for _ in range(60_000):
        probe.setObjectName("probe")
        probe.objectNameChanged.emit("probe")
    if leaks():
        assert sys.getrefcount(None) > 1 << 39
        assert sys.getrefcount(True) > 1 << 39
    else:
        assert sys.getrefcount(None) >= none_before - 100
        assert sys.getrefcount(True) >= true_before - 100
