"""The unit of work: one write transaction, ops appended, projections updated.

Services open one, append ops through it and let it commit. Anything raised
inside rolls back everything: no op without its projection, no projection
without its op.

An edit supersedes only the versions its author saw (``prev``). A caller that
showed the user a record passes the versions it loaded (``seen``); a caller
that did not (a script's ``issue set``) is refused when the field is in
conflict, so no conflict is ever cleared without someone choosing. Resolving
is its own call, :meth:`UnitOfWork.resolve`, which names every version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, select

from golive_desk.domain.errors import WorkflowError
from golive_desk.domain.merge import FieldVersion, distinct_values, rank
from golive_desk.domain.op_checks import check_ops
from golive_desk.domain.ops import DELETED_FIELD, JsonValue, Op, OpKind
from golive_desk.domain.schema import children_of, spec_for
from golive_desk.storage import oplog
from golive_desk.storage.engine import Store
from golive_desk.storage.projector import heads
from golive_desk.storage.tables import ENTITY_TABLES, field_heads, ops

# What an editor saw of a record: per field, the op ids of the versions it loaded.
Seen = Mapping[str, tuple[str, ...]]


class UnitOfWork:
    """Append ops inside one ``BEGIN IMMEDIATE`` transaction."""

    def __init__(self, conn: Connection, cursor: oplog.NodeCursor,
                 wall: Callable[[], str] = oplog.utc_now) -> None:
        self._conn = conn
        self.cursor = cursor
        self.op_ids: list[str] = []
        # The time each op records (UTC text); the demo sets it to its story's times.
        self.wall = wall
        self._held: list[tuple[str, Op, str]] | None = None  # inside batch(): not yet written
        self._vouched: set[str] = set()  # held ops not to check (``create_many(checked=)``)

    @property
    def conn(self) -> Connection:
        """The transaction, with every op appended so far written and projected."""
        self.flush()
        return self._conn

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold back the ops appended inside and write them together (see the module
        text); a batch inside a batch joins it. An error leaves them unwritten: the
        unit of work rolls back."""
        if self._held is not None:
            yield
            return
        self._held = []
        try:
            yield
            self.flush()
        finally:
            self._held, self._vouched = None, set()

    def flush(self) -> None:
        """Check, write and project the ops a batch holds back (nothing outside a batch).

        Raises:
            MalformedOpError: an op breaks the registry (the first, as ``check_op``
                names it); nothing held is written and the unit of work rolls back.
        """
        if self._held:
            held, self._held = self._held, []
            vouched, self._vouched = self._vouched, set()
            if not vouched:
                check_ops([op for _op_id, op, _body in held])
            elif len(vouched) < len(held):  # (vouched ops are held ones: as many, all vouched)
                check_ops([op for op_id, op, _body in held if op_id not in vouched])
            oplog.write_new(self._conn, held)

    @property
    def author(self) -> str:
        return self.cursor.author

    def create(self, entity: str, entity_id: str, values: dict[str, JsonValue],
               depends_on: tuple[str, ...] = ()) -> str:
        """Create an entity; ``depends_on`` names ops (e.g. the parent's create) it needs."""
        return self._append(entity=entity, entity_id=entity_id, kind=OpKind.CREATE.value,
                            value=values, prev=depends_on)

    def create_many(self, entity: str, records: Iterable[tuple[str, dict[str, JsonValue]]],
                    *, checked: bool = False, plain: bool = False) -> list[str]:
        """:meth:`create` of each ``(entity_id, values)`` in turn, in one batch (an
        import's thousands of records: the same ops, less done per op).

        ``checked``: the caller vouches that every id and value fits the registry,
        having built them from data it checked (an ICS import's preview); their ops,
        the rest of which this unit of work makes itself, are not checked again. (Ops
        from elsewhere — a bundle — are always checked: ``sync_import``.) ``plain``: the
        caller has made sure every value is of an exact plain JSON type (str, int, bool,
        None; text keys), so each op's body is written without looking again.
        """
        made_ids: list[str] = []
        with self.batch():
            for made in oplog.make_creates(self.cursor, entity, records, self.wall,
                                           plain=plain):
                held = self._held  # (not kept: a read meanwhile writes what is held)
                assert held is not None
                held.append(made)
                made_ids.append(made[0])
                self.op_ids.append(made[0])
                if checked:
                    self._vouched.add(made[0])
        return made_ids

    def set(self, entity: str, entity_id: str, field: str, value: JsonValue,
            seen: tuple[str, ...] | None = None) -> str:
        """Set a field, superseding the versions in ``seen`` (what the author saw).

        Without ``seen`` the author is taken to have seen what the store holds
        now, which is only true when that is one value.

        Raises:
            WorkflowError: (``reason="conflict"``) ``seen`` is None and the field
                is in conflict; the user must choose (:meth:`resolve`).
        """
        if seen is None:
            versions = heads(self.conn, entity_id, field)
            if distinct_values(v.value for v in versions) > 1:
                raise _conflict_error(entity_id, field, versions)
            seen = tuple(v.op_id for v in versions) or (self.created_op(entity_id),)
        return self._append(entity=entity, entity_id=entity_id, kind=OpKind.SET.value,
                            field=field, value=value, prev=seen)

    def resolve(self, entity: str, entity_id: str, field: str, value: JsonValue) -> str:
        """Set a field to ``value`` superseding every version: the user chose, so every
        store that receives this op ends with it alone."""
        return self._append(entity=entity, entity_id=entity_id, kind=OpKind.SET.value,
                            field=field, value=value, prev=self.field_prev(entity_id, field))

    def delete(self, entity: str, entity_id: str) -> str:
        """Delete, having seen everything the store holds of the record (see
        :meth:`entity_heads`): what the delete does not name was concurrent."""
        return self._append(entity=entity, entity_id=entity_id, kind=OpKind.DELETE.value,
                            prev=self.entity_heads(entity, entity_id))

    def restore(self, entity: str, entity_id: str) -> str:
        return self._append(entity=entity, entity_id=entity_id, kind=OpKind.RESTORE.value,
                            prev=self.entity_heads(entity, entity_id))

    def field_prev(self, entity_id: str, field: str) -> tuple[str, ...]:
        """Every version of the field this store holds (its creation when never set)."""
        versions = heads(self.conn, entity_id, field)
        if versions:
            return tuple(v.op_id for v in versions)
        return (self.created_op(entity_id),)

    def entity_heads(self, entity: str, entity_id: str) -> tuple[str, ...]:
        """Every version of every field of a record, its creation, its delete/restore
        register, and the creation of every record hanging under it.

        A delete names all of them in ``prev``: any it does not name was written
        concurrently, which makes an "edited after delete".
        """
        found = {self.created_op(entity_id)}
        found.update(self.conn.execute(select(field_heads.c.op_id).where(
            field_heads.c.entity_id == entity_id)).scalars())
        for child in children_of(entity):
            table = ENTITY_TABLES[child.name]
            parent = child.parent
            assert parent is not None
            found.update(self.conn.execute(select(table.c.created_op).where(
                table.c[parent] == entity_id)).scalars())
        return tuple(sorted(found))

    def versions(self, entity: str, entity_id: str) -> dict[str, tuple[str, ...]]:
        """What an editor sees of a record: per field, the versions it holds now."""
        return versions_of(self.conn, entity, entity_id)

    def created_op(self, entity_id: str) -> str:
        op_id = self.conn.execute(select(ops.c.op_id).where(
            ops.c.entity_id == entity_id, ops.c.kind == OpKind.CREATE.value)).scalar()
        if op_id is None:
            raise LookupError(f"no create op for {entity_id}")
        return str(op_id)

    def _append(self, **kwargs: Any) -> str:
        if self._held is None:
            op_id = oplog.append(self._conn, self.cursor, wall=self.wall(), **kwargs)
        else:  # (checked together when the batch is written: check_ops)
            made = oplog.make_op(self.cursor, wall=self.wall(), **kwargs)
            self._held.append(made)
            op_id = made[0]
        self.op_ids.append(op_id)
        return op_id


