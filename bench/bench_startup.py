"""Cold start to the main window shown, on a store of 100k ops, beside a bare PySide6 window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import store_with_ops

OPS = 100_000
RUNS = 3

APP_SCRIPT = """
import sys, time
from pathlib import Path
from golive_desk.app import DesktopApp, make_qt_app
from golive_desk.paths import AppDirs
from golive_desk.ui.prompter import ScriptedPrompter
root = Path(sys.argv[2])
app = make_qt_app(["golive-desk"])
dirs = AppDirs(root / "d", root / "c", root / "l")
desk = DesktopApp(app, dirs, root / "log", ScriptedPrompter())
desk.translators.install("zh_CN")
desk.open_store(Path(sys.argv[1]))
window = desk.show_window()
while window.project_box.count() == 0 or desk.runner.is_busy():
    app.processEvents()
window.repaint()
app.processEvents()
print("shown", flush=True)
desk.shutdown()
"""

BARE_SCRIPT = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(["bare"])
window = QMainWindow()
window.setCentralWidget(QLabel("上线支持"))
window.resize(1280, 800)
window.show()
window.repaint()
app.processEvents()
print("shown", flush=True)
"""


def _time(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"window did not show: {line!r}")
    return elapsed * 1000


def run() -> list[tuple[str, float, str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = store_with_ops(root / "big.db", OPS)
        app_ms = statistics.median(_time(APP_SCRIPT, str(store), tmp) for _ in range(RUNS))
        bare_ms = statistics.median(_time(BARE_SCRIPT) for _ in range(RUNS))
    return [(f"cold start to window, {OPS // 1000}k ops", app_ms,
             "bare PySide6 window", bare_ms, "ms")]
