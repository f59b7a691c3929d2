"""The command line: the branch office's scripts and the tests drive the same services.

Each ``*_commands`` module registers its sub-commands; this module parses the
global options, opens the store and turns typed errors into one-line messages
with exit status 1 (usage errors exit 2, from argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from golive_desk import __version__
from golive_desk.cli import (
    calendar_commands,
    handover_commands,
    holiday_commands,
    issue_commands,
    print_commands,
    store_commands,
    sync_commands,
)
from golive_desk.cli.output import Output
from golive_desk.domain import validation
from golive_desk.domain.errors import GoLiveError
from golive_desk.paths import AppDirs

COMMAND_MODULES = (store_commands, issue_commands, sync_commands, print_commands,
                   calendar_commands, holiday_commands, handover_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="golive-desk",
        description="GoLive Desk: go-live support desk for ERP implementation consultants.",
    )
    parser.add_argument("--version", action="version", version=f"GoLive Desk {__version__}")
    parser.add_argument("--db", type=Path,
                        help="store file (default: the store in your data folder)")
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the window")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else AppDirs.for_user().default_store


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse text arguments holding bytes that are not UTF-8 (surrogate-escaped argv).

    File arguments are paths (``Path``), which may hold any bytes the disk does.
    """
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                validation.encodable(name.replace('_', '-'), text)


def run(argv: Sequence[str]) -> int:
    """Run one command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_usage(sys.stderr)
        return 2
    out = Output(json_mode=bool(args.json))
    try:
        _check_text_arguments(args)
        result: int = args.handler(args, out)
    except GoLiveError as exc:
        print(f"golive-desk: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("golive-desk: interrupted", file=sys.stderr)
        return 130
    return result
