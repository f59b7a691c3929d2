"""Append many create ops at once: the fast path for imports and benchmarks.

The ops are exactly those :func:`oplog.append` would write one by one (same
seq, chain, Lamport clock and hash); only the inserts are batched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, insert

from golive_desk.domain.ops import JsonValue, Op, OpKind
from golive_desk.storage import projector
from golive_desk.storage.oplog import NodeCursor, utc_now
from golive_desk.storage.tables import ops


@dataclass(frozen=True, slots=True)
class NewEntity:
    """One entity to create: its kind, id, field values and the ops it depends on."""

    entity: str
    entity_id: str
    values: dict[str, JsonValue]
    depends_on: tuple[str, ...] = ()


def append_creates(conn: Connection, cursor: NodeCursor, items: Iterable[NewEntity],
                   *, batch: int = 5000) -> list[str]:
    """Write a create op per item and project them; returns the op ids in order.

    Items may depend on ops earlier in the same call (a timeline entry on its
    issue's create): each batch is inserted parents-first by the projector.
    """
    op_ids: list[str] = []
    pending: list[tuple[Op, str, str]] = []
    for item in items:
        cursor.lamport += 1
        cursor.last_seq += 1
        op = Op(node=cursor.node_id, seq=cursor.last_seq, lamport=cursor.lamport,
                wall=utc_now(), author=cursor.author, entity=item.entity,
                entity_id=item.entity_id, kind=OpKind.CREATE.value, field=None,
                value=item.values, prev=tuple(sorted(item.depends_on)), chain=cursor.last_op)
        body = op.body()
        op_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
        cursor.last_op = op_id
        op_ids.append(op_id)
        pending.append((op, op_id, body))
        if len(pending) >= batch:
            _flush(conn, pending)
    _flush(conn, pending)
    return op_ids


def _flush(conn: Connection, pending: list[tuple[Op, str, str]]) -> None:
    if not pending:
        return
    conn.execute(insert(ops), [{
        "op_id": op_id, "node": op.node, "seq": op.seq, "lamport": op.lamport, "wall": op.wall,
        "entity": op.entity, "entity_id": op.entity_id, "kind": op.kind, "field": op.field,
        "body": body,
    } for op, op_id, body in pending])
    projector.apply_fresh_creates(conn, [(op, op_id) for op, op_id, _ in pending])
    pending.clear()
