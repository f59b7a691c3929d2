"""What the window shows first, made before the store is opened (and SQLAlchemy imported).

The window's start-up reads the start page with :func:`read_start_view`
(plain ``sqlite3``, ``storage/start_read.py``), paints it, and only then
opens the store. The figures are made exactly as :class:`OverviewService`
makes them (``domain/overview.py`` over the same plain SQL texts); the SLA
tiles, the people and the week's support follow from the opened store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from golive_desk.domain.models import LocalUser, Project
from golive_desk.domain.overview import ProjectSummary, summarize
from golive_desk.domain.workdays import HolidayCalendar
from golive_desk.storage.inspection import Inspection
from golive_desk.storage.start_read import read_start


@dataclass(frozen=True)
class StartView:
    path: Path
    inspection: Inspection  # handed to the open that follows (not made twice)
    user: LocalUser
    projects: list[Project]
    summary: ProjectSummary | None  # the chosen project's figures; None: no project yet


def read_start_view(path: Path, wanted_project: str, now: datetime) -> StartView | None:
    """The start page of the store at ``path``, or None when it must be opened first
    (missing, damaged, busy, to be upgraded, written by a newer program)."""
    read = read_start(path, wanted_project, now.date())
    if read is None:
        return None
    summary = None
    if read.project is not None and read.counts is not None:
        summary = summarize(read.project, now.date(), read.counts,
                            HolidayCalendar.from_year_texts(read.holiday_years))
    return StartView(Path(path).absolute(), read.inspection, read.user, read.projects, summary)
