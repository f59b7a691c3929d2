"""The calendar's neighbouring months (or weeks), read while the shown one is looked at.

A consultant steps through months with ‹ and ›: once a month is on screen,
the one before and the one after are read on the worker (``run_later``, after
the paint), so the next step shows without waiting for a read. A change to
anything the calendar shows makes what was read ahead stale (:meth:`forget`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QObject, Signal

from golive_desk.ui.calendar.loader import Loaded, Request
from golive_desk.ui.task_runner import TaskRunner

KEPT = 4  # a few neighbours: going back and forth does not read again


class ReadAhead(QObject):
    arrived = Signal(object)  # Loaded: a read ahead is ready
    missed = Signal(object)  # Request: a read ahead failed (the page reads it itself)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ready: dict[Request, Loaded] = {}
        self._pending: set[Request] = set()
        self._epoch = 0

    def forget(self) -> None:
        """Something the calendar shows changed: drop what was read, ignore what is coming."""
        self._epoch += 1
        self._ready.clear()
        self._pending.clear()

    def take(self, request: Request) -> Loaded | None:
        return self._ready.pop(request, None)

    def is_pending(self, request: Request) -> bool:
        return request in self._pending

    def fetch(self, requests: Iterable[Request], read: Callable[[Request], Loaded]) -> None:
        epoch = self._epoch
        for request in requests:
            if request in self._ready or request in self._pending:
                continue
            self._pending.add(request)
            self._runner.run_later(partial(read, request), partial(self._done, epoch),
                                   partial(self._failed, epoch, request))

    def _done(self, epoch: int, loaded: Loaded) -> None:
        if epoch != self._epoch:
            return
        self._pending.discard(loaded.request)
        self._ready[loaded.request] = loaded
        while len(self._ready) > KEPT:
            del self._ready[next(iter(self._ready))]
        self.arrived.emit(loaded)

    def _failed(self, epoch: int, request: Request, _err: object) -> None:
        if epoch == self._epoch:
            self._pending.discard(request)
            self.missed.emit(request)

