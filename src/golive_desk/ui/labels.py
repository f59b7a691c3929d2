"""Enum codes in the user's language (the stored codes stay English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.enums import ProjectStatus, Role, Side, SupportMode
from golive_desk.domain.issue_kinds import (
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
        # (set by the handover's sign-off: the project is in O&M's hands now)
        ProjectStatus.HANDOVER: QCoreApplication.translate("Labels", "Handed over"),
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
        "timeline_entry": QCoreApplication.translate("Fields", "Timeline entries"),
        "attachment": QCoreApplication.translate("Fields", "Attachments"),
        "assignee_id": QCoreApplication.translate("Fields", "Assignee (person)"),
        "reporter_id": QCoreApplication.translate("Fields", "Reporter (person)"),
        "membership": QCoreApplication.translate("Fields", "Project members"),
        "code": QCoreApplication.translate("Fields", "Project code"),
        "modules": QCoreApplication.translate("Fields", "Modules"),
        "sla_policy": QCoreApplication.translate("Fields", "SLA policy"),
        "onsite_days": QCoreApplication.translate("Fields", "On-site days after go-live"),
        "doc_prefix": QCoreApplication.translate("Fields", "Document number prefix"),
        "vendor_pm": QCoreApplication.translate("Fields", "Vendor PM"),
        "customer_pm": QCoreApplication.translate("Fields", "Customer PM"),
        "initials": QCoreApplication.translate("Fields", "Initials"),
        "side": QCoreApplication.translate("Fields", "Side"),
        "start_day": QCoreApplication.translate("Fields", "First day"),
        "end_day": QCoreApplication.translate("Fields", "Last day"),
        "half": QCoreApplication.translate("Fields", "Day part"),
        "note": QCoreApplication.translate("Fields", "Note"),
        "kind": QCoreApplication.translate("Fields", "Kind"),
        "day": QCoreApplication.translate("Fields", "Date"),
        "handover_thresholds": QCoreApplication.translate("Fields", "Exit thresholds"),
        "handover_override": QCoreApplication.translate(
            "Fields", "Reason to hand over with red criteria"),
        "handover_lessons": QCoreApplication.translate("Fields", "Lessons learned"),
        "handover_by": QCoreApplication.translate(
            "Fields", "Handed over by (implementation dept.)"),
        "handover_receiver": QCoreApplication.translate(
            "Fields", "Received by (O&M service dept.)"),
        "accept_customer": QCoreApplication.translate("Fields", "Customer PM signing"),
        "accept_vendor": QCoreApplication.translate("Fields", "Vendor PM signing"),
        "accepted_on": QCoreApplication.translate("Fields", "Accepted on"),
        "actions": QCoreApplication.translate("Fields", "Actions"),
        "contacts": QCoreApplication.translate("Fields", "Contacts"),
        "escalation": QCoreApplication.translate("Fields", "Escalation"),
        "position": QCoreApplication.translate("Fields", "Order"),
        "symptom": QCoreApplication.translate("Fields", "Symptom"),
        "solution": QCoreApplication.translate("Fields", "Solution"),
        "issue_id": QCoreApplication.translate("Fields", "Issue"),
        "year": QCoreApplication.translate("Fields", "Year"),
        "data": QCoreApplication.translate("Fields", "Data"),
    }
    return names.get(name, name)


# -- issues ---------------------------------------------------------------------
# lupdate finds calls named translate(…) with literal strings; an alias named
# anything else (tr = …) would hide them.

def issue_status(value: IssueStatus) -> str:
    translate = QCoreApplication.translate
    return {
        IssueStatus.NEW: translate("Labels", "New"),
        IssueStatus.IN_PROGRESS: translate("Labels", "In progress"),
        IssueStatus.ESCALATED: translate("Labels", "Escalated"),
        IssueStatus.BRANCH_TESTED: translate("Labels", "Branch tested"),
        IssueStatus.APPLIED_ON_SITE: translate("Labels", "Applied on site"),
        IssueStatus.RESOLVED: translate("Labels", "Resolved"),
        IssueStatus.CLOSED: translate("Labels", "Closed"),
        IssueStatus.TRANSFERRED: translate("Labels", "Transferred to O&M"),
    }[value]


def status_action(current: IssueStatus, target: IssueStatus) -> str:
    """The button that moves an issue from ``current`` to ``target`` (a verb, not a state)."""
    translate = QCoreApplication.translate
    if target == IssueStatus.IN_PROGRESS:
        if current in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            return translate("Labels", "Reopen")
        if current != IssueStatus.NEW:
            return translate("Labels", "Back to work")
        return translate("Labels", "Start work")
    return {
        IssueStatus.ESCALATED: translate("Labels", "Escalate to PM"),
        IssueStatus.BRANCH_TESTED: translate("Labels", "Branch test passed"),
        IssueStatus.APPLIED_ON_SITE: translate("Labels", "Applied on site"),
        IssueStatus.RESOLVED: translate("Labels", "Resolve"),
        IssueStatus.CLOSED: translate("Labels", "Close (customer confirmed)"),
        IssueStatus.TRANSFERRED: translate("Labels", "Transfer to O&M"),
        IssueStatus.NEW: translate("Labels", "New"),
    }[target]


def severity(value: Severity) -> str:
    translate = QCoreApplication.translate
    return {Severity.URGENT: translate("Labels", "Urgent"),
            Severity.HIGH: translate("Labels", "High"),
            Severity.MEDIUM: translate("Labels", "Medium"),
            Severity.LOW: translate("Labels", "Low")}[value]


def category(value: Category) -> str:
    translate = QCoreApplication.translate
    return {
        Category.OPERATION_ERROR: translate("Labels", "Operation error"),
        Category.CONFIGURATION: translate("Labels", "Configuration"),
        Category.DATA: translate("Labels", "Data"),
        Category.SOFTWARE_DEFECT: translate("Labels", "Software defect"),
        Category.CHANGE_REQUEST: translate("Labels", "Change request"),
        Category.ENVIRONMENT_PRINTING: translate("Labels", "Environment/printing"),
        Category.OTHER: translate("Labels", "Other"),
    }[value]


def timeline_kind(value: TimelineKind) -> str:
    translate = QCoreApplication.translate
    return {
        TimelineKind.NOTE: translate("Labels", "Note"),
        TimelineKind.STATUS_CHANGE: translate("Labels", "Status change"),
        TimelineKind.FIELD_CHANGE: translate("Labels", "Field changed"),
        TimelineKind.CUSTOMER_NOTIFIED: translate("Labels", "Customer notified"),
        TimelineKind.ESCALATED: translate("Labels", "Escalated"),
        TimelineKind.BRANCH_TESTED: translate("Labels", "Branch test"),
        TimelineKind.APPLIED_ON_SITE: translate("Labels", "Applied on site"),
        TimelineKind.CREATED: translate("Labels", "Created"),
    }[value]


def notify_channel(value: NotifyChannel) -> str:
    translate = QCoreApplication.translate
    return {NotifyChannel.ONSITE: translate("Labels", "On site"),
            NotifyChannel.PHONE: translate("Labels", "Phone"),
            NotifyChannel.MAIL: translate("Labels", "Mail"),
            NotifyChannel.IM: translate("Labels", "Instant message")}[value]


def issue_value(field: str, value: object) -> str:
    """A stored field value in words: enum codes translated, empty shown as a dash."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return (QCoreApplication.translate("Labels", "yes") if value
                else QCoreApplication.translate("Labels", "no"))
    text = str(value)
    try:
        if field == "severity":
            return severity(Severity(text))
        if field == "status":
            return issue_status(IssueStatus(text))
        if field == "category":
            return category(Category(text))
        if field == "mode":
            return support_mode(SupportMode(text))
    except ValueError:  # a code from a newer version: show it as it is
        return text
    if field == "reported_at":
        return text.replace("T", " ")
    return text
