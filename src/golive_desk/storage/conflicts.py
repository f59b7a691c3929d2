"""Find conflicts in the field registers, for any entity (issues, projects, people…).

Shared by the issue form (one record) and the conflict inbox (all). Three kinds:
- a field with two or more current versions of different values;
- a delete and a restore of one record that did not see each other;
- a deleted record with edits, or records added under it (notes,
  attachments), that no delete saw: "edited after delete".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import Connection, and_, func, select

from golive_desk.domain.conflicts import ConflictKind, ConflictValue, FieldConflict
from golive_desk.domain.merge import FieldVersion, distinct_values, is_conflict, rank
from golive_desk.domain.ops import DELETED_FIELD, Op, OpKind
from golive_desk.domain.schema import children_of, listed_in_conflicts, spec_for
from golive_desk.storage.projector import heads
from golive_desk.storage.tables import ENTITY_TABLES, field_heads, ops

DELETED_LABEL = "deleted"


def _values(versions: Sequence[FieldVersion]) -> tuple[ConflictValue, ...]:
    """Winner first (highest Lamport, then node), as every store shows it."""
    ordered = sorted(versions, key=rank, reverse=True)
    return tuple(ConflictValue(v.value, v.author, v.node, v.wall, v.op_id) for v in ordered)


def _conflicted_registers(conn: Connection, entity_ids: Collection[str] | None,
                          deleted_register: bool) -> list[tuple[str, str, str]]:
    """``(entity, entity_id, field)`` of registers with two or more versions."""
    name = field_heads.c.field
    query = (select(field_heads.c.entity, field_heads.c.entity_id, name)
             .where(name == DELETED_FIELD if deleted_register else name != DELETED_FIELD)
             .group_by(field_heads.c.entity, field_heads.c.entity_id, name)
             .having(func.count() > 1)
             .order_by(field_heads.c.entity_id, name))
    if entity_ids is not None:
        query = query.where(field_heads.c.entity_id.in_(list(entity_ids)))
    return [(r[0], r[1], r[2]) for r in conn.execute(query)]


def field_conflicts(conn: Connection,
                    entity_ids: Collection[str] | None = None) -> list[FieldConflict]:
    """Registers with two or more current versions of different values."""
    found: list[FieldConflict] = []
    for entity, entity_id, field in _conflicted_registers(conn, entity_ids, False):
        if not listed_in_conflicts(entity, field):
            continue
        versions = heads(conn, entity_id, field)
        if is_conflict(versions):
            found.append(FieldConflict(entity, entity_id, field, _values(versions)))
    return found


def delete_restore_conflicts(conn: Connection,
                             entity_ids: Collection[str] | None = None) -> list[FieldConflict]:
    """Records whose delete/restore register holds a delete and a restore."""
    found: list[FieldConflict] = []
    for entity, entity_id, _ in _conflicted_registers(conn, entity_ids, True):
        versions = heads(conn, entity_id, DELETED_FIELD)
        if distinct_values(v.value for v in versions) > 1:
            found.append(FieldConflict(entity, entity_id, DELETED_LABEL, _values(versions),
                                       kind=ConflictKind.DELETE_RESTORE))
    return found


def edited_after_delete_conflicts(
        conn: Connection, entity_ids: Collection[str] | None = None) -> list[FieldConflict]:
    """Deleted records with edits or additions that no delete saw: one conflict per
    edited field, and one per kind of record added under it."""
    query = select(field_heads.c.entity, field_heads.c.entity_id, field_heads.c.op_id).where(
        field_heads.c.field == DELETED_FIELD)
    if entity_ids is not None:
        query = query.where(field_heads.c.entity_id.in_(list(entity_ids)))
    registers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in conn.execute(query):
        registers[(row.entity, row.entity_id)].append(row.op_id)
    found: list[FieldConflict] = []
    for (entity, entity_id), head_ops in sorted(registers.items()):
        bodies = conn.execute(select(ops.c.body).where(ops.c.op_id.in_(head_ops))).scalars()
        register = [Op.from_body(body) for body in bodies]
        if not register or any(op.kind != OpKind.DELETE for op in register):
            continue  # not deleted, or a delete/restore conflict, which says more
        seen = {op_id for op in register for op_id in op.prev}
        found += _unseen_fields(conn, entity, entity_id, seen)
        found += _unseen_children(conn, entity, entity_id, seen)
    return found


def _unseen_fields(conn: Connection, entity: str, entity_id: str,
                   seen: set[str]) -> list[FieldConflict]:
    rows = conn.execute(select(field_heads.c.field, field_heads.c.op_id).where(and_(
        field_heads.c.entity_id == entity_id, field_heads.c.field != DELETED_FIELD))).all()
    found = []
    for field in sorted({r.field for r in rows if r.op_id not in seen
                         and listed_in_conflicts(entity, r.field)}):
        unseen = [v for v in heads(conn, entity_id, field) if v.op_id not in seen]
        found.append(FieldConflict(entity, entity_id, field, _values(unseen),
                                   kind=ConflictKind.EDITED_AFTER_DELETE))
    return found


def _unseen_children(conn: Connection, entity: str, entity_id: str,
                     seen: set[str]) -> list[FieldConflict]:
    """Records added under a deleted one that its delete did not see (and still there)."""
    found = []
    for child in children_of(entity):
        table = ENTITY_TABLES[child.name]
        assert child.parent is not None
        shown = table.c[child.label] if child.label else table.c.id
        rows = conn.execute(
            select(table.c.created_op, shown, table.c.created_by, table.c.created_at)
            .join(ops, ops.c.op_id == table.c.created_op)
            .add_columns(ops.c.lamport, ops.c.node)
            .where(table.c[child.parent] == entity_id, table.c.deleted.is_(False))).all()
        versions = [FieldVersion(r[0], r.lamport, r.node, r[1], r[2], r[3])
                    for r in rows if r[0] not in seen]
        if versions:
            found.append(FieldConflict(entity, entity_id, child.name, _values(versions),
                                       kind=ConflictKind.EDITED_AFTER_DELETE))
    return found


def delete_conflicts(conn: Connection, entity_ids: Collection[str]) -> list[FieldConflict]:
    """The conflicts a delete or a restore of these records settles."""
    return (delete_restore_conflicts(conn, entity_ids)
            + edited_after_delete_conflicts(conn, entity_ids))


def conflicts(conn: Connection, entity_ids: Collection[str] | None = None,
              *, labelled: bool = True) -> list[FieldConflict]:
    """Every conflict (of ``entity_ids``, or of the whole store), with labels."""
    found = (field_conflicts(conn, entity_ids) + delete_restore_conflicts(conn, entity_ids)
             + edited_after_delete_conflicts(conn, entity_ids))
    if not labelled:
        return found
    return [_with_label(conn, c) for c in found]


def _with_label(conn: Connection, conflict: FieldConflict) -> FieldConflict:
    spec = spec_for(conflict.entity)
    if spec is None or spec.label is None:
        return conflict
    table = ENTITY_TABLES[spec.name]
    label = conn.execute(select(table.c[spec.label]).where(
        table.c.id == conflict.entity_id)).scalar()
    return FieldConflict(conflict.entity, conflict.entity_id, conflict.field, conflict.values,
                         str(label or ""), conflict.kind)

