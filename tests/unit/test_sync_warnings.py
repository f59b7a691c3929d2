"""Sync warnings are codes with values; the command line words them in English."""

from __future__ import annotations

import json

import pytest

from golive_desk.cli.sync_text import warning_json, warning_text
from golive_desk.domain.sync_warnings import SyncWarning, WarningCode

NODE = "0123456789abcdef0123456789abcdef"


def clock(code: WarningCode, sample: str) -> SyncWarning:
    return SyncWarning.of(code, author="张力", node=NODE, count=3, sample=sample)


@pytest.mark.parametrize(("warning", "what"), [
    (clock(WarningCode.CLOCK_AHEAD, "2031-06-01T08:00:00.000+00:00"),
     "dated in the future (e.g. 2031-06-01T08:00:00.000+00:00)"),
    (clock(WarningCode.CLOCK_PAST, "2001-01-01T08:00:00.000+00:00"),
     "dated 2001-01-01, long before this program existed"),
    (clock(WarningCode.CLOCK_BEHIND, "2026-11-25T16:00:00+08:00"),
     "dated before the edits they build on (e.g. 2026-11-25T16:00:00+08:00)"),
    (clock(WarningCode.CLOCK_UNREADABLE, "yesterday"), "with an unreadable date"),
    (clock(WarningCode.LAMPORT_JUMP, "5000001"),
     "with a logical clock that jumps far ahead (5000001)"),
])
def test_clock_warnings_read_as_before(warning: SyncWarning, what: str) -> None:
    assert warning.is_clock
    assert warning_text(warning) == (
        f"clock skew: 3 op(s) from 张力 (node 01234567) are {what}; check that computer's "
        f"clock. The merge does not use clock time, so nothing else changes.")


def test_rule_warnings_name_the_clash() -> None:
    assert warning_text(SyncWarning.of(WarningCode.DUPLICATE_ISSUE_NUMBER, count=2,
                                       number="HX-ZL-0001")).startswith(
        "2 issues now share the number HX-ZL-0001: two computers number issues")
    project = SyncWarning.of(WarningCode.DUPLICATE_PROJECT_CODE, count=2, code="HX")
    assert not project.is_clock
    assert warning_text(project) == ("2 projects now share the code HX (created on different "
                                     "computers); rename or delete one of them")


def test_an_unknown_code_shows_its_values_and_the_json_keeps_them() -> None:
    odd = SyncWarning.of("consultant_booked_twice", person="林晓", day="2026-11-30")
    assert warning_text(odd) == "consultant_booked_twice (day=2026-11-30, person=林晓)"
    assert warning_text(SyncWarning.of(WarningCode.CLOCK_AHEAD)) == "clock_ahead"
    data = json.loads(json.dumps(warning_json(odd), ensure_ascii=False))
    assert data["code"] == "consultant_booked_twice"
    assert data["params"] == {"person": "林晓", "day": "2026-11-30"}
    assert SyncWarning(data["code"], data["params"]) == odd
