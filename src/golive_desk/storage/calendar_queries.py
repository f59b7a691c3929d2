"""Reads of the support calendar: slots, milestones, a project's N, issues per day.

Rows never leave this module: services get :class:`Slot` and :class:`Milestone`
read models (with the versions an editor passes back to a move) and plain values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, exists, func, select

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


def _make_slot_query() -> Any:
    s = support_slots
    return (select(s.c.id, s.c.project_id, projects.c.code, projects.c.customer, s.c.person_id,
                   people.c.name, s.c.start_day, s.c.end_day, s.c.half, s.c.mode, s.c.note,
                   s.c.created_op)
            .join(projects, projects.c.id == s.c.project_id)
            .join(people, people.c.id == s.c.person_id)
            .where(s.c.deleted.is_(False), projects.c.deleted.is_(False)))


_SLOT_QUERY = _make_slot_query()


@dataclass(frozen=True)
class _SlotRead:
    """One shape of slot read: the slots by day and their fields' current versions.

    Each shape is built once with bound parameters (``first``, ``last``,
    ``project_id``, ``person_id``, ``slot_id``): building a statement and working
    out its cache key cost SQLAlchemy more than SQLite takes to run a month's read.
    """

    rows: Any
    heads: Any


def _slot_read(*where: Any) -> _SlotRead:
    s, h = support_slots, field_heads
    # The heads are joined on the slots' own conditions rather than asked for by a
    # list of ids: binding a month's ids cost three times the read.
    return _SlotRead(
        _SLOT_QUERY.where(*where).order_by(s.c.start_day, people.c.name, s.c.id),
        select(h.c.entity_id, h.c.field, h.c.op_id).join(s, s.c.id == h.c.entity_id)
        .where(s.c.deleted.is_(False), h.c.field != DELETED_FIELD, *where))


@cache
def _between(by_project: bool, by_person: bool) -> _SlotRead:
    s = support_slots
    where = [s.c.start_day <= bindparam("last"), s.c.end_day >= bindparam("first")]
    if by_project:
        where.append(s.c.project_id == bindparam("project_id"))
    if by_person:
        where.append(s.c.person_id == bindparam("person_id"))
    return _slot_read(*where)


@cache
def _clashing() -> _SlotRead:
    s, mine = support_slots, support_slots.alias("mine")
    onsite = SupportMode.ONSITE.value
    mine_there = (mine.c.project_id == bindparam("project_id"), mine.c.deleted.is_(False),
                  mine.c.mode == onsite, mine.c.start_day <= bindparam("last"),
                  mine.c.end_day >= bindparam("first"))
    # (the people first: SQLite then walks each one's slots, not every slot before ``last``)
    people_there = select(mine.c.person_id).where(*mine_there)
    overlap = exists().where(*mine_there, mine.c.person_id == s.c.person_id,
                             mine.c.start_day <= s.c.end_day, mine.c.end_day >= s.c.start_day)
    return _slot_read(s.c.person_id.in_(people_there),
                      s.c.project_id != bindparam("project_id"), s.c.mode == onsite,
                      s.c.start_day <= bindparam("last"), s.c.end_day >= bindparam("first"),
                      overlap)


@cache
def _by_id() -> _SlotRead:
    return _slot_read(support_slots.c.id == bindparam("slot_id"))


def slots_between(conn: Connection, start: date, end: date, *, project_id: str | None = None,
                  person_id: str | None = None, versions: bool = True) -> list[Slot]:
    """Live slots touching ``start``..``end`` (of one project and/or person), by day.

    With ``versions`` each slot carries what an editor passes back to a move.
    """
    params = {"first": start.isoformat(), "last": end.isoformat(),
              "project_id": project_id, "person_id": person_id}
    return _slots(conn, _between(project_id is not None, person_id is not None), params,
                  versions)


def clashing_slots(conn: Connection, project_id: str, start: date, end: date) -> list[Slot]:
    """Other projects' on-site slots touching ``start``..``end`` that share a day in it
    with an on-site slot of ``project_id`` by the same person, by day (no versions).

    What the double-booking rule needs besides the project's own slots, so a view of
    one project reads its month, not every project's.
    """
    params = {"first": start.isoformat(), "last": end.isoformat(), "project_id": project_id}
    return _slots(conn, _clashing(), params, False)


def _slots(conn: Connection, read: _SlotRead, params: dict[str, Any],
           versions: bool) -> list[Slot]:
    rows = list(conn.execute(read.rows, params))
    heads = _versions(conn, rows, read.heads, params) if versions else {}
    return [_slot(row, heads.get(row[0])) for row in rows]


def slot(conn: Connection, slot_id: str) -> Slot | None:
    """The live slot with this id, with its versions."""
    found = _slots(conn, _by_id(), {"slot_id": slot_id}, True)
    return found[0] if found else None


def slot_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are slots this store holds (live or deleted)."""
    wanted = list(ids)
    found: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        found.update(str(v) for v in conn.execute(select(support_slots.c.id).where(
            support_slots.c.id.in_(wanted[i:i + _CHUNK]))).scalars())
    return found


def _slot(row: Sequence[Any], versions: dict[str, tuple[str, ...]] | None) -> Slot:
    # (unpacked by position, dict lookups, not ``Half(…)``: a month's view reads
    # hundreds of slots, and a row's attributes cost more than the query)
    (slot_id, project_id, code, customer, person_id, name, start, end, half_text, mode_text,
     note, _created_op) = row
    half, mode = _HALVES.get(half_text), _MODES.get(mode_text)
    return Slot(slot_id, project_id, code, customer, person_id, name,
                date.fromisoformat(start), date.fromisoformat(end),
                Half(half_text) if half is None else half,
                SupportMode(mode_text) if mode is None else mode, note or "", versions or {})


def _versions(conn: Connection, rows: Sequence[Row[Any]], heads: Any,
              params: dict[str, Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per slot, per field, the op ids of its current versions (the create op when never set)."""
    found: dict[str, dict[str, list[str]]] = {}
    for entity_id, name, op_id in conn.execute(heads, params):
        found.setdefault(entity_id, {}).setdefault(name, []).append(op_id)
    names = SUPPORT_SLOT.field_names
    versions: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in rows:
        slot_id, created_op = row[0], row[-1]
        # most slots were never edited: every field's version is the create op
        mine: dict[str, tuple[str, ...]] = dict.fromkeys(names, (str(created_op),))
        for name, op_ids in found.get(slot_id, {}).items():
            if name in mine:
                mine[name] = tuple(sorted(op_ids))
        versions[slot_id] = mine
    return versions


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
    rows = conn.execute(_issues_per_day(), {"project_id": project_id,
                                           "first": start.isoformat(), "last": end.isoformat()})
    counts: dict[date, int] = {}
    for text, count in rows:
        try:
            counts[date.fromisoformat(str(text))] = int(count)
        except ValueError:  # a malformed time from another computer: not a day
            continue
    return counts


@cache
def _issues_per_day() -> Any:
    # (built once, as the slot reads are: a month switch runs it)
    day = func.substr(func.coalesce(issues.c.reported_at, issues.c.created_at), 1, 10)
    return select(day, func.count()).where(
        and_(issues.c.project_id == bindparam("project_id"), issues.c.deleted.is_(False),
             day >= bindparam("first"), day <= bindparam("last"))).group_by(day)
