"""Shared fixtures: real stores in tmp_path, and the real program in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A fresh, initialised store file (user 张力 / ZL)."""
    path = tmp_path / "store.db"
    init_store(path, "张力", "ZL")
    return path


@pytest.fixture
def services(store_path: Path) -> Iterator[Services]:
    svc = Services.open(store_path)
    yield svc
    svc.close()


@pytest.fixture
def project_code(services: Services) -> str:
    project, _ = services.projects.add_project(
        "HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司", "2026-11-02", "2026-11-30")
    return project.code


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


@pytest.fixture
def cli(tmp_path: Path) -> object:
    """Run the real ``golive-desk`` program: ``cli(store, "project", "list", json=True)``."""

    def run(db: Path, *args: str, json_out: bool = False, timeout: float = 60) -> CliResult:
        cmd = [sys.executable, "-m", "golive_desk", "--db", str(db)]
        if json_out:
            cmd.append("--json")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
                   XDG_DATA_HOME=str(tmp_path / "xdg-data"),
                   XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
                   XDG_STATE_HOME=str(tmp_path / "xdg-state"),
                   XDG_CACHE_HOME=str(tmp_path / "xdg-cache"))
        proc = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=timeout,
                              env=env, encoding="utf-8")
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run
