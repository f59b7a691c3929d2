"""The issue's enumerations: statuses, categories, severities, timeline kinds, SLA states.

Plain enums and sets of them, no dataclasses: the start page's figures
(``domain/overview.py``, ``storage/plain_reads.py``) need these names before
the first paint, and :mod:`golive_desk.domain.issues` (the read models) costs
ten times as much to import. Every other module names them through
:mod:`golive_desk.domain.issues` as before.
"""

from __future__ import annotations

from enum import StrEnum


class IssueStatus(StrEnum):
    """The methodology's steps: record → work → (escalate → test → apply) → resolve → close."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    BRANCH_TESTED = "branch_tested"
    APPLIED_ON_SITE = "applied_on_site"
    RESOLVED = "resolved"
    CLOSED = "closed"
    TRANSFERRED = "transferred"


# Statuses in which the issue still needs someone: "overdue" and the
# handover's list of open matters only look at these.
OPEN_STATUSES: frozenset[IssueStatus] = frozenset({
    IssueStatus.NEW, IssueStatus.IN_PROGRESS, IssueStatus.ESCALATED,
    IssueStatus.BRANCH_TESTED, IssueStatus.APPLIED_ON_SITE,
})


class Category(StrEnum):
    OPERATION_ERROR = "operation_error"
    CONFIGURATION = "configuration"
    DATA = "data"
    SOFTWARE_DEFECT = "software_defect"
    CHANGE_REQUEST = "change_request"
    ENVIRONMENT_PRINTING = "environment_printing"
    OTHER = "other"


class Severity(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


# Sort rank: urgent first.
SEVERITY_RANK: dict[Severity, int] = {s: i for i, s in enumerate(Severity)}


class TimelineKind(StrEnum):
    NOTE = "note"
    STATUS_CHANGE = "status_change"
    FIELD_CHANGE = "field_change"
    CUSTOMER_NOTIFIED = "customer_notified"
    ESCALATED = "escalated"
    BRANCH_TESTED = "branch_tested"
    APPLIED_ON_SITE = "applied_on_site"
    # Derived from the issue's create op (who recorded it, when, the reporter and
    # the support mode), like FIELD_CHANGE: never stored as an entry of its own.
    CREATED = "created"


# Kinds a person writes by hand; status and field changes are written by the
# service as a side effect (or derived from the op log), never typed in.
MANUAL_KINDS: frozenset[TimelineKind] = frozenset({
    TimelineKind.NOTE, TimelineKind.CUSTOMER_NOTIFIED, TimelineKind.ESCALATED,
    TimelineKind.BRANCH_TESTED, TimelineKind.APPLIED_ON_SITE,
})


class NotifyChannel(StrEnum):
    ONSITE = "onsite"
    PHONE = "phone"
    MAIL = "mail"
    IM = "im"


# Waiting for the customer to confirm: the SLA's resolution clock stands still.
PAUSE_STATUSES: frozenset[IssueStatus] = frozenset({
    IssueStatus.APPLIED_ON_SITE, IssueStatus.RESOLVED})
# The resolution clock stops for good (until a reopen).
STOP_STATUSES: frozenset[IssueStatus] = frozenset({IssueStatus.CLOSED, IssueStatus.TRANSFERRED})


class SlaState(StrEnum):
    """Where an issue's SLA clock stands (``domain/sla.py``)."""

    OK = "ok"
    AT_RISK = "at_risk"
    BREACHED = "breached"
