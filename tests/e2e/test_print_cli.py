"""``print`` and ``export`` of the real program: files written, JSON shape, user errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.pdf_support import squash, text_of


@pytest.fixture
def db(cli: Any, tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    assert cli(path, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    added = cli(path, "project", "add", "HX", "--name", "华星电子 ERP 上线支持", "--customer",
                "杭州华星电子有限公司", "--go-live", "2026-11-02")
    assert added.returncode == 0, added.stderr
    for title, severity in (("凭证审核后无法反审核", "high"), ("采购入库单价取不到", "low")):
        made = cli(path, "issue", "add", "--project", "HX", "--title", title, "--module", "总账",
                   "--severity", severity)
        assert made.returncode == 0, made.stderr
    return path


def pdf_text(path: Path) -> str:
    return squash(text_of(path))


def test_print_sheets_of_several_issues_into_one_pdf(cli: Any, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheets.pdf"
    done = cli(db, "--lang", "zh_CN", "print", "sheet", "HX-ZL-0001", "HX-ZL-0002", str(out),
               json_out=True)
    assert done.returncode == 0, done.stderr
    assert done.json() == {"file": str(out), "issues": 2, "bytes": out.stat().st_size}
    text = pdf_text(out)
    assert "系统运行问题跟踪记录单" in text
    assert "HX_7_1_1_1" in text
    assert "xx_xx" not in text
    assert "采购入库单价取不到" in text


def test_print_register_in_english_with_a_filter(cli: Any, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.pdf"
    done = cli(db, "--lang", "en", "print", "register", "--project", "HX", "--severity", "high",
               str(out))
    assert done.returncode == 0, done.stderr
    assert "1 issues" in done.stdout
    text = pdf_text(out)
    assert "SystemOperationIssueTrackingRecord" in text
    assert "Severity:High" in text
    assert "采购入库单价取不到" not in text


def test_export_register_to_xlsx_and_csv(cli: Any, db: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "register.xlsx"
    done = cli(db, "--lang", "zh_CN", "export", "register", "--project", "HX", str(xlsx),
               json_out=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == 2
    sheet = load_workbook(xlsx).worksheets[0]
    assert sheet["A1"].value == "问题编号"
    assert sheet.freeze_panes == "B2"
    csv_file = tmp_path / "register.csv"
    assert cli(db, "--lang", "zh_CN", "export", "register", "--project", "HX",
               str(csv_file)).returncode == 0
    assert csv_file.read_bytes().startswith("\ufeff问题编号".encode())


def test_user_errors_exit_1_with_one_line(cli: Any, db: Path, tmp_path: Path) -> None:
    cases = [
        ("print", "sheet", "HX-ZL-0404", str(tmp_path / "a.pdf")),
        ("print", "register", "--project", "NOPE", str(tmp_path / "b.pdf")),
        ("export", "register", "--project", "HX", str(tmp_path / "c.txt")),
        ("print", "register", "--project", "HX", str(tmp_path / "missing" / "d.pdf")),
        ("print", "register", "--project", "HX", "--status", "lost", str(tmp_path / "e.pdf")),
    ]
    for args in cases:
        done = cli(db, *args)
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.startswith("golive-desk: ")
        assert done.stderr.count("\n") == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_print_schedule_of_a_month(cli: Any, db: Path, tmp_path: Path) -> None:
    added = cli(db, "person", "add", "--project", "HX", "--name", "张力", "--role",
                "consultant", "--initials", "ZL")
    assert added.returncode == 0, added.stderr
    slot = cli(db, "calendar", "add", "--project", "HX", "--person", "张力", "--date",
               "2026-11-02", "--until", "2026-11-06", "--mode", "onsite")
    assert slot.returncode == 0, slot.stderr
    out = tmp_path / "schedule.pdf"
    done = cli(db, "--lang", "zh_CN", "print", "schedule", "--project", "HX", "--month",
               "2026-11", str(out), json_out=True)
    assert done.returncode == 0, done.stderr
    assert done.json() == {"file": str(out), "month": "2026-11", "bytes": out.stat().st_size}
    text = pdf_text(out)
    assert "现场支持时间表" in text
    assert "2026年11月" in text
    assert "张力" in text
    bad = cli(db, "print", "schedule", "--project", "HX", "--month", "11/2026", str(out))
    assert bad.returncode != 0
