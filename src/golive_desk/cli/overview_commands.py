"""``project summary CODE``: the overview's figures, for scripts and the branch office."""

from __future__ import annotations

import argparse

from golive_desk.cli.output import Output
from golive_desk.domain.issues import Severity
from golive_desk.domain.overview import ProjectSummary


def cmd_project_summary(args: argparse.Namespace, out: Output) -> int:
    from golive_desk.cli.store_commands import open_services

    services = open_services(args)
    try:
        summary = services.overview.summary(args.code)
    finally:
        services.close()
    out.data(summary.to_json(), summary_text(summary))
    return 0


def summary_text(s: ProjectSummary) -> str:
    """The figures for people, in English (the window says them in Chinese)."""
    severities = ", ".join(f"{sev.value} {s.open_by_severity.get(sev, 0)}" for sev in Severity)
    close = (f"{s.month_end_close.isoformat()} (in {s.days_to_month_end} days)"
             if s.month_end_close else "–")
    lines = [
        f"{s.project.code}  {s.project.name}",
        f"day {s.day} since go-live ({s.project.go_live.isoformat()}); "
        f"next month-end close {close}",
        f"open {s.open} of {s.total}: {severities}",
        f"overdue {s.overdue}, awaiting confirmation {s.awaiting_confirmation}",
        f"SLA breached {s.sla_breached} ({s.sla_breached_open} still open), "
        f"at risk {s.sla_at_risk}",
        f"operation errors {s.operation_errors} ({s.operation_error_share:.0%}); "
        "key users: " + (", ".join(f"{name} {n}" for name, n in s.operation_error_reporters)
                         or "–"),
    ]
    if s.unknown_years:
        years = ", ".join(str(y) for y in s.unknown_years)
        lines.append(f"note: no holiday calendar for {years}; only weekends are counted off")
    return "\n".join(lines)
