"""The one background worker: results come back on the GUI thread, in order."""

from __future__ import annotations

import sys
import threading
from functools import partial

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from golive_desk.domain.errors import ValidationError
from golive_desk.ui.task_runner import TaskRunner


def test_results_arrive_on_the_gui_thread_in_submission_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    for n in range(5):
        runner.run(lambda n=n: (n, threading.get_ident() != gui),
                   lambda result: seen.append((result[0], threading.get_ident() == gui)))
    qtbot.waitUntil(lambda: not runner.is_busy())
    assert seen == [(n, True) for n in range(5)]


def test_run_later_starts_after_pending_events_and_counts_as_busy(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    order: list[str] = []
    runner.run_later(lambda: started.set() or "later", order.append)
    assert runner.is_busy()  # a progress indicator shows it at once
    runner.run(lambda: "now", order.append)
    qtbot.waitUntil(lambda: not runner.is_busy())
    assert started.is_set()
    assert order == ["now", "later"]


def test_wait_also_runs_what_was_deferred(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    runner.run_later(started.set)
    assert runner.wait()
    assert started.is_set()


def test_user_errors_go_to_the_caller_or_the_window(qtbot: QtBot) -> None:
    runner = TaskRunner()
    mine: list[str] = []
    shown: list[str] = []
    runner.user_error.connect(lambda err: shown.append(err.message))

    def refuse() -> None:
        raise ValidationError("title", "标题不能为空")

    runner.run(refuse, on_error=lambda err: mine.append(err.message))
    runner.run_later(refuse)
    qtbot.waitUntil(lambda: not runner.is_busy())
    assert mine == ["标题不能为空"]
    assert shown == ["标题不能为空"]


def test_held_tasks_wait_for_release_then_run_in_order(qtbot: QtBot) -> None:
    """The window queues its reads before the store is open; none may start early."""
    runner = TaskRunner()
    runner.hold()
    ran: list[str] = []
    runner.run(lambda: ran.append("first") or "first")
    runner.run_later(lambda: ran.append("later") or "later")
    runner.run(lambda: ran.append("second") or "second")
    qtbot.wait(50)
    runner.wait()  # shutdown's wait leaves held tasks alone
    assert ran == []
    assert runner.is_busy()
    runner.release()
    qtbot.waitUntil(lambda: not runner.is_busy())
    assert ran == ["first", "second", "later"]


class _Page(QObject):
    """Stands for a page whose read is still on the worker when it is closed."""

    shown = Signal(object)

    def show_result(self, tag: str, result: object) -> None:
        self.shown.emit((tag, result))

    def show_error(self, tag: str, err: object) -> None:
        self.shown.emit((tag, err))


def test_a_result_for_a_page_closed_meanwhile_is_dropped(qtbot: QtBot) -> None:
    """The window rebuilt (a language switch) while a page's read ran: no error dialog."""
    runner = TaskRunner()
    gate = threading.Event()
    page, kept = _Page(), _Page()
    got: list[object] = []
    kept.shown.connect(got.append)
    runner.run(lambda: gate.wait(5) and "figures", partial(page.show_result, "closed"))
    runner.run(lambda: "figures", partial(kept.show_result, "open"))
    runner.run(_refused, None, partial(page.show_error, "closed"))
    page.deleteLater()
    qtbot.waitUntil(lambda: not isValid(page))
    errors: list[BaseException] = []
    hook, sys.excepthook = sys.excepthook, lambda t, e, tb: errors.append(e)
    try:
        gate.set()
        qtbot.waitUntil(lambda: not runner.is_busy())
    finally:
        sys.excepthook = hook
    assert errors == []
    assert got == [("open", "figures")]


def _refused() -> None:
    raise ValidationError("title", "a title is needed")
