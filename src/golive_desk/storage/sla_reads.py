"""What the SLA clock reads: a project's policy text, the office's holiday years and,
per issue, the report time, status changes and first vendor response.

Rows never leave this module: the SLA service gets plain tuples (strings as
stored), and the clock (``domain/sla.py``) parses them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from golive_desk.domain.issues import TimelineKind
from golive_desk.storage import plain_reads
from golive_desk.storage.engine import rows_of
from golive_desk.storage.tables import holiday_years, issues, projects, timeline_entries

# (id, number, severity, status, reported_at, created_at)
IssueClockRow = tuple[str, str, str | None, str | None, str | None, str]


def policy_text(conn: Connection, project_id: str) -> str | None:
    value = conn.execute(select(projects.c.sla_policy)
                         .where(projects.c.id == project_id)).scalar()
    return None if value is None else str(value)


def holiday_year_texts(conn: Connection) -> list[tuple[int, str]]:
    """Each year's holiday data (JSON text): where two records name a year, the last written."""
    return plain_reads.holiday_year_texts(rows_of(conn))


def holiday_year_id(conn: Connection, year: int) -> str | None:
    """The live record for ``year`` written last (the one an edit replaces)."""
    value = conn.execute(select(holiday_years.c.id).where(
        holiday_years.c.year == year, holiday_years.c.deleted.is_(False))
        .order_by(holiday_years.c.updated_at.desc(), holiday_years.c.id.desc())).scalar()
    return None if value is None else str(value)


def _scope(project_id: str, ids: Sequence[str] | None) -> ColumnElement[bool]:
    """The project's live issues; with ``ids``, only those (a screen of rows, not 100k).

    With ``ids`` the project is not a condition: SQLite would walk the project's
    index (100k entries) and test each id, instead of looking the ids up.
    """
    if ids is not None:
        return and_(issues.c.id.in_(list(ids)), issues.c.deleted.is_(False))
    return and_(issues.c.project_id == project_id, issues.c.deleted.is_(False))


def projects_of(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    """The live issues among ``ids`` by project id."""
    by_project: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        for issue_id, project_id in conn.execute(
                select(issues.c.id, issues.c.project_id).where(
                    issues.c.id.in_(list(ids[start:start + 500])),
                    issues.c.deleted.is_(False))):
            by_project.setdefault(str(project_id), []).append(str(issue_id))
    return by_project


def issue_clock_rows(conn: Connection, project_id: str,
                     ids: Sequence[str] | None = None) -> list[IssueClockRow]:
    """The project's live issues (or those of ``ids``): what the clock needs of each."""
    return [tuple(row) for row in conn.execute(
        select(issues.c.id, issues.c.number, issues.c.severity, issues.c.status,
               issues.c.reported_at, issues.c.created_at)
        .where(_scope(project_id, ids)))]


def status_changes(conn: Connection, project_id: str, ids: Sequence[str] | None = None,
                   ) -> Iterator[tuple[str, str, str]]:
    """``(issue id, at, new status)`` of the project's status changes, by issue and time."""
    entries = timeline_entries
    yield from conn.execute(
        select(entries.c.issue_id, entries.c.at, entries.c.to_status)
        .join(issues, issues.c.id == entries.c.issue_id)
        .where(_scope(project_id, ids),
               entries.c.deleted.is_(False),
               entries.c.kind == TimelineKind.STATUS_CHANGE.value,
               entries.c.at.is_not(None), entries.c.to_status.is_not(None))
        .order_by(entries.c.issue_id, entries.c.at, entries.c.created_at))


def first_responses(conn: Connection, project_id: str, customer_names: Collection[str],
                    ids: Sequence[str] | None = None) -> dict[str, str]:
    """Per issue, the time of its first timeline entry not written by the customer's side."""
    entries = timeline_entries
    condition = and_(_scope(project_id, ids), entries.c.deleted.is_(False),
                     entries.c.at.is_not(None))
    if customer_names:
        condition = and_(condition, entries.c.created_by.not_in(list(customer_names)))
    return {str(issue_id): str(at) for issue_id, at in conn.execute(
        select(entries.c.issue_id, func.min(entries.c.at))
        .join(issues, issues.c.id == entries.c.issue_id)
        .where(condition).group_by(entries.c.issue_id))}

