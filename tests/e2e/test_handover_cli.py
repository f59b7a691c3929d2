"""``handover show`` on the demo project: its keys, and the open issues it lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from golive_desk.domain.handover import CRITERIA

OPEN = {"new", "in_progress", "escalated", "branch_tested", "applied_on_site"}


@pytest.fixture
def demo(cli: Any, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert cli(path, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    assert cli(path, "demo", "--issues", "60").returncode == 0
    return path


def test_handover_show_reports_readiness_and_the_open_issues(cli: Any, demo: Path) -> None:
    shown = cli(demo, "handover", "show", "--project", "HX", "--json")
    assert shown.returncode == 0, shown.stderr
    data = shown.json()
    assert set(data) >= {"project", "state", "readiness", "untransferred", "exit_date",
                         "accepted_at"}
    assert (data["project"], data["state"], data["accepted_at"]) == ("HX", "in_support", None)
    assert [c["criterion"] for c in data["readiness"]] == list(CRITERIA)
    for c in data["readiness"]:
        assert isinstance(c["ok"], bool)
        assert {"criterion", "ok", "figure"} <= set(c)
    listed = cli(demo, "issue", "list", "--project", "HX", json_out=True).json()
    assert sorted(data["untransferred"]) == sorted(
        i["number"] for i in listed if i["status"] in OPEN)
    milestones = cli(demo, "milestone", "list", "--project", "HX", json_out=True).json()
    exits = sorted(m["date"] for m in milestones if m["kind"] == "planned_exit")
    assert data["exit_date"] == (exits[-1] if exits else None)


def test_handover_show_for_people_and_a_missing_project(cli: Any, demo: Path) -> None:
    text = cli(demo, "handover", "show", "--project", "HX")
    assert text.returncode == 0, text.stderr
    assert "urgent_without_plan" in text.stdout
    missing = cli(demo, "handover", "show", "--project", "NOPE")
    assert missing.returncode == 1
    assert "no project NOPE" in missing.stderr


def test_transfer_then_sign_off_hands_the_project_over(cli: Any, demo: Path) -> None:
    shown = cli(demo, "handover", "show", "--project", "HX", json_out=True).json()
    remaining = shown["untransferred"]
    assert remaining
    refused = cli(demo, "handover", "sign-off", "--project", "HX", "--by", "张力",
                  "--receiver", "孙涛", "--customer-pm", "王海东", "--vendor-pm", "周建国")
    assert refused.returncode == 1
    assert "neither transferred nor closed" in refused.stderr
    assert remaining[0] in refused.stderr
    no_plan = cli(demo, "handover", "transfer", remaining[0], "--to", "孙涛", "--plan", " ")
    assert no_plan.returncode == 1
    assert "plan must not be empty" in no_plan.stderr
    moved = cli(demo, "handover", "transfer", *remaining, "--to", "孙涛",
                "--plan", "每周二电话跟进", json_out=True)
    assert moved.returncode == 0, moved.stderr
    assert {m["number"] for m in moved.json()} == set(remaining)
    assert {m["status"] for m in moved.json()} == {"transferred"}
    signed = cli(demo, "handover", "sign-off", "--project", "HX", "--date", "2026-12-20",
                 json_out=True)
    assert signed.returncode == 0, signed.stderr
    data = signed.json()
    assert (data["state"], data["accepted_at"], data["untransferred"]) == (
        "handed_over", "2026-12-20", [])
    again = cli(demo, "handover", "show", "--project", "HX", json_out=True).json()
    assert again["state"] == "handed_over"


def test_sign_off_without_signers_names_the_missing_one(cli: Any, demo: Path) -> None:
    remaining = cli(demo, "handover", "show", "--project", "HX",
                    json_out=True).json()["untransferred"]
    assert cli(demo, "handover", "transfer", *remaining, "--to", "孙涛",
               "--plan", "跟进").returncode == 0
    missing = cli(demo, "handover", "sign-off", "--project", "HX", "--by", "张力")
    assert missing.returncode == 1
    assert "acceptance needs" in missing.stderr
