"""``print sheet|register|schedule|handover`` and ``export register``: documents for the
customer.

The language of the documents is ``--lang`` when given, else the language
chosen in the window's settings, else the system's.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from golive_desk import settings
from golive_desk.cli.issue_filters import filter_query
from golive_desk.cli.output import Output
from golive_desk.cli.store_commands import open_services
from golive_desk.domain.issues import IssueQuery
from golive_desk.paths import AppDirs
from golive_desk.services.container import Services
from golive_desk.services.printing import write_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    printing = sub.add_parser("print", help="issue sheets and the register as PDF")
    commands = printing.add_subparsers(dest="sub", required=True)
    p = commands.add_parser("sheet", help="issue sheets (系统运行问题跟踪记录单), one issue "
                            "per page; several numbers make one PDF")
    p.add_argument("numbers", nargs="+", metavar="NUMBER")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_print_sheet)

    p = commands.add_parser("register", help="the issue tracking record (系统运行问题跟踪记录)"
                            " of a project: cover, table, totals")
    _register_options(p)
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_print_register)

    p = commands.add_parser("schedule", help="the monthly on-site support schedule "
                            "(现场支持时间表) of a project: team rows × days")
    p.add_argument("--project", required=True)
    p.add_argument("--month", required=True, type=_month, metavar="YYYY-MM")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_print_schedule)

    p = commands.add_parser("handover", help="the handover document (项目交接与验收) of a "
                            "project: readiness, transfers, maintenance notes, support system, "
                            "emergency plan, summary, signature boxes")
    p.add_argument("--project", required=True)
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_print_handover)

    export = sub.add_parser("export", help="the register as a spreadsheet")
    commands = export.add_subparsers(dest="sub", required=True)
    p = commands.add_parser("register", help="the register as .xlsx or .csv (UTF-8 with BOM)")
    _register_options(p)
    p.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    p.set_defaults(handler=cmd_export_register)


def _month(value: str) -> date:
    try:
        return date.fromisoformat(f"{value.strip()}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a month (YYYY-MM)") from None


def _register_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--project", required=True)
    p.add_argument("--status", action="append", default=[], help="repeat or comma-separate")
    p.add_argument("--severity", action="append", default=[])
    p.add_argument("--category", action="append", default=[])
    p.add_argument("--module", action="append", default=[])
    p.add_argument("--search", default="")
    p.add_argument("--deleted", action="store_true", help="include deleted issues")


@contextmanager
def _services(args: argparse.Namespace) -> Iterator[Services]:
    services = open_services(args)
    try:
        yield services
    finally:
        services.close()


def report_language(args: argparse.Namespace) -> str:
    """``--lang``, else the window's setting, else the system's language."""
    if args.lang:
        return str(args.lang)
    return settings.load(AppDirs.for_user().config / "settings.json").effective_language()


def register_query(args: argparse.Namespace) -> IssueQuery | None:
    """The filter options as a query; None when no filter is given (the whole register)."""
    query = filter_query(args)
    return None if query == IssueQuery(project=args.project) else query


def cmd_print_sheet(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        pdf = services.printing.print_sheet(args.numbers, report_language(args))
    write_file(args.file, pdf)
    count = len(args.numbers)
    out.data({"file": str(args.file), "issues": count, "bytes": len(pdf)},
             f"wrote {args.file}: {count} issue sheet{'s' if count != 1 else ''}, "
             f"{len(pdf):,} bytes")
    return 0


def cmd_print_register(args: argparse.Namespace, out: Output) -> int:
    query = register_query(args)
    with _services(args) as services:
        count = len(services.printing.register_issues(args.project, query))
        pdf = services.printing.print_register(args.project, query, report_language(args))
    write_file(args.file, pdf)
    out.data({"file": str(args.file), "issues": count, "bytes": len(pdf)},
             f"wrote {args.file}: the register of {count} issues, {len(pdf):,} bytes")
    return 0


def cmd_print_schedule(args: argparse.Namespace, out: Output) -> int:
    month: date = args.month
    with _services(args) as services:
        pdf = services.printing.print_schedule(args.project, month, report_language(args))
    write_file(args.file, pdf)
    label = f"{month.year:04d}-{month.month:02d}"
    out.data({"file": str(args.file), "month": label, "bytes": len(pdf)},
             f"wrote {args.file}: the support schedule of {label}, {len(pdf):,} bytes")
    return 0


def cmd_print_handover(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        pdf = services.printing.print_handover(args.project, report_language(args))
        code = services.projects.get(args.project).code
    write_file(args.file, pdf)
    out.data({"file": str(args.file), "project": code, "bytes": len(pdf)},
             f"wrote {args.file}: the handover document of {code}, {len(pdf):,} bytes")
    return 0


def cmd_export_register(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        result = services.printing.export_register(args.project, args.file,
                                                   register_query(args), report_language(args))
    out.data({"file": str(result.path), "rows": result.rows, "bytes": result.size},
             f"wrote {result.path}: {result.rows} issues, {result.size:,} bytes")
    return 0
