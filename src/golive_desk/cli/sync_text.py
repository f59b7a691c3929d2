"""Sync warnings in English words, for the command line (the window has its own, in Chinese)."""

from __future__ import annotations

from typing import Any

from golive_desk.domain.sync_warnings import SyncWarning, WarningCode

_CLOCK_WHAT = {
    WarningCode.CLOCK_AHEAD: "dated in the future (e.g. {sample})",
    WarningCode.CLOCK_PAST: "dated {day}, long before this program existed",
    WarningCode.CLOCK_BEHIND: "dated before the edits they build on (e.g. {sample})",
    WarningCode.CLOCK_UNREADABLE: "with an unreadable date",
    WarningCode.LAMPORT_JUMP: "with a logical clock that jumps far ahead ({sample})",
}

_OTHER = {
    WarningCode.DUPLICATE_PROJECT_CODE:
        "{count} projects now share the code {code} (created on different computers); "
        "rename or delete one of them",
    WarningCode.DUPLICATE_ISSUE_NUMBER:
        "{count} issues now share the number {number}: two computers number issues with "
        "the same initials; open them by their titles and set up one of the computers with "
        "other initials",
}


def warning_text(warning: SyncWarning) -> str:
    """One warning as a sentence; a code this version does not know as code and values."""
    params = dict(warning.params)
    try:
        if warning.is_clock:
            sample = str(params.get("sample", ""))
            what = _CLOCK_WHAT[WarningCode(warning.code)].format(sample=sample, day=sample[:10])
            return (f"clock skew: {params['count']} op(s) from {params['author']} (node "
                    f"{str(params['node'])[:8]}) are {what}; check that computer's clock. "
                    f"The merge does not use clock time, so nothing else changes.")
        return _OTHER[WarningCode(warning.code)].format(**params)
    except (KeyError, ValueError):
        values = ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
        return f"{warning.code} ({values})" if values else warning.code


def warning_json(warning: SyncWarning) -> dict[str, Any]:
    """Code and values for scripts, with the English sentence beside them."""
    return {**warning.as_json(), "text": warning_text(warning)}
