"""``holidays import FILE.ics`` and ``holidays list``: next year's notice from the office."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from golive_desk.domain.holiday_ics import holiday_ics_text
from golive_desk.domain.workdays import YearData


def _notice(tmp_path: Path) -> Path:
    data = YearData.build(2027, {date(2027, 2, d): "春节" for d in range(6, 13)},
                          {date(2027, 2, 14): "春节"})
    path = tmp_path / "2027.ics"
    path.write_text(holiday_ics_text((data,), stamp=datetime(2026, 11, 1, 9, 0)),
                    encoding="utf-8")
    return path


def test_import_a_notice_then_list_it(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert cli(db, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    notice = _notice(tmp_path)
    before = cli(db, "holidays", "list", json_out=True).json()
    assert before["office"] == []
    assert 2026 in before["library"]
    assert 2027 not in before["library"]

    dry = cli(db, "holidays", "import", str(notice), "--dry-run", json_out=True).json()
    assert dry["years"][0]["year"] == 2027
    assert dry["years"][0]["written"] is False
    assert cli(db, "holidays", "list", json_out=True).json()["office"] == []

    done = cli(db, "holidays", "import", str(notice), json_out=True).json()
    assert (done["years"][0]["holidays"], done["years"][0]["adjusted_workdays"]) == (7, 1)
    listed = cli(db, "holidays", "list", json_out=True).json()
    assert [y["year"] for y in listed["office"]] == [2027]
    text = cli(db, "holidays", "list")
    assert "office 2027: 7 days off, 1 adjusted working days" in text.stdout


def test_a_file_that_is_not_a_calendar_is_refused(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert cli(db, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    bad = tmp_path / "bad.ics"
    bad.write_text("hello", encoding="utf-8")
    result = cli(db, "holidays", "import", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    missing = cli(db, "holidays", "import", str(tmp_path / "none.ics"))
    assert missing.returncode == 1
    assert "none.ics" in missing.stderr
    assert cli(db, "holidays", "list", json_out=True).json()["office"] == []
