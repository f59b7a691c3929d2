"""``issue add|set|status|note|attach|delete|restore|show|list``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from golive_desk.cli.issue_filters import SLA_CHOICES, filter_query
from golive_desk.cli.output import Output
from golive_desk.cli.store_commands import open_services
from golive_desk.domain import issue_rules as rules
from golive_desk.domain.conflicts import FieldConflict
from golive_desk.domain.errors import ValidationError
from golive_desk.domain.issues import (
    SLA_SORT,
    SORT_KEYS,
    Attachment,
    Issue,
    TimelineEntry,
    TimelineKind,
)
from golive_desk.services.container import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    issue = sub.add_parser("issue", help="issue records").add_subparsers(dest="sub",
                                                                         required=True)
    p = issue.add_parser("add", help="record a new issue")
    p.add_argument("--project", required=True)
    p.add_argument("--title", required=True)
    for name in ("description", "module", "function", "category", "severity", "mode",
                 "reporter", "reporter-dept", "assignee", "reported-at", "expected-by"):
        p.add_argument(f"--{name}")
    p.set_defaults(handler=cmd_add)

    p = issue.add_parser("set", help="edit fields: FIELD=VALUE ...")
    p.add_argument("number")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    p.add_argument("--resolve", action="store_true",
                   help="a field in conflict takes this value, settling the conflict "
                        "(without it such a field is refused)")
    p.set_defaults(handler=cmd_set)

    p = issue.add_parser("status", help="move an issue through the workflow")
    p.add_argument("number")
    p.add_argument("status")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_status)

    p = issue.add_parser("note", help="add a timeline entry")
    p.add_argument("number")
    p.add_argument("text")
    p.add_argument("--kind", default="note")
    p.add_argument("--channel", help="customer notified by: onsite, phone, mail, im")
    p.add_argument("--whom", default="", help="whom at the customer was notified")
    p.add_argument("--at", help="when it happened (YYYY-MM-DD HH:MM; default now)")
    p.set_defaults(handler=cmd_note)

    p = issue.add_parser("attach", help="attach a file")
    p.add_argument("number")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_attach)

    for name, handler in (("delete", cmd_delete), ("restore", cmd_restore),
                          ("show", cmd_show)):
        p = issue.add_parser(name)
        p.add_argument("number")
        p.set_defaults(handler=handler)

    p = issue.add_parser("list", help="list issues (the register)")
    p.add_argument("--project")
    p.add_argument("--status", action="append", default=[], help="repeat or comma-separate")
    p.add_argument("--severity", action="append", default=[])
    p.add_argument("--category", action="append", default=[])
    p.add_argument("--module", action="append", default=[])
    p.add_argument("--assignee")
    p.add_argument("--mine", action="store_true")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--from", dest="date_from", help="reported on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="reported on or before YYYY-MM-DD")
    p.add_argument("--search", default="")
    p.add_argument("--sort", default="reported_at", choices=(*SORT_KEYS, SLA_SORT))
    p.add_argument("--asc", action="store_true")
    p.add_argument("--deleted", action="store_true", help="include deleted issues")
    p.add_argument("--sla", choices=SLA_CHOICES,
                   help="only issues whose SLA is breached or at risk")
    p.set_defaults(handler=cmd_list)


@contextmanager
def _services(args: argparse.Namespace) -> Iterator[Services]:
    services = open_services(args)
    try:
        yield services
    finally:
        services.close()


# -- JSON shapes (docs/CLI.md) ---------------------------------------------------------

def entry_json(entry: TimelineEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": entry.kind.value, "text": entry.text,
                            "author": entry.author, "at": entry.at}
    if entry.channel is not None:
        data["channel"] = entry.channel.value
    if entry.whom:
        data["whom"] = entry.whom
    if entry.kind == TimelineKind.CREATED:
        data["mode"] = entry.new_value
    if entry.field:
        data.update(field=entry.field, old=entry.old_value, new=entry.new_value)
    if entry.to_status is not None:
        data["from_status"] = entry.from_status.value if entry.from_status else None
        data["to_status"] = entry.to_status.value
    return data


def attachment_json(a: Attachment) -> dict[str, Any]:
    return {"name": a.name, "sha256": a.sha256, "size": a.size, "mime": a.mime,
            "author": a.author, "at": a.at}


def conflict_values_json(c: FieldConflict) -> list[dict[str, Any]]:
    """``values`` of a conflict as CLI.md gives it (shared with ``conflicts list``)."""
    return [{"value": v.value, "author": v.author, "node": v.node, "at": v.at}
            for v in c.values]


def issue_json(issue: Issue, *, full: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": issue.id, "number": issue.number, "project": issue.project_code,
        "title": issue.title, "description": issue.description, "module": issue.module,
        "function": issue.function, "category": issue.category.value,
        "severity": issue.severity.value, "status": issue.status.value,
        "mode": issue.mode.value, "reporter": issue.reporter,
        "reporter_dept": issue.reporter_dept, "reported_at": issue.reported_at,
        "expected_by": issue.expected_by.isoformat() if issue.expected_by else None,
        "assignee": issue.assignee, "cause": issue.cause, "proposal": issue.proposal,
        "resolution": issue.resolution, "result": issue.result,
        "confirmed_by": issue.confirmed_by,
        "confirmed_at": issue.confirmed_at.isoformat() if issue.confirmed_at else None,
        "maintenance_note": issue.maintenance_note, "created_at": issue.created_at,
        "updated_at": issue.updated_at, "deleted": issue.deleted,
    }
    if full:
        data["timeline"] = [entry_json(e) for e in issue.timeline]
        data["attachments"] = [attachment_json(a) for a in issue.attachments]
        data["conflicts"] = [{"field": c.field, "kind": c.kind.value,
                              "values": conflict_values_json(c)} for c in issue.conflicts]
    return data


def issue_text(issue: Issue) -> str:
    """The record sheet, for people at a terminal."""
    lines = [f"{issue.number}  {issue.title}" + ("  [deleted]" if issue.deleted else ""),
             f"  status {issue.status.value} · severity {issue.severity.value} · "
             f"category {issue.category.value} · module {issue.module or '-'} · "
             f"mode {issue.mode.value}",
             f"  reported {issue.reported_at} by {issue.reporter or '-'}"
             f" · assignee {issue.assignee or '-'}"
             + (f" · expected by {issue.expected_by}" if issue.expected_by else "")]
    for label, value in (("description", issue.description), ("cause", issue.cause),
                         ("proposal", issue.proposal), ("resolution", issue.resolution),
                         ("result", issue.result)):
        if value:
            lines.append(f"  {label}: {value}")
    for entry in issue.timeline:
        lines.append(f"  {entry.at}  {entry.author}  {rules_text(entry)}")
    for a in issue.attachments:
        lines.append(f"  attachment {a.name} ({a.size} bytes, {a.sha256[:12]})")
    for c in issue.conflicts:
        shown = " | ".join(f"{v.value!r} by {v.author}" for v in c.values)
        lines.append(f"  CONFLICT {c.field}: {shown}")
    return "\n".join(lines)


def rules_text(entry: TimelineEntry) -> str:
    if entry.to_status is not None:
        moved = f"{entry.from_status.value if entry.from_status else '?'} → " \
                f"{entry.to_status.value}"
        return f"[{moved}] {entry.text}".rstrip()
    if entry.channel is not None:
        return f"[{entry.kind.value} {entry.channel.value} {entry.whom}] {entry.text}".rstrip()
    if entry.kind in (TimelineKind.FIELD_CHANGE, TimelineKind.CREATED):
        return entry.text
    return f"[{entry.kind.value}] {entry.text}"


# -- commands ----------------------------------------------------------------------------

def cmd_add(args: argparse.Namespace, out: Output) -> int:
    values: dict[str, object] = {"title": args.title}
    for name in ("description", "module", "function", "category", "severity", "mode",
                 "reporter", "reporter_dept", "assignee", "reported_at", "expected_by"):
        value = getattr(args, name)
        if value is not None:
            values[name] = value
    with _services(args) as services:
        issue, _ = services.issues.create(args.project, values)
    out.data(issue_json(issue), f"added {issue.number} {issue.title}")
    return 0


def _assignments(items: list[str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for item in items:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise ValidationError("assignment", f"'{item}': write FIELD=VALUE, for example "
                                  "severity=urgent", rule="assignment")
        values[field.strip().replace("-", "_")] = value
    return values


def cmd_set(args: argparse.Namespace, out: Output) -> int:
    changes = _assignments(args.assignments)
    with _services(args) as services:
        issue, _ = services.issues.update(args.number, changes, resolve=args.resolve)
    out.data(issue_json(issue), f"updated {issue.number}: {', '.join(changes)}")
    return 0


def cmd_status(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        issue, _ = services.issues.change_status(args.number, args.status, args.note)
    out.data(issue_json(issue), f"{issue.number} is now {issue.status.value}")
    return 0


def cmd_note(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        entry, _ = services.issues.add_entry(args.number, args.kind, args.text,
                                             channel=args.channel, whom=args.whom, at=args.at)
    out.data(entry_json(entry), f"added {entry.kind.value} to {args.number.upper()}")
    return 0


def cmd_attach(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        attachment, _ = services.issues.attach_file(args.number, args.file)
    out.data(attachment_json(attachment),
             f"attached {attachment.name} ({attachment.size} bytes) to {args.number.upper()}")
    return 0


def cmd_delete(args: argparse.Namespace, out: Output) -> int:
    return _delete_or_restore(args, out, restore=False)


def cmd_restore(args: argparse.Namespace, out: Output) -> int:
    return _delete_or_restore(args, out, restore=True)


def _delete_or_restore(args: argparse.Namespace, out: Output, *, restore: bool) -> int:
    with _services(args) as services:
        if restore:
            services.issues.restore(args.number)
        else:
            services.issues.delete(args.number)
        issue = services.issues.get(args.number)
    out.data(issue_json(issue), f"{'restored' if restore else 'deleted'} {issue.number}")
    return 0


def cmd_show(args: argparse.Namespace, out: Output) -> int:
    with _services(args) as services:
        issue = services.issues.get(args.number)
    out.data(issue_json(issue), issue_text(issue))
    return 0


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    query = filter_query(
        args, assignee=args.assignee, mine=args.mine, overdue=args.overdue,
        sort=args.sort, descending=not args.asc,
        reported_from=_day("from", args.date_from), reported_to=_day("to", args.date_to),
        sla=SLA_CHOICES[args.sla].value if args.sla else "")
    with _services(args) as services:
        found = services.issues.list_issues(query)
    out.table([issue_json(i, full=False) for i in found],
              ["number", "status", "severity", "module", "title", "assignee", "reported_at"])
    return 0


def _day(field: str, text: str | None) -> date | None:
    value = rules.parse_date_value(field, text)
    return date.fromisoformat(value) if value else None
