"""The window's start page, read on a bare ``sqlite3`` connection before the store opens.

Opening a store imports SQLAlchemy (~0.1 s) and checks and upgrades the file;
the window paints first. This read runs only when nothing needs doing: the
file is a store of the current revision that this program may write and
whose quick check (when due) passed. Otherwise it answers None and the
window goes the long way (``open_store``, with its messages and upgrades).
The inspection is handed on, so the open that follows does not repeat it; its
quick check, when due, is left to that open (it reads every page of the file:
~5 ms on the demo store, tens of ms on a store of tens of MB).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import LocalUser, Project
from golive_desk.domain.overview import OverviewCounts
from golive_desk.storage import inspection, migrate, plain_reads
from golive_desk.storage.inspection import Inspection


@dataclass(frozen=True)
class StartRead:
    """What the first paint shows: who works here, the projects, the chosen one's counts."""

    inspection: Inspection
    user: LocalUser
    projects: list[Project]
    project: Project | None  # the wanted one, else the first; None: no project yet
    counts: OverviewCounts | None
    holiday_years: list[tuple[int, str]]


def read_start(path: Path, wanted: str, today: date) -> StartRead | None:
    """The start page's data, or None when the store must be opened the long way."""
    path = Path(path).absolute()
    try:
        inspection.check_location(path, create=False)
        # (The quick check runs in the open, after the paint.)
        found, conn = inspection.inspect_open(path, check=False, wait_s=0.5)
    except GoLiveError:
        return None
    try:
        if inspection.refusal(path, found) is not None or found.revision != migrate.head():
            return None
        conn.row_factory = sqlite3.Row
        return _read(conn, found, wanted, today)
    except (sqlite3.Error, StopIteration, ValueError, KeyError):
        return None  # the long way says what is wrong
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, found: Inspection, wanted: str, today: date) -> StartRead:
    def rows(sql: str, params: Mapping[str, object]) -> Iterable[sqlite3.Row]:
        return conn.execute(sql, params)

    conn.execute("BEGIN")  # one snapshot for every read
    projects = plain_reads.list_projects(rows)
    project = next((p for p in projects if p.code == wanted), projects[0] if projects else None)
    counts = None if project is None else plain_reads.overview_counts(rows, project.id, today)
    return StartRead(found, plain_reads.local_user(rows), projects, project,
                     counts, plain_reads.holiday_year_texts(rows))
