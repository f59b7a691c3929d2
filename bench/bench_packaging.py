"""The frozen one-folder build: its size, and start-up to the window beside the unfrozen app."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_startup import app_command, start_ms
from golive_desk.services.demo import demo_store

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


def run() -> list[tuple[str, float, str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = _build(root)
        store = demo_store(root / "demo.db")
        frozen_cmd = [str(folder / "golive-desk"), *app_command(store)[3:]]
        commands = {"frozen": frozen_cmd, "unfrozen": app_command(store)}
        for cmd in commands.values():  # warm the caches
            start_ms(cmd, root)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, cmd in commands.items():
                times[name].append(start_ms(cmd, root)[0])  # to the first paint
        frozen, unfrozen = (statistics.median(times[name]) for name in commands)
        size = _size_mb(folder)
    return [("frozen start to first paint (demo store)", frozen, "unfrozen app", unfrozen, "ms"),
            ("onedir size", size, "target", 130.0, "MB")]