def versions_of(conn: Connection, entity: str, entity_id: str) -> dict[str, tuple[str, ...]]:
    """Per field of the record, the op ids of its current versions (the create op's
    when never set). An editor keeps this and passes a field's to ``set`` as ``seen``."""
    spec = spec_for(entity)
    created = conn.execute(select(ops.c.op_id).where(
        ops.c.entity_id == entity_id, ops.c.kind == OpKind.CREATE.value)).scalar()
    if spec is None or created is None:
        return {}
    found: dict[str, list[str]] = {}
    for name, op_id in conn.execute(select(field_heads.c.field, field_heads.c.op_id).where(
            field_heads.c.entity_id == entity_id, field_heads.c.field != DELETED_FIELD)):
        found.setdefault(name, []).append(op_id)
    return {name: tuple(sorted(found.get(name, (created,)))) for name in spec.field_names}


def _conflict_error(entity_id: str, field: str, versions: list[FieldVersion]) -> WorkflowError:
    ordered = sorted(versions, key=rank, reverse=True)
    values = [v.value for v in ordered]
    listed = " / ".join(f"{v.value!r} ({v.author})" for v in ordered)
    return WorkflowError(f"{field} is in conflict ({listed}); choose one with --resolve or "
                         f"'conflicts resolve'", reason="conflict", field=field,
                         values=values, entity_id=entity_id)


@contextmanager
def unit_of_work(store: Store,
                 wall: Callable[[], str] = oplog.utc_now) -> Iterator[UnitOfWork]:
    """Open a write transaction; it commits when the block ends without an error."""
    with store.write() as conn:
        uow = UnitOfWork(conn, oplog.load_cursor(conn), wall)
        yield uow
        uow.flush()
        oplog.save_cursor(conn, uow.cursor)
