"""``project summary`` against counts taken from ``issue list``, on the demo project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def demo(cli: Any, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert cli(path, "init", "--name", "张力", "--initials", "ZL").returncode == 0
    assert cli(path, "demo", "--issues", "120").returncode == 0
    return path


def test_summary_agrees_with_issue_list(cli: Any, demo: Path) -> None:
    summary = cli(demo, "project", "summary", "HX", json_out=True).json()
    everything = cli(demo, "issue", "list", "--project", "HX", json_out=True).json()
    assert summary["total"] == len(everything)
    open_statuses = "new,in_progress,escalated,branch_tested,applied_on_site"
    for severity, count in summary["open_by_severity"].items():
        listed = cli(demo, "issue", "list", "--project", "HX", "--status", open_statuses,
                     "--severity", severity, json_out=True).json()
        assert count == len(listed), severity
    overdue = cli(demo, "issue", "list", "--project", "HX", "--overdue", json_out=True).json()
    assert summary["overdue"] == len(overdue)
    awaiting = cli(demo, "issue", "list", "--project", "HX", "--status",
                   "applied_on_site,resolved", json_out=True).json()
    assert summary["awaiting_confirmation"] == len(awaiting)
    errors = [i for i in everything if i["category"] == "operation_error"]
    assert summary["operation_error_share"] == round(len(errors) / len(everything), 4)
    breached = cli(demo, "issue", "list", "--project", "HX", "--sla", "breached",
                   json_out=True).json()
    at_risk = cli(demo, "issue", "list", "--project", "HX", "--sla", "at-risk",
                  json_out=True).json()
    assert summary["sla"]["breached"] == len(breached) > 0
    assert summary["sla"]["at_risk"] == len(at_risk)
    assert summary["trend"][-1]["open"] == sum(summary["open_by_severity"].values())


def test_summary_for_people_and_bad_input(cli: Any, demo: Path) -> None:
    text = cli(demo, "project", "summary", "HX")
    assert text.returncode == 0
    assert "since go-live" in text.stdout
    after = cli(demo, "project", "summary", "HX", "--json")
    assert after.json()["project"] == "HX"
    missing = cli(demo, "project", "summary", "NOPE")
    assert missing.returncode == 1
    assert "no project NOPE" in missing.stderr
    wrong = cli(demo, "issue", "list", "--sla", "late")
    assert wrong.returncode == 2


def test_the_demo_shows_a_realistic_sla_mix(cli: Any, demo: Path) -> None:
    summary = cli(demo, "project", "summary", "HX", json_out=True).json()
    open_issues = sum(summary["open_by_severity"].values())
    assert summary["sla"]["breached"] > 0
    # (How many are "at risk" right now depends on the hour the demo is made and read —
    # at night or on a Sunday the working clocks stand still — so it is not asserted.)
    assert 0 < open_issues < summary["total"] / 2
    assert summary["overdue"] < open_issues
