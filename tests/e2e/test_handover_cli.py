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
