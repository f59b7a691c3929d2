"""Kill -9 at random points of imports and edit loops, for N seconds; then check each store.

Each run copies an office store, starts a child that imports the laptop's
bundle (files included) or loops over edits (issues, fields, notes,
attachments), kills it with SIGKILL at a random moment, and checks the store
the way the next start would find it:

- *integrity*: ``PRAGMA integrity_check`` says ok;
- *all or nothing* (imports): the op count is the store's before or before
  plus the bundle's, and importing again succeeds;
- *rebuild = live*: ``projector.rebuild`` on a copy gives the canonical dump
  of the store;
- *stray files*: after the open (which settles what a killed process left),
  no temp file, staging folder or probe is left, no blob that no op names, and
  no op names a missing blob.

    uv run python tools/kill_drill.py --seconds 300
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drill_support import Scene, check_store, child_env, copy_store, make_scene

from golive_desk.services.container import Services
from golive_desk.storage import oplog

IMPORT = """
import sys
from pathlib import Path
from golive_desk.services.container import Services
services = Services.open(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
services.sync.import_bundle(Path(sys.argv[2]))
print("done", flush=True)
"""

EDITS = """
import os, random, sys
from pathlib import Path
from golive_desk.services.container import Services
services = Services.open(Path(sys.argv[1]))
rng = random.Random(int(sys.argv[2]))
print("ready", flush=True)
sys.stdin.readline()
numbers = []
n = 0
while True:
    n += 1
    roll = rng.random()
    if roll < 0.4 or not numbers:
        values = {"title": f"断电演练 {n}", "description": "x" * 300}
        issue, _ = services.issues.create("HX", values)
        numbers.append(issue.number)
    elif roll < 0.6:
        services.issues.update(rng.choice(numbers), {"severity": rng.choice(["low", "high"])})
    elif roll < 0.8:
        services.issues.add_entry(rng.choice(numbers), "note", f"第 {n} 条记录")
    else:
        data = os.urandom(rng.randint(1, 300_000))
        services.issues.attach_bytes(rng.choice(numbers), f"f{n}.bin", data)
"""


def _child(script: str, args: list[str], tmp: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=child_env(tmp))
    assert child.stdout is not None
    assert child.stdin is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        raise RuntimeError(f"the child did not start: {child.communicate()[1][-2000:]}")
    return child


def _kill_after(child: subprocess.Popen[str], delay: float) -> bool:
    """Go, wait ``delay`` seconds, SIGKILL; True when the child was still running."""
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    try:
        child.wait(delay)
        killed = False
    except subprocess.TimeoutExpired:
        os.kill(child.pid, signal.SIGKILL)
        killed = True
    child.communicate()
    return killed


def _ops(path: Path) -> int:
    services = Services.open(path)
    try:
        with services.store.read() as tx:
            return oplog.op_count(tx)
    finally:
        services.close()


def _import_duration(scene: Scene, folder: Path) -> float:
    probe = copy_store(scene.office, folder / "probe.db")
    services = Services.open(probe)
    try:
        start = time.perf_counter()
        services.sync.import_bundle(scene.bundle)
        return time.perf_counter() - start
    finally:
        services.close()


def run(seconds: float, seed: int, folder: Path, *, issues: int, files: int) -> dict[str, Any]:
    rng = random.Random(seed)
    scene = make_scene(folder / "scene", issues=issues, files=files, file_bytes=512 * 1024)
    before = _ops(scene.office)
    duration = _import_duration(scene, folder)
    scratch = folder / "tmp"
    scratch.mkdir()
    figures: Counter[str] = Counter()
    problems: list[str] = []
    victim = folder / "victim.db"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        kind = rng.choice(["import", "import", "edits"])
        copy_store(scene.office, victim)
        figures["runs"] += 1
        figures[f"runs_{kind}"] += 1
        if kind == "import":
            child = _child(IMPORT, [str(victim), str(scene.bundle)], scratch)
            killed = _kill_after(child, rng.uniform(0, duration * 1.3))
        else:
            child = _child(EDITS, [str(victim), str(rng.randrange(1 << 30))], scratch)
            killed = _kill_after(child, rng.uniform(0.05, 1.5))
        figures["kills"] += killed
        if child.returncode not in (0, -signal.SIGKILL):
            figures["child_errors"] += 1
            problems.append(f"{kind}: the child exited {child.returncode}")
        health = check_store(victim, scratch)
        if health.integrity != "ok":
            figures["integrity_failures"] += 1
            problems.append(f"{kind}: integrity {health.integrity}")
        if not health.rebuild_equal:
            figures["rebuild_differs"] += 1
            problems.append(f"{kind}: rebuild differs from live")
        if health.stray:
            figures["stray_files"] += len(health.stray)
            figures["runs_with_stray_files"] += 1
            problems.append(f"{kind}: stray {list(health.stray)[:5]}")
        if health.missing_blobs:
            figures["missing_blobs"] += len(health.missing_blobs)
            problems.append(f"{kind}: missing blobs {list(health.missing_blobs)[:3]}")
        if kind == "import":
            if health.ops == before:
                figures["import_none"] += 1
            elif health.ops == before + scene.ops:
                figures["import_all"] += 1
            else:
                figures["import_partial"] += 1
                problems.append(f"import: {health.ops - before} of {scene.ops} ops")
            if rng.random() < 0.2:  # and it can be redone
                services = Services.open(victim)
                try:
                    services.sync.import_bundle(scene.bundle)
                    figures["reimports_ok"] += 1
                finally:
                    services.close()
    for name in ("kills", "integrity_failures", "rebuild_differs", "stray_files",
                 "missing_blobs", "import_partial", "child_errors"):
        figures.setdefault(name, 0)
    leftovers = [p.name for p in scratch.iterdir() if not p.name.startswith("rebuild.db")]
    return {"seconds": seconds, "seed": seed, "import_s": round(duration, 3),
            "bundle_ops": scene.ops, "bundle_blobs": scene.blobs,
            **dict(sorted(figures.items())), "child_tmp_leftovers": len(leftovers),
            "problems": problems[:20]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--json", action="store_true", help="figures as JSON on stdout")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kill-drill-") as tmp:
        figures = run(args.seconds, args.seed, Path(tmp), issues=args.issues, files=args.files)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for name, value in figures.items():
            print(f"{name:24} {value}")
    bad = ("integrity_failures", "rebuild_differs", "stray_files", "missing_blobs",
           "import_partial", "child_errors")
    return 1 if any(figures[name] for name in bad) else 0


if __name__ == "__main__":
    sys.exit(main())
