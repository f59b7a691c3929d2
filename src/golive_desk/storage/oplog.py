"""Append this node's ops and insert ops from other nodes, idempotently."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, update

from golive_desk.domain.errors import StoreError
from golive_desk.domain.ops import JsonValue, Op
from golive_desk.storage import projector
from golive_desk.storage.tables import local_node, ops


def utc_now() -> str:
    """Wall-clock time for display and skew warnings, never for ordering."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class NodeCursor:
    """This node's position: next seq, chain head and Lamport clock."""

    node_id: str
    author: str
    last_seq: int
    last_op: str | None
    lamport: int


def load_cursor(conn: Connection) -> NodeCursor:
    row = conn.execute(select(
        local_node.c.node_id, local_node.c.user_name, local_node.c.last_seq,
        local_node.c.last_op, local_node.c.lamport,
    )).one_or_none()
    if row is None:
        raise StoreError("this store has no node identity; run 'golive-desk init'")
    return NodeCursor(row.node_id, row.user_name, row.last_seq, row.last_op, row.lamport)


def save_cursor(conn: Connection, cursor: NodeCursor) -> None:
    conn.execute(update(local_node).values(
        last_seq=cursor.last_seq, last_op=cursor.last_op, lamport=cursor.lamport))


def append(conn: Connection, cursor: NodeCursor, *, entity: str, entity_id: str, kind: str,
           field: str | None = None, value: JsonValue = None,
           prev: tuple[str, ...] = (), wall: str | None = None) -> str:
    """Write a new local op and project it; returns its op id.

    ``wall`` (UTC, as :func:`utc_now` writes it) defaults to now. The cursor
    advances in memory; the unit of work saves it once at commit.
    """
    cursor.lamport += 1
    cursor.last_seq += 1
    op = Op(node=cursor.node_id, seq=cursor.last_seq, lamport=cursor.lamport,
            wall=wall or utc_now(), author=cursor.author, entity=entity, entity_id=entity_id,
            kind=kind, field=field, value=value, prev=tuple(sorted(prev)),
            chain=cursor.last_op)
    op_id = insert_op(conn, op)
    cursor.last_op = op_id
    projector.apply(conn, op, op_id)
    return op_id


def insert_op(conn: Connection, op: Op) -> str:
    """Insert an op row (no projection). Returns its id."""
    body = op.body()
    op_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
    conn.execute(insert(ops), {
        "op_id": op_id, "node": op.node, "seq": op.seq, "lamport": op.lamport, "wall": op.wall,
        "entity": op.entity, "entity_id": op.entity_id, "kind": op.kind, "field": op.field,
        "body": body,
    })
    return op_id


def last_local_wall(conn: Connection) -> str | None:
    """The wall time of this node's latest op, if it has written any."""
    node = select(local_node.c.node_id).scalar_subquery()
    return conn.execute(select(ops.c.wall).where(ops.c.node == node)
                        .order_by(ops.c.seq.desc()).limit(1)).scalar()


def op_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(ops)).scalar_one())
