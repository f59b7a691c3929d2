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

def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def issue_status(value: IssueStatus) -> str:
    return {
        IssueStatus.NEW: _t("New"),
        IssueStatus.IN_PROGRESS: _t("In progress"),
        IssueStatus.ESCALATED: _t("Escalated"),
        IssueStatus.BRANCH_TESTED: _t("Branch tested"),
        IssueStatus.APPLIED_ON_SITE: _t("Applied on site"),
        IssueStatus.RESOLVED: _t("Resolved"),
        IssueStatus.CLOSED: _t("Closed"),
        IssueStatus.TRANSFERRED: _t("Transferred to O&M"),
    }[value]


def status_action(current: IssueStatus, target: IssueStatus) -> str:
    """The button that moves an issue from ``current`` to ``target`` (a verb, not a state)."""
    if target == IssueStatus.IN_PROGRESS:
        if current in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            return _t("Reopen")
        if current != IssueStatus.NEW:
            return _t("Back to work")
        return _t("Start work")
    return {
        IssueStatus.ESCALATED: _t("Escalate to PM"),
        IssueStatus.BRANCH_TESTED: _t("Branch test passed"),
        IssueStatus.APPLIED_ON_SITE: _t("Applied on site"),
        IssueStatus.RESOLVED: _t("Resolve"),
        IssueStatus.CLOSED: _t("Close (customer confirmed)"),
        IssueStatus.TRANSFERRED: _t("Transfer to O&M"),
        IssueStatus.NEW: _t("New"),
    }[target]


def severity(value: Severity) -> str:
    return {Severity.URGENT: _t("Urgent"), Severity.HIGH: _t("High"),
            Severity.MEDIUM: _t("Medium"), Severity.LOW: _t("Low")}[value]


def category(value: Category) -> str:
    return {
        Category.OPERATION_ERROR: _t("Operation error"),
        Category.CONFIGURATION: _t("Configuration"),
        Category.DATA: _t("Data"),
        Category.SOFTWARE_DEFECT: _t("Software defect"),
        Category.CHANGE_REQUEST: _t("Change request"),
        Category.ENVIRONMENT_PRINTING: _t("Environment/printing"),
        Category.OTHER: _t("Other"),
    }[value]


def timeline_kind(value: TimelineKind) -> str:
    return {
        TimelineKind.NOTE: _t("Note"),
        TimelineKind.STATUS_CHANGE: _t("Status change"),
        TimelineKind.FIELD_CHANGE: _t("Field changed"),
        TimelineKind.CUSTOMER_NOTIFIED: _t("Customer notified"),
        TimelineKind.ESCALATED: _t("Escalated"),
        TimelineKind.BRANCH_TESTED: _t("Branch test"),
        TimelineKind.APPLIED_ON_SITE: _t("Applied on site"),
    }[value]


def notify_channel(value: NotifyChannel) -> str:
    return {NotifyChannel.ONSITE: _t("On site"), NotifyChannel.PHONE: _t("Phone"),
            NotifyChannel.MAIL: _t("Mail"), NotifyChannel.IM: _t("Instant message")}[value]


def issue_field(name: str) -> str:
    """A field's name as the printed sheet calls it (for timeline lines and messages)."""
    names = {
        "title": _t("Title"), "description": _t("Description"), "module": _t("Module"),
        "function": _t("Function/document"), "category": _t("Category"),
        "severity": _t("Severity"), "status": _t("Status"), "mode": _t("Support mode"),
        "reporter": _t("Reporter"), "reporter_dept": _t("Department"),
        "reported_at": _t("Reported at"), "expected_by": _t("Expected by"),
        "assignee": _t("Assignee"), "cause": _t("Cause analysis"),
        "proposal": _t("Proposed handling"), "resolution": _t("Resolution"),
        "result": _t("Result"), "confirmed_by": _t("Confirmed by"),
        "confirmed_at": _t("Confirmed on"), "maintenance_note": _t("Add to maintenance notes"),
        "number": _t("Number"), "updated_at": _t("Updated"),
    }
    return names.get(name, name)


def issue_value(field: str, value: object) -> str:
    """A stored field value in words: enum codes translated, empty shown as a dash."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
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
