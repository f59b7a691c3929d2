"""Enum codes in the user's language (the stored codes stay English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.enums import ProjectStatus, Role, Side, SupportMode
from golive_desk.domain.issues import (
    Category,
    IssueStatus,
    NotifyChannel,
    Severity,
    TimelineKind,
)


def role(value: Role) -> str:
    return {
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Consultant"),
        Role.VENDOR_PM: QCoreApplication.translate("Labels", "Vendor PM"),
        Role.CUSTOMER_PM: QCoreApplication.translate("Labels", "Customer PM"),
        Role.KEY_USER: QCoreApplication.translate("Labels", "Key user"),
        Role.INTERNAL_SUPPORT: QCoreApplication.translate("Labels", "Internal support"),
        Role.END_USER: QCoreApplication.translate("Labels", "End user"),
    }[value]


def side(value: Side) -> str:
    return {Side.VENDOR: QCoreApplication.translate("Labels", "Vendor"),
            Side.CUSTOMER: QCoreApplication.translate("Labels", "Customer")}[value]


def project_status(value: ProjectStatus) -> str:
    return {
        ProjectStatus.PREPARING: QCoreApplication.translate("Labels", "Preparing"),
        ProjectStatus.LIVE_SUPPORT: QCoreApplication.translate("Labels", "Go-live support"),
        ProjectStatus.HANDOVER: QCoreApplication.translate("Labels", "Handover"),
        ProjectStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }[value]


def support_mode(value: SupportMode) -> str:
    return {SupportMode.ONSITE: QCoreApplication.translate("Labels", "On site"),
            SupportMode.PHONE: QCoreApplication.translate("Labels", "Phone"),
            SupportMode.REMOTE: QCoreApplication.translate("Labels", "Remote")}[value]


def field_label(name: str) -> str:
    """A record field's name as the form and the printed sheet call it."""
    names = {
        "title": QCoreApplication.translate("Fields", "Title"),
        "description": QCoreApplication.translate("Fields", "Description"),
        "module": QCoreApplication.translate("Fields", "Module"),
        "function": QCoreApplication.translate("Fields", "Function / document"),
        "category": QCoreApplication.translate("Fields", "Category"),
        "severity": QCoreApplication.translate("Fields", "Severity"),
        "status": QCoreApplication.translate("Fields", "Status"),
        "mode": QCoreApplication.translate("Fields", "Support mode"),
        "reporter": QCoreApplication.translate("Fields", "Reporter"),
        "reporter_dept": QCoreApplication.translate("Fields", "Reporter's department"),
        "reported_at": QCoreApplication.translate("Fields", "Reported at"),
        "expected_by": QCoreApplication.translate("Fields", "Expected by"),
        "assignee": QCoreApplication.translate("Fields", "Assignee"),
        "cause": QCoreApplication.translate("Fields", "Cause analysis"),
        "proposal": QCoreApplication.translate("Fields", "Proposed handling"),
        "resolution": QCoreApplication.translate("Fields", "Resolution"),
        "result": QCoreApplication.translate("Fields", "Result"),
        "confirmed_by": QCoreApplication.translate("Fields", "Confirmed by"),
        "confirmed_at": QCoreApplication.translate("Fields", "Confirmed on"),
        "maintenance_note": QCoreApplication.translate("Fields", "Add to maintenance notes"),
        "name": QCoreApplication.translate("Fields", "Name"),
        "customer": QCoreApplication.translate("Fields", "Customer"),
        "go_live": QCoreApplication.translate("Fields", "Go-live"),
        "month_end": QCoreApplication.translate("Fields", "First month-end close"),
        "phone": QCoreApplication.translate("Fields", "Phone"),
        "email": QCoreApplication.translate("Fields", "E-mail"),
        "department": QCoreApplication.translate("Fields", "Department"),
        "role": QCoreApplication.translate("Fields", "Role"),
        "deleted": QCoreApplication.translate("Fields", "Deleted"),
    }
    return names.get(name, name)


# -- issues ---------------------------------------------------------------------


def issue_status(value: IssueStatus) -> str:
    return {
        IssueStatus.NEW: QCoreApplication.translate("Labels", "New"),
        IssueStatus.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        IssueStatus.ESCALATED: QCoreApplication.translate("Labels", "Escalated"),
        IssueStatus.BRANCH_TESTED: QCoreApplication.translate("Labels", "Branch tested"),
        IssueStatus.APPLIED_ON_SITE: QCoreApplication.translate("Labels", "Applied on site"),
        IssueStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        IssueStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        IssueStatus.TRANSFERRED: QCoreApplication.translate("Labels", "Transferred to O&M"),
    }[value]


