"""The issue register over 100k issues, beside a bare QTableView over the same SQL.

Measured in one run, on one store (``bench_issues.make_large_store``: 100k
issues written as ops, two timeline entries each):

- first screen: from ``IssuesPage.set_project`` to its first rows painted,
  against a bare ``QTableView`` + ``QSqlQueryModel`` running the register's
  query (same WHERE and ORDER BY) and painting its first rows;
- every id known (the scroll bar covers all 100k), against the bare model
  fetching every row;
- scrolling to the last row and drawing it, against the bare view doing the same;
- memory: the RSS growth of a process when the whole window opens on the
  store with the register loaded and scrolled to its end, against the bare
  view with every row fetched (each measured in a fresh process).

    uv run python -m bench register
    uv run python bench/bench_register.py     # the same, printed as a list
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget

Row = tuple[str, float, str, float, str]
ISSUES = 100_000
RUNS = 5
SIZE = (1280, 800)
ROOT = Path(__file__).resolve().parents[1]

# The register's query (IssueQuery(project=…) with its default sort), written out.
BARE_SQL = (
    "SELECT number, title, module, category, severity, status, assignee, reporter, "
    "reported_at, expected_by, updated_at FROM issues "
    "WHERE project_id = '{project}' AND deleted = 0 "
    "ORDER BY reported_at DESC, number DESC, id")


def _rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except (OSError, ValueError, IndexError):  # not Linux: the peak is the best we have
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def _wait(signal: object, timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``signal`` fires (the worker's results arrive through it)."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def _until(done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    end = time.perf_counter() + timeout_s
    while not done() and time.perf_counter() < end:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _dispose(widget: QWidget) -> None:
    """Close and really delete ``widget`` now.

    ``deleteLater`` alone waits for the next event loop, so the teardown of one
    run's widgets would be timed inside the next run's first screen.
    """
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _bare_view() -> QTableView:
    view = QTableView()
    view.resize(*SIZE)
    view.show()
    QApplication.processEvents()
    return view


def _bare_model(store: Path, project_id: str, name: str) -> QSqlQueryModel:
    """A QSqlQueryModel over the register's query, on its own named connection."""
    db = QSqlDatabase.addDatabase("QSQLITE", name)
    db.setDatabaseName(str(store))
    if not db.open():
        raise RuntimeError(db.lastError().text())
    model = QSqlQueryModel()
    model.setQuery(BARE_SQL.format(project=project_id), db)
    return model


def _close_bare(model: QSqlQueryModel, name: str) -> None:
    model.clear()  # drops the query, the last user of the connection
    QSqlDatabase.database(name, False).close()
    QSqlDatabase.removeDatabase(name)


def time_bare(store: Path, project_id: str, n: int) -> tuple[float, float, float]:
    """(first screen, every row fetched, last row drawn) in ms for the bare view."""
    view = _bare_view()
    name = f"bare-{n}"
    start = time.perf_counter()
    model = _bare_model(store, project_id, name)
    view.setModel(model)
    view.viewport().repaint()
    first = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    while model.canFetchMore():
        model.fetchMore()
    every = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    view.scrollToBottom()
    view.viewport().repaint()
    last = (time.perf_counter() - start) * 1000
    if model.rowCount() != ISSUES:
        raise RuntimeError(f"the bare view shows {model.rowCount()} rows")
    view.setModel(None)
    _close_bare(model, name)
    _dispose(view)
    return first, every, last


def _context(services: object, runner: object, root: Path) -> object:
    from golive_desk.paths import AppDirs
    from golive_desk.services.store_admin import local_user
    from golive_desk.settings import Settings
    from golive_desk.ui.context import UiContext
    from golive_desk.ui.scripted_prompter import ScriptedPrompter

    return UiContext(services, runner, ScriptedPrompter(),  # type: ignore[arg-type]
                     local_user(services.store), AppDirs(root / "d", root / "c", root / "l"),  # type: ignore[attr-defined]
                     root / "log", Settings, lambda _s: None)


def time_register(ctx: object, project: object) -> tuple[float, float, float]:
    """(first screen, every id known, last row drawn) in ms for the issue register."""
    from golive_desk.ui.issues.page import IssuesPage

    page = IssuesPage(ctx)  # type: ignore[arg-type]
    page.resize(*SIZE)
    page.show()
    QApplication.processEvents()
    model = page.model
    start = time.perf_counter()
    page.set_project(project)  # type: ignore[arg-type]
    _wait(model.first_screen)
    page.view.viewport().repaint()
    first = (time.perf_counter() - start) * 1000
    if not model.is_complete():
        _wait(model.complete)
    every = (time.perf_counter() - start) * 1000
    if model.rowCount() != ISSUES:
        raise RuntimeError(f"the register shows {model.rowCount()} rows")
    _until(lambda: not ctx.runner.is_busy())  # type: ignore[attr-defined]  # the side bar's counts
    start = time.perf_counter()
    page.view.scrollToBottom()
    page.view.viewport().repaint()  # asks for the last block
    last_row = model.rowCount() - 1
    _until(lambda: model.issue_at(last_row) is not None)
    page.view.viewport().repaint()
    last = (time.perf_counter() - start) * 1000
    ctx.runner.wait()  # type: ignore[attr-defined]
    QApplication.processEvents()
    _dispose(page)
    return first, every, last


