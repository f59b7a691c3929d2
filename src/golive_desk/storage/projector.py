"""Apply ops to the read tables (projections). Pure function of the op log.

The projector is the only code that writes projection tables. It runs inside
the caller's transaction, so an op and its effects commit together.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Table, and_, delete, func, insert, select, update

from golive_desk.domain.merge import FieldVersion, winner
from golive_desk.domain.ops import DELETED_FIELD, Op, OpKind
from golive_desk.domain.schema import spec_for
from golive_desk.storage.tables import ENTITY_TABLES, PROJECTION_TABLES, field_heads, ops


def apply(conn: Connection, op: Op, op_id: str) -> None:
    """Project one op that has just been inserted into the op log."""
    table = ENTITY_TABLES.get(op.entity)
    spec = spec_for(op.entity)
    if table is None or spec is None:
        return  # a kind from a newer version: kept in the log, relayed, not shown
    if op.kind == OpKind.CREATE:
        _create(conn, table, spec.fields, op, op_id)
    elif op.kind == OpKind.SET and op.field in spec.fields:
        _set_field(conn, table, op, op_id, op.field)
    elif op.kind in (OpKind.DELETE, OpKind.RESTORE):
        _set_field(conn, table, op, op_id, DELETED_FIELD)


def _create(conn: Connection, table: Table, fields: tuple[str, ...], op: Op, op_id: str) -> None:
    conn.execute(insert(table).prefix_with("OR IGNORE"), _create_row(table, fields, op, op_id))
    # Fields set later than creation override the create op's values; on a
    # rebuild or out-of-order arrival they may already be recorded as heads.
    for name, version in _current_winners(conn, op.entity_id).items():
        _write_column(conn, table, op.entity_id, name, version)


def _create_row(table: Table, fields: tuple[str, ...], op: Op, op_id: str) -> dict[str, object]:
    values = op.value if isinstance(op.value, dict) else {}
    row = {f: values.get(f) for f in fields if f in table.c}
    row.update(
        id=op.entity_id, created_op=op_id, created_at=op.wall, created_by=op.author,
        updated_at=op.wall, deleted=False,
    )
    return row


def apply_fresh_creates(conn: Connection, created: Sequence[tuple[Op, str]]) -> None:
    """Project many create ops of entities this store has never seen, in bulk.

    The same rows :func:`apply` would write, with one ``executemany`` per
    table: the fast path for imports and benchmarks. Creates of entities that
    already have field versions (a rebuild, a late arrival) must use
    :func:`apply`, which merges them; that is checked, not assumed.
    """
    by_table: dict[str, list[dict[str, object]]] = {}
    ids = [op.entity_id for op, _ in created]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        seen = conn.execute(select(func.count()).select_from(field_heads)
                            .where(field_heads.c.entity_id.in_(chunk))).scalar_one()
        if seen:
            raise ValueError("apply_fresh_creates: some entities already have field versions")
    for op, op_id in created:
        table = ENTITY_TABLES.get(op.entity)
        spec = spec_for(op.entity)
        if op.kind != OpKind.CREATE or table is None or spec is None:
            raise ValueError(f"apply_fresh_creates takes create ops of known kinds, not {op}")
        by_table.setdefault(op.entity, []).append(_create_row(table, spec.fields, op, op_id))
    # Parents first, so foreign keys hold within the batch.
    for table in PROJECTION_TABLES:
        entity = next((e for e, t in ENTITY_TABLES.items() if t is table), None)
        rows = by_table.pop(entity, None) if entity else None
        if rows:
            conn.execute(insert(table), rows)


def _set_field(conn: Connection, table: Table, op: Op, op_id: str, name: str) -> None:
    conn.execute(delete(field_heads).where(and_(
        field_heads.c.entity_id == op.entity_id,
        field_heads.c.field == name,
        field_heads.c.op_id.in_(op.prev),
    )))
    value = op.kind == OpKind.DELETE if name == DELETED_FIELD else op.value
    conn.execute(insert(field_heads).prefix_with("OR IGNORE"), {
        "entity_id": op.entity_id, "field": name, "op_id": op_id, "entity": op.entity,
        "lamport": op.lamport, "node": op.node, "value": json.dumps(value, ensure_ascii=False),
        "author": op.author, "wall": op.wall,
    })
    versions = heads(conn, op.entity_id, name)
    _write_column(conn, table, op.entity_id, name, winner(versions))
    conn.execute(update(table).where(and_(table.c.id == op.entity_id,
                                          table.c.updated_at < op.wall))
                 .values(updated_at=op.wall))


def _write_column(conn: Connection, table: Table, entity_id: str, name: str,
                  version: FieldVersion) -> None:
    if name == DELETED_FIELD:
        deleted = any(v.value for v in heads(conn, entity_id, name))
        conn.execute(update(table).where(table.c.id == entity_id).values(deleted=deleted))
    elif name in table.c:
        conn.execute(update(table).where(table.c.id == entity_id).values({name: version.value}))


def heads(conn: Connection, entity_id: str, name: str) -> list[FieldVersion]:
    """The current versions of one field register."""
    rows = conn.execute(select(
        field_heads.c.op_id, field_heads.c.lamport, field_heads.c.node, field_heads.c.value,
        field_heads.c.author, field_heads.c.wall,
    ).where(field_heads.c.entity_id == entity_id, field_heads.c.field == name))
    return [FieldVersion(r.op_id, r.lamport, r.node, json.loads(r.value), r.author, r.wall)
            for r in rows]


def _current_winners(conn: Connection, entity_id: str) -> dict[str, FieldVersion]:
    rows = conn.execute(select(field_heads.c.field).distinct()
                        .where(field_heads.c.entity_id == entity_id)).scalars().all()
    return {name: winner(heads(conn, entity_id, name)) for name in rows}


def rebuild(conn: Connection) -> int:
    """Drop every projection and replay the whole op log in causal order."""
    for table in reversed(PROJECTION_TABLES):
        conn.execute(delete(table))
    count = 0
    for op_id, body in _ops_in_causal_order(conn):
        apply(conn, Op.from_body(body), op_id)
        count += 1
    return count


def _ops_in_causal_order(conn: Connection) -> Iterable[tuple[str, str]]:
    # Lamport order respects causality: an op's clock exceeds all it has seen.
    result = conn.execute(select(ops.c.op_id, ops.c.body)
                          .order_by(ops.c.lamport, ops.c.node, ops.c.seq))
    for row in result:
        yield row.op_id, row.body
