"""The import and export reports as HTML for the Sync page."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from golive_desk.services.sync_models import ExportResult, ImportReport
from golive_desk.ui.labels import field_label
from golive_desk.ui.sync.models import show_value


def export_html(result: ExportResult) -> str:
    rows = [
        (QCoreApplication.translate("SyncReport", "File"), str(result.file)),
        (QCoreApplication.translate("SyncReport", "Changes"), str(result.ops)),
        (QCoreApplication.translate("SyncReport", "Attachments"), str(result.blobs)),
        (QCoreApplication.translate("SyncReport", "Size"), f"{result.bytes / 1024:,.1f} KB"),
    ]
    title = QCoreApplication.translate("SyncReport", "Bundle written")
    return f"<h3>{title}</h3>" + _table(rows)


def import_html(report: ImportReport) -> str:
    if report.applied == 0 and report.pending == 0:
        title = QCoreApplication.translate(
            "SyncReport", "Nothing new: this store already had everything in the bundle.")
    else:
        title = QCoreApplication.translate("SyncReport", "Bundle imported")
    rows = [
        (QCoreApplication.translate("SyncReport", "From"), report.from_name),
        (QCoreApplication.translate("SyncReport", "Applied"), str(report.applied)),
        (QCoreApplication.translate("SyncReport", "Already here"), str(report.already_had)),
        (QCoreApplication.translate("SyncReport", "Waiting for earlier changes"),
         str(report.pending)),
        (QCoreApplication.translate("SyncReport", "New conflicts"), str(len(report.conflicts))),
    ]
    if report.enrolled:
        rows.append((QCoreApplication.translate("SyncReport", "Computers enrolled"),
                     ", ".join(report.enrolled)))
    html = f"<h3>{escape(title)}</h3>" + _table(rows)
    if report.conflicts:
        html += "<h4>" + QCoreApplication.translate("SyncReport", "Conflicts to resolve") + "</h4>"
        html += "<ul>" + "".join(
            f"<li>{escape(c.label)} · {escape(field_label(c.field))}: "
            + " ⟷ ".join(escape(show_value(v.value, c.field)) for v in c.values) + "</li>"
            for c in report.conflicts) + "</ul>"
    if report.warnings:
        html += "<h4>" + QCoreApplication.translate("SyncReport", "Warnings") + "</h4>"
        html += "<ul>" + "".join(f"<li>{escape(w)}</li>" for w in report.warnings) + "</ul>"
    return html


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='padding-right:16px;color:#66748c'>{escape(k)}</td>"
                    f"<td><b>{escape(v)}</b></td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"
