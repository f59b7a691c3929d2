"""Typed errors in the user's language. Only the UI and CLI turn errors into words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.errors import GoLiveError


def describe(err: GoLiveError) -> str:
    """A sentence for the user in their language; unknown codes show the English message."""
    path = str(err.details.get("path", ""))
    templates = {
        "not_a_store": QCoreApplication.translate("ErrorText", "%1 is not a GoLive Desk store."),
        "store_missing": QCoreApplication.translate("ErrorText", "There is no store at %1."),
        "store_too_new": QCoreApplication.translate(
            "ErrorText",
            "%1 was written by a newer GoLive Desk. Please upgrade this program to open it; "
            "the file was not changed."),
        "store_busy": QCoreApplication.translate(
            "ErrorText", "%1 is locked by another program. Close that program (or wait for it "
            "to finish) and try again."),
        "store_damaged": QCoreApplication.translate(
            "ErrorText", "%1 is damaged, so nothing can be saved to it. GoLive Desk can copy "
            "everything it can still read into a new store beside it (the damaged file is not "
            "changed); on the command line: golive-desk doctor --recover."),
        "store_locked": QCoreApplication.translate(
            "ErrorText", "This store is already open in another GoLive Desk window."),
        "store_read_only": QCoreApplication.translate(
            "ErrorText", "%1 cannot be written (read-only disk or folder). Nothing was saved."),
        "disk_full": QCoreApplication.translate(
            "ErrorText", "The disk is full. Nothing was saved; free some space and try again."),
    }
    template = templates.get(err.code)
    if template is not None:
        return template.replace("%1", path)
    return err.message
