"""Reads of projects and people: the read models services return, and their rows."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, Row, func, select

from golive_desk.domain.enums import ROLE_SIDE, Role, Side
from golive_desk.domain.models import Person, PersonRecord, Project
from golive_desk.storage import plain_reads
from golive_desk.storage.engine import rows_of
from golive_desk.storage.tables import local_node, memberships, people, projects

_ROLE_ORDER = {role.value: i for i, role in enumerate(Role)}


def project_from_row(row: Row[Any]) -> Project:
    return plain_reads.project_from(row._mapping)


def person_from_row(row: Row[Any], project_id: str, role: str,
                    membership_id: str | None = None, modules: str | None = None) -> Person:
    """``row`` (a ``people`` row) as a member of ``project_id`` in ``role``."""
    return Person(
        id=row.id, project_id=project_id, name=row.name, initials=row.initials or "",
        role=Role(role), side=ROLE_SIDE[Role(role)], phone=row.phone or "",
        email=row.email or "", department=row.department or "", membership_id=membership_id,
        modules=modules or "",
    )


def record_from_row(row: Row[Any], codes: tuple[str, ...] = ()) -> PersonRecord:
    side = Side(row.side) if row.side in Side._value2member_map_ else Side.VENDOR
    return PersonRecord(id=row.id, name=row.name, initials=row.initials or "", side=side,
                        phone=row.phone or "", email=row.email or "",
                        department=row.department or "", projects=codes)


# -- read models ----------------------------------------------------------------
def list_projects(conn: Connection, include_deleted: bool = False) -> list[Project]:
    """Projects, latest go-live first."""
    return plain_reads.list_projects(rows_of(conn), include_deleted)


def find_project(conn: Connection, code: str) -> Project | None:
    """The live project with this code (as given: callers normalise it)."""
    row = project_by_code(conn, code)
    return None if row is None else project_from_row(row)


def project_id(conn: Connection, code: str) -> str | None:
    """The id of the live project with this code."""
    value = conn.execute(select(projects.c.id).where(
        projects.c.code == code, projects.c.deleted.is_(False))).scalar()
    return None if value is None else str(value)


def names_of(conn: Connection, person_ids: Collection[str]) -> dict[str, str]:
    """The names of these live people, by id (one query, where :func:`people_of` reads
    every member of a project with their roles)."""
    wanted = [i for i in person_ids if i]
    if not wanted:
        return {}
    return {str(r[0]): str(r[1]) for r in conn.execute(
        select(people.c.id, people.c.name).where(people.c.id.in_(wanted),
                                                 people.c.deleted.is_(False)))}


def people_of(conn: Connection, project_id: str) -> list[Person]:
    """The project's live members with their role there, by name.

    A member is a live person with a live membership of the project, or a person
    written before memberships existed whose own record names the project (and
    has no live membership of it: a membership speaks for the pair).
    Two memberships of one pair (added on two computers) give one member, in the
    first role of ``Role``'s order — the same on every store.
    """
    chosen: dict[str, tuple[Row[Any], str, str | None]] = {}
    for row in conn.execute(_member_query().where(memberships.c.project_id == project_id)):
        held = chosen.get(row.id)
        if held is None or (_ROLE_ORDER[row.member_role], row.membership_id) < (
                _ROLE_ORDER[held[1]], held[2] or ""):
            chosen[row.id] = (row, row.member_role, row.membership_id)
    legacy = select(people).where(people.c.project_id == project_id, people.c.role.is_not(None),
                                  people.c.deleted.is_(False))
    for row in conn.execute(legacy):
        if row.id not in chosen and row.role in _ROLE_ORDER:
            chosen[row.id] = (row, row.role, None)
    found = [person_from_row(row, project_id, role, mid,
                             getattr(row, "member_modules", None) if mid else None)
             for row, role, mid in chosen.values()]
    return sorted(found, key=lambda p: (p.name, p.id))


def member(conn: Connection, project_id: str, person_id: str) -> Person | None:
    """``person_id`` as a member of the project, or None when they are not one."""
    return next((p for p in people_of(conn, project_id) if p.id == person_id), None)


def memberships_of(conn: Connection, project_id: str, person_id: str) -> list[str]:
    """The ids of the live membership records of one person in one project."""
    return [str(v) for v in conn.execute(select(memberships.c.id).where(
        memberships.c.project_id == project_id, memberships.c.person_id == person_id,
        memberships.c.deleted.is_(False)).order_by(memberships.c.id)).scalars()]


def all_people(conn: Connection) -> list[PersonRecord]:
    """Every live person, by name, with the codes of the projects they are a member of."""
    codes: dict[str, set[str]] = {}
    for project in list_projects(conn):
        for person in people_of(conn, project.id):
            codes.setdefault(person.id, set()).add(project.code)
    rows = conn.execute(select(people).where(people.c.deleted.is_(False))
                        .order_by(people.c.name, people.c.id))
    return [record_from_row(r, tuple(sorted(codes.get(r.id, ())))) for r in rows]


def person_record(conn: Connection, person_id: str) -> PersonRecord | None:
    """The live person with this id."""
    row = conn.execute(select(people).where(people.c.id == person_id,
                                            people.c.deleted.is_(False))).first()
    return None if row is None else record_from_row(row)


def people_named(conn: Connection, name: str, initials: str = "") -> list[str]:
    """Ids of the live people called ``name`` (with these initials, when given), oldest first."""
    query = select(people.c.id).where(people.c.name == name, people.c.deleted.is_(False))
    if initials:
        query = query.where(func.upper(func.coalesce(people.c.initials, "")) == initials.upper())
    return [str(v) for v in conn.execute(query.order_by(people.c.id)).scalars()]


def legacy_project(conn: Connection, person_id: str) -> str | None:
    """The project a person's own record names (written before memberships existed)."""
    value = conn.execute(select(people.c.project_id).where(people.c.id == person_id)).scalar()
    return None if value is None else str(value)


def my_person_id(conn: Connection) -> str | None:
    """The local user's person, when linked (``local_node.person_id``)."""
    value = conn.execute(select(local_node.c.person_id)).scalar()
    return None if value is None else str(value)


def link_my_person(conn: Connection, person_id: str | None) -> None:
    conn.execute(local_node.update().values(person_id=person_id))


def _member_query() -> Any:
    return (select(people, memberships.c.role.label("member_role"),
                   memberships.c.id.label("membership_id"),
                   memberships.c.modules.label("member_modules"))
            .join(people, people.c.id == memberships.c.person_id)
            .where(memberships.c.deleted.is_(False), people.c.deleted.is_(False)))


def projects_sharing_a_code(conn: Connection) -> dict[str, set[str]]:
    """Codes that two or more live projects hold (made offline on two computers),
    each with the ids of those projects."""
    codes = conn.execute(select(projects.c.code).where(projects.c.deleted.is_(False))
                         .group_by(projects.c.code).having(func.count() > 1)).scalars().all()
    return {str(code): set(conn.execute(select(projects.c.id).where(
        projects.c.code == code, projects.c.deleted.is_(False))).scalars()) for code in codes}


# -- rows (for storage, benchmarks and tests) -------------------------------------
def project_by_code(conn: Connection, code: str) -> Row[tuple[object, ...]] | None:
    return conn.execute(select(projects).where(projects.c.code == code,
                                               projects.c.deleted.is_(False))).first()



