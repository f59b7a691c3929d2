"""What an import warns about: a code and the values to show, never a sentence.

Services return these; the window (``ui/sync/report_text.py``) and the command
line (``cli/sync_commands.py``) put them into words in the user's language.
The import log keeps them as JSON (:meth:`SyncWarning.as_json`). A feature's own
business rule may bring its own codes; a code nobody words is shown as code
and values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

WarningValue = str | int


class WarningCode(StrEnum):
    """The warnings of the sync service and its default rules.

    Clock warnings (``author``, ``node``, ``count`` ops, a ``sample`` value) say
    a computer's clock looks wrong; the merge uses no clock time, so nothing
    else changes.
    """

    CLOCK_AHEAD = "clock_ahead"  # dated in the future (sample: a wall time)
    CLOCK_PAST = "clock_past"  # dated before this program existed (sample: a wall time)
    CLOCK_BEHIND = "clock_behind"  # dated over a day before what they build on
    CLOCK_UNREADABLE = "clock_unreadable"  # a wall time that is no date
    LAMPORT_JUMP = "lamport_jump"  # a logical clock far ahead (sample: the clock)
    # ``count`` live projects share ``code`` (made offline on two computers).
    DUPLICATE_PROJECT_CODE = "duplicate_project_code"
    # ``count`` live issues share ``number`` (two computers with the same initials).
    DUPLICATE_ISSUE_NUMBER = "duplicate_issue_number"


CLOCK_CODES = frozenset({WarningCode.CLOCK_AHEAD, WarningCode.CLOCK_PAST,
                         WarningCode.CLOCK_BEHIND, WarningCode.CLOCK_UNREADABLE,
                         WarningCode.LAMPORT_JUMP})


@dataclass(frozen=True)
class SyncWarning:
    """One warning: ``code`` (usually a :class:`WarningCode`) and its parameters."""

    code: str
    params: Mapping[str, WarningValue] = field(default_factory=dict)

    @staticmethod
    def of(code: str, /, **params: WarningValue) -> SyncWarning:
        return SyncWarning(str(code), params)

    @property
    def is_clock(self) -> bool:
        """A clock warning (see :class:`WarningCode`)."""
        return self.code in CLOCK_CODES

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "params": dict(self.params)}
