"""handover show: readiness (the exit criteria), the open issues and the planned exit."""

from __future__ import annotations

import argparse
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
