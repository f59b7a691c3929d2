"""handover show | transfer | sign-off: readiness, the open issues, transfers, acceptance."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from golive_desk.cli.output import Output
from golive_desk.cli.store_commands import open_services
from golive_desk.domain import validation
from golive_desk.domain.handover import Criterion
from golive_desk.services.handover import HandoverStatus


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    handover = sub.add_parser("handover", help="the handover to the customer (交接)") \
        .add_subparsers(dest="sub", required=True)
    p = handover.add_parser("show", help="readiness and the handover's state")
    p.add_argument("--project", required=True)
    p.add_argument("--today", help="YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="machine-readable output on stdout")
    p.set_defaults(handler=cmd_show)
    t = handover.add_parser("transfer", help="transfer an open issue to the O&M department")
    t.add_argument("numbers", nargs="+", metavar="NUMBER")
    t.add_argument("--to", required=True, help="who follows it up in O&M")
    t.add_argument("--plan", required=True, help="how it will be followed up")
    t.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="machine-readable output on stdout")
    t.set_defaults(handler=cmd_transfer)
    s = handover.add_parser("sign-off", help="record the acceptance: the project is handed over")
    s.add_argument("--project", required=True)
    s.add_argument("--date", help="YYYY-MM-DD (default: today)")
    for name, text in (("by", "who hands over (implementation dept.)"),
                       ("receiver", "who receives (O&M service dept.)"),
                       ("customer-pm", "the customer's PM signing"),
                       ("vendor-pm", "the vendor's PM signing")):
        s.add_argument(f"--{name}", help=text)
    s.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="machine-readable output on stdout")
    s.set_defaults(handler=cmd_sign_off)


def criterion_json(c: Criterion) -> dict[str, Any]:
    return {"criterion": c.code, "ok": c.ok, "figure": c.figure, "threshold": c.threshold,
            "details": dict(c.details)}


def status_json(s: HandoverStatus) -> dict[str, Any]:
    return {"project": s.project, "state": s.state,
            "readiness": [criterion_json(c) for c in s.readiness],
            "untransferred": list(s.untransferred),
            "exit_date": s.exit_date.isoformat() if s.exit_date else None,
            "accepted_at": s.accepted_at}


def _text(s: HandoverStatus) -> str:
    lines = [f"{s.project}  state: {s.state}  exit: {s.exit_date or '-'}"]
    for c in s.readiness:
        mark = "OK " if c.ok else "RED"
        lines.append(f"  [{mark}] {c.code}: {c.figure} (threshold {c.threshold})")
    lines.append(f"  open issues to transfer or close: {len(s.untransferred)}")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace, out: Output) -> int:
    today = validation.parse_date("today", args.today) if args.today else None
    services = open_services(args)
    try:
        status = services.handover.status(args.project, today)
    finally:
        services.close()
    out.data(status_json(status), _text(status))
    return 0


def cmd_transfer(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        moved = services.handover.transfer_many(args.numbers, args.to, args.plan)
    finally:
        services.close()
    data = [{"number": i.number, "status": i.status.value, "to": args.to.strip(),
             "plan": args.plan.strip()} for i in moved]
    out.data(data, "\n".join(f"{i.number} transferred to {args.to.strip()}" for i in moved))
    return 0


_SIGNERS = {"by": "handover_by", "receiver": "handover_receiver",
            "customer_pm": "accept_customer", "vendor_pm": "accept_vendor"}


def cmd_sign_off(args: argparse.Namespace, out: Output) -> int:
    day = validation.parse_date("date", args.date) if args.date else date.today()
    services = open_services(args)
    try:
        signers = {field: getattr(args, name) for name, field in _SIGNERS.items()
                   if getattr(args, name) is not None}
        if signers:
            services.handover.save_record(args.project, signers)
        services.handover.sign_off(args.project, day)
        status = services.handover.status(args.project, day)
    finally:
        services.close()
    out.data(status_json(status), f"{status.project} handed over on {day.isoformat()}")
    return 0
