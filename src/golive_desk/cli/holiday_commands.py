"""``holidays import FILE.ics`` and ``holidays list``: the office's holiday years.

A year the holiday library does not know is counted Monday to Friday by the
SLA clock. The office sends next year's notice as an ICS (休 and 班 events);
``import`` stores each year of it as a ``holiday_year`` record, which travels
to the other laptops in bundles like every change.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from golive_desk.cli.output import Output
from golive_desk.domain.workdays import YearData
from golive_desk.services.holiday_files import read_holiday_ics


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    holidays = sub.add_parser("holidays", help="holiday years for the SLA clock").add_subparsers(
        dest="sub", required=True)
    p = holidays.add_parser("import", help="store the years of a holiday ICS (休/班 events)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="show what it holds; write nothing")
    p.set_defaults(handler=cmd_import)
    p = holidays.add_parser("list", help="the years the clock knows, and where from")
    p.set_defaults(handler=cmd_list)


def year_json(data: YearData) -> dict[str, Any]:
    return {"year": data.year, "holidays": len(data.holidays),
            "adjusted_workdays": len(data.adjusted_workdays),
            "first": min((d for d, _ in data.holidays), default=None),
            "last": max((d for d, _ in data.holidays), default=None)}


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    from golive_desk.cli.store_commands import open_services

    years = read_holiday_ics(Path(args.file))
    if not args.dry_run:
        services = open_services(args)
        try:
            for data in years:
                services.sla.set_holiday_year(data)
        finally:
            services.close()
    rows = [{**year_json(y), "written": not args.dry_run} for y in years]
    verb = "would store" if args.dry_run else "stored"
    out.data({"years": rows}, "\n".join(
        f"{verb} {r['year']}: {r['holidays']} days off, {r['adjusted_workdays']} adjusted "
        "working days" for r in rows))
    return 0


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    from golive_desk.cli.store_commands import open_services

    services = open_services(args)
    try:
        office = services.sla.holiday_years()
        library = services.sla.library_years()
    finally:
        services.close()
    rows = [{**year_json(y), "source": "office"} for y in office]
    text = "\n".join([f"library (chinese-calendar): {library[0]}–{library[-1]}" if library
                      else "library: none",
                      *(f"office {r['year']}: {r['holidays']} days off, "
                        f"{r['adjusted_workdays']} adjusted working days" for r in rows)])
    out.data({"library": list(library), "office": rows}, text)
    return 0
