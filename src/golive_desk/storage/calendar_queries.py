"""Reads of the support calendar: slots, milestones, a project's N, issues per day.

Rows never leave this module: services get :class:`Slot` and :class:`Milestone`
read models (with the versions an editor passes back to a move) and plain values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, and_, func, select

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.ops import DELETED_FIELD
from golive_desk.domain.schema import SUPPORT_SLOT
from golive_desk.domain.support_calendar import Half, Milestone, MilestoneKind, Slot
from golive_desk.storage.tables import (
    field_heads,
    issues,
    milestones,
    people,
    projects,
    support_slots,
)

_CHUNK = 500
_KINDS = {k.value: k for k in MilestoneKind}
_HALVES = {h.value: h for h in Half}
_MODES = {m.value: m for m in SupportMode}


def _slot_query() -> Any:
    s = support_slots
    return (select(s.c.id, s.c.project_id, projects.c.code, projects.c.customer, s.c.person_id,
                   people.c.name, s.c.start_day, s.c.end_day, s.c.half, s.c.mode, s.c.note,
                   s.c.created_op)
            .join(projects, projects.c.id == s.c.project_id)
            .join(people, people.c.id == s.c.person_id)
            .where(s.c.deleted.is_(False), projects.c.deleted.is_(False)))


def slots_between(conn: Connection, start: date, end: date, *, project_id: str | None = None,
                  person_id: str | None = None, versions: bool = True) -> list[Slot]:
    """Live slots touching ``start``..``end`` (of one project and/or person), by day.

    With ``versions`` each slot carries what an editor passes back to a move.
    """
    s = support_slots
    query = _slot_query().where(s.c.start_day <= end.isoformat(),
                                s.c.end_day >= start.isoformat())
    if project_id is not None:
        query = query.where(s.c.project_id == project_id)
    if person_id is not None:
        query = query.where(s.c.person_id == person_id)
    rows = list(conn.execute(query.order_by(s.c.start_day, people.c.name, s.c.id)))
    heads = _versions(conn, rows) if versions else {}
    return [_slot(row, heads.get(row.id)) for row in rows]


def slot(conn: Connection, slot_id: str) -> Slot | None:
    """The live slot with this id, with its versions."""
    rows = list(conn.execute(_slot_query().where(support_slots.c.id == slot_id)))
    return _slot(rows[0], _versions(conn, rows).get(slot_id)) if rows else None


def slot_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are slots this store holds (live or deleted)."""
    wanted = list(ids)
    found: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        found.update(str(v) for v in conn.execute(select(support_slots.c.id).where(
            support_slots.c.id.in_(wanted[i:i + _CHUNK]))).scalars())
    return found


def _slot(row: Row[Any], versions: dict[str, tuple[str, ...]] | None) -> Slot:
    # (dict lookups, not ``Half(…)``: a month's view reads hundreds of slots)
    half, mode = _HALVES.get(row.half), _MODES.get(row.mode)
    return Slot(row.id, row.project_id, row.code, row.customer, row.person_id, row.name,
                date.fromisoformat(row.start_day), date.fromisoformat(row.end_day),
                Half(row.half) if half is None else half,
                SupportMode(row.mode) if mode is None else mode, row.note or "", versions or {})


def _versions(conn: Connection, rows: Sequence[Row[Any]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per slot, per field, the op ids of its current versions (the create op when never set)."""
    found: dict[str, dict[str, list[str]]] = {row.id: {} for row in rows}
    ids = list(found)
    for i in range(0, len(ids), _CHUNK):
        for entity_id, name, op_id in conn.execute(
                select(field_heads.c.entity_id, field_heads.c.field, field_heads.c.op_id).where(
                    field_heads.c.entity_id.in_(ids[i:i + _CHUNK]),
                    field_heads.c.field != DELETED_FIELD)):
            found[entity_id].setdefault(name, []).append(op_id)
    names = SUPPORT_SLOT.field_names
    return {row.id: {name: tuple(sorted(found[row.id].get(name, (row.created_op,))))
                     for name in names} for row in rows}


def milestones_of(conn: Connection, project_ids: Iterable[str]) -> list[Milestone]:
    """The live milestone records of these projects, by day."""
    m = milestones
    wanted = list(project_ids)
    rows = conn.execute(select(m.c.id, m.c.project_id, projects.c.code, m.c.kind, m.c.day,
                               m.c.note)
                        .join(projects, projects.c.id == m.c.project_id)
                        .where(m.c.deleted.is_(False), m.c.project_id.in_(wanted))
                        .order_by(m.c.day, m.c.id))
    return [Milestone(r.id, r.project_id, r.code, _KINDS[r.kind], date.fromisoformat(r.day),
                      r.note or "") for r in rows if r.kind in _KINDS]


def milestone_project(conn: Connection, milestone_id: str) -> str | None:
    """The project id of a live milestone record."""
    value = conn.execute(select(milestones.c.project_id).where(
        milestones.c.id == milestone_id, milestones.c.deleted.is_(False))).scalar()
    return None if value is None else str(value)


def onsite_days(conn: Connection, project_ids: Iterable[str]) -> dict[str, int | None]:
    """Each project's N (None: the default)."""
    wanted = list(project_ids)
    return {str(pid): (None if n is None else int(n)) for pid, n in conn.execute(
        select(projects.c.id, projects.c.onsite_days).where(projects.c.id.in_(wanted)))}


def issues_per_day(conn: Connection, project_id: str, start: date,
                   end: date) -> dict[date, int]:
    """Live issues reported each day (the report time's date; else the record's creation)."""
    day = func.substr(func.coalesce(issues.c.reported_at, issues.c.created_at), 1, 10)
    rows = conn.execute(select(day, func.count()).where(
        and_(issues.c.project_id == project_id, issues.c.deleted.is_(False),
             day >= start.isoformat(), day <= end.isoformat())).group_by(day))
    counts: dict[date, int] = {}
    for text, count in rows:
        try:
            counts[date.fromisoformat(str(text))] = int(count)
        except ValueError:  # a malformed time from another computer: not a day
            continue
    return counts
