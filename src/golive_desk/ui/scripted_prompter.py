"""A :class:`~golive_desk.ui.prompter.Prompter` that answers from queues: for tests,
the screenshot tools and the self-test, so no modal dialog waits for a person.

Not in ``prompter.py``: the window's start-up imports that one, and needs no test
double (a dataclass costs the first paint half a millisecond)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget


@dataclass
class ScriptedPrompter:
    """For tests: records every message and answers from queues."""

    confirms: deque[bool] = field(default_factory=deque)
    choices: deque[str] = field(default_factory=deque)
    files: deque[Path | None] = field(default_factory=deque)
    texts: deque[str | None] = field(default_factory=deque)
    messages: list[tuple[str, str, str]] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)  # names offered by save_file
    opened: list[Path] = field(default_factory=list)  # folders open_folder showed

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("info", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("warn", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(("error", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.messages.append(("confirm", title, text))
        return self.confirms.popleft() if self.confirms else False

    def ask_save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        self.messages.append(("ask", title, text))
        return self.choices.popleft() if self.choices else "cancel"

    def ask_text(self, parent: QWidget | None, title: str, label: str,
                 secret: bool = False) -> str | None:
        self.messages.append(("text", title, label))
        return self.texts.popleft() if self.texts else None

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        return self.files.popleft() if self.files else None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[Path]:
        picked = self.files.popleft() if self.files else None
        return [picked] if picked else []

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> Path | None:
        self.suggested.append(suggested)
        return self.files.popleft() if self.files else None

    def open_folder(self, folder: Path) -> None:
        self.opened.append(folder)
