"""What every page and dialog receives: passed through constructors, never global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from golive_desk.domain.models import LocalUser
from golive_desk.paths import AppDirs
from golive_desk.services.container import Services
from golive_desk.settings import Settings
from golive_desk.ui.prompter import Prompter
from golive_desk.ui.task_runner import TaskRunner


@dataclass
class UiContext:
    services: Services
    runner: TaskRunner
    prompter: Prompter
    user: LocalUser
    dirs: AppDirs
    log_path: Path
    settings: Callable[[], Settings]
    save_settings: Callable[[Settings], None]
    # The window's language ("zh_CN" or "en"): ``--lang`` or the settings, as installed.
    # Documents are printed in it unless the print preview is switched to the other.
    language: Callable[[], str] = field(default=lambda: "en")
