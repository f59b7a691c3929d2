"""Support calendar: switching months in the month and team views, 5,000 slots in the store.

The store holds 5,000 slots of 20 people across 4 projects over two years
(about 210 a month). A switch is timed from ``CalendarPage.step(1)`` (the
worker's read: slots, coverage warnings, milestones, issue counts, people,
holidays) until the page has shown the new month and painted it
(``repaint``). Twice: at a user's pace (the worker idle before each step, so
the month read ahead while the last one was shown is ready:
``ui/calendar/read_ahead.py``), and one step after another: one turn of the
event loop between steps, untimed (where the page starts its read ahead — the
next three months in the direction of travel, several in one task — and paints
the next month ahead if it is read), a read ahead perhaps still on its way.
The baseline, in the same run and the same window size, is a
bare ``sqlite3`` query of that month's slots (with the person's name and the
project's code, as the view needs them) plus a bare ``QWidget`` that paints a
grid of the same cells — 6 × 7 days for the month, people × days for the
team — with one coloured, labelled rectangle per slot and day shown.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.__main__ import Row

SLOTS = 5_000
PEOPLE = 20
PROJECTS = ("HX", "BJ", "NB", "SZ")
FIRST = date(2026, 1, 1)
DAYS = 730
SWITCHES = 12
SIZE = (1400, 900)


def make_store(path: Path) -> object:
    """A store with ``SLOTS`` slots (one ``apply_plan`` per project)."""
    from golive_desk.domain.enums import SupportMode
    from golive_desk.domain.support_calendar import Half, SlotProposal
    from golive_desk.services.container import Services
    from golive_desk.services.store_admin import init_store

    init_store(path, "张力", "ZL")
    services = Services.open(path)
    projects = services.projects
    people = []
    for n, code in enumerate(PROJECTS):
        projects.add_project(code, f"{code} ERP", f"客户{n}", "2026-02-02", "2026-02-27")
    for n in range(PEOPLE):
        person, _ = projects.add_person(PROJECTS[0], f"顾问{n:02d}", "consultant",
                                        initials="G" + chr(65 + n % 26) + chr(65 + n // 26))
        for code in PROJECTS[1:]:
            projects.add_member(code, person.id, "consultant")
        people.append(person)
    modes = (SupportMode.ONSITE, SupportMode.REMOTE, SupportMode.PHONE)
    halves = (Half.DAY, Half.DAY, Half.AM, Half.PM)
    plans: dict[str, list[SlotProposal]] = {code: [] for code in PROJECTS}
    for n in range(SLOTS):
        person = people[n % PEOPLE]
        start = FIRST + timedelta(days=(n * 7919) % DAYS)
        plans[PROJECTS[n % len(PROJECTS)]].append(SlotProposal(
            person.id, person.name, start, start + timedelta(days=n % 4), halves[n % 4],
            modes[n % 3]))
    for code, proposals in plans.items():
        services.calendar.apply_plan(code, proposals)
    return services


_BARE_SQL = (
    "SELECT s.id, s.person_id, p.name, j.code, s.start_day, s.end_day, s.half, s.mode "
    "FROM support_slots s JOIN people p ON p.id = s.person_id "
    "JOIN projects j ON j.id = s.project_id "
    "WHERE s.deleted = 0 AND s.start_day <= ? AND s.end_day >= ? {project} "
    "ORDER BY s.start_day, p.name")


def _bare_query(conn: sqlite3.Connection, start: date, end: date,
                project_id: str | None) -> list[tuple[object, ...]]:
    if project_id is None:
        return conn.execute(_BARE_SQL.format(project=""),
                            (end.isoformat(), start.isoformat())).fetchall()
    return conn.execute(_BARE_SQL.format(project="AND s.project_id = ?"),
                        (end.isoformat(), start.isoformat(), project_id)).fetchall()


def _bare_grid_class() -> type:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QWidget

    colours = {"onsite": QColor("#2f7d4f"), "remote": QColor("#3f6fb5"),
               "phone": QColor("#c98a1b")}

    class BareGrid(QWidget):
        """Rows × columns of day cells with a day number, and one rectangle per slot-day."""

        def __init__(self) -> None:
            super().__init__()
            self.rows = 6
            self.columns = 7
            self.start = FIRST
            self.cells: list[tuple[int, int, str, str]] = []  # row, col, mode, label

        def fill(self, rows: int, start: date, days: int,
                 slots: list[tuple[object, ...]], by_person: bool) -> None:
            self.rows, self.start = rows, start
            people = sorted({str(s[1]) for s in slots})
            cells = []
            for _id, person, name, code, first, last, _half, mode in slots:
                day = date.fromisoformat(str(first))
                end = date.fromisoformat(str(last))
                while day <= end:
                    index = (day - start).days
                    if 0 <= index < days:
                        row, col = ((people.index(str(person)), index) if by_person
                                    else divmod(index, 7))
                        cells.append((row, col, str(mode), f"{code} {name}"))
                    day += timedelta(days=1)
            self.cells = cells
            self.columns = days if by_person else 7
            self.update()

        def paintEvent(self, _event: object) -> None:
            painter = QPainter(self)
            width = self.width() / self.columns
            height = self.height() / max(1, self.rows)
            painter.fillRect(self.rect(), QColor("white"))
            painter.setPen(QColor("#d0d4da"))
            for row in range(self.rows):
                for col in range(self.columns):
                    rect = QRectF(col * width, row * height, width, height)
                    painter.drawRect(rect)
                    painter.drawText(rect.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignLeft,
                                     str((self.start + timedelta(days=row * 7 + col)).day))
            lanes: dict[tuple[int, int], int] = {}
            for row, col, mode, label in self.cells:
                lane = lanes.get((row, col), 0)
                lanes[row, col] = lane + 1
                rect = QRectF(col * width + 2, row * height + 18 + lane * 15, width - 4, 14)
                painter.fillRect(rect, colours[mode])
                painter.setPen(QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, label)
            painter.end()

    return BareGrid


def _months(count: int) -> list[date]:
    first = date(2026, 3, 1)
    return [date(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 1)
            for n in range(count)]


def _bare_switch(conn: sqlite3.Connection, grid: object, month: date, team: bool,
                 project_id: str) -> float:
    from golive_desk.ui.calendar.layout import month_end, month_weeks

    start = time.perf_counter()
    if team:
        first, last = month, month_end(month)
        slots = _bare_query(conn, first, last, None)
        people = len({s[1] for s in slots})
        grid.fill(people, first, (last - first).days + 1, slots, True)  # type: ignore[attr-defined]
    else:
        weeks = month_weeks(month)
        first, last = weeks[0], weeks[-1] + timedelta(days=6)
        slots = _bare_query(conn, first, last, project_id)
        grid.fill(len(weeks), first, len(weeks) * 7, slots, False)  # type: ignore[attr-defined]
    grid.repaint()  # type: ignore[attr-defined]
    return (time.perf_counter() - start) * 1000


def _page_switches(services: object, root: Path, view: str, settle: bool) -> list[float]:
    """Milliseconds per ``step(1)`` until the new month is shown and painted.

    ``settle``: wait between steps until the worker is idle, as a user's pace
    allows (the page has read the next month ahead meanwhile); otherwise step
    again at once, a read ahead perhaps still on its way.
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from bench.bench_register import _context, _dispose, _wait
    from golive_desk.ui.calendar.page import CalendarPage
    from golive_desk.ui.task_runner import TaskRunner

    runner = TaskRunner()
    ctx = _context(services, runner, root)
    page = CalendarPage(ctx, today=lambda: date(2026, 2, 15))  # type: ignore[arg-type]
    page.resize(*SIZE)
    page.show()
    page.set_project(services.projects.get(PROJECTS[0]))  # type: ignore[attr-defined]
    _wait(page.shown)
    page.set_view(view)
    _wait(page.shown)
    QApplication.processEvents()
    shown = [0]
    page.shown.connect(lambda: shown.__setitem__(0, shown[0] + 1))
    times = []
    for _ in range(SWITCHES):
        if settle:
            runner.wait()
            QApplication.processEvents()
        before = shown[0]
        start = time.perf_counter()
        page.step(1)
        while shown[0] == before:  # shown at once from a read ahead, or after a read
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        page.repaint()
        times.append((time.perf_counter() - start) * 1000)
        QApplication.processEvents()
    runner.wait()
    _dispose(page)
    return times


def bench_switch(root: Path) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from bench.bench_register import _dispose
    from golive_desk.app import make_qt_app

    make_qt_app(["bench"])
    services = make_store(root / "calendar.db")
    project_id = services.projects.get(PROJECTS[0]).id  # type: ignore[attr-defined]
    rows: list[Row] = []
    conn = sqlite3.connect(services.store.path)  # type: ignore[attr-defined]
    grid = _bare_grid_class()()
    grid.resize(*SIZE)
    grid.show()
    QApplication.processEvents()
    try:
        for view, team in (("month", False), ("team", True)):
            bare = statistics.median(_bare_switch(conn, grid, month, team, project_id)
                                     for month in _months(SWITCHES))
            for settle, pace in ((True, "at a user's pace"), (False, "one after another")):
                page = _page_switches(services, root / f"{view}-{settle}", view, settle)
                rows.append((f"calendar {view} view: switch month, {pace} ({SLOTS:,} slots)",
                             statistics.median(page),
                             "bare query + bare grid of the same cells", bare, "ms"))
    finally:
        conn.close()
        _dispose(grid)
        services.close()  # type: ignore[attr-defined]
    return rows


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="golive-bench-calendar-views-") as scratch:
        return bench_switch(Path(scratch))
