"""Reads of issues, their timeline and attachments; the register's filtered query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Row,
    Select,
    and_,
    case,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from golive_desk.domain.issues import (
    DEFAULT_MODULES,
    OPEN_STATUSES,
    SORT_KEYS,
    IssueQuery,
    IssueStatus,
    Severity,
)
from golive_desk.storage import search
from golive_desk.storage.tables import (
    attachments,
    counters,
    issues,
    ops,
    projects,
    timeline_entries,
)

_ISSUE_COLUMNS = (*issues.c, projects.c.code.label("project_code"))


def issue_select() -> Select[Any]:
    """Issues joined with their project's code (what the read model needs)."""
    return select(*_ISSUE_COLUMNS).join(projects, projects.c.id == issues.c.project_id)


def issue_by_number(conn: Connection, number: str) -> Row[Any] | None:
    """The issue with this number; a live one wins over a deleted one."""
    return conn.execute(issue_select().where(issues.c.number == number)
                        .order_by(issues.c.deleted, issues.c.created_at)).first()


def issue_by_id(conn: Connection, issue_id: str) -> Row[Any] | None:
    return conn.execute(issue_select().where(issues.c.id == issue_id)).first()


def issues_by_ids(conn: Connection, ids: Sequence[str]) -> list[Row[Any]]:
    return _by_ids(conn, issue_select(), ids)


def _by_ids(conn: Connection, stmt: Select[Any], ids: Sequence[str]) -> list[Row[Any]]:
    """``stmt`` for these issue ids, in chunks (SQLite limits bound parameters)."""
    rows: list[Row[Any]] = []
    for start in range(0, len(ids), 500):
        rows.extend(conn.execute(stmt.where(issues.c.id.in_(list(ids[start:start + 500])))))
    return rows


def timeline_rows(conn: Connection, issue_id: str) -> list[Row[Any]]:
    """Timeline entries with the Lamport clock of their create op (causal order)."""
    return list(conn.execute(
        select(timeline_entries, ops.c.lamport, ops.c.node)
        .join(ops, ops.c.op_id == timeline_entries.c.created_op)
        .where(timeline_entries.c.issue_id == issue_id, timeline_entries.c.deleted.is_(False))))


def attachment_rows(conn: Connection, issue_id: str) -> list[Row[Any]]:
    return list(conn.execute(
        select(attachments).where(attachments.c.issue_id == issue_id,
                                  attachments.c.deleted.is_(False))
        .order_by(attachments.c.created_at, attachments.c.id)))


def attachment_row(conn: Connection, attachment_id: str) -> Row[Any] | None:
    return conn.execute(select(attachments).where(attachments.c.id == attachment_id)).first()


def live_attachment_issue(conn: Connection, attachment_id: str) -> str | None:
    """The issue a (not deleted) attachment belongs to; None when there is no such one."""
    row = attachment_row(conn, attachment_id)
    return None if row is None or row.deleted else str(row.issue_id)


def entity_op_rows(conn: Connection, entity_id: str) -> list[Row[Any]]:
    """Every op on one entity (its history), for the timeline's field changes."""
    return list(conn.execute(select(ops.c.op_id, ops.c.body, ops.c.lamport, ops.c.node)
                             .where(ops.c.entity_id == entity_id)))


def project_modules(conn: Connection, project_id: str) -> tuple[str, ...]:
    text = conn.execute(select(projects.c.modules).where(projects.c.id == project_id)).scalar()
    return split_modules(text)


def split_modules(text: object) -> tuple[str, ...]:
    """The modules column holds one module per line; empty means the default list."""
    if not text:
        return DEFAULT_MODULES
    return tuple(m for m in str(text).split("\n") if m)


def next_counter(conn: Connection, scope: str) -> int:
    """Advance a local (never synced) counter and return its new value."""
    value = conn.execute(select(counters.c.value).where(counters.c.scope == scope)).scalar()
    if value is None:
        conn.execute(insert(counters), {"scope": scope, "value": 1})
        return 1
    conn.execute(update(counters).where(counters.c.scope == scope).values(value=value + 1))
    return int(value) + 1


def number_taken(conn: Connection, number: str) -> bool:
    return conn.execute(select(issues.c.id).where(issues.c.number == number)).first() is not None


# -- the register ---------------------------------------------------------------

def _rank(column: ColumnElement[Any], order: Sequence[str]) -> ColumnElement[Any]:
    return case({value: i for i, value in enumerate(order)}, value=column, else_=len(order))


def _sort_column(key: str) -> ColumnElement[Any]:
    if key not in SORT_KEYS:
        raise ValueError(f"cannot sort by {key!r}")
    if key == "severity":
        return _rank(issues.c.severity, [s.value for s in Severity])
    if key == "status":
        return _rank(issues.c.status, [s.value for s in IssueStatus])
    column: ColumnElement[Any] = issues.c[key]
    return column


