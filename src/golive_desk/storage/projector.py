"""The one projector: ops in, read tables (projections) out.

Local writes (one op at a time), sync imports (thousands) and ``doctor
--rebuild`` (the whole log, in Lamport order) all call :func:`project`; no
other code writes a projection table. The rules (``domain/merge.py``):

- A field is a register; its versions ("heads") are the ops on it that no
  other op names in ``prev``. No row in ``field_heads`` means the create op is
  the only version.
- The column holds the provisional winner (``merge.rank``: highest Lamport,
  then node), the same on every store. ``deleted`` is the register of deletes
  and restores, settled by the same rule.
- ``updated_at`` is the latest wall time of the ops that applied to an
  existing row.
- Kinds and fields the registry does not know (a newer version's) are kept in
  the log and relayed, not projected.

The registers of the touched entities are kept in memory while the ops are
walked in the given (causal) order, and the difference is written with a few
``executemany`` calls on the driver connection: importing 10,000 ops one
SQLAlchemy statement at a time took over ten seconds. Columns are settled once
per register at the end, from its final versions: that is what applying the
ops one by one leaves in them, since each op rewrites its column from the
versions it leaves.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from golive_desk.domain.merge import FieldVersion, rank
from golive_desk.domain.ops import DELETED_FIELD, Op, OpKind
from golive_desk.domain.schema import ENTITIES, EntitySpec
from golive_desk.storage.dialect import RawSql
from golive_desk.storage.tables import ENTITY_TABLES, PROJECTION_TABLES, field_heads, ops

_CHUNK = 500
_REBUILD_CHUNK = 5_000
# Plain strings and sets for the per-op tests: comparing with an enum member or
# scanning a tuple of fields costs several times more, once per op.
_CREATE, _SET, _DELETE, _RESTORE = (k.value for k in (OpKind.CREATE, OpKind.SET, OpKind.DELETE,
                                                      OpKind.RESTORE))
_FIELDS: dict[str, frozenset[str]] = {e: frozenset(s.field_names) for e, s in ENTITIES.items()}
_TABLE_ORDER: dict[str, int] = {spec.table: i for i, spec in enumerate(ENTITIES.values())}
_ENTITY_ORDER: dict[str, int] = {name: i for i, name in enumerate(ENTITIES)}
# The columns a create fills after the record's own fields, in ``_create``'s order.
_ROW_HEAD = ("id", "created_op", "created_at", "created_by", "updated_at", "deleted")
_OP, _ENTITY, _KIND = itemgetter(1), attrgetter("entity"), attrgetter("kind")


def _kinds(items: Sequence[tuple[str, Op]]) -> set[str]:
    """The op kinds among ``items`` (in C: an import asks it of 10,000)."""
    return set(map(_KIND, map(_OP, items)))


_NO_VALUES: dict[str, Any] = {}  # (a create whose value is not a dict: every field None)
_HEAD_COLUMNS = ("entity_id", "field", "op_id", "entity", "lamport", "node", "value",
                 "author", "wall")


class DanglingReferenceError(ValueError):
    """An op names a record this store does not hold (a parent, a project)."""


def project(conn: Connection, items: Sequence[tuple[str, Op]]) -> None:
    """Project ``(op_id, op)`` items, already in the op log, in the order given.

    Raises:
        DanglingReferenceError: a record would refer to one that does not exist
            (a foreign key); the caller's transaction must roll back.
    """
    if not items:
        return
    dbapi: Any = conn.dialect.dbapi
    try:
        _Batch(RawSql(conn)).run(items)
    except dbapi.IntegrityError as exc:
        raise DanglingReferenceError(str(exc)) from exc


def rebuild(conn: Connection) -> int:
    """Empty every projection and replay the whole op log in causal (Lamport) order.

    Imports refuse an op whose clock is not above every op it builds on, so this
    order applies each op after its dependencies, as the live store did.
    """
    for table in reversed(PROJECTION_TABLES):
        conn.execute(table.delete())
    count = 0
    for chunk in _log_in_causal_order(conn):
        project(conn, chunk)
        count += len(chunk)
    return count


def _log_in_causal_order(conn: Connection) -> Iterator[list[tuple[str, Op]]]:
    result = conn.execute(select(ops.c.op_id, ops.c.body)
                          .order_by(ops.c.lamport, ops.c.node, ops.c.seq))
    while rows := result.fetchmany(_REBUILD_CHUNK):
        yield [(op_id, Op.from_body(body)) for op_id, body in rows]


def heads(conn: Connection, entity_id: str, name: str) -> list[FieldVersion]:
    """The current versions of one field register (none: the create op is the only one)."""
    rows = conn.execute(select(
        field_heads.c.op_id, field_heads.c.lamport, field_heads.c.node, field_heads.c.value,
        field_heads.c.author, field_heads.c.wall,
    ).where(field_heads.c.entity_id == entity_id, field_heads.c.field == name))
    return [FieldVersion(r.op_id, r.lamport, r.node, json.loads(r.value), r.author, r.wall)
            for r in rows]


# ``json.dumps(value, ensure_ascii=False)`` builds an encoder per call; one is enough.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


class _Head(NamedTuple):
    """One current version of a register: immutable and cheap, as an import makes one per op.

    A head loaded from ``field_heads`` has its stored JSON in ``text``; one made
    by an op of this batch has ``text`` None and the value itself in ``value``.
    Each is decoded or encoded at most once, when the batch settles or writes it.
    """

    op_id: str
    entity: str
    lamport: int
    node: str
    text: str | None
    author: str
    wall: str
    value: Any = None

    def python_value(self) -> Any:
        return self.value if self.text is None else json.loads(self.text)

    def json_value(self) -> str:
        # The value came out of a JSON body, so it survives a JSON round trip
        # unchanged: it is what a read of the column gives back.
        return self.text if self.text is not None else _ENCODE(self.value)


class _Row:
    """A touched record: its new row (a create of this batch) or its changed columns."""

    # (A plain class with slots: an import makes one per record, and a dataclass's
    # default factory and ``__post_init__`` doubled the cost.)
    __slots__ = ("columns", "dirty", "entity_id", "loaded_updated_at", "new", "table",
                 "updated_at")

    def __init__(self, entity_id: str, table: str, columns: frozenset[str], updated_at: str,
                 new: dict[str, Any] | None = None) -> None:
        self.entity_id = entity_id
        self.table = table
        self.columns = columns
        self.updated_at = updated_at
        self.new = new
        self.dirty: dict[str, Any] = {}
        self.loaded_updated_at = updated_at  # ``updated_at`` as loaded or created

    def set(self, column: str, value: Any) -> None:
        if self.new is not None:
            self.new[column] = value
        else:
            self.dirty[column] = value


_new_head = tuple.__new__


class _Batch:
    """Registers and rows of the touched entities, in memory until ``_write``."""

    def __init__(self, sql: RawSql) -> None:
        self.sql = sql
        self.heads: dict[tuple[str, str], dict[str, _Head]] = {}
        self.original: set[tuple[str, str, str]] = set()
        self.touched: set[tuple[str, str]] = set()
        self.rows: dict[str, _Row] = {}

    def run(self, items: Sequence[tuple[str, Op]]) -> None:
        entities = {op.entity_id: op.entity for _, op in items if op.entity in _FIELDS}
        # Each op a create of a known kind, each of another record: new records, unless
        # a register of one is there (``_apply_each`` gives it to the new row).
        only_new = len(entities) == len(items) and _kinds(items) == {_CREATE}
        if only_new and self._no_heads_between(min(entities), max(entities)):
            self._insert_created(items)
            return
        self._load_heads(entities)
        if only_new and not self.heads:
            self._insert_created(items)
        else:
            self._apply_each(items, entities)

    def _no_heads_between(self, low: str, high: str) -> bool:
        """No register of any record from ``low`` to ``high``: one look that answers for
        an import's new ids (time-ordered, so together, apart from older records')."""
        mark = self.sql.mark
        return self.sql.db.execute(
            f"SELECT 1 FROM field_heads WHERE entity_id BETWEEN {mark} AND {mark} LIMIT 1",
            (low, high)).fetchone() is None

    def _apply_each(self, items: Sequence[tuple[str, Op]], entities: dict[str, str]) -> None:
        """The general way (registers loaded): rows loaded, each op applied, the rest
        written."""
        self._load_rows(entities)
        for op_id, op in items:
            self._apply(op_id, op)
        self._settle_columns()
        self._write()

    def _insert_created(self, items: Sequence[tuple[str, Op]]) -> None:
        """Only creates, one per record, of known kinds and records without registers
        (an import's new records): each row is what ``_create`` and ``_write`` make of
        it, built straight as the tuple inserted; a record already there keeps its row
        (``INSERT OR IGNORE``, as ``_apply`` skips its create)."""
        by_kind: dict[str, list[tuple[str, Op]]] = {}
        if len(set(map(_ENTITY, map(_OP, items)))) == 1:  # (an import: one kind)
            by_kind[items[0][1].entity] = list(items)
        else:
            for item in items:
                by_kind.setdefault(item[1].entity, []).append(item)
        for entity in sorted(by_kind, key=_ENTITY_ORDER.__getitem__):  # (parents first)
            created = _CREATED[entity]
            rows = [(*map((value if isinstance(value := op.value, dict) else _NO_VALUES).get,
                          created), op.entity_id, op_id, op.wall, op.author, op.wall, False)
                    for op_id, op in by_kind[entity]]
            self.sql.db.executemany(self.sql.insert(
                ENTITIES[entity].table, (*created, *_ROW_HEAD), ignore_existing=True), rows)

    def _load_heads(self, entities: dict[str, str]) -> None:
        db = self.sql.db
        for chunk in _chunks(list(entities)):
            marks = self.sql.marks(len(chunk))
            for r in db.execute(f"SELECT {','.join(_HEAD_COLUMNS)} FROM field_heads "
                                f"WHERE entity_id IN ({marks})", chunk):
                self.heads.setdefault((r[0], r[1]), {})[r[2]] = _Head(r[2], *r[3:])
                self.original.add((r[0], r[1], r[2]))

    def _load_rows(self, entities: dict[str, str]) -> None:
        db = self.sql.db
        by_kind: dict[str, list[str]] = {}
        for entity_id, entity in entities.items():
            by_kind.setdefault(entity, []).append(entity_id)
        for entity, entity_ids in by_kind.items():
            table = ENTITIES[entity].table
            columns = _columns(entity)
            for chunk in _chunks(entity_ids):
                marks = self.sql.marks(len(chunk))
                for r in db.execute(f"SELECT id, updated_at FROM {table} "
                                    f"WHERE id IN ({marks})", chunk):
                    self.rows[r[0]] = _Row(r[0], table, columns, r[1])

    def _apply(self, op_id: str, op: Op) -> None:
        fields = _FIELDS.get(op.entity)
        if fields is None:
            return
        kind = op.kind
        if kind == _SET:
            name = op.field
            if not isinstance(name, str) or name not in fields:  # (a list is unhashable)
                return
            value = op.value
        elif kind == _CREATE:
            if op.entity_id not in self.rows:
                self._create(ENTITIES[op.entity], op_id, op)
            return
        elif kind in (_DELETE, _RESTORE):
            name, value = DELETED_FIELD, kind == _DELETE
        else:
            return
        key = (op.entity_id, name)
        versions = self.heads.get(key)
        if versions is None:
            versions = self.heads[key] = {}
        for seen in op.prev:
            versions.pop(seen, None)
        if op_id not in versions:
            # (``tuple.__new__`` as ``_make`` does: the generated ``__new__`` is Python)
            versions[op_id] = _new_head(_Head, (op_id, op.entity, op.lamport, op.node, None,
                                                op.author, op.wall, value))
        self.touched.add(key)
        # Only a row that exists when the op applies takes its time.
        row = self.rows.get(op.entity_id)
        if row is not None and row.updated_at < op.wall:
            row.updated_at = op.wall

    def _create(self, spec: EntitySpec, op_id: str, op: Op) -> None:
        # (``_insert_created`` makes the same row as a tuple: keep the two alike)
        values = op.value if isinstance(op.value, dict) else {}
        created = _CREATED[spec.name]
        new = dict(zip(created, map(values.get, created), strict=True))
        wall = op.wall
        new["id"], new["created_op"], new["created_at"] = op.entity_id, op_id, wall
        new["created_by"], new["updated_at"], new["deleted"] = op.author, wall, False
        self.rows[op.entity_id] = _Row(op.entity_id, spec.table, _TABLE_COLUMNS[spec.name],
                                       wall, new)

    def _settle_columns(self) -> None:
        """A new row takes every register's winner; an existing one the touched ones'."""
        for row in self.rows.values():
            if row.updated_at != row.loaded_updated_at:
                row.set("updated_at", row.updated_at)
        for key, versions in self.heads.items():
            target = self.rows.get(key[0])
            if target is None or not versions or (target.new is None and
                                                  key not in self.touched):
                continue
            name = key[1]
            best = max(versions.values(), key=rank)
            if name == DELETED_FIELD:
                target.set("deleted", bool(best.python_value()))
            elif name in target.columns:
                target.set(name, best.python_value())

    def _write(self) -> None:
        db, sql = self.sql.db, self.sql
        final = {(eid, name, op_id): head for (eid, name), versions in self.heads.items()
                 for op_id, head in versions.items()}
        gone = [key for key in self.original if key not in final]
        added = [(k[0], k[1], h.op_id, h.entity, h.lamport, h.node, h.json_value(), h.author,
                  h.wall) for k, h in final.items() if k not in self.original]
        if gone:
            db.executemany(f"DELETE FROM field_heads WHERE entity_id={sql.mark} AND "
                           f"field={sql.mark} AND op_id={sql.mark}", gone)
        if added:
            db.executemany(sql.insert("field_heads", _HEAD_COLUMNS, ignore_existing=True), added)
        # Rows of one table with the same columns (in the order a create fills them)
        # go in one executemany; tables parents first, so foreign keys hold.
        inserts: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for row in self.rows.values():
            if row.new is not None:
                key = (row.table, tuple(row.new))
                found = inserts.get(key)
                if found is None:
                    found = inserts[key] = []
                found.append(tuple(row.new.values()))
            elif row.dirty:
                cols = tuple(sorted(row.dirty))
                updates.setdefault((row.table, cols), []).append(
                    (*(row.dirty[c] for c in cols), row.entity_id))
        for (name, cols), values in sorted(inserts.items(), key=_parents_first):
            db.executemany(sql.insert(name, cols, ignore_existing=True), values)
        for (name, cols), values in sorted(updates.items(), key=_parents_first):
            sets = ",".join(f"{c}={sql.mark}" for c in cols)
            db.executemany(f"UPDATE {name} SET {sets} WHERE id={sql.mark}", values)


def _parents_first(group: tuple[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]]) -> int:
    return _TABLE_ORDER[group[0][0]]


def _columns(entity: str) -> frozenset[str]:
    return _TABLE_COLUMNS[entity]


_TABLE_COLUMNS: dict[str, frozenset[str]] = {
    entity: frozenset(table.c.keys()) for entity, table in ENTITY_TABLES.items()}
# The fields of a kind that a create writes into its row (those with a column).
_CREATED: dict[str, tuple[str, ...]] = {
    entity: tuple(f for f in spec.field_names if f in _TABLE_COLUMNS[entity])
    for entity, spec in ENTITIES.items()}


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]
