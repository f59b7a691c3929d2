"""Whole-store reads for checking a store: the op log by chain, the projections' rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import Connection, select

from golive_desk.storage.tables import PROJECTION_TABLES, ops


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
