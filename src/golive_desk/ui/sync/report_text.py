"""The import and export reports as HTML for the Sync page."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.sync_warnings import SyncWarning, WarningCode
from golive_desk.services.sync_models import ExportResult, ImportReport
from golive_desk.ui.labels import field_label
from golive_desk.ui.rich_text import escape
from golive_desk.ui.sync.models import show_value

# The export report's "Open folder" link (the page opens the bundle's folder).
OPEN_FOLDER = "golive:open-folder"


def record_kind(kind: str) -> str:
    """What people call records of an entity kind, in the report's counts."""
    names = {
        "issue": QCoreApplication.translate("SyncReport", "Issues"),
        "timeline_entry": QCoreApplication.translate("SyncReport", "Notes and steps"),
        "attachment": QCoreApplication.translate("SyncReport", "Attachments"),
        "person": QCoreApplication.translate("SyncReport", "People"),
        "membership": QCoreApplication.translate("SyncReport", "Project members"),
        "project": QCoreApplication.translate("SyncReport", "Projects"),
        "holiday_year": QCoreApplication.translate("SyncReport", "Holiday calendars"),
        "support_slot": QCoreApplication.translate("SyncReport", "Support days"),
        "milestone": QCoreApplication.translate("SyncReport", "Milestones"),
        "emergency_scenario": QCoreApplication.translate("SyncReport",
                                                         "Emergency plan scenarios"),
        "maintenance_note": QCoreApplication.translate("SyncReport", "Maintenance notes"),
    }
    return names.get(kind, kind)


def record_rows(records: tuple[tuple[str, int], ...]) -> list[tuple[str, str]]:
    """One row per kind of record, issues first: what a user counts, not ops."""
    order = ("project", "issue", "timeline_entry", "attachment", "person", "membership")
    ranked = sorted(records, key=lambda kv: (order.index(kv[0]) if kv[0] in order
                                             else len(order), kv[0]))
    return [(record_kind(kind), f"{count:,}") for kind, count in ranked]


def export_html(result: ExportResult) -> str:
    rows = [(QCoreApplication.translate("SyncReport", "File"), str(result.file))]
    rows += record_rows(result.records)
    rows.append((QCoreApplication.translate("SyncReport", "Size"),
                 f"{result.bytes / 1024:,.1f} KB"))
    title = QCoreApplication.translate("SyncReport", "Bundle written")
    link = QCoreApplication.translate("SyncReport", "Open folder")
    return (_heading(title) + _table(rows)
            + f"<p><a href='{OPEN_FOLDER}'>{escape(link)}</a></p>")


def import_html(report: ImportReport) -> str:
    if report.applied == 0 and report.pending == 0:
        title = QCoreApplication.translate(
            "SyncReport", "Nothing new: this store already had everything in the bundle.")
    else:
        title = QCoreApplication.translate("SyncReport", "Bundle imported")
    rows = [(QCoreApplication.translate("SyncReport", "From"), report.from_name)]
    if report.records:
        rows.append((QCoreApplication.translate("SyncReport", "New or changed"), ""))
        rows += [(f"    {kind}", count) for kind, count in record_rows(report.records)]
    if report.pending:
        rows.append((QCoreApplication.translate(
            "SyncReport", "Edits waiting for an earlier bundle"), f"{report.pending:,}"))
    rows.append((QCoreApplication.translate("SyncReport", "New conflicts"),
                 str(len(report.conflicts))))
    if report.enrolled:  # by name: the sender's; others (keys it carried) by a short id
        rows.append((QCoreApplication.translate("SyncReport", "Computers enrolled"),
                     ", ".join(report.from_name if node == report.from_node else node[:8]
                               for node in report.enrolled)))
    html = _heading(title) + _table(rows)
    if report.conflicts:
        html += "<h4>" + QCoreApplication.translate("SyncReport", "Conflicts to resolve") + "</h4>"
        line = QCoreApplication.translate("SyncReport", "%1 · %2: %3")
        html += "<ul>" + "".join(
            "<li>" + _fill(line, escape(c.label), escape(field_label(c.field)), " ⟷ ".join(
                escape(show_value(v.value, c.field)) for v in c.values)) + "</li>"
            for c in report.conflicts) + "</ul>"
    if report.warnings:
        html += "<h4>" + QCoreApplication.translate("SyncReport", "Warnings") + "</h4>"
        html += "<ul>" + "".join(f"<li>{escape(warning_text(w))}</li>"
                                 for w in report.warnings) + "</ul>"
    return html


def _fill(template: str, *values: object) -> str:
    """Qt's ``%1`` … ``%9`` markers replaced in one pass (a value may itself hold ``%2``)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1])
                  if int(m.group(1)) <= len(values) else m.group(0), template)


def _clock_what(code: str, sample: str) -> str:
    if code == WarningCode.CLOCK_AHEAD:
        return _fill(QCoreApplication.translate(
            "SyncReport", "dated in the future (e.g. %1)"), sample)
    if code == WarningCode.CLOCK_PAST:
        return _fill(QCoreApplication.translate(
            "SyncReport", "dated %1, long before this program existed"), sample[:10])
    if code == WarningCode.CLOCK_BEHIND:
        return _fill(QCoreApplication.translate(
            "SyncReport", "dated before the edits they build on (e.g. %1)"), sample)
    if code == WarningCode.LAMPORT_JUMP:
        return _fill(QCoreApplication.translate(
            "SyncReport", "with a logical clock that jumps far ahead (%1)"), sample)
    return QCoreApplication.translate("SyncReport", "with an unreadable date")


def warning_text(warning: SyncWarning) -> str:
    """An import warning in the user's language; an unknown code as code and values."""
    p = warning.params
    if warning.is_clock and {"count", "author", "node"} <= set(p):
        return _fill(QCoreApplication.translate(
            "SyncReport", "Clock skew: %1 change(s) from %2 (computer %3) are %4; check that "
            "computer's clock. The merge does not use clock time, so nothing else changes."),
            p["count"], p["author"], str(p["node"])[:8],
            _clock_what(warning.code, str(p.get("sample", ""))))
    if warning.code == WarningCode.DUPLICATE_PROJECT_CODE and {"count", "code"} <= set(p):
        return _fill(QCoreApplication.translate(
            "SyncReport", "%1 projects now share the code %2 (created on different computers); "
            "rename or delete one of them."), p["count"], p["code"])
    if warning.code == WarningCode.DUPLICATE_ISSUE_NUMBER and {"count", "number"} <= set(p):
        return _fill(QCoreApplication.translate(
            "SyncReport", "%1 issues now share the number %2: two computers number issues with "
            "the same initials. Open them by their titles and set up one of the computers "
            "with other initials."), p["count"], p["number"])
    values = ", ".join(f"{k}={v}" for k, v in sorted(p.items()))
    return f"{warning.code} ({values})" if values else warning.code


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='padding-right:16px;color:#66748c;white-space:pre'>"
                    f"{escape(k)}</td>"
                    f"<td><b>{escape(v)}</b></td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def _heading(text: str) -> str:
    # Not <h3>: at its size, bold Latin text falls to the bundled CJK font's bitmap
    # strike, whose word-initial "i" reads as "I" ("Bundle Imported").
    return f"<p style='font-size:14pt; font-weight:700'>{escape(text)}</p>"
