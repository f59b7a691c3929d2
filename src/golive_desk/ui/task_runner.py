"""One background worker for all database and file work.

Slots never touch SQL or files: they hand a function to :class:`TaskRunner`,
which runs it on a single worker thread (so writes never race each other) and
signals the result back on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from shiboken6 import isValid

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import Changes

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call across."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class TaskRunner(QObject):
    """Run work off the GUI thread, one task at a time, in submission order
    (:meth:`run_later` submits at the next turn of the event loop)."""

    busy_changed = Signal(bool)
    changed = Signal(object)  # Changes: every screen decides whether to refresh
    user_error = Signal(object)  # GoLiveError not handled by the caller

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: set[_Relay] = set()
        self._deferred: list[_Task] = []
        self._held: list[_Task] | None = None  # see hold()

    def _task(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None,
              on_error: Callable[[GoLiveError], None] | None) -> _Task:
        relay = _Relay()
        self._pending.add(relay)
        self.busy_changed.emit(True)

        def finish() -> None:
            self._pending.discard(relay)
            relay.deleteLater()
            if not self._pending:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            if on_done is not None and not _owner_gone(on_done):
                on_done(result)
            changes = _changes_of(result)
            if changes is not None:
                self.changed.emit(changes)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, GoLiveError):
                log.info("user error: %s", exc.message)
                if on_error is not None:
                    if not _owner_gone(on_error):
                        on_error(exc)
                else:
                    self.user_error.emit(exc)
                return
            sys.excepthook(type(exc), exc, exc.__traceback__)

        relay.done.connect(done)
        relay.failed.connect(failed)
        return _Task(fn, relay)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[GoLiveError], None] | None = None) -> None:
        """Run ``fn`` on the worker; ``on_done(result)`` then runs on the GUI thread.

        A result that is a :class:`Changes`, or a tuple ending in one, is also
        broadcast on :attr:`changed` so every page can refresh.
        """
        self._start(self._task(fn, on_done, on_error))

    def run_first(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[GoLiveError], None] | None = None) -> None:
        """Like :meth:`run`, but started even while tasks are held: the open of the store
        they need, whose ``on_done`` releases (or drops) them."""
        self._pool.start(self._task(fn, on_done, on_error))

    def hold(self) -> None:
        """Queue tasks without starting them until :meth:`release`: the window's start
        page is painted from its start-up read while the store is not open yet."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the tasks queued since :meth:`hold`, in order."""
        tasks, self._held = self._held or [], None
        for task in tasks:
            self._pool.start(task)

    def drop_held(self) -> None:
        """Forget the tasks queued since :meth:`hold`, and those waiting for the next turn
        of the event loop (the store they would read is gone)."""
        tasks, self._held = (self._held or []) + self._deferred, None
        self._deferred = []
        for task in tasks:
            self._pending.discard(task.relay)
            task.relay.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)

    def _start(self, task: _Task) -> None:
        if self._held is not None:
            self._held.append(task)
        else:
            self._pool.start(task)

    def run_later(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[GoLiveError], None] | None = None) -> None:
        """Like :meth:`run`, but the task starts once the GUI thread has handled its
        pending events — e.g. painted the rows it was just given, without a
        worker competing for the interpreter. The runner is busy from now on.
        """
        self._deferred.append(self._task(fn, on_done, on_error))
        QTimer.singleShot(0, self, self._start_deferred)

    def _start_deferred(self) -> None:
        tasks, self._deferred = self._deferred, []
        for task in tasks:
            self._start(task)

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (tests and shutdown only); held tasks stay held."""
        self._start_deferred()
        return self._pool.waitForDone(msecs)


def _changes_of(result: Any) -> Changes | None:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    return None


def _owner_gone(callback: Callable[..., Any]) -> bool:
    """``callback`` is a method (or a partial of one) of a Qt object deleted meanwhile:
    a page closed, or the window rebuilt in another language, while its read ran.
    Its result is dropped; calling it would fail on the deleted object."""
    while isinstance(callback, partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not isValid(owner)
