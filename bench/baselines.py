"""Baselines shared by the benchmarks: the bare work a feature is compared with."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any


def raw_op_insert(template: Path, target: Path, rows: list[Any]) -> float:
    """Seconds for a raw ``sqlite3`` ``executemany`` of op rows into a copy of ``template``.

    The same ``ops`` table with the same indexes, on a connection set up as the
    store's own (WAL, ``synchronous=NORMAL``, foreign keys on), timed from the
    ``executemany`` through the ``commit``: what an import does at the least.
    """
    shutil.copy(template, target)
    conn = sqlite3.connect(target)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    start = time.perf_counter()
    conn.executemany("INSERT INTO ops (op_id, node, seq, lamport, wall, entity, entity_id, "
                     "kind, field, body) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed
