"""The issue read models (``Issue``, ``RegisterRow``, ``TimelineEntry``, ``Attachment``)
built from the projections, and the timeline from entries plus the op log.

Services call these with the transaction they opened; rows never leave storage.

Field edits are not stored twice: a ``set`` op already says who changed
which field to what and, through ``prev``, from what. The timeline derives
"X changed severity from high to urgent" from those ops, and its first line,
"X created the issue" (the reporter, the support mode), from the create op.
Status changes are
the exception: they are timeline entries of their own (with the note saying
why), so status ``set`` ops are not repeated here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Connection, Row

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.issue_rules import describe_creation, describe_field_change
from golive_desk.domain.issues import (
    EDITABLE_FIELDS,
    Attachment,
    Category,
    FieldConflict,
    Issue,
    IssueQuery,
    IssueStatus,
    NotifyChannel,
    RegisterRow,
    Severity,
    TimelineEntry,
    TimelineKind,
)
from golive_desk.domain.ops import JsonValue, Op, OpKind
from golive_desk.domain.schema import ISSUE_PERSON_FIELDS
from golive_desk.storage import issue_queries as q
from golive_desk.storage.conflicts import conflicts as find_conflicts
from golive_desk.storage.unit_of_work import versions_of

E = TypeVar("E", bound=StrEnum)


def _enum(enum: type[E], value: object, default: E) -> E:
    """Tolerant: a code written by a newer version shows as the default, never crashes."""
    try:
        return enum(str(value))
    except ValueError:
        return default


def _date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def local_minute(wall: str) -> str:
    """An op's UTC wall time as local ``YYYY-MM-DDTHH:MM``, like hand-entered times."""
    return datetime.fromisoformat(wall).astimezone().strftime("%Y-%m-%dT%H:%M")


def issue_from_row(row: Row[Any], *, timeline: tuple[TimelineEntry, ...] = (),
                   attachments: tuple[Attachment, ...] = (),
                   conflicts: tuple[FieldConflict, ...] = (),
                   versions: Mapping[str, tuple[str, ...]] | None = None) -> Issue:
    return Issue(
        id=row.id, project_id=row.project_id, project_code=row.project_code, number=row.number,
        title=row.title or "", description=row.description or "", module=row.module or "",
        function=row.function or "",
        category=_enum(Category, row.category, Category.OTHER),
        severity=_enum(Severity, row.severity, Severity.MEDIUM),
        status=_enum(IssueStatus, row.status, IssueStatus.NEW),
        mode=_enum(SupportMode, row.mode, SupportMode.ONSITE),
        reporter=row.reporter or "", reporter_dept=row.reporter_dept or "",
        reported_at=row.reported_at or "", expected_by=_date(row.expected_by),
        assignee=row.assignee or "", cause=row.cause or "", proposal=row.proposal or "",
        resolution=row.resolution or "", result=row.result or "",
        confirmed_by=row.confirmed_by or "", confirmed_at=_date(row.confirmed_at),
        maintenance_note=bool(row.maintenance_note), created_at=row.created_at,
        created_by=row.created_by, updated_at=row.updated_at, deleted=bool(row.deleted),
        timeline=timeline, attachments=attachments, conflicts=conflicts,
        versions=versions or {}, assignee_id=row.assignee_id, reporter_id=row.reporter_id,
    )


def register_row_from_row(row: Row[Any]) -> RegisterRow:
    return RegisterRow(
        id=row.id, number=row.number, title=row.title or "", summary=row.summary or "",
        module=row.module or "", category=_enum(Category, row.category, Category.OTHER),
        severity=_enum(Severity, row.severity, Severity.MEDIUM),
        status=_enum(IssueStatus, row.status, IssueStatus.NEW),
        assignee=row.assignee or "", reporter=row.reporter or "",
        reported_at=row.reported_at or "", expected_by=_date(row.expected_by),
        updated_at=row.updated_at)


def attachment_from_row(row: Row[Any]) -> Attachment:
    return Attachment(id=row.id, issue_id=row.issue_id, name=row.name, sha256=row.sha256,
                      size=int(row.size), mime=row.mime or "", author=row.created_by,
                      at=local_minute(row.created_at))


def _entry_from_row(row: Row[Any]) -> TimelineEntry:
    return TimelineEntry(
        id=row.id, issue_id=row.issue_id, kind=_enum(TimelineKind, row.kind, TimelineKind.NOTE),
        text=row.text or "", author=row.created_by, at=row.at or local_minute(row.created_at),
        channel=NotifyChannel(row.channel) if row.channel in set(NotifyChannel) else None,
        whom=row.whom or "",
        from_status=_enum(IssueStatus, row.from_status, IssueStatus.NEW)
        if row.from_status else None,
        to_status=_enum(IssueStatus, row.to_status, IssueStatus.NEW) if row.to_status else None,
    )


def _field_value(op: Op, field: str) -> JsonValue:
    """The value ``op`` gave ``field``: a create's value for it, or a set's value."""
    if op.kind == OpKind.CREATE and isinstance(op.value, dict):
        return op.value.get(field)
    if op.kind == OpKind.SET and op.field == field:
        return op.value
    return None


_PERSON_IDS = frozenset(ISSUE_PERSON_FIELDS.values())