def measure_times(store: Path) -> list[Row]:
    from golive_desk.app import make_qt_app
    from golive_desk.services.container import Services
    from golive_desk.ui.task_runner import TaskRunner

    make_qt_app(["bench"])
    services = Services.open(store)
    project = services.projects.list_projects()[0]
    runner = TaskRunner()
    with tempfile.TemporaryDirectory(prefix="golive-bench-ui-") as tmp:
        ctx = _context(services, runner, Path(tmp))
        ours: list[tuple[float, float, float]] = []
        bare: list[tuple[float, float, float]] = []
        for n in range(RUNS):  # alternate, so both see the same cache and machine load
            ours.append(time_register(ctx, project))
            bare.append(time_bare(store, project.id, n))
    runner.wait()
    services.close()

    def median(values: list[tuple[float, float, float]], i: int) -> float:
        return statistics.median(v[i] for v in values)

    k = ISSUES // 1000
    bare_name = "bare QTableView + QSqlQueryModel"
    return [
        (f"register first screen, {k}k issues", median(ours, 0),
         f"{bare_name}, same query", median(bare, 0), "ms"),
        (f"register: all {k}k ids known (scroll bar complete)", median(ours, 1),
         f"{bare_name}, every row fetched", median(bare, 1), "ms"),
        ("register: scroll to the last row and draw it", median(ours, 2),
         f"{bare_name}, same", median(bare, 2), "ms"),
    ]


# -- memory, each in a fresh process -------------------------------------------------------

def rss_window(store: Path) -> float:
    """RSS growth (MB) from before the window to the register loaded and scrolled to its end."""
    from golive_desk.app import DesktopApp, make_qt_app
    from golive_desk.paths import AppDirs
    from golive_desk.ui.issues.page import IssuesPage
    from golive_desk.ui.scripted_prompter import ScriptedPrompter

    app = make_qt_app(["bench"])
    with tempfile.TemporaryDirectory(prefix="golive-bench-rss-") as tmp:
        root = Path(tmp)
        desktop = DesktopApp(app, AppDirs(root / "d", root / "c", root / "l"), root / "log",
                             ScriptedPrompter())
        assert desktop.open_store(store)
        gc.collect()
        before = _rss_mb()
        window = desktop.show_window()
        window.resize(*SIZE)
        window.show_page("issues")
        page = window.page("issues")
        assert isinstance(page, IssuesPage)
        _until(lambda: page.model.rowCount() == ISSUES and not desktop.runner.is_busy())
        page.view.scrollToBottom()
        last = page.model.rowCount() - 1
        _until(lambda: page.model.issue_at(last) is not None and not desktop.runner.is_busy())
        window.repaint()
        QApplication.processEvents()
        gc.collect()
        after = _rss_mb()
        desktop.shutdown()
    return after - before


def rss_bare(store: Path) -> float:
    import sqlite3

    QApplication(["bare"])
    with sqlite3.connect(store) as conn:
        project_id = conn.execute("SELECT id FROM projects").fetchone()[0]
    gc.collect()
    before = _rss_mb()
    view = _bare_view()
    model = _bare_model(store, project_id, "rss")
    view.setModel(model)
    while model.canFetchMore():
        model.fetchMore()
    view.scrollToBottom()
    view.repaint()
    QApplication.processEvents()
    gc.collect()
    return _rss_mb() - before


def _rss_in_subprocess(mode: str, store: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "bench.bench_register", "--rss", mode,
                           str(store)], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=600, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("rss ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} memory run failed: {proc.stderr[-2000:]}")
    return float(lines[-1].split()[1])


def run() -> list[Row]:
    from bench.bench_issues import make_large_store

    with tempfile.TemporaryDirectory(prefix="golive-bench-register-") as tmp:
        store = Path(tmp) / "register.db"
        make_large_store(store, ISSUES).close()
        rows = measure_times(store)
        window_mb = statistics.median(_rss_in_subprocess("window", store) for _ in range(2))
        bare_mb = statistics.median(_rss_in_subprocess("bare", store) for _ in range(2))
        rows.append((f"window RSS growth, register on {ISSUES // 1000}k issues, scrolled "
                     "to the end", window_mb, "bare QTableView, every row fetched", bare_mb,
                     "MB"))
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--rss":
        mode, path = sys.argv[2], Path(sys.argv[3])
        print(f"rss {rss_window(path) if mode == 'window' else rss_bare(path):.2f}", flush=True)
        sys.exit(0)
    for name, value, base_name, base_value, unit in run():
        ratio = f"{value / base_value:5.2f}x" if base_value else ""
        print(f"{name:60} {value:9.2f} {unit:3} | {base_name:42} {base_value:9.2f} {unit} "
              f"{ratio}")
