"""Append this node's ops and insert ops from other nodes, idempotently."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy import Connection, func, select, update

from golive_desk.domain.errors import StoreError
from golive_desk.domain.op_checks import check_op
from golive_desk.domain.ops import (
    NO_EXTRA,
    OP_FORMAT,
    PLAIN_SCALARS,
    JsonValue,
    Op,
    OpKind,
    new_op,
    plain_json,
)
from golive_desk.storage import projector
from golive_desk.storage.dialect import RawSql
from golive_desk.storage.tables import local_node, ops


def utc_now() -> str:
    """Wall-clock time for display and skew warnings, never for ordering."""
    global _last_wall  # (one formatting per millisecond: see below)
    ms = time.time_ns() // 1_000_000
    last = _last_wall
    if last[0] == ms:
        return last[1]
    text = (_EPOCH + timedelta(milliseconds=ms)).isoformat(timespec="milliseconds")
    _last_wall = (ms, text)
    return text


# The last time written, by millisecond: a batch stamps thousands of ops within a
# few, and formatting each was a tenth of making it. (A tuple, replaced whole.)
_last_wall: tuple[int, str] = (-1, "")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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


def make_op(cursor: NodeCursor, *, entity: str, entity_id: str, kind: str,
            field: str | None = None, value: JsonValue = None, prev: Iterable[str] = (),
            wall: str | None = None) -> tuple[str, Op, str]:
    """The one recipe for a new op of this node: ``(op_id, op, body)``.

    Advances ``cursor`` (seq, Lamport clock, chain head) in memory; the unit of
    work saves it once at commit. ``wall`` (UTC, as :func:`utc_now` writes it)
    defaults to now.
    """
    cursor.lamport += 1
    cursor.last_seq += 1
    op, encoded = new_op(cursor.node_id, cursor.last_seq, cursor.lamport, wall or utc_now(),
                         cursor.author, entity, entity_id, kind, field, value,
                         tuple(sorted(set(prev))) if prev else (), cursor.last_op)
    op_id = hashlib.sha256(encoded).hexdigest()
    cursor.last_op = op_id
    return op_id, op, encoded.decode()


def make_creates(cursor: NodeCursor, entity: str,
                 records: Iterable[tuple[str, dict[str, JsonValue]]],
                 wall: Callable[[], str], *, plain: bool = False,
                 ) -> Iterator[tuple[str, Op, str]]:
    """:func:`make_op` of a create of each ``(entity_id, values)``, made as each is
    asked for (an import's thousands: the same ops, without a keyword call each).
    ``cursor`` moves with each op, as :func:`make_op` moves it. ``plain``: the caller
    has made sure every value is of an exact plain type (see ``ops.plain_json``)."""
    node, author, sha256, dumps = cursor.node_id, cursor.author, hashlib.sha256, orjson.dumps
    text, scalars = _TEXT_TYPE, PLAIN_SCALARS
    # The envelope's types, what new_op would test on each op: those of the batch once,
    # the op's own (its time and record id; its clocks and chain are the cursor's) each.
    batch_plain = {type(node), type(author), type(entity)} == {str} and \
        {type(cursor.last_seq), type(cursor.lamport)} == {int} and \
        type(cursor.last_op) in (str, type(None))
    for entity_id, values in records:
        seq = cursor.last_seq = cursor.last_seq + 1
        lamport = cursor.lamport = cursor.lamport + 1
        when, chain = wall(), cursor.last_op
        op: Op = _tuple_new(Op, (node, seq, lamport, when, author, entity, entity_id, _CREATE,
                                 None, values, (), chain, OP_FORMAT, NO_EXTRA))
        if batch_plain and type(when) is str and type(entity_id) is str and (plain or
                # (plain_json's answer for the usual flat record, without its call)
                (type(values) is dict and text.issuperset(map(type, values))
                and scalars.issuperset(map(type, values.values()))) or plain_json(values)):
            try:  # (new_op's body, inline: its keys in their order, so orjson sorts less)
                encoded = dumps({
                    "author": author, "chain": chain, "entity": entity, "entity_id": entity_id,
                    "field": None, "kind": _CREATE, "lamport": lamport, "node": node,
                    "prev": (), "seq": seq, "v": OP_FORMAT, "value": values, "wall": when},
                    option=_SORTED)
            except orjson.JSONEncodeError:  # (an integer beyond 64 bits, a lone surrogate)
                encoded = op.body_bytes()
        else:  # (odd types: the standard library's text, as new_op writes it)
            encoded = op.body_bytes()
        op_id = cursor.last_op = sha256(encoded).hexdigest()
        yield op_id, op, encoded.decode()


_tuple_new = tuple.__new__
_TEXT_TYPE = frozenset((str,))
_SORTED = orjson.OPT_SORT_KEYS
_CREATE = OpKind.CREATE.value


def append(conn: Connection, cursor: NodeCursor, **fields: Any) -> str:
    """Check, write and project a new local op (``fields`` as :func:`make_op` takes them).

    Raises:
        MalformedOpError: the op breaks the entity registry (a bug in the caller).
    """
    made = make_op(cursor, **fields)
    check_op(made[1])
    write_new(conn, [made])
    return made[0]


def write_new(conn: Connection, made: Sequence[tuple[str, Op, str]]) -> None:
    """Insert new local ops (made by :func:`make_op` and checked, in order) and project
    them in one projector call."""
    insert_ops(conn, made)
    projector.project(conn, [(op_id, op) for op_id, op, _body in made])


# The op's own columns of the ``ops`` table, read from an Op in one C call.
_OP_COLUMNS = itemgetter(*(Op._fields.index(name) for name in (
    "node", "seq", "lamport", "wall", "entity", "entity_id", "kind", "field")))
_OPS_INSERT = ("op_id", "node", "seq", "lamport", "wall", "entity", "entity_id", "kind",
               "field", "body")


def insert_ops(conn: Connection, rows: Iterable[tuple[str, Op, str]]) -> None:
    """Insert ``(op_id, op, body)`` rows into the op log; the body is kept exactly as given."""
    columns = _OP_COLUMNS
    sql = RawSql(conn)
    sql.db.executemany(sql.insert("ops", _OPS_INSERT),
                       [(op_id, *columns(op), body) for op_id, op, body in rows])


def last_local_wall(conn: Connection) -> str | None:
    """The wall time of this node's latest op, if it has written any."""
    node = select(local_node.c.node_id).scalar_subquery()
    return conn.execute(select(ops.c.wall).where(ops.c.node == node)
                        .order_by(ops.c.seq.desc()).limit(1)).scalar()


def op_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(ops)).scalar_one())
