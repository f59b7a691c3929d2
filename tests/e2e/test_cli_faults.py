"""Faults at the command line (issue 11): one clear message, exit 1, the way out."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.integration.test_faults import damage


def _store_with_issues(cli: Any, db: Path, count: int = 40) -> None:
    assert cli(db, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    assert cli(db, "project", "add", "HX", "--name", "华星 ERP 上线", "--customer", "华星电子",
               "--go-live", "2026-11-20").returncode == 0
    for n in range(count):
        added = cli(db, "issue", "add", "--project", "HX",
                    "--title", f"第 {n} 个问题 " + "凭证无法反审核" * 20,
                    "--description", "说明" * 200)
        assert added.returncode == 0, added.stderr


def test_a_damaged_store_refuses_writes_and_recovers_beside_it(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _store_with_issues(cli, db)
    damage(db)
    before = db.read_bytes()
    added = cli(db, "issue", "add", "--project", "HX", "--title", "新问题")
    assert added.returncode == 1
    assert "is damaged" in added.stderr
    assert "doctor --recover" in added.stderr
    assert "Traceback" not in added.stderr
    doctor = cli(db, "doctor")
    assert doctor.returncode == 1
    assert "DAMAGED" in doctor.stdout
    recovered = cli(db, "doctor", "--recover", json_out=True)
    assert recovered.returncode == 0, recovered.stderr
    report = recovered.json()
    assert report["ops_saved"] == 41  # the project and its issues
    assert report["ops_lost"] == 0
    assert db.read_bytes() == before
    target = Path(report["target"])
    listed = cli(target, "issue", "list", json_out=True)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.json()) == 40
    assert cli(target, "doctor").returncode == 0
    again = cli(target, "issue", "add", "--project", "HX", "--title", "恢复后的新问题")
    assert again.returncode == 0, again.stderr


def test_backups_are_listed_and_restored_with_the_current_store_kept(
        cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _store_with_issues(cli, db, count=1)
    backup = tmp_path / "s.db.rev0005-20260101T000000.bak"
    conn, copy = sqlite3.connect(db), sqlite3.connect(backup)
    conn.backup(copy)
    copy.close()
    conn.close()
    cli(db, "issue", "add", "--project", "HX", "--title", "备份之后")
    listed = cli(db, "doctor", "--backups", json_out=True)
    assert [row["file"] for row in listed.json()] == [str(backup)]
    restored = cli(db, "doctor", "--restore", str(backup), json_out=True)
    assert restored.returncode == 0, restored.stderr
    aside = Path(restored.json()["kept_aside"])
    assert len(cli(db, "issue", "list", json_out=True).json()) == 1
    assert len(cli(aside, "issue", "list", json_out=True).json()) == 2
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a store", "utf-8")
    refused = cli(db, "doctor", "--restore", str(foreign))
    assert refused.returncode == 1
    assert "not a GoLive Desk store" in refused.stderr


def test_issue_show_prints_no_terminal_escapes(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _store_with_issues(cli, db, count=0)
    title = "凭证\x1b]0;pwned\x07 \x1b[31mred\x1b[0m"
    added = cli(db, "issue", "add", "--project", "HX", "--title", title,
                "--description", "line 1\nline 2\tend", json_out=True)
    number = added.json()["number"]
    shown = cli(db, "issue", "show", number)
    assert "\x1b" not in shown.stdout
    assert "\x07" not in shown.stdout
    assert "凭证\\x1b]0;pwned\\x07 \\x1b[31mred\\x1b[0m" in shown.stdout
    assert "line 1\nline 2\tend" in shown.stdout
    listed = cli(db, "issue", "list")
    assert "\x1b" not in listed.stdout
    assert cli(db, "issue", "show", number, json_out=True).json()["title"] == title


def test_bytes_that_are_not_utf8_give_one_clear_message(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _store_with_issues(cli, db, count=1)
    number = cli(db, "issue", "list", json_out=True).json()[0]["number"]
    env = dict(os.environ, HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")
    base = [os.fsencode(sys.executable), b"-m", b"golive_desk", b"--db", os.fsencode(db)]
    bad = subprocess.run([*base, b"issue", b"add", b"--project", b"HX", b"--title", b"\xff\xfe"],
                         capture_output=True, env=env, timeout=60)
    assert bad.returncode == 1
    assert b"Traceback" not in bad.stderr
    assert b"title contains bytes that are not valid UTF-8" in bad.stderr
    odd = os.fsencode(tmp_path) + b"/\xff\xfe.log"
    with open(odd, "wb") as fh:
        fh.write(b"error 42")
    attached = subprocess.run([*base, b"--json", b"issue", b"attach", number.encode(), odd],
                              capture_output=True, env=env, timeout=60)
    assert attached.returncode == 0, attached.stderr
    assert json.loads(attached.stdout)["name"] == "\ufffd\ufffd.log"
    blobs = [p for p in (tmp_path / "s.db.blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 1
