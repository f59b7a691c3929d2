"""The unit of work: one write transaction, ops appended, projections updated.

Services open one, append ops through it and let it commit. Anything raised
inside rolls back everything: no op without its projection, no projection
without its op.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, select

from golive_desk.domain.ops import JsonValue
from golive_desk.storage import oplog
from golive_desk.storage.engine import Store
from golive_desk.storage.projector import heads
from golive_desk.storage.tables import field_heads, ops


class UnitOfWork:
    """Append ops inside one ``BEGIN IMMEDIATE`` transaction."""

    def __init__(self, conn: Connection, cursor: oplog.NodeCursor,
                 wall: Callable[[], str] = oplog.utc_now) -> None:
        self.conn = conn
        self.cursor = cursor
        self.op_ids: list[str] = []
        # The time each op records (UTC text); the demo sets it to its story's times.
        self.wall = wall

    @property
    def author(self) -> str:
        return self.cursor.author

    def create(self, entity: str, entity_id: str, values: dict[str, JsonValue],
               depends_on: tuple[str, ...] = ()) -> str:
        """Create an entity; ``depends_on`` names ops (e.g. the parent's create) it needs."""
        return self._append(entity=entity, entity_id=entity_id, kind="create", value=values,
                            prev=depends_on)

    def set(self, entity: str, entity_id: str, field: str, value: JsonValue) -> str:
        """Set a field; ``prev`` is every version of it this store holds now."""
        prev = self.field_prev(entity_id, field)
        return self._append(entity=entity, entity_id=entity_id, kind="set", field=field,
                            value=value, prev=prev)

    def set_resolving(self, entity: str, entity_id: str, field: str, value: JsonValue,
                      prev: tuple[str, ...]) -> str:
        return self._append(entity=entity, entity_id=entity_id, kind="set", field=field,
                            value=value, prev=prev)

    def delete(self, entity: str, entity_id: str, seen: tuple[str, ...]) -> str:
        return self._append(entity=entity, entity_id=entity_id, kind="delete", prev=seen)

    def restore(self, entity: str, entity_id: str, seen: tuple[str, ...]) -> str:
        return self._append(entity=entity, entity_id=entity_id, kind="restore", prev=seen)

    def field_prev(self, entity_id: str, field: str) -> tuple[str, ...]:
        versions = heads(self.conn, entity_id, field)
        if versions:
            return tuple(v.op_id for v in versions)
        return (self.created_op(entity_id),)

    def entity_heads(self, entity_id: str) -> tuple[str, ...]:
        """Every version this store holds of every field of an entity, and its creation.

        A delete names all of them in ``prev``: any field version it does not
        name was written concurrently, which makes an "edited after delete".
        """
        rows = self.conn.execute(select(field_heads.c.op_id)
                                 .where(field_heads.c.entity_id == entity_id)).scalars()
        return tuple(sorted({self.created_op(entity_id), *rows}))

    def created_op(self, entity_id: str) -> str:
        op_id = self.conn.execute(select(ops.c.op_id).where(
            ops.c.entity_id == entity_id, ops.c.kind == "create")).scalar()
        if op_id is None:
            raise LookupError(f"no create op for {entity_id}")
        return str(op_id)

    def _append(self, **kwargs: object) -> str:
        op_id = oplog.append(self.conn, self.cursor, wall=self.wall(),
                             **kwargs)  # type: ignore[arg-type]
        self.op_ids.append(op_id)
        return op_id


@contextmanager
def unit_of_work(store: Store,
                 wall: Callable[[], str] = oplog.utc_now) -> Iterator[UnitOfWork]:
    """Open a write transaction; it commits when the block ends without an error."""
    with store.write() as conn:
        uow = UnitOfWork(conn, oplog.load_cursor(conn), wall)
        yield uow
        oplog.save_cursor(conn, uow.cursor)
