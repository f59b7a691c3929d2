"""The reads of the start page in plain SQL: one text for SQLAlchemy and for ``sqlite3``.

The window paints its start page before SQLAlchemy is imported (~0.1 s of a
~0.2 s budget): ``storage/start_read.py`` runs these reads on a read-only
``sqlite3`` connection. Every other caller runs the same texts inside a
store transaction through :func:`storage.engine.rows_of`, so there is one
query for each figure, not a fast copy beside a slow one.

The texts are portable SQL (``deleted = :no`` with a bound false, no SQLite
functions beyond ``substr`` and ``coalesce``) so the office's PostgreSQL store
runs them too. Rows are read by column name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, Protocol

from golive_desk.domain.enums import ProjectStatus
from golive_desk.domain.issue_kinds import OPEN_STATUSES, Category, TimelineKind
from golive_desk.domain.models import LocalUser, Project
from golive_desk.domain.overview import OverviewCounts


class NamedRow(Protocol):
    """A row read by column name (``sqlite3.Row``, SQLAlchemy's ``RowMapping``)."""

    def __getitem__(self, key: str, /) -> Any: ...


# Runs one text with its named parameters.
Rows = Callable[[str, Mapping[str, object]], Iterable[NamedRow]]

# Enum values, not user input: safe to write into the text (a bound list is not portable).
_OPEN = ", ".join(f"'{s.value}'" for s in sorted(OPEN_STATUSES, key=lambda s: s.value))
_LIVE = "project_id = :pid AND deleted = :no"

PROJECT_COLUMNS = ("id", "code", "name", "customer", "go_live", "month_end", "status",
                   "vendor_pm", "customer_pm", "doc_prefix")


def project_from(row: NamedRow) -> Project:
    """A ``projects`` row (by column name) as a :class:`Project`."""
    return Project(
        id=row["id"], code=row["code"], name=row["name"], customer=row["customer"],
        go_live=date.fromisoformat(row["go_live"]),
        month_end=date.fromisoformat(row["month_end"]) if row["month_end"] else None,
        status=ProjectStatus(row["status"]), vendor_pm=row["vendor_pm"],
        customer_pm=row["customer_pm"], doc_prefix=row["doc_prefix"] or None,
    )


def list_projects(rows: Rows, include_deleted: bool = False) -> list[Project]:
    """Projects, latest go-live first."""
    where = "" if include_deleted else "WHERE deleted = :no "
    return [project_from(r) for r in rows(
        f"SELECT {', '.join(PROJECT_COLUMNS)} FROM projects {where}"
        "ORDER BY go_live DESC, code", {"no": False})]


def holiday_year_texts(rows: Rows) -> list[tuple[int, str]]:
    """Each year's holiday data (JSON text): where two records name a year, the last written."""
    latest: dict[int, str] = {}
    for row in rows("SELECT year, data FROM holiday_years WHERE deleted = :no "
                    "ORDER BY year, updated_at, id", {"no": False}):
        latest[int(row["year"])] = str(row["data"])
    return sorted(latest.items())


def local_user(rows: Rows) -> LocalUser:
    """Who works at this store (its one ``local_node`` row)."""
    row = next(iter(rows("SELECT node_id, user_name, user_initials, is_office, public_key "
                         "FROM local_node", {})))
    return LocalUser(str(row["user_name"]), str(row["user_initials"]), str(row["node_id"]),
                     bool(row["is_office"]), bytes(row["public_key"]))


def overview_counts(rows: Rows, project_id: str, today: date) -> OverviewCounts:
    """Every count of the overview: one ``GROUP BY`` each over the project's live issues
    (index-only over ``ix_issues_overview``), or their status changes."""
    args = {"pid": project_id, "no": False, "today": today.isoformat(),
            "operation_error": Category.OPERATION_ERROR.value}

    def counts(column: str, condition: str = "") -> dict[str, int]:
        return {"" if r["k"] is None else str(r["k"]): int(r["n"]) for r in rows(
            f"SELECT {column} AS k, count(*) AS n FROM issues WHERE {_LIVE} {condition} "
            f"GROUP BY {column}", args)}

    overdue = next(iter(rows(
        f"SELECT count(*) AS n FROM issues WHERE {_LIVE} AND status IN ({_OPEN}) "
        "AND expected_by < :today", args)))["n"]
    return OverviewCounts(
        statuses=counts("status"),
        open_severities=counts("severity", f"AND status IN ({_OPEN})"),
        overdue=int(overdue),
        categories=counts("category"),
        modules=counts("module"),
        operation_error_reporters=counts("reporter", "AND category = :operation_error"),
        opened_per_day=counts("substr(coalesce(reported_at, created_at), 1, 10)"),
        closed_per_day=_closed_per_day(rows, args),
    )


# Issues no longer open, by the day of their last move out of the open statuses. An
# issue that is not open but has no such move (imported already closed) counts on its
# report day, so the backlog always ends at today's open count.
_CLOSED_PER_DAY = f"""
SELECT substr(coalesce(m.at, i.reported_at, i.created_at), 1, 10) AS k, count(*) AS n
FROM issues i LEFT JOIN (
    SELECT e.issue_id AS issue_id, max(e.at) AS at
    FROM timeline_entries e JOIN issues x ON x.id = e.issue_id
    WHERE x.project_id = :pid AND x.deleted = :no AND x.status NOT IN ({_OPEN})
      AND e.deleted = :no AND e.kind = '{TimelineKind.STATUS_CHANGE.value}'
      AND e.to_status NOT IN ({_OPEN})
    GROUP BY e.issue_id) m ON m.issue_id = i.id
WHERE i.project_id = :pid AND i.deleted = :no AND i.status NOT IN ({_OPEN})
GROUP BY substr(coalesce(m.at, i.reported_at, i.created_at), 1, 10)
"""


def _closed_per_day(rows: Rows, args: Mapping[str, object]) -> dict[str, int]:
    return {str(r["k"]): int(r["n"]) for r in rows(_CLOSED_PER_DAY, args)}
