"""``golive-desk`` and ``python -m golive_desk``: the window, or a command."""

from __future__ import annotations

import importlib
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if _wants_window(args):
        _import_layers_below_qt()
        from golive_desk.app import run_app  # Qt is imported only for the window

        return run_app(args)
    from golive_desk.cli import run

    return run(args)


def _import_layers_below_qt() -> None:
    """Import what the first paint needs below the UI before PySide6.

    PySide6's import hook reads the source of every module imported after it
    (to look for the word "PySide6"): tens of ms of the start-up. What does not
    import Qt is better imported first. SQLAlchemy is not among them: the start
    page is painted before the store is opened (``services/start_view.py``).
    """
    for name in ("golive_desk.logging_setup", "golive_desk.settings", "golive_desk.paths",
                 "golive_desk.storage.lock", "golive_desk.services.container",
                 "golive_desk.services.start_view", "ctypes"):
        importlib.import_module(name)


def _wants_window(args: list[str]) -> bool:
    """No command (only global options such as --db or --lang) opens the window."""
    skip_value = {"--db", "--lang"}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in skip_value:
            i += 2
            continue
        if arg.startswith(("--db=", "--lang=")):
            i += 1
            continue
        return arg == "--self-test"
    return True


if __name__ == "__main__":
    sys.exit(main())
