"""The PyInstaller one-folder build: built from this tree, it must pass its own self-test.

Slow (a minute or two): it runs PyInstaller. CI runs it like every other test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Lines the offscreen platform prints on its own; anything else on stderr is a defect.
EXPECTED_STDERR = ("This plugin does not support propagateSizeHints()",)


def _unexpected(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and line not in EXPECTED_STDERR]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frozen")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--onedir",
                    "--dist", str(out / "dist"), "--work", str(out / "work")],
                   check=True, capture_output=True, timeout=900)
    exe = out / "dist" / "golive-desk" / ("golive-desk.exe" if os.name == "nt" else "golive-desk")
    assert exe.is_file()
    return exe


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp),
                XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"),
                XDG_STATE_HOME=str(tmp / "state"), XDG_CACHE_HOME=str(tmp / "cache"), **extra)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_frozen_build_reports_its_version(frozen: Path, tmp_path: Path) -> None:
    from golive_desk import __version__

    proc = subprocess.run([str(frozen), "--version"], capture_output=True, text=True,
                          timeout=60, env=_env(tmp_path))
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"GoLive Desk {__version__}"
    assert _unexpected(proc.stderr) == []


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_the_frozen_build_passes_its_self_test_without_system_cjk_fonts(
        frozen: Path, tmp_path: Path) -> None:
    # Hide every system font but DejaVu: Chinese must come from the bundled font.
    conf = tmp_path / "fonts.conf"
    conf.write_text("""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>
<cachedir>""" + str(tmp_path / "fc-cache") + """</cachedir></fontconfig>""", "utf-8")
    shot = tmp_path / "frozen.png"
    proc = subprocess.run([str(frozen), "--self-test"], capture_output=True, text=True,
                          timeout=300, env=_env(tmp_path, FONTCONFIG_FILE=str(conf),
                                                GOLIVE_SELF_TEST_SHOT=str(shot)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stdout
    assert "CJK glyphs from WenQuanYi Micro Hei" in proc.stdout
    assert _unexpected(proc.stderr) == []
    assert shot.stat().st_size > 10_000
