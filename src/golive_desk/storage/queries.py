"""Reads of the projections that several services share."""

from __future__ import annotations

from sqlalchemy import Connection, Row, select

from golive_desk.storage.tables import people, projects


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
