"""The calendar's neighbouring months (or weeks), read while the shown one is looked at.

A consultant steps through months with ‹ and ›: once a month is on screen,
the next few in the direction of travel are read on the worker (``run_later``,
after the paint), several in one task, so the next step shows without waiting
for a read, and steps in quick succession do not each wait for one. A change to
anything the calendar shows makes what was read ahead stale (:meth:`forget`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Signal

from golive_desk.ui.calendar.loader import Loaded, Request
from golive_desk.ui.task_runner import TaskRunner

KEPT = 6  # a few neighbours: going back and forth does not read again


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

    def peek(self, request: Request) -> Loaded | None:
        return self._ready.get(request)

    def is_pending(self, request: Request) -> bool:
        return request in self._pending

    def fetch(self, requests: Sequence[Request], read: Callable[[Request], Loaded],
              least: int = 1) -> None:
        """Read those of ``requests`` (nearest first) neither read nor on their way, in
        one task; unless the nearest is missing, only when ``least`` are (a task's round
        trip costs about what a month's read does)."""
        missing = [r for r in requests if r not in self._ready and r not in self._pending]
        if not missing or (missing[0] != requests[0] and len(missing) < least):
            return
        self._pending.update(missing)
        epoch = self._epoch
        self._runner.run_later(partial(_read_all, read, missing), partial(self._done, epoch),
                               partial(self._failed, epoch, missing))

    def _done(self, epoch: int, loaded: list[Loaded]) -> None:
        if epoch != self._epoch:
            return
        for one in loaded:
            self._pending.discard(one.request)
            self._ready[one.request] = one
        while len(self._ready) > KEPT:
            del self._ready[next(iter(self._ready))]
        for one in loaded:
            self.arrived.emit(one)

    def _failed(self, epoch: int, requests: list[Request], _err: object) -> None:
        if epoch == self._epoch:
            for request in requests:
                self._pending.discard(request)
                self.missed.emit(request)


def _read_all(read: Callable[[Request], Loaded], requests: list[Request]) -> list[Loaded]:
    return [read(request) for request in requests]
