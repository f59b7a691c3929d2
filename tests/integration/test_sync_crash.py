"""SYNC.md point 10: a process killed during an import leaves all of it or none."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench.bench_sync import craft_history

from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.storage import sync_state
from golive_desk.storage.oplog import op_count
from tests.integration.sync_support import make_node

CHILD = """
import sys
from pathlib import Path
from golive_desk.services.container import Services
services = Services.open(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
services.sync.import_bundle(Path(sys.argv[2]), trust_new=True)
print("done", flush=True)
"""

OPS = 20_000


def _counts(path: Path) -> tuple[int, int, int]:
    services = Services.open(path)
    try:
        with services.store.read() as conn:
            ops = op_count(conn)
            waiting = sync_state.pending_count(conn)
        peers = len(services.sync.peers())
        report = store_admin.doctor(services.store)
        assert report.chain_ok, report.problems
    finally:
        services.close()
    return ops, waiting, peers


@pytest.mark.slow
def test_killed_import_leaves_all_or_nothing_and_can_be_redone(tmp_path: Path) -> None:
    source = make_node(tmp_path, "张力", "ZL")
    craft_history(source.services.store, OPS)
    bundle = source.sync.export_bundle(tmp_path / "big.zip", full=True).file
    source.close()
    template = make_node(tmp_path, "周建国", "ZJG", office=True)
    template.close()
    probe = tmp_path / "probe.db"
    shutil.copy(template.path, probe)
    services = Services.open(probe)
    start = time.perf_counter()
    services.sync.import_bundle(bundle, trust_new=True)
    duration = time.perf_counter() - start
    services.close()

    rng = random.Random(20261127)
    outcomes: set[str] = set()
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # A killed child cannot clean up after itself: keep its temporary files here.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), TMPDIR=str(scratch))
    for attempt in range(6):
        target = tmp_path / f"victim{attempt}.db"
        shutil.copy(template.path, target)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(bundle)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                 env=env)
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline().strip() == "ready"
        child.stdin.write("go\n")
        child.stdin.flush()
        if attempt == 5:
            # After the commit, before a clean exit.
            assert child.stdout.readline().strip() == "done"
        else:
            # Spread the kills over the whole import, from reading to commit (a
            # fresh process runs it slower than the warm probe did).
            time.sleep(rng.uniform(0.0, duration * 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stdin.close()
        ops, waiting, peers = _counts(target)
        assert waiting == 0
        if ops == 0:
            outcomes.add("none")
            assert peers == 0
        else:
            outcomes.add("all")
            assert (ops, peers) == (OPS, 1)
        again = Services.open(target)
        try:
            report = again.sync.import_bundle(bundle, trust_new=True)
        finally:
            again.close()
        assert report.applied + report.already_had == OPS
        assert _counts(target)[0] == OPS
    assert outcomes == {"none", "all"}, outcomes  # kills landed before and after commit
