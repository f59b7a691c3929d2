"""Issue records (问题记录单): enums, field names and read models.

The workflow and field rules live in :mod:`golive_desk.domain.issue_rules`;
this module only names things, so every layer can import it cheaply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from golive_desk.domain.conflicts import ConflictKind, ConflictValue, FieldConflict
from golive_desk.domain.enums import SupportMode
from golive_desk.domain.issue_kinds import (
    MANUAL_KINDS,
    OPEN_STATUSES,
    SEVERITY_RANK,
    Category,
    IssueStatus,
    NotifyChannel,
    Severity,
    TimelineKind,
)
from golive_desk.domain.ops import JsonValue

__all__ = [
    "DEFAULT_MODULES", "EDITABLE_FIELDS", "ISSUE_FIELDS", "MANUAL_KINDS", "OPEN_STATUSES",
    "SEVERITY_RANK", "SLA_SORT", "SORT_KEYS",
    "Attachment", "Category", "ConflictKind", "ConflictValue", "FieldConflict", "Issue",
    "IssueQuery", "IssueStatus", "NotifyChannel", "Severity", "TimelineEntry", "TimelineKind",
]

# The modules of a typical finance + supply-chain go-live; each project may
# replace the list (projects.modules), so the rule checks against the project's.
DEFAULT_MODULES: tuple[str, ...] = ("总账", "应收", "应付", "存货", "采购", "销售", "成本")


# Every field of the issue entity, in the order of the printed sheet.
ISSUE_FIELDS: tuple[str, ...] = (
    "project_id", "number", "title", "description", "module", "function", "category",
    "severity", "status", "mode", "reporter", "reporter_dept", "reported_at", "expected_by",
    "assignee", "cause", "proposal", "resolution", "result", "confirmed_by", "confirmed_at",
    "maintenance_note",
)

# Fields a person edits in the form (or with ``issue set``). ``status`` moves
# only through the workflow; ``project_id`` and ``number`` never change.
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    f for f in ISSUE_FIELDS if f not in ("project_id", "number", "status"))

TIMELINE_FIELDS: tuple[str, ...] = (
    "issue_id", "kind", "text", "channel", "whom", "at", "from_status", "to_status",
)
ATTACHMENT_FIELDS: tuple[str, ...] = ("issue_id", "name", "sha256", "size", "mime")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of 处理过程跟踪. ``at`` is local time, ``YYYY-MM-DDTHH:MM``.

    Field changes are derived from the op log (``id`` is then the op id), so the
    fact "severity went from high to urgent" is stored once, in the set op.
    """

    id: str
    issue_id: str
    kind: TimelineKind
    text: str
    author: str
    at: str
    channel: NotifyChannel | None = None
    whom: str = ""
    field: str = ""
    old_value: JsonValue = None
    new_value: JsonValue = None
    from_status: IssueStatus | None = None
    to_status: IssueStatus | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str
    issue_id: str
    name: str
    sha256: str
    size: int
    mime: str
    author: str
    at: str


def overdue(status: IssueStatus, expected_by: date | None, today: date) -> bool:
    """Still open after the expected-by date."""
    return status in OPEN_STATUSES and expected_by is not None and expected_by < today


@dataclass(frozen=True, slots=True)
class Issue:
    """An issue as the register and the form show it.

    ``timeline``, ``attachments`` and ``conflicts`` are filled only by the
    single-issue read (``IssueService.get``); list reads leave them empty.
    """

    id: str
    project_id: str
    project_code: str
    number: str
    title: str
    description: str
    module: str
    function: str
    category: Category
    severity: Severity
    status: IssueStatus
    mode: SupportMode
    reporter: str
    reporter_dept: str
    reported_at: str
    expected_by: date | None
    assignee: str
    cause: str
    proposal: str
    resolution: str
    result: str
    confirmed_by: str
    confirmed_at: date | None
    maintenance_note: bool
    created_at: str
    created_by: str
    updated_at: str
    deleted: bool
    timeline: tuple[TimelineEntry, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    conflicts: tuple[FieldConflict, ...] = ()
    # Per field, the op ids of the versions this read saw: a save passes them on, so
    # it supersedes only what the user saw (a value imported meanwhile stays in conflict).
    versions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The people ``assignee`` and ``reporter`` name, when they are members of the
    # project (None: a free name, or an issue written before people had ids).
    assignee_id: str | None = None
    reporter_id: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        return overdue(self.status, self.expected_by, today)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the register: only what its columns and tooltip show.

    The register reads thousands of these while scrolling; the whole
    :class:`Issue` (cause, resolution, confirmation, …) is read when one opens.
    ``summary`` is the start of the description, for the title's tooltip.
    """

    id: str
    number: str
    title: str
    summary: str
    module: str
    category: Category
    severity: Severity
    status: IssueStatus
    assignee: str
    reporter: str
    reported_at: str
    expected_by: date | None
    updated_at: str

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        return overdue(self.status, self.expected_by, today)


# Columns the register sorts by. Severity sorts by urgency and status by the
# workflow's order, not alphabetically.
SORT_KEYS: tuple[str, ...] = (
    "number", "title", "module", "function", "category", "severity", "status", "mode",
    "reporter", "reported_at", "expected_by", "assignee", "created_at", "updated_at",
)
# Sorting by the SLA clock: not a column but the working time left, computed
# for every matching issue (services/issues.py); the most pressing first.
SLA_SORT = "sla"


@dataclass(frozen=True, slots=True)
class IssueQuery:
    """The register's filters and sort. Empty sets and None mean "any".

    ``mine``: assigned to the local user. ``overdue``: still open and past its
    expected-by date. ``text``: full-text search (see storage/search.py).
    ``sla``: "breached" or "at_risk" (a ``domain.sla.SlaState`` value; "" any):
    the SLA clock's state now — every issue's clock is read to answer it.
    """

    project: str | None = None
    statuses: frozenset[IssueStatus] = field(default_factory=frozenset)
    severities: frozenset[Severity] = field(default_factory=frozenset)
    categories: frozenset[Category] = field(default_factory=frozenset)
    modules: frozenset[str] = field(default_factory=frozenset)
    assignee: str | None = None
    reported_from: date | None = None
    reported_to: date | None = None
    mine: bool = False
    overdue: bool = False
    text: str = ""
    include_deleted: bool = False
    sort: str = "reported_at"
    descending: bool = True
    sla: str = ""
