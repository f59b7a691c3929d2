"""``print handover`` of the real program: the PDF written, its JSON, a missing project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.pdf_support import assert_has, text_of


@pytest.fixture
def demo(cli: Any, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert cli(path, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    assert cli(path, "demo", "--issues", "40").returncode == 0
    return path


def test_print_handover_writes_the_document(cli: Any, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "handover.pdf"
    done = cli(demo, "--lang", "zh_CN", "print", "handover", "--project", "hx", str(out),
               json_out=True)
    assert done.returncode == 0, done.stderr
    assert done.json() == {"file": str(out), "project": "HX", "bytes": out.stat().st_size}
    assert_has(text_of(out), "项目交接与验收", "HX_7_4_1_1", "1 交接准备度", "7 项目验收与签字",
               "移交方（实施部门）")
    english = tmp_path / "handover-en.pdf"
    done = cli(demo, "--lang", "en", "print", "handover", "--project", "HX", str(english))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {english}: the handover document of HX")
    assert_has(text_of(english), "Project Handover and Acceptance")


def test_print_handover_user_errors_exit_1_with_one_line(cli: Any, demo: Path,
                                                         tmp_path: Path) -> None:
    missing = cli(demo, "print", "handover", "--project", "NOPE", str(tmp_path / "a.pdf"))
    assert missing.returncode == 1
    assert missing.stderr == "golive-desk: no project NOPE\n"
    folder = cli(demo, "print", "handover", "--project", "HX",
                 str(tmp_path / "missing" / "b.pdf"))
    assert folder.returncode == 1, folder.stderr
    assert folder.stderr.startswith("golive-desk: ")
    assert folder.stderr.count("\n") == 1
    assert "Traceback" not in folder.stderr
    usage = cli(demo, "print", "handover", str(tmp_path / "c.pdf"))
    assert usage.returncode == 2
    assert not list(tmp_path.glob("*.pdf"))