def conditions(conn: Connection, query: IssueQuery, *, me: str, today: date,
               project_id: str | None, with_status: bool = True) -> list[ColumnElement[bool]]:
    """The WHERE terms of a register query (``project_id`` already resolved)."""
    where: list[ColumnElement[bool]] = []
    if project_id is not None:
        where.append(issues.c.project_id == project_id)
    if not query.include_deleted:
        where.append(issues.c.deleted.is_(False))
    if with_status and query.statuses:
        where.append(issues.c.status.in_(sorted(s.value for s in query.statuses)))
    if query.severities:
        where.append(issues.c.severity.in_(sorted(s.value for s in query.severities)))
    if query.categories:
        where.append(issues.c.category.in_(sorted(c.value for c in query.categories)))
    if query.modules:
        where.append(issues.c.module.in_(sorted(query.modules)))
    if query.assignee:
        where.append(issues.c.assignee == query.assignee)
    if query.mine:
        where.append(issues.c.assignee == me)
    if query.reported_from is not None:
        where.append(issues.c.reported_at >= query.reported_from.isoformat())
    if query.reported_to is not None:
        # reported_at holds minutes: "to" includes the whole day.
        where.append(issues.c.reported_at < (query.reported_to + timedelta(days=1)).isoformat())
    if query.overdue:
        where.append(and_(issues.c.status.in_(sorted(s.value for s in OPEN_STATUSES)),
                          issues.c.expected_by.is_not(None),
                          issues.c.expected_by < today.isoformat()))
    found = search.issue_condition(conn, query.text)
    if found is not None:
        where.append(found)
    return where


# What a register row shows (domain RegisterRow): the description only as far
# as its tooltip shows it, so a screen of rows stays a few kilobytes.
SUMMARY_CHARS = 300
_REGISTER_COLUMNS = (
    issues.c.id, issues.c.number, issues.c.title,
    func.substr(issues.c.description, 1, SUMMARY_CHARS).label("summary"),
    issues.c.module, issues.c.category, issues.c.severity, issues.c.status,
    issues.c.assignee, issues.c.reporter, issues.c.reported_at, issues.c.expected_by,
    issues.c.updated_at,
)


def _register_select(conn: Connection, query: IssueQuery, columns: Sequence[Any], *,
                     me: str, today: date, project_id: str | None,
                     limit: int | None) -> Select[Any]:
    key = _sort_column(query.sort)
    order = key.desc() if query.descending else key.asc()
    tie = issues.c.number.desc() if query.descending else issues.c.number.asc()
    stmt = (select(*columns)
            .where(*conditions(conn, query, me=me, today=today, project_id=project_id))
            .order_by(order, tie, issues.c.id))
    return stmt if limit is None else stmt.limit(limit)


def register_ids(conn: Connection, query: IssueQuery, *, me: str, today: date,
                 project_id: str | None, limit: int | None = None) -> list[str]:
    """The ids of the issues the register shows, in its sort order.

    ``limit`` keeps only the first ids, which SQLite answers with a top-N
    sort instead of ordering every row.
    """
    stmt = _register_select(conn, query, (issues.c.id,), me=me, today=today,
                            project_id=project_id, limit=limit)
    return list(conn.execute(stmt).scalars())


def register_top(conn: Connection, query: IssueQuery, *, me: str, today: date,
                 project_id: str | None, limit: int) -> list[Row[Any]]:
    """The register's first ``limit`` rows with their columns: its first screen, one query."""
    return list(conn.execute(_register_select(conn, query, _REGISTER_COLUMNS, me=me,
                                              today=today, project_id=project_id,
                                              limit=limit)))


def register_rows(conn: Connection, ids: Sequence[str]) -> list[Row[Any]]:
    """Register columns of these issues, in no particular order."""
    return _by_ids(conn, select(*_REGISTER_COLUMNS), ids)


def status_counts(conn: Connection, query: IssueQuery, *, me: str, today: date,
                  project_id: str | None) -> dict[str, int]:
    """Issues per status under every filter of ``query`` except the status filter."""
    stmt = (select(issues.c.status, func.count())
            .where(*conditions(conn, query, me=me, today=today, project_id=project_id,
                               with_status=False))
            .group_by(issues.c.status))
    return {str(row[0]): int(row[1]) for row in conn.execute(stmt)}


def id_statuses(conn: Connection, query: IssueQuery, *, me: str, today: date,
                project_id: str | None) -> list[tuple[str, str]]:
    """``(id, status)`` of the issues under every filter of ``query`` but the status filter."""
    stmt = select(issues.c.id, issues.c.status).where(
        *conditions(conn, query, me=me, today=today, project_id=project_id, with_status=False))
    return [(str(row[0]), str(row[1])) for row in conn.execute(stmt)]


def issues_sharing_a_number(conn: Connection) -> dict[str, set[str]]:
    """Numbers that two or more live issues hold (two computers whose users share
    initials), each with the ids of those issues."""
    numbers = conn.execute(select(issues.c.number).where(issues.c.deleted.is_(False))
                           .group_by(issues.c.number).having(func.count() > 1)).scalars().all()
    return {str(number): set(conn.execute(select(issues.c.id).where(
        issues.c.number == number, issues.c.deleted.is_(False))).scalars())
        for number in numbers}
