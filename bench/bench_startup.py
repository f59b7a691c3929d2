"""Start-up to the first paint with real content, beside a bare PySide6 window.

The app is started as a user starts it (``python -m golive_desk --db STORE``,
bytecode caching on, caches warmed by one run first) and prints "shown" once
the projects are listed and the start page shows the project's figures, after
a synchronous repaint: the figures come from the start-up read, before the
store is opened and SQLAlchemy imported (``services/start_view.py``). It
prints "ready" once the store is open and every read the window queued at
start has been put on screen (the people, the week's support, the SLA tiles,
the navigation badges): see ``app._quit_when_shown``. The bare window is
timed to its "shown" the same way, in the same run, the runs alternating so
that a noisy machine affects both alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import store_with_ops
from golive_desk.services.demo import demo_store

OPS = 100_000
RUNS = 5

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


def start_ms(cmd: list[str], home: Path) -> tuple[float, float]:
    """Milliseconds from starting ``cmd`` to its "shown" line (the window's probe), and to
    its "ready" line (the bare window has none: the same figure twice)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", GOLIVE_QUIT_WHEN_SHOWN="1", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "c"), XDG_DATA_HOME=str(home / "d"),
               XDG_STATE_HOME=str(home / "s"))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    shown = (time.perf_counter() - start) * 1000
    ready_line = proc.stdout.readline()
    ready = (time.perf_counter() - start) * 1000
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"no window: {line!r}")
    return shown, (ready if ready_line.strip() == "ready" else shown)


def app_command(store: Path) -> list[str]:
    return [sys.executable, "-m", "golive_desk", "--lang", "zh_CN", "--db", str(store)]


def run() -> list[tuple[str, float, str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stores = {"demo store": demo_store(root / "demo.db"),
                  f"{OPS // 1000}k ops": store_with_ops(root / "big.db", OPS)}
        bare = [sys.executable, "-c", BARE_SCRIPT]
        commands = {name: app_command(store) for name, store in stores.items()}
        for cmd in (bare, *commands.values()):  # warm the bytecode and font caches
            start_ms(cmd, root)
        times: dict[str, list[tuple[float, float]]] = {"bare": []} | {n: [] for n in commands}
        for _ in range(RUNS):
            times["bare"].append(start_ms(bare, root))
            for name, cmd in commands.items():
                times[name].append(start_ms(cmd, root))
    bare_ms = statistics.median(shown for shown, _ in times["bare"])
    rows = []
    for name in commands:
        rows.append((f"start to first paint with content, {name}",
                     statistics.median(shown for shown, _ in times[name]),
                     "bare PySide6 window", bare_ms, "ms"))
        rows.append((f"start to every start-up read shown, {name}",
                     statistics.median(ready for _, ready in times[name]),
                     "bare PySide6 window", bare_ms, "ms"))
    return rows
