"""The ``issue`` commands of the real program, with the JSON shape of docs/CLI.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ISSUE_KEYS = {"id", "number", "project", "title", "description", "module", "category",
              "severity", "status", "mode", "reporter", "assignee", "cause", "proposal",
              "resolution", "result", "created_at", "updated_at", "deleted", "timeline",
              "attachments", "conflicts"}


@pytest.fixture
def db(cli: Any, tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    assert cli(path, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    added = cli(path, "project", "add", "HX", "--name", "华星电子 ERP 上线支持", "--customer",
                "杭州华星电子有限公司", "--go-live", "2026-11-02")
    assert added.returncode == 0, added.stderr
    return path


def test_an_issue_from_report_to_close(cli: Any, db: Path, tmp_path: Path) -> None:
    added = cli(db, "issue", "add", "--project", "HX", "--title", "采购入库单价取不到",
                "--description", "入库单单价为零", "--module", "采购", "--category",
                "configuration", "--severity", "high", "--mode", "phone", "--reporter", "黄晓燕",
                "--assignee", "张力", json_out=True)
    assert added.returncode == 0, added.stderr
    issue = added.json()
    assert set(issue) >= ISSUE_KEYS
    assert (issue["number"], issue["project"], issue["status"], issue["mode"]) == (
        "HX-ZL-0001", "HX", "new", "phone")
    assert issue["deleted"] is False
    shown = cli(db, "issue", "show", "HX-ZL-0001", json_out=True).json()
    (created,) = shown["timeline"]  # the first line: who recorded it, who reported it, how
    assert (created["kind"], created["author"], created["whom"], created["mode"]) == (
        "created", "张力", "黄晓燕", "phone")

    edited = cli(db, "issue", "set", "HX-ZL-0001", "severity=urgent", "cause=价格表过期",
                 json_out=True)
    assert edited.returncode == 0, edited.stderr
    texts = [e["text"] for e in edited.json()["timeline"]]
    assert "张力 changed severity from high to urgent" in texts

    steps = [("status", "HX-ZL-0001", "in_progress", "--note", "已接手"),
             ("note", "HX-ZL-0001", "已电话告知处理计划", "--kind", "customer_notified",
              "--channel", "phone", "--whom", "黄晓燕"),
             ("set", "HX-ZL-0001", "resolution=更新价格表有效期"),
             ("status", "HX-ZL-0001", "resolved"),
             ("set", "HX-ZL-0001", "confirmed_by=赵磊", "confirmed_at=2099-01-01"),
             ("status", "HX-ZL-0001", "closed", "--note", "客户确认")]
    for step in steps:
        result = cli(db, "issue", *step)
        assert result.returncode == 0, (step, result.stderr)

    shot = tmp_path / "截图.png"
    shot.write_bytes(b"\x89PNG screenshot")
    attached = cli(db, "issue", "attach", "HX-ZL-0001", str(shot), json_out=True)
    assert attached.returncode == 0, attached.stderr

    shown = cli(db, "issue", "show", "HX-ZL-0001", json_out=True).json()
    assert shown["status"] == "closed"
    assert [a["name"] for a in shown["attachments"]] == ["截图.png"]
    assert set(shown["attachments"][0]) >= {"name", "sha256", "size"}
    entry = shown["timeline"][0]
    assert set(entry) >= {"kind", "text", "author", "at"}
    kinds = [e["kind"] for e in shown["timeline"]]
    assert kinds.count("status_change") == 3
    assert "customer_notified" in kinds
    assert shown["conflicts"] == []

    text = cli(db, "issue", "show", "HX-ZL-0001")
    assert "采购入库单价取不到" in text.stdout
    assert "closed" in text.stdout


def test_list_filters_and_searches(cli: Any, db: Path) -> None:
    for title, module in (("凭证审核后无法反审核", "总账"), ("月末结账提示存货未记账", "存货"),
                          ("销售发票打印格式错位", "销售")):
        assert cli(db, "issue", "add", "--project", "HX", "--title", title, "--module",
                   module).returncode == 0
    cli(db, "issue", "status", "HX-ZL-0002", "in_progress")
    listed = cli(db, "issue", "list", "--project", "HX", "--sort", "number", "--asc",
                 json_out=True)
    assert [i["number"] for i in listed.json()] == ["HX-ZL-0001", "HX-ZL-0002", "HX-ZL-0003"]
    assert "timeline" not in listed.json()[0]
    by_status = cli(db, "issue", "list", "--status", "in_progress", json_out=True)
    assert [i["number"] for i in by_status.json()] == ["HX-ZL-0002"]
    for text, hits in (("审", ["HX-ZL-0001"]), ("结账", ["HX-ZL-0002"]),
                       ("打印格式", ["HX-ZL-0003"]), ('"NEAR(* OR "', [])):
        result = cli(db, "issue", "list", "--search", text, json_out=True)
        assert result.returncode == 0, result.stderr
        assert [i["number"] for i in result.json()] == hits
    table = cli(db, "issue", "list", "--project", "HX")
    assert "HX-ZL-0003" in table.stdout
    assert "销售发票打印格式错位" in table.stdout


def test_delete_and_restore(cli: Any, db: Path) -> None:
    cli(db, "issue", "add", "--project", "HX", "--title", "凭证打印格式错位")
    deleted = cli(db, "issue", "delete", "HX-ZL-0001", json_out=True)
    assert deleted.returncode == 0
    assert deleted.json()["deleted"] is True
    assert cli(db, "issue", "list", json_out=True).json() == []
    restored = cli(db, "issue", "restore", "HX-ZL-0001", json_out=True)
    assert restored.json()["deleted"] is False


USER_ERRORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("issue", "add", "--project", "HX", "--title", " "), "title must not be empty"),
    (("issue", "add", "--project", "HX", "--title", "t", "--module", "人事"), "unknown module"),
    (("issue", "add", "--project", "HX", "--title", "t", "--reported-at", "2026-11-05",
      "--expected-by", "2026-11-01"), "before the report date"),
    (("issue", "add", "--project", "ZZ", "--title", "t"), "no project ZZ"),
    (("issue", "add", "--project", "HX", "--title", "t", "--severity", "critical"),
     "use one of urgent, high, medium, low"),
    (("issue", "show", "HX-ZL-0404"), "no issue HX-ZL-0404"),
    (("issue", "status", "HX-ZL-0001", "closed"), "only a resolved issue can be closed"),
    (("issue", "status", "HX-ZL-0001", "escalated"), "处理建议"),
    (("issue", "status", "HX-ZL-0001", "done"), "unknown value 'done'"),
    (("issue", "set", "HX-ZL-0001", "severity"), "write FIELD=VALUE"),
    (("issue", "set", "HX-ZL-0001", "status=closed"), "workflow"),
    (("issue", "note", "HX-ZL-0001", "已告知", "--kind", "customer_notified"), "notified"),
    (("issue", "attach", "HX-ZL-0001", "/nonexistent/file.png"), "cannot read"),
    (("issue", "list", "--status", "open"), "unknown value 'open'"),
)


def test_user_errors_exit_1_with_one_line(cli: Any, db: Path) -> None:
    # One store for all cases: each run of the program costs a second.
    cli(db, "issue", "add", "--project", "HX", "--title", "凭证审核后无法反审核")
    for args, message in USER_ERRORS:
        result = cli(db, *args)
        assert result.returncode == 1, (args, result.stdout)
        assert message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, args
        assert "Traceback" not in result.stderr
    shown = cli(db, "issue", "show", "HX-ZL-0001", json_out=True).json()["timeline"]
    assert [e["kind"] for e in shown] == ["created"]


def test_a_50_mb_attachment_is_refused(cli: Any, db: Path, tmp_path: Path) -> None:
    cli(db, "issue", "add", "--project", "HX", "--title", "附件太大")
    big = tmp_path / "dump.bak"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = cli(db, "issue", "attach", "HX-ZL-0001", str(big))
    assert result.returncode == 1
    assert "attachments must be smaller than 50 MB" in result.stderr
