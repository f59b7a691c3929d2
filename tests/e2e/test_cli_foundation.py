"""The real ``golive-desk`` program, run as a subprocess, as the office's scripts use it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from golive_desk import __version__


def test_version(cli: Any, tmp_path: Path) -> None:
    result = cli(tmp_path / "x.db", "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"GoLive Desk {__version__}"


def test_init_project_person_list_doctor(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    created = cli(db, "init", "--name", "周建国", "--initials", "zjg", "--office", json_out=True)
    assert created.returncode == 0, created.stderr
    assert created.json()["initials"] == "ZJG"
    assert created.json()["office"] is True
    added = cli(db, "project", "add", "HX", "--name", "华星电子 ERP 上线支持", "--customer",
                "杭州华星电子有限公司", "--go-live", "2026-11-02", "--month-end", "2026-11-30",
                json_out=True)
    assert added.returncode == 0, added.stderr
    assert added.json()["month_end"] == "2026-11-30"
    person = cli(db, "person", "add", "--project", "HX", "--name", "刘芳", "--role", "key_user",
                 "--email", "liufang@huaxing-elec.com", json_out=True)
    assert person.json()["side"] == "customer"
    listing = cli(db, "project", "list", json_out=True)
    assert [p["code"] for p in listing.json()] == ["HX"]
    text = cli(db, "project", "list")
    assert "华星电子 ERP 上线支持" in text.stdout
    # The same name on a second project: one person, two memberships (CLI.md).
    cli(db, "project", "add", "DF", "--name", "东方机械 ERP", "--customer", "东方机械",
        "--go-live", "2026-12-01")
    again = cli(db, "person", "add", "--project", "DF", "--name", "刘芳", "--role", "end_user",
                json_out=True)
    assert again.returncode == 0, again.stderr
    assert again.json()["id"] == person.json()["id"]
    assert again.json()["role"] == "end_user"
    everyone = cli(db, "person", "list", json_out=True).json()
    assert [(p["name"], p["projects"]) for p in everyone] == [("刘芳", ["DF", "HX"])]
    assert [p["role"] for p in cli(db, "person", "list", "--project", "HX",
                                   json_out=True).json()] == ["key_user"]
    doctor = cli(db, "doctor", "--rebuild", json_out=True)
    assert doctor.returncode == 0
    # project, person, membership, project, membership
    assert doctor.json() == {"ops": 5, "ok": True, "problems": [], "rebuilt": True,
                             "blobs_removed": 0, "leftovers_removed": 0}


def test_user_errors_exit_1_with_one_line_and_no_traceback(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cli(db, "init", "--name", "张力", "--initials", "ZL")
    bad_date = cli(db, "project", "add", "HX", "--name", "x", "--customer", "y",
                   "--go-live", "2026-02-30")
    assert bad_date.returncode == 1
    assert bad_date.stderr.strip() == (
        "golive-desk: go_live: '2026-02-30' is not a date; use YYYY-MM-DD")
    missing = cli(tmp_path / "none.db", "project", "list")
    assert missing.returncode == 1
    assert "golive-desk init" in missing.stderr
    assert "Traceback" not in missing.stderr
    twice = cli(db, "init", "--name", "张力", "--initials", "ZL")
    assert twice.returncode == 1
    assert "already exists" in twice.stderr


def test_usage_errors_exit_2(cli: Any, tmp_path: Path) -> None:
    result = cli(tmp_path / "s.db", "project", "frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_demo_fills_a_store(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    cli(db, "init", "--name", "张力", "--initials", "ZL")
    result = cli(db, "demo", "--issues", "20", json_out=True)
    assert result.returncode == 0, result.stderr
    assert result.json()["project"] == "HX"
    assert result.json()["people"] == 14
