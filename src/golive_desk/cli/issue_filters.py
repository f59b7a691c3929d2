"""The register's filter options, shared by `issue list`, `print register` and `export register`."""

from __future__ import annotations

import argparse
from typing import Any

from golive_desk.domain import issue_rules as rules
from golive_desk.domain.issues import Category, IssueQuery, IssueStatus, Severity
from golive_desk.domain.sla import SlaState

# ``--sla breached|at-risk`` (the CLI spells codes with a hyphen here, as CLI.md does)
SLA_CHOICES: dict[str, SlaState] = {"breached": SlaState.BREACHED,
                                    "at-risk": SlaState.AT_RISK}


def codes(values: list[str]) -> list[str]:
    """`--status new,in_progress --status closed` → every code once given."""
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def filter_query(args: argparse.Namespace, **more: Any) -> IssueQuery:
    """The filters every register command takes; ``more`` adds a command's own."""
    return IssueQuery(
        project=args.project,
        statuses=frozenset(rules.parse_enum("status", IssueStatus, s)
                           for s in codes(args.status)),
        severities=frozenset(rules.parse_enum("severity", Severity, s)
                             for s in codes(args.severity)),
        categories=frozenset(rules.parse_enum("category", Category, s)
                             for s in codes(args.category)),
        modules=frozenset(codes(args.module)), text=args.search,
        include_deleted=args.deleted, **more)
