"""The standing fault drills (issue 11), a short run of each: tools/fuzz_bundles.py and
tools/kill_drill.py run for minutes by hand; here ~10 s each must find nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"


def _drill(name: str, *args: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.run([sys.executable, str(TOOLS / name), "--json", *args],
                          capture_output=True, text=True, timeout=180, env=env,
                          encoding="utf-8")
    assert proc.stdout, proc.stderr[-3000:]
    figures: dict[str, object] = json.loads(proc.stdout.splitlines()[-1])
    assert proc.returncode == 0, (figures, proc.stderr[-3000:])
    return figures


@pytest.mark.slow
def test_fuzzed_bundles_are_refused_cleanly_or_accepted_and_readable() -> None:
    figures = _drill("fuzz_bundles.py", "--seconds", "10", "--seed", "20261130")
    assert figures["runs"] > 50
    assert figures["crashes"] == 0
    assert figures["changed_on_refusal"] == 0
    assert figures["refused"] > 0


@pytest.mark.slow
def test_kill_9_during_imports_and_edits_leaves_sound_stores_and_no_stray_files() -> None:
    figures = _drill("kill_drill.py", "--seconds", "10", "--seed", "20261130",
                     "--issues", "100", "--files", "6")
    assert figures["kills"] > 3
    for name in ("integrity_failures", "rebuild_differs", "stray_files", "missing_blobs",
                 "import_partial", "child_errors"):
        assert figures[name] == 0, (name, figures)
