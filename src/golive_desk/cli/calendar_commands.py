"""calendar add|move|delete|list|plan|import|export|onsite-days, milestone set|list|delete.

People are named as the window shows them: a name or initials (a member of the
project when a project is given). Warnings are codes with values; the text
here is the English sentence (the window words them in the user's language).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from golive_desk.cli.output import Output
from golive_desk.cli.store_commands import open_services
from golive_desk.domain import validation
from golive_desk.domain.errors import NotFoundError, ValidationError
from golive_desk.domain.support_calendar import (
    FIRST_DAY,
    LAST_DAY,
    CoverageWarning,
    Milestone,
    Slot,
    SlotProposal,
)
from golive_desk.services.container import Services

_KIND_ALIASES = {"month_end": "month_end_close", "exit": "planned_exit"}
_KINDS = ("go_live", "month_end", "month_end_close", "exit", "planned_exit", "acceptance",
          "other")
_MODES = ("onsite", "phone", "remote")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calendar = sub.add_parser("calendar", help="the on-site support schedule (现场支持时间表)") \
        .add_subparsers(dest="sub", required=True)
    p = calendar.add_parser("add", help="schedule a person for a project")
    p.add_argument("--project", required=True)
    p.add_argument("--person", required=True, help="name or initials of a project member")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--until", help="last day (YYYY-MM-DD); default: the same day")
    p.add_argument("--mode", required=True, choices=_MODES)
    p.add_argument("--half", choices=("am", "pm"), help="morning or afternoon only")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_add)
    p = calendar.add_parser("move", help="move or resize a slot (or give it to someone else)")
    p.add_argument("id")
    p.add_argument("--date", required=True)
    p.add_argument("--until", help="last day; default: keep the slot's length")
    p.add_argument("--person")
    p.add_argument("--mode", choices=_MODES)
    p.add_argument("--half", choices=("day", "am", "pm"))
    p.set_defaults(handler=cmd_move)
    p = calendar.add_parser("delete", help="remove a slot")
    p.add_argument("id")
    p.set_defaults(handler=cmd_delete)
    p = calendar.add_parser("list", help="slots, milestones and coverage warnings")
    p.add_argument("--project", required=True)
    p.add_argument("--person")
    p.add_argument("--from", dest="start")
    p.add_argument("--to", dest="end")
    p.set_defaults(handler=cmd_list)
    p = calendar.add_parser("plan", help="propose (and apply) a support plan")
    p.add_argument("--project", required=True)
    p.add_argument("--apply", action="store_true")
    p.set_defaults(handler=cmd_plan)
    p = calendar.add_parser("import", help="closing dates and holidays from an ICS file")
    p.add_argument("--project", required=True)
    p.add_argument("file", type=Path, metavar="FILE.ics")
    p.add_argument("--apply", action="store_true", help="write it (default: preview only)")
    p.set_defaults(handler=cmd_import)
    p = calendar.add_parser("export", help="a project's or a person's schedule as ICS")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--project")
    who.add_argument("--person")
    p.add_argument("file", type=Path, metavar="FILE.ics")
    p.set_defaults(handler=cmd_export)
    p = calendar.add_parser("onsite-days", help="working days after go-live to cover on site")
    p.add_argument("--project", required=True)
    p.add_argument("days", type=int, nargs="?")
    p.set_defaults(handler=cmd_onsite_days)

    milestone = sub.add_parser("milestone", help="go-live, month-end closes, exit, acceptance") \
        .add_subparsers(dest="sub", required=True)
    p = milestone.add_parser("set")
    p.add_argument("--project", required=True)
    p.add_argument("--kind", required=True, choices=_KINDS)
    p.add_argument("--date", required=True)
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_milestone_set)
    p = milestone.add_parser("list")
    p.add_argument("--project", required=True)
    p.set_defaults(handler=cmd_milestone_list)
    p = milestone.add_parser("delete")
    p.add_argument("id")
    p.set_defaults(handler=cmd_milestone_delete)


# -- words ---------------------------------------------------------------------
def warning_text(w: CoverageWarning) -> str:
    """The English sentence of a coverage warning."""
    day, who = w.day.isoformat(), w.person_name
    texts = {
        "go_live_uncovered": f"{w.project_code}: nobody on site on {day} "
                             f"(go-live, working day {w.params.get('working_day', '?')})",
        "month_end_uncovered": f"{w.project_code}: nobody on site for the month-end close "
                               f"on {day}",
        "double_booked": f"{who} is on site for {w.project_code} and "
                         f"{w.params.get('other', '?')} on {day}",
        "after_exit": f"{who} is scheduled for {w.project_code} on {day}, after the planned "
                      f"exit ({w.params.get('exit', '?')})",
        "holiday": f"{who} is scheduled for {w.project_code} on {day}, a holiday "
                   f"({w.params.get('name') or 'statutory holiday'})",
    }
    return texts.get(w.code, f"{w.project_code}: {w.code} on {day}")


def slot_json(s: Slot) -> dict[str, Any]:
    return {"id": s.id, "project": s.project_code, "person": s.person_name,
            "person_id": s.person_id, "date": s.start.isoformat(), "until": s.end.isoformat(),
            "half": s.half.value, "mode": s.mode.value, "note": s.note}


def milestone_json(m: Milestone) -> dict[str, Any]:
    return {"id": m.id, "kind": m.kind.value, "date": m.day.isoformat(), "note": m.note}


def warning_json(w: CoverageWarning) -> dict[str, Any]:
    return {"code": w.code, "date": w.day.isoformat(), "text": warning_text(w),
            "project": w.project_code, "person": w.person_name or None,
            "params": dict(w.params)}


def proposal_json(p: SlotProposal) -> dict[str, Any]:
    return {"person": p.person_name, "date": p.start.isoformat(),
            "until": p.end.isoformat(), "half": p.half.value, "mode": p.mode.value}


def _slot_line(s: Slot) -> str:
    days = s.start.isoformat() if s.start == s.end else f"{s.start}..{s.end}"
    half = "" if s.half.value == "day" else f" {s.half.value}"
    note = f"  {s.note}" if s.note else ""
    return f"{s.id}  {days}{half}  {s.project_code}  {s.person_name}  {s.mode.value}{note}"


# -- helpers ---------------------------------------------------------------------
@contextmanager
def _services(args: argparse.Namespace) -> Iterator[Services]:
    services = open_services(args)
    try:
        yield services
    finally:
        services.close()


def _day(field: str, text: str) -> date:
    return validation.parse_date(field, text)


def _person(services: Services, name: str, project: str | None) -> str:
    """The id of the person called ``name`` (or with these initials)."""
    wanted = name.strip()
    if project:
        people = [(p.id, p.name, p.initials) for p in services.projects.people(project)]
    else:
        people = [(p.id, p.name, p.initials) for p in services.projects.all_people()]
    found = [pid for pid, n, _ in people if n == wanted] or [
        pid for pid, _, i in people if i and i.upper() == wanted.upper()]
    if not found:
        where = f" on {project.upper()}" if project else ""
        raise NotFoundError(f"no person {wanted}{where}", name=wanted)
    if len(set(found)) > 1:
        raise ValidationError("person", f"{wanted} names several people; use initials",
                              name=wanted)
    return found[0]


# -- commands ------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace, out: Output) -> int:
    start = _day("date", args.date)
    end = _day("until", args.until) if args.until else start
    with _services(args) as services:
        person = _person(services, args.person, args.project)
        slot, _ = services.calendar.add_slot(args.project, person, start, end,
                                             args.half or "day", args.mode, args.note)
    out.data(slot_json(slot), _slot_line(slot))
    return 0


def cmd_move(args: argparse.Namespace, out: Output) -> int:
    start = _day("date", args.date)
    with _services(args) as services:
        current = services.calendar.slot(args.id)
        end = _day("until", args.until) if args.until else start + (current.end - current.start)
        person = _person(services, args.person, current.project_code) if args.person else None
        slot, _ = services.calendar.move_slot(args.id, start, end, args.half, person)
        if args.mode:
            slot, _ = services.calendar.update_slot(args.id, mode=args.mode)
    out.data(slot_json(slot), _slot_line(slot))
    return 0


def cmd_delete(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        services.calendar.delete_slot(args.id)
    out.data({"deleted": args.id}, f"deleted {args.id}")
    return 0


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    start = _day("from", args.start) if args.start else FIRST_DAY
    end = _day("to", args.end) if args.end else LAST_DAY
    with _services(args) as services:
        person = _person(services, args.person, args.project) if args.person else None
        slots = services.calendar.slots(args.project, person, start, end)
        stones = [m for m in services.calendar.milestones(args.project)
                  if start <= m.day <= end]
        warnings = services.calendar.coverage(args.project, start, end)
    if person is not None:
        warnings = [w for w in warnings if w.person_id in (None, person)]
    data = {"slots": [slot_json(s) for s in slots],
            "milestones": [milestone_json(m) for m in stones],
            "warnings": [warning_json(w) for w in warnings]}
    lines = [_slot_line(s) for s in slots] or ["(no slots)"]
    lines += [f"milestone  {m.day}  {m.kind.value}  {m.note}".rstrip() for m in stones]
    lines += [f"warning  {w.code}  {warning_text(w)}" for w in warnings]
    out.data(data, "\n".join(lines))
    return 0


def cmd_plan(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        proposals = services.calendar.plan(args.project)
        if args.apply:
            services.calendar.apply_plan(args.project, proposals)
    rows = [proposal_json(p) for p in proposals]
    text = "\n".join(f"{r['date']}..{r['until']}  {r['half']}  {r['person']}  {r['mode']}"
                     for r in rows) or "(nothing to propose: no consultants on the project?)"
    if args.apply:
        text += f"\napplied {len(rows)} slots"
    out.data({"proposals": rows, "applied": bool(args.apply)}, text)
    return 0


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        preview = services.calendar.preview_ics(args.file, args.project)
        if args.apply:
            services.calendar.apply_ics(preview)
    data = preview.to_json()
    data["applied"] = bool(args.apply)
    text = (f"milestones: {len(preview.milestones)}, holiday years: "
            f"{len(preview.holiday_years)}, slots updated: {len(preview.slot_updates)}, "
            f"skipped events: {preview.skipped}")
    out.data(data, text + ("" if args.apply else "\n(preview: nothing written; add --apply)"))
    return 0


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        person = _person(services, args.person, None) if args.person else None
        count = services.calendar.export_ics(args.file, project=args.project, person_id=person)
    out.data({"file": str(args.file), "events": count}, f"wrote {count} events to {args.file}")
    return 0


def cmd_onsite_days(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        if args.days is not None:
            services.calendar.set_onsite_days(args.project, args.days)
        n = services.calendar.onsite_days(args.project)
    out.data({"project": args.project.upper(), "onsite_days": n}, str(n))
    return 0


def cmd_milestone_set(args: argparse.Namespace, out: Output) -> int:
    kind = _KIND_ALIASES.get(args.kind, args.kind)
    with _services(args) as services:
        stone, _ = services.calendar.set_milestone(args.project, kind,
                                                   _day("date", args.date), args.note)
    out.data(milestone_json(stone), f"{stone.day}  {stone.kind.value}  {stone.id}")
    return 0


def cmd_milestone_list(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        stones = services.calendar.milestones(args.project)
    out.table([milestone_json(m) for m in stones], ("date", "kind", "note", "id"))
    return 0


def cmd_milestone_delete(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        services.calendar.delete_milestone(args.id)
    out.data({"deleted": args.id}, f"deleted {args.id}")
    return 0

