"""Find conflicts in the field registers, for any entity (issues, projects, people…).

Shared by the issue form (one record) and the ``conflicts`` listing (all).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import Connection, and_, func, select

from golive_desk.domain.conflicts import ConflictKind, ConflictValue, FieldConflict
from golive_desk.domain.merge import FieldVersion, edited_after_delete, is_conflict
from golive_desk.domain.ops import DELETED_FIELD, Op
from golive_desk.storage.projector import heads
from golive_desk.storage.tables import ENTITY_TABLES, field_heads, ops

# What people call a record of each kind, for listings.
LABEL_COLUMNS: dict[str, str] = {"issue": "number", "project": "code", "person": "name"}


def _values(versions: Sequence[FieldVersion]) -> tuple[ConflictValue, ...]:
    """Winner first (highest Lamport, then node), as every store shows it."""
    ordered = sorted(versions, key=lambda v: (v.lamport, v.node), reverse=True)
    return tuple(ConflictValue(v.value, v.author, v.node, v.wall, v.op_id) for v in ordered)


def field_conflicts(conn: Connection,
                    entity_ids: Collection[str] | None = None) -> list[FieldConflict]:
    """Registers with two or more current versions of different values."""
    query = (select(field_heads.c.entity, field_heads.c.entity_id, field_heads.c.field)
             .where(field_heads.c.field != DELETED_FIELD)
             .group_by(field_heads.c.entity, field_heads.c.entity_id, field_heads.c.field)
             .having(func.count() > 1)
             .order_by(field_heads.c.entity_id, field_heads.c.field))
    if entity_ids is not None:
        query = query.where(field_heads.c.entity_id.in_(list(entity_ids)))
    found: list[FieldConflict] = []
    for row in conn.execute(query):
        versions = heads(conn, row.entity_id, row.field)
        if is_conflict(versions):
            found.append(FieldConflict(row.entity, row.entity_id, row.field, _values(versions)))
    return found


def edited_after_delete_conflicts(
        conn: Connection, entity_ids: Collection[str] | None = None) -> list[FieldConflict]:
    """Deleted records with edits that no delete saw: one conflict per edited field."""
    query = select(field_heads.c.entity, field_heads.c.entity_id, field_heads.c.op_id).where(
        field_heads.c.field == DELETED_FIELD, field_heads.c.value == json.dumps(True))
    if entity_ids is not None:
        query = query.where(field_heads.c.entity_id.in_(list(entity_ids)))
    deletes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in conn.execute(query):
        deletes[(row.entity, row.entity_id)].append(row.op_id)
    found: list[FieldConflict] = []
    for (entity, entity_id), delete_ops in sorted(deletes.items()):
        bodies = conn.execute(select(ops.c.body).where(ops.c.op_id.in_(delete_ops))).scalars()
        prevs = [Op.from_body(body).prev for body in bodies]
        rows = conn.execute(select(field_heads.c.field, field_heads.c.op_id).where(and_(
            field_heads.c.entity_id == entity_id, field_heads.c.field != DELETED_FIELD))).all()
        if not edited_after_delete(prevs, [r.op_id for r in rows]):
            continue
        seen = {op_id for prev in prevs for op_id in prev}
        for field in sorted({r.field for r in rows if r.op_id not in seen}):
            unseen = [v for v in heads(conn, entity_id, field) if v.op_id not in seen]
            found.append(FieldConflict(entity, entity_id, field, _values(unseen),
                                       kind=ConflictKind.EDITED_AFTER_DELETE))
    return found


def conflicts(conn: Connection, entity_ids: Collection[str] | None = None,
              *, labelled: bool = True) -> list[FieldConflict]:
    """Every conflict (of ``entity_ids``, or of the whole store), with labels."""
    found = field_conflicts(conn, entity_ids) + edited_after_delete_conflicts(conn, entity_ids)
    if not labelled:
        return found
    return [_with_label(conn, c) for c in found]


def _with_label(conn: Connection, conflict: FieldConflict) -> FieldConflict:
    table = ENTITY_TABLES.get(conflict.entity)
    column = LABEL_COLUMNS.get(conflict.entity)
    if table is None or column is None:
        return conflict
    label = conn.execute(select(table.c[column]).where(table.c.id == conflict.entity_id)).scalar()
    return FieldConflict(conflict.entity, conflict.entity_id, conflict.field, conflict.values,
                         str(label or ""), conflict.kind)