def status_action(current: IssueStatus, target: IssueStatus) -> str:
    """The button that moves an issue from ``current`` to ``target`` (a verb, not a state)."""
    if target == IssueStatus.IN_PROGRESS:
        if current in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            return QCoreApplication.translate("Labels", "Reopen")
        if current != IssueStatus.NEW:
            return QCoreApplication.translate("Labels", "Back to work")
        return QCoreApplication.translate("Labels", "Start work")
    return {
        IssueStatus.ESCALATED: QCoreApplication.translate("Labels", "Escalate to PM"),
        IssueStatus.BRANCH_TESTED: QCoreApplication.translate("Labels", "Branch test passed"),
        IssueStatus.APPLIED_ON_SITE: QCoreApplication.translate("Labels", "Applied on site"),
        IssueStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolve"),
        IssueStatus.CLOSED: QCoreApplication.translate("Labels", "Close (customer confirmed)"),
        IssueStatus.TRANSFERRED: QCoreApplication.translate("Labels", "Transfer to O&M"),
        IssueStatus.NEW: QCoreApplication.translate("Labels", "New"),
    }[target]


def severity(value: Severity) -> str:
    return {Severity.URGENT: QCoreApplication.translate("Labels", "Urgent"), Severity.HIGH: QCoreApplication.translate("Labels", "High"),
            Severity.MEDIUM: QCoreApplication.translate("Labels", "Medium"), Severity.LOW: QCoreApplication.translate("Labels", "Low")}[value]


def category(value: Category) -> str:
    return {
        Category.OPERATION_ERROR: QCoreApplication.translate("Labels", "Operation error"),
        Category.CONFIGURATION: QCoreApplication.translate("Labels", "Configuration"),
        Category.DATA: QCoreApplication.translate("Labels", "Data"),
        Category.SOFTWARE_DEFECT: QCoreApplication.translate("Labels", "Software defect"),
        Category.CHANGE_REQUEST: QCoreApplication.translate("Labels", "Change request"),
        Category.ENVIRONMENT_PRINTING: QCoreApplication.translate("Labels", "Environment/printing"),
        Category.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[value]


def timeline_kind(value: TimelineKind) -> str:
    return {
        TimelineKind.NOTE: QCoreApplication.translate("Labels", "Note"),
        TimelineKind.STATUS_CHANGE: QCoreApplication.translate("Labels", "Status change"),
        TimelineKind.FIELD_CHANGE: QCoreApplication.translate("Labels", "Field changed"),
        TimelineKind.CUSTOMER_NOTIFIED: QCoreApplication.translate("Labels", "Customer notified"),
        TimelineKind.ESCALATED: QCoreApplication.translate("Labels", "Escalated"),
        TimelineKind.BRANCH_TESTED: QCoreApplication.translate("Labels", "Branch test"),
        TimelineKind.APPLIED_ON_SITE: QCoreApplication.translate("Labels", "Applied on site"),
    }[value]


def notify_channel(value: NotifyChannel) -> str:
    return {NotifyChannel.ONSITE: QCoreApplication.translate("Labels", "On site"), NotifyChannel.PHONE: QCoreApplication.translate("Labels", "Phone"),
            NotifyChannel.MAIL: QCoreApplication.translate("Labels", "Mail"), NotifyChannel.IM: QCoreApplication.translate("Labels", "Instant message")}[value]


def issue_field(name: str) -> str:
    """A field's name as the printed sheet calls it (for timeline lines and messages)."""
    names = {
        "title": QCoreApplication.translate("Labels", "Title"), "description": QCoreApplication.translate("Labels", "Description"), "module": QCoreApplication.translate("Labels", "Module"),
        "function": QCoreApplication.translate("Labels", "Function/document"), "category": QCoreApplication.translate("Labels", "Category"),
        "severity": QCoreApplication.translate("Labels", "Severity"), "status": QCoreApplication.translate("Labels", "Status"), "mode": QCoreApplication.translate("Labels", "Support mode"),
        "reporter": QCoreApplication.translate("Labels", "Reporter"), "reporter_dept": QCoreApplication.translate("Labels", "Department"),
        "reported_at": QCoreApplication.translate("Labels", "Reported at"), "expected_by": QCoreApplication.translate("Labels", "Expected by"),
        "assignee": QCoreApplication.translate("Labels", "Assignee"), "cause": QCoreApplication.translate("Labels", "Cause analysis"),
        "proposal": QCoreApplication.translate("Labels", "Proposed handling"), "resolution": QCoreApplication.translate("Labels", "Resolution"),
        "result": QCoreApplication.translate("Labels", "Result"), "confirmed_by": QCoreApplication.translate("Labels", "Confirmed by"),
        "confirmed_at": QCoreApplication.translate("Labels", "Confirmed on"), "maintenance_note": QCoreApplication.translate("Labels", "Add to maintenance notes"),
        "number": QCoreApplication.translate("Labels", "Number"), "updated_at": QCoreApplication.translate("Labels", "Updated"),
    }
    return names.get(name, name)


def issue_value(field: str, value: object) -> str:
    """A stored field value in words: enum codes translated, empty shown as a dash."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return QCoreApplication.translate("Labels", "yes") if value else QCoreApplication.translate("Labels", "no")
    text = str(value)
    parsers = {"severity": (Severity, severity), "status": (IssueStatus, issue_status),
               "category": (Category, category), "mode": (SupportMode, support_mode)}
    if field in parsers:
        enum, label = parsers[field]
        try:
            return label(enum(text))  # type: ignore[operator]
        except ValueError:
            return text
    if field == "reported_at":
        return text.replace("T", " ")
    return text