def field_changes(op_rows: Iterable[Row[Any]]) -> list[tuple[int, str, TimelineEntry]]:
    """Timeline lines for the creation, field edits, deletes and restores of one issue."""
    history = {r.op_id: (Op.from_body(r.body), r.lamport, r.node) for r in op_rows}
    lines: list[tuple[int, str, TimelineEntry]] = []
    for op_id, (op, lamport, node) in history.items():
        if op.kind == OpKind.CREATE:
            lines.append((lamport, node, _created(op_id, op)))
            continue
        if op.kind == OpKind.SET and op.field and op.field != "status" \
                and op.field not in _PERSON_IDS:  # (the name's own line says it)
            field, new = op.field, op.value
            olds = [_field_value(history[p][0], field) for p in op.prev if p in history]
            distinct = list(dict.fromkeys(str(v) for v in olds if v not in (None, "")))
            old: JsonValue = olds[0] if len(distinct) <= 1 and olds else " / ".join(distinct)
        elif op.kind in (OpKind.DELETE, OpKind.RESTORE):
            field, new = "deleted", op.kind == OpKind.DELETE
            old = not new
        else:
            continue
        entry = TimelineEntry(
            id=op_id, issue_id=op.entity_id, kind=TimelineKind.FIELD_CHANGE,
            text=describe_field_change(op.author, field, old, new), author=op.author,
            at=local_minute(op.wall), field=field, old_value=old, new_value=new)
        lines.append((lamport, node, entry))
    return lines


def _created(op_id: str, op: Op) -> TimelineEntry:
    """The first line: who recorded the issue and when, who reported it and how."""
    values = op.value if isinstance(op.value, dict) else {}
    reporter = str(values.get("reporter") or "")
    mode = values.get("mode")
    return TimelineEntry(
        id=op_id, issue_id=op.entity_id, kind=TimelineKind.CREATED,
        text=describe_creation(op.author, reporter, str(mode or "")), author=op.author,
        at=local_minute(op.wall), whom=reporter,
        new_value=mode if mode in set(SupportMode) else None)


def timeline(conn: Connection, issue_id: str) -> tuple[TimelineEntry, ...]:
    """Entries and derived field changes, in causal (Lamport) order."""
    lines = [(r.lamport, r.node, _entry_from_row(r)) for r in q.timeline_rows(conn, issue_id)]
    lines += field_changes(q.entity_op_rows(conn, issue_id))
    lines.sort(key=lambda line: (line[0], line[1]))
    return tuple(entry for _, _, entry in lines)


def attachments_of(conn: Connection, issue_id: str) -> tuple[Attachment, ...]:
    return tuple(attachment_from_row(r) for r in q.attachment_rows(conn, issue_id))


# -- reads for services ----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredIssue:
    """An issue, and its editable fields as the projection holds them (JSON values, as
    the ops wrote them): what an edit compares the new values with."""

    issue: Issue
    values: Mapping[str, JsonValue]


def issue_by_number(conn: Connection, number: str) -> Issue | None:
    """The issue with this number (a live one wins over a deleted one), without details."""
    row = q.issue_by_number(conn, number)
    return None if row is None else issue_from_row(row)


def issue_by_id(conn: Connection, issue_id: str) -> Issue | None:
    row = q.issue_by_id(conn, issue_id)
    return None if row is None else issue_from_row(row)


def stored_issue(conn: Connection, issue_id: str) -> StoredIssue | None:
    row = q.issue_by_id(conn, issue_id)
    if row is None:
        return None
    fields = (*EDITABLE_FIELDS, *ISSUE_PERSON_FIELDS.values())
    return StoredIssue(issue_from_row(row), {f: row._mapping[f] for f in fields})


def with_details(conn: Connection, issue: Issue, *, versions: bool = True) -> Issue:
    """``issue`` with its timeline, attachments, conflicts and (``versions``: for a form
    that saves it back) its field versions."""
    found = tuple(FieldConflict(c.entity, c.entity_id, c.field, c.values, issue.number, c.kind)
                  for c in find_conflicts(conn, [issue.id], labelled=False))
    return replace(issue, timeline=timeline(conn, issue.id),
                   attachments=attachments_of(conn, issue.id), conflicts=found,
                   versions=versions_of(conn, "issue", issue.id) if versions else {})


def issues_by_ids(conn: Connection, ids: Sequence[str]) -> list[Issue]:
    """Issues (without details) for ``ids``, in no particular order."""
    return [issue_from_row(r) for r in q.issues_by_ids(conn, ids)]


def register_top(conn: Connection, query: IssueQuery, *, me: str, today: date,
                 project_id: str | None, limit: int) -> list[RegisterRow]:
    """The register's first ``limit`` rows: its first screen, one query."""
    return [register_row_from_row(r) for r in q.register_top(
        conn, query, me=me, today=today, project_id=project_id, limit=limit)]


def register_rows(conn: Connection, ids: Sequence[str]) -> list[RegisterRow]:
    """Register rows of these issues, in no particular order."""
    return [register_row_from_row(r) for r in q.register_rows(conn, ids)]


def attachment(conn: Connection, attachment_id: str) -> Attachment | None:
    row = q.attachment_row(conn, attachment_id)
    return None if row is None else attachment_from_row(row)
