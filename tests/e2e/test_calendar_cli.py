"""``calendar`` and ``milestone`` driven through the real program (docs/CLI.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _ok(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    return result


def _setup(cli: Any, db: Path) -> None:
    _ok(cli(db, "init", "--name", "张力", "--initials", "ZL"))
    _ok(cli(db, "project", "add", "HX", "--name", "华星电子 ERP 上线支持", "--customer",
            "杭州华星电子有限公司", "--go-live", "2026-11-02", "--month-end", "2026-11-30"))
    _ok(cli(db, "project", "add", "DF", "--name", "东方机械 ERP", "--customer", "东方机械",
            "--go-live", "2026-11-09"))
    for code in ("HX", "DF"):
        _ok(cli(db, "person", "add", "--project", code, "--name", "张力", "--role",
                "consultant", "--initials", "ZL"))
    _ok(cli(db, "person", "add", "--project", "DF", "--name", "王芳", "--role", "consultant",
            "--initials", "WF"))


def test_calendar_add_move_list_warnings_and_milestones(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _setup(cli, db)
    added = _ok(cli(db, "calendar", "add", "--project", "HX", "--person", "张力", "--date",
                    "2026-11-02", "--until", "2026-11-06", "--mode", "onsite",
                    "--note", "上线首周", json_out=True)).json()
    assert {k: added[k] for k in ("project", "person", "date", "until", "half", "mode",
                                  "note")} == {
        "project": "HX", "person": "张力", "date": "2026-11-02", "until": "2026-11-06",
        "half": "day", "mode": "onsite", "note": "上线首周"}
    # on site at DF the same Tuesday: a double booking
    _ok(cli(db, "calendar", "add", "--project", "DF", "--person", "ZL", "--date", "2026-11-10",
            "--mode", "onsite"))
    moved = _ok(cli(db, "calendar", "move", added["id"], "--date", "2026-11-05",
                    json_out=True)).json()
    assert (moved["date"], moved["until"]) == ("2026-11-05", "2026-11-09")
    second = _ok(cli(db, "calendar", "add", "--project", "HX", "--person", "ZL", "--date",
                     "2026-11-10", "--mode", "onsite", "--half", "am", json_out=True)).json()
    assert second["half"] == "am"
    _ok(cli(db, "milestone", "set", "--project", "HX", "--kind", "exit", "--date",
            "2026-11-27"))
    _ok(cli(db, "calendar", "add", "--project", "HX", "--person", "ZL", "--date",
            "2026-11-30", "--until", "2026-12-01", "--mode", "phone"))
    listed = _ok(cli(db, "calendar", "list", "--project", "HX", json_out=True)).json()
    assert set(listed) == {"slots", "milestones", "warnings"}
    assert {"id", "project", "person", "date", "until", "half", "mode", "note"} <= set(
        listed["slots"][0])
    assert [(m["kind"], m["date"]) for m in listed["milestones"]] == [
        ("go_live", "2026-11-02"), ("planned_exit", "2026-11-27"),
        ("month_end_close", "2026-11-30")]
    codes = [(w["code"], w["date"]) for w in listed["warnings"]]
    assert ("go_live_uncovered", "2026-11-02") in codes
    assert ("go_live_uncovered", "2026-11-04") in codes
    assert ("go_live_uncovered", "2026-11-05") not in codes
    assert ("double_booked", "2026-11-10") in codes
    assert ("month_end_uncovered", "2026-11-30") in codes
    assert ("after_exit", "2026-11-30") in codes
    assert all(w["text"] for w in listed["warnings"])
    text = _ok(cli(db, "calendar", "list", "--project", "HX", "--from", "2026-11-01", "--to",
                   "2026-11-15")).stdout
    assert "double_booked" in text
    assert "张力 is on site for HX and DF" in text
    stones = _ok(cli(db, "milestone", "list", "--project", "HX", json_out=True)).json()
    assert len(stones) == 3
    _ok(cli(db, "calendar", "delete", second["id"]))
    after = _ok(cli(db, "calendar", "list", "--project", "HX", json_out=True)).json()
    assert second["id"] not in {s["id"] for s in after["slots"]}


def test_calendar_plan_and_bad_input(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _setup(cli, db)
    proposed = _ok(cli(db, "calendar", "plan", "--project", "DF", json_out=True)).json()
    assert proposed["applied"] is False
    assert proposed["proposals"][0]["mode"] == "onsite"
    assert _ok(cli(db, "calendar", "list", "--project", "DF", json_out=True)).json()[
        "slots"] == []
    _ok(cli(db, "milestone", "set", "--project", "DF", "--kind", "month_end", "--date",
            "2026-11-30"))
    applied = _ok(cli(db, "calendar", "plan", "--project", "DF", "--apply", json_out=True))
    assert applied.json()["applied"] is True
    listed = _ok(cli(db, "calendar", "list", "--project", "DF", json_out=True)).json()
    assert len(listed["slots"]) >= len(proposed["proposals"])
    assert [w["code"] for w in listed["warnings"]] == []
    for args, words in (
        (("--person", "张力", "--date", "2026-11-06", "--until", "2026-11-02"), "before"),
        (("--person", "王芳", "--date", "2026-11-06"), "no person 王芳"),
        (("--person", "张力", "--date", "1899-01-01"), "outside"),
        (("--person", "张力", "--date", "2026-13-01"), "not a date"),
    ):
        bad = cli(db, "calendar", "add", "--project", "HX", "--mode", "onsite", *args)
        assert bad.returncode == 1, args
        assert words in bad.stderr
        assert "Traceback" not in bad.stderr


def test_calendar_export_and_import(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _setup(cli, db)
    _ok(cli(db, "calendar", "add", "--project", "HX", "--person", "张力", "--date",
            "2026-11-02", "--until", "2026-11-06", "--mode", "onsite"))
    out = tmp_path / "hx.ics"
    exported = _ok(cli(db, "calendar", "export", "--person", "张力", str(out),
                       json_out=True)).json()
    assert exported["events"] == 1
    assert b"@golive-desk" in out.read_bytes()
    customer = tmp_path / "customer.ics"
    customer.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:c1\r\n"
                        "SUMMARY:12月结账\r\nDTSTART;VALUE=DATE:20261231\r\nEND:VEVENT\r\n"
                        "END:VCALENDAR\r\n", encoding="utf-8")
    shown = _ok(cli(db, "calendar", "import", "--project", "HX", str(customer),
                    json_out=True)).json()
    assert shown["applied"] is False
    assert shown["milestones"] == [{"kind": "month_end_close", "date": "2026-12-31",
                                    "note": "12月结账"}]
    _ok(cli(db, "calendar", "import", "--project", "HX", str(customer), "--apply"))
    stones = _ok(cli(db, "milestone", "list", "--project", "HX", json_out=True)).json()
    assert "2026-12-31" in {m["date"] for m in stones}
    (tmp_path / "junk.ics").write_text("hello", encoding="utf-8")
    bad = cli(db, "calendar", "import", "--project", "HX", str(tmp_path / "junk.ics"))
    assert bad.returncode == 1
    assert "not an iCalendar" in bad.stderr
