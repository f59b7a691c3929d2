"""Save as you go: a debounce timer after edits, one save in flight at a time.

An editor marks itself dirty on every edit; :meth:`AutoSave.flush` (called by
the timer, on page leave and on close) builds the save from what is shown at
that moment — with the versions the editor last read — and runs it on the task
runner. While a save is in flight the next one waits: it must carry the
versions that save returns, or it would race the editor's own write and come
back as a conflict with itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from golive_desk.domain.errors import GoLiveError
from golive_desk.ui.task_runner import TaskRunner

# The worker's job: returns what ``apply`` receives (a tuple ending in Changes
# broadcasts them); None from ``build``: nothing to save.
Job = Callable[[], Any]

DELAY_MS = 800


class AutoSave(QObject):
    """One editor's saves: ``build()`` makes a job from the screen, ``apply`` takes its result."""

    def __init__(self, runner: TaskRunner, build: Callable[[], Job | None],
                 apply: Callable[[Any], None], failed: Callable[[GoLiveError], None],
                 parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self._runner = runner
        self._build = build
        self._apply = apply
        self._failed = failed
        self.dirty = False
        self.busy = False
        self._waiting: list[Callable[[], None]] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)

    def mark(self) -> None:
        """Something was edited: save once typing pauses."""
        self.dirty = True
        self.timer.start()

    def flush(self) -> None:
        """Save now what is dirty (after the save in flight, if any)."""
        self.timer.stop()
        if self.busy:
            return
        if not self.dirty:
            self._release()
            return
        self.dirty = False
        job = self._build()
        if job is None:
            self._release()
            return
        self.busy = True
        self._runner.run(job, self._done, self._error)

    def when_saved(self, then: Callable[[], None]) -> None:
        """Run ``then`` once everything edited so far is saved."""
        self._waiting.append(then)
        self.flush()

    def _done(self, result: Any) -> None:
        self.busy = False
        if not isValid(self):
            return
        self._apply(result)
        self.flush()

    def _error(self, error: GoLiveError) -> None:
        self.busy = False
        self._waiting.clear()
        if isValid(self):
            self._failed(error)

    def _release(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
