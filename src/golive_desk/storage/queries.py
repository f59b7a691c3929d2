"""Reads of projects and people: the read models services return, and their rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, func, select

from golive_desk.domain.enums import ROLE_SIDE, ProjectStatus, Role
from golive_desk.domain.models import Person, Project
from golive_desk.storage.tables import people, projects


def project_from_row(row: Row[Any]) -> Project:
    return Project(
        id=row.id, code=row.code, name=row.name, customer=row.customer,
        go_live=date.fromisoformat(row.go_live),
        month_end=date.fromisoformat(row.month_end) if row.month_end else None,
        status=ProjectStatus(row.status), vendor_pm=row.vendor_pm, customer_pm=row.customer_pm,
    )


def person_from_row(row: Row[Any]) -> Person:
    return Person(
        id=row.id, project_id=row.project_id, name=row.name, initials=row.initials or "",
        role=Role(row.role), side=ROLE_SIDE[Role(row.role)], phone=row.phone or "",
        email=row.email or "", department=row.department or "",
    )


# -- read models ----------------------------------------------------------------
def list_projects(conn: Connection, include_deleted: bool = False) -> list[Project]:
    """Projects, latest go-live first."""
    return [project_from_row(r) for r in project_rows(conn, include_deleted)]


def find_project(conn: Connection, code: str) -> Project | None:
    """The live project with this code (as given: callers normalise it)."""
    row = project_by_code(conn, code)
    return None if row is None else project_from_row(row)


def project_id(conn: Connection, code: str) -> str | None:
    """The id of the live project with this code."""
    value = conn.execute(select(projects.c.id).where(
        projects.c.code == code, projects.c.deleted.is_(False))).scalar()
    return None if value is None else str(value)


def people_of(conn: Connection, project_id: str) -> list[Person]:
    """The project's live people, by name."""
    return [person_from_row(r) for r in people_rows(conn, project_id)]


def projects_sharing_a_code(conn: Connection) -> dict[str, set[str]]:
    """Codes that two or more live projects hold (made offline on two computers),
    each with the ids of those projects."""
    codes = conn.execute(select(projects.c.code).where(projects.c.deleted.is_(False))
                         .group_by(projects.c.code).having(func.count() > 1)).scalars().all()
    return {str(code): set(conn.execute(select(projects.c.id).where(
        projects.c.code == code, projects.c.deleted.is_(False))).scalars()) for code in codes}


# -- rows (for storage, benchmarks and tests) -------------------------------------
def project_rows(conn: Connection, include_deleted: bool = False) -> list[Row[tuple[object, ...]]]:
    query = select(projects).order_by(projects.c.go_live.desc(), projects.c.code)
    if not include_deleted:
        query = query.where(projects.c.deleted.is_(False))
    return list(conn.execute(query))


def project_by_code(conn: Connection, code: str) -> Row[tuple[object, ...]] | None:
    return conn.execute(select(projects).where(projects.c.code == code,
                                               projects.c.deleted.is_(False))).first()


def project_by_id(conn: Connection, project_id: str) -> Row[tuple[object, ...]] | None:
    return conn.execute(select(projects).where(projects.c.id == project_id)).first()


def people_rows(conn: Connection, project_id: str) -> list[Row[tuple[object, ...]]]:
    return list(conn.execute(select(people).where(
        people.c.project_id == project_id, people.c.deleted.is_(False)).order_by(people.c.name)))
