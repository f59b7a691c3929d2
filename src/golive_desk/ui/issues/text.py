"""Issue errors and timeline lines in the user's language, and the colours of the chips.

Services raise typed errors carrying a ``rule`` (validation) or ``reason``
(workflow) code; the words are chosen here from that code, never by parsing
the English message. An unknown code falls back to the English message, so a
newer core never leaves the user without an explanation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import (
    FileTooLargeError,
    FileUnreadableError,
    GoLiveError,
    ValidationError,
    WorkflowError,
)
from golive_desk.domain.issues import IssueStatus, Severity, TimelineEntry, TimelineKind
from golive_desk.ui import labels
from golive_desk.ui.error_text import describe

# lupdate finds translate("IssueText", "…") calls by this name.
translate = QCoreApplication.translate


def validation(err: ValidationError) -> str:
    """What is wrong with one field, phrased for the line beside it."""
    details = err.details
    rule = str(details.get("rule", ""))
    name = str(details.get("name", ""))
    if isinstance(err, FileTooLargeError):
        size = int(str(details.get("size", 0))) / 1024 / 1024
        text = translate("IssueText", "%1 is %2 MB; attachments must be smaller than 50 MB.")
        return text.replace("%1", name).replace("%2", f"{size:.1f}")
    if isinstance(err, FileUnreadableError):
        text = translate("IssueText", "%1 cannot be read; nothing was attached.")
        return text.replace("%1", name)
    if rule == "required":
        return {
            "title": translate("IssueText",
                               "Give the issue a title: what went wrong, in a few words."),
            "channel": translate("IssueText", "Choose how the customer was notified."),
            "whom": translate("IssueText", "Say whom at the customer you notified."),
            "text": translate("IssueText", "Write the note first."),
        }.get(err.field, translate("IssueText", "This field must be filled in."))
    if rule == "too_long":
        text = translate("IssueText", "Too long: at most %1 characters.")
        return text.replace("%1", str(details.get("limit")))
    if rule == "module":
        text = translate("IssueText", "Unknown module. This project's modules are: %1.")
        return text.replace("%1", str(details.get("choices", "")).replace(", ", "、"))
    if rule in ("date", "datetime"):
        return translate("IssueText", "Not a valid date.")
    if rule == "before_reported":
        reported = str(details.get("reported", ""))
        if err.field == "confirmed_at":
            text = translate("IssueText",
                             "The customer cannot confirm before the report date (%1).")
        else:
            text = translate("IssueText", "The expected-by date is before the report date (%1).")
        return text.replace("%1", reported)
    if rule == "choice":
        return translate("IssueText", "Choose one of the listed values.")
    return err.message


def workflow(err: WorkflowError) -> str:
    """Why a status change is not allowed (or not yet)."""
    return workflow_reason(str(err.details.get("reason", "")), err.message)


def workflow_reason(reason: str, fallback: str = "") -> str:
    texts = {
        "needs_proposal": translate(
            "IssueText", "Fill in the proposed handling first."),
        "needs_resolution": translate("IssueText", "Fill in the resolution first."),
        "needs_confirmation": translate(
            "IssueText", "Fill in who at the customer confirmed, and when."),
        "same_status": translate("IssueText", "The issue already has this status."),
        "transferred": translate(
            "IssueText", "The issue was transferred to O&M and is followed up there."),
        "no_return_to_new": translate(
            "IssueText", "An issue that has been worked on cannot go back to new."),
        "branch_test_needs_escalation": translate(
            "IssueText", "Only an escalated issue's solution is tested at the branch office."),
        "apply_needs_branch_test": translate(
            "IssueText", "Test the solution at the branch office before applying it on site."),
        "escalated_needs_test_and_apply": translate(
            "IssueText", "An escalated issue's solution is tested at the branch office and "
            "applied on site before the issue is resolved."),
        "close_needs_resolved": translate("IssueText", "Only a resolved issue can be closed."),
        "escalate_from_applied": translate(
            "IssueText", "The solution is already applied on site; reopen work first."),
        "reopen_first": translate("IssueText", "Reopen the issue first."),
        "deleted": translate("IssueText", "The issue is deleted; restore it first."),
        "no_conflict": translate("IssueText", "This field no longer has conflicting versions."),
        "conflict": translate(
            "IssueText", "This field has conflicting versions from another computer; "
            "choose the one to keep in the conflict box first."),
    }
    return texts.get(reason) or fallback or translate(
        "IssueText", "This status change is not allowed.")


def error(err: GoLiveError) -> str:
    """Any typed error raised by an issue use case, in words."""
    if isinstance(err, ValidationError):
        return validation(err)
    if isinstance(err, WorkflowError):
        return workflow(err)
    return describe(err)


def timeline_line(entry: TimelineEntry) -> str:
    """The headline of a timeline entry: what happened (the entry's text follows below)."""
    kind = entry.kind
    if kind == TimelineKind.CREATED:
        return _created_line(entry)
    if kind == TimelineKind.STATUS_CHANGE and entry.to_status is not None:
        before = labels.issue_status(entry.from_status) if entry.from_status else "–"
        return (translate("IssueText", "Status %1 → %2").replace("%1", before)
                .replace("%2", labels.issue_status(entry.to_status)))
    if kind == TimelineKind.FIELD_CHANGE:
        if entry.field == "deleted":
            if entry.new_value:
                return translate("IssueText", "Deleted the issue")
            return translate("IssueText", "Restored the issue")
        name = labels.field_label(entry.field)
        old = _short(labels.issue_value(entry.field, entry.old_value))
        new = _short(labels.issue_value(entry.field, entry.new_value))
        if entry.old_value in (None, "") and entry.new_value not in (None, ""):
            return translate("IssueText", "Filled in %1: %2").replace("%1", name).replace(
                "%2", new)
        if entry.new_value in (None, "") and entry.old_value not in (None, ""):
            return translate("IssueText", "Cleared %1 (was %2)").replace("%1", name).replace(
                "%2", old)
        return (translate("IssueText", "Changed %1 from %2 to %3")
                .replace("%1", name).replace("%2", old).replace("%3", new))
    if kind == TimelineKind.CUSTOMER_NOTIFIED:
        how = labels.notify_channel(entry.channel) if entry.channel else ""
        parts = [p for p in (how, entry.whom) if p]
        if not parts:
            return labels.timeline_kind(kind)
        # "Customer notified (Phone, 刘芳)", "已通知客户（电话，刘芳）": each language's marks.
        joined = translate("IssueText", ", ").join(parts)
        return (translate("IssueText", "%1 (%2)").replace("%1", labels.timeline_kind(kind))
                .replace("%2", joined))
    return labels.timeline_kind(kind)


def _created_line(entry: TimelineEntry) -> str:
    """"Issue created: reported by 黄晓燕 (Phone)", "创建问题：黄晓燕 报告（电话）"."""
    mode = (labels.support_mode(SupportMode(str(entry.new_value)))
            if entry.new_value in set(SupportMode) else "")
    if entry.whom and mode:
        return (translate("IssueText", "Issue created: reported by %1 (%2)")
                .replace("%1", entry.whom).replace("%2", mode))
    if entry.whom:
        return translate("IssueText", "Issue created: reported by %1").replace("%1", entry.whom)
    if mode:
        return translate("IssueText", "Issue created (%1)").replace("%1", mode)
    return translate("IssueText", "Issue created")


def _short(text: str, limit: int = 80) -> str:
    """A long text (a whole cause analysis) as one readable line of the timeline."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def timeline_body(entry: TimelineEntry) -> str:
    """The entry's own text; field changes carry none (their headline says it all)."""
    return "" if entry.kind in (TimelineKind.FIELD_CHANGE, TimelineKind.CREATED) else entry.text


# -- colours ------------------------------------------------------------------------
# Soft backgrounds with a darker text of the same hue: readable, and calm enough
# that a register full of urgent issues does not shout.

_SEVERITY_COLOURS: dict[Severity, tuple[str, str]] = {
    Severity.URGENT: ("#fde4e4", "#b3261e"),
    Severity.HIGH: ("#fff0db", "#a05a00"),
    Severity.MEDIUM: ("#e6effc", "#24539e"),
    Severity.LOW: ("#eef1f5", "#5a6980"),
}

_STATUS_COLOURS: dict[IssueStatus, tuple[str, str]] = {
    IssueStatus.NEW: ("#e3f0ff", "#0b57d0"),
    IssueStatus.IN_PROGRESS: ("#e0f4f1", "#00695c"),
    IssueStatus.ESCALATED: ("#f3e8fd", "#7b1fa2"),
    IssueStatus.BRANCH_TESTED: ("#ebeafd", "#4338a8"),
    IssueStatus.APPLIED_ON_SITE: ("#e1f3fb", "#01699a"),
    IssueStatus.RESOLVED: ("#e6f4e6", "#2e7d32"),
    IssueStatus.CLOSED: ("#eceff3", "#55606f"),
    IssueStatus.TRANSFERRED: ("#f5ede4", "#7a5230"),
}


def severity_colours(value: Severity) -> tuple[QColor, QColor]:
    background, text = _SEVERITY_COLOURS[value]
    return QColor(background), QColor(text)


def status_colours(value: IssueStatus) -> tuple[QColor, QColor]:
    background, text = _STATUS_COLOURS[value]
    return QColor(background), QColor(text)


def status_css(value: IssueStatus) -> str:
    """A chip's style sheet for a QLabel (the form's header)."""
    background, text = _STATUS_COLOURS[value]
    return (f"background: {background}; color: {text}; border-radius: 10px; "
            "padding: 3px 12px; font-weight: 600;")


def severity_css(value: Severity) -> str:
    background, text = _SEVERITY_COLOURS[value]
    return (f"background: {background}; color: {text}; border-radius: 10px; "
            "padding: 3px 12px; font-weight: 600;")
