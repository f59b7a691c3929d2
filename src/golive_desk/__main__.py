"""``golive-desk`` and ``python -m golive_desk``: the window, or a command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if _wants_window(args):
        from golive_desk.app import run_app  # Qt is imported only for the window

        return run_app(args)
    from golive_desk.cli import run

    return run(args)


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
