"""Whole-store reads for checking a store: the op log by chain, the projections' rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import Connection, select

from golive_desk.domain.ops import Op
from golive_desk.storage.tables import PROJECTION_TABLES, ops, pending_ops


class ChainLink(NamedTuple):
    op_id: str
    node: str
    seq: int
    body: str


def ops_by_chain(conn: Connection) -> Iterator[ChainLink]:
    """Every op of the log, node by node in seq order (streamed, not held)."""
    rows = conn.execute(select(ops.c.op_id, ops.c.node, ops.c.seq, ops.c.body)
                        .order_by(ops.c.node, ops.c.seq))
    for row in rows:
        yield ChainLink(*row)


def projection_rows(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every projection table's rows, sorted: equal dumps mean equal projections."""
    return {table.name: sorted((tuple(r) for r in conn.execute(select(table)).all()), key=repr)
            for table in PROJECTION_TABLES}


def referenced_blobs(conn: Connection) -> set[str]:
    """The SHA-256 of every file an attachment op names (applied or pending)."""
    bodies = [*conn.execute(select(ops.c.body).where(ops.c.entity == "attachment",
                                                     ops.c.kind == "create")).scalars(),
              *conn.execute(select(pending_ops.c.body)).scalars()]
    named: set[str] = set()
    for body in bodies:
        try:
            op = Op.from_body(body)
        except ValueError:
            continue
        value = op.value
        if op.entity == "attachment" and isinstance(value, dict) \
                and isinstance(value.get("sha256"), str):
            named.add(str(value["sha256"]))
    return named
