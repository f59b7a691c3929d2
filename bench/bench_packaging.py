"""The frozen one-folder build: its size, and start-up to the window beside the unfrozen app."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def _build(out: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--onedir",
                    "--dist", str(out / "dist"), "--work", str(out / "work")],
                   check=True, capture_output=True)
    return out / "dist" / "golive-desk"


def _size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.lstat().st_size for p in files) / 1e6


def _start_ms(cmd: list[str], home: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOLIVE_QUIT_WHEN_SHOWN="1",
               HOME=str(home), XDG_CONFIG_HOME=str(home / "c"), XDG_DATA_HOME=str(home / "d"),
               XDG_STATE_HOME=str(home / "s"))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"no window: {line!r}")
    return elapsed


def run() -> list[tuple[str, float, str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = _build(root)
        store = root / "demo.db"
        init_store(store, "张力", "ZL")
        services = Services.open(store)
        fill_demo(services)
        services.close()
        exe = str(folder / "golive-desk")
        frozen = statistics.median(_start_ms([exe, "--db", str(store)], root)
                                   for _ in range(RUNS))
        unfrozen = statistics.median(
            _start_ms([sys.executable, "-m", "golive_desk", "--db", str(store)], root)
            for _ in range(RUNS))
        size = _size_mb(folder)
    return [("frozen start to window (demo store)", frozen, "unfrozen app", unfrozen, "ms"),
            ("onedir size", size, "target", 130.0, "MB")]
