"""The overview's aggregate queries: counts per severity, category, module, reporter and day.

Each is one ``GROUP BY`` over the project's live issues (or their status
changes), so the dashboard of 100k issues costs a handful of index scans.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from golive_desk.domain.issues import OPEN_STATUSES, Category, TimelineKind
from golive_desk.storage.tables import issues, timeline_entries

_OPEN = sorted(s.value for s in OPEN_STATUSES)


def _live(project_id: str) -> ColumnElement[bool]:
    return and_(issues.c.project_id == project_id, issues.c.deleted.is_(False))


def _counts(conn: Connection, column: ColumnElement[object], condition: ColumnElement[bool],
            ) -> dict[str, int]:
    return {"" if key is None else str(key): int(n) for key, n in conn.execute(
        select(column, func.count()).where(condition).group_by(column))}


def status_counts(conn: Connection, project_id: str) -> dict[str, int]:
    return _counts(conn, issues.c.status, _live(project_id))


def open_by_severity(conn: Connection, project_id: str) -> dict[str, int]:
    return _counts(conn, issues.c.severity,
                   and_(_live(project_id), issues.c.status.in_(_OPEN)))


def overdue_count(conn: Connection, project_id: str, today: date) -> int:
    """Open and past the expected-by date (as the register's "overdue" filter)."""
    return int(conn.execute(select(func.count()).where(
        _live(project_id), issues.c.status.in_(_OPEN),
        issues.c.expected_by < today.isoformat())).scalar_one())


def by_category(conn: Connection, project_id: str) -> dict[str, int]:
    return _counts(conn, issues.c.category, _live(project_id))


def by_module(conn: Connection, project_id: str) -> dict[str, int]:
    return _counts(conn, issues.c.module, _live(project_id))


def operation_error_reporters(conn: Connection, project_id: str) -> dict[str, int]:
    """Who reported the issues that were operation errors, and how many each."""
    return _counts(conn, issues.c.reporter, and_(
        _live(project_id), issues.c.category == Category.OPERATION_ERROR.value))


def opened_per_day(conn: Connection, project_id: str) -> dict[str, int]:
    day = func.substr(func.coalesce(issues.c.reported_at, issues.c.created_at), 1, 10)
    return _counts(conn, day, _live(project_id))


def closed_per_day(conn: Connection, project_id: str) -> dict[str, int]:
    """Issues no longer open, by the day of their last move out of the open statuses.

    An issue that is not open but has no such move (imported already closed)
    counts on its report day, so the backlog always ends at today's open count.
    """
    entries = timeline_entries
    last_move = (
        select(entries.c.issue_id.label("issue_id"), func.max(entries.c.at).label("at"))
        .join(issues, issues.c.id == entries.c.issue_id)
        .where(_live(project_id), issues.c.status.not_in(_OPEN), entries.c.deleted.is_(False),
               entries.c.kind == TimelineKind.STATUS_CHANGE.value,
               entries.c.to_status.not_in(_OPEN))
        .group_by(entries.c.issue_id).subquery())
    day = func.substr(func.coalesce(last_move.c.at, issues.c.reported_at, issues.c.created_at),
                      1, 10)
    return {str(key): int(n) for key, n in conn.execute(
        select(day, func.count())
        .select_from(issues.outerjoin(last_move, last_move.c.issue_id == issues.c.id))
        .where(_live(project_id), issues.c.status.not_in(_OPEN)).group_by(day))}

