"""Insert and project many ops at once, with the same result as ``projector.apply`` per op.

Importing a bundle of 10,000 ops one ``projector.apply`` at a time costs a
dozen SQLAlchemy statements per op (over ten seconds here). This module keeps
the registers of the touched entities in memory while it walks the ops in the
given (causal) order, then writes the difference with a few ``executemany``
calls on the driver connection. The rules are those of ``projector``: a field's
heads lose the versions an op names in ``prev``; the column holds the
provisional winner (highest Lamport, then node); ``deleted`` is true while any
head of the deletion register is a delete; ``updated_at`` is the latest wall
time. Entities outside :data:`BATCH_ENTITIES` (for instance kinds whose
projection does more than registers) go through ``projector.apply`` itself, in
order, so nothing depends on this module knowing every projection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table

from golive_desk.domain.ops import DELETED_FIELD, Op, OpKind
from golive_desk.domain.schema import EntitySpec, spec_for
from golive_desk.storage import projector
from golive_desk.storage.tables import ENTITY_TABLES, metadata

# Entities whose projection is exactly "a row of register winners" (see module text);
# the issue search index follows their tables through SQL triggers, which fire for
# these statements too. A kind whose ``projector.apply`` gains more must leave this set
# (tests/integration/test_sync_property.py compares both paths).
BATCH_ENTITIES: frozenset[str] = frozenset(
    {"project", "person", "issue", "timeline_entry", "attachment"})

_BATCHABLE = BATCH_ENTITIES & ENTITY_TABLES.keys()
_CHUNK = 500
# Plain strings and sets for the per-op tests: comparing with an enum member or
# scanning a tuple of fields costs several times more, once per op.
_CREATE, _SET, _DELETE, _RESTORE = (k.value for k in (OpKind.CREATE, OpKind.SET, OpKind.DELETE,
                                                      OpKind.RESTORE))
_SPECS: dict[str, EntitySpec] = {e: s for e in ENTITY_TABLES if (s := spec_for(e)) is not None}
_FIELDS: dict[str, frozenset[str]] = {e: frozenset(s.fields) for e, s in _SPECS.items()}
_HEAD_COLUMNS = ("entity_id", "field", "op_id", "entity", "lamport", "node", "value",
                 "author", "wall")


def driver(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under ``conn`` (same transaction)."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


# The op's own columns of the ``ops`` table, read from an Op in one C call.
_OP_COLUMNS = itemgetter(*(Op._fields.index(name) for name in (
    "node", "seq", "lamport", "wall", "entity", "entity_id", "kind", "field")))


def insert_ops(conn: Connection, rows: Iterable[tuple[str, Op, str]]) -> None:
    """Insert ``(op_id, op, body)`` rows into the op log; the body is kept exactly as carried."""
    columns = _OP_COLUMNS
    driver(conn).executemany(
        "INSERT INTO ops (op_id, node, seq, lamport, wall, entity, entity_id, kind, field, "
        "body) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(op_id, *columns(op), body) for op_id, op, body in rows])


def apply_many(conn: Connection, items: Sequence[tuple[str, Op]]) -> None:
    """Project ``items`` (already in the op log) in order, as ``projector.apply`` would."""
    start = 0  # where the current run of batchable ops begins
    for index, (op_id, op) in enumerate(items):
        if op.entity not in _BATCHABLE:
            _Batch(driver(conn)).run(items[start:index])
            projector.apply(conn, op, op_id)
            start = index + 1
    _Batch(driver(conn)).run(items[start:] if start else items)


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
        # unchanged: it is what the projector would read back from the column.
        return self.text if self.text is not None else _ENCODE(self.value)


@dataclass
class _Row:
    entity_id: str
    table: Table
    in_db: bool
    updated_at: str
    new: dict[str, Any] | None = None
    dirty: dict[str, Any] = field(default_factory=dict)
    loaded_updated_at: str = ""  # ``updated_at`` as loaded or created

    def __post_init__(self) -> None:
        self.loaded_updated_at = self.updated_at

    def set(self, column: str, value: Any) -> None:
        if self.new is not None:
            self.new[column] = value
        else:
            self.dirty[column] = value


class _Batch:
    """Registers and rows of the touched entities, in memory until ``_write``.

    Columns are settled once per register at the end, from its final versions:
    that is what applying the ops one by one leaves in them, since each op that
    touches a register rewrites its column from the versions it leaves.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.heads: dict[tuple[str, str], dict[str, _Head]] = {}
        self.original: set[tuple[str, str, str]] = set()
        self.touched: set[tuple[str, str]] = set()
        self.rows: dict[str, _Row] = {}

    def run(self, items: Sequence[tuple[str, Op]]) -> None:
        if not items:
            return
        self._load({op.entity_id: op.entity for _, op in items})
        for op_id, op in items:
            self._apply(op_id, op)
        self._settle_columns()
        self._write()

    def _load(self, entities: dict[str, str]) -> None:
        ids = list(entities)
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                    f"SELECT {','.join(_HEAD_COLUMNS)} FROM field_heads "
                    f"WHERE entity_id IN ({marks})", chunk):
                self.heads.setdefault((r[0], r[1]), {})[r[2]] = _Head(r[2], *r[3:])
                self.original.add((r[0], r[1], r[2]))
        by_table: dict[str, list[str]] = {}
        for entity_id, entity in entities.items():
            by_table.setdefault(entity, []).append(entity_id)
        for entity, entity_ids in by_table.items():
            table = ENTITY_TABLES[entity]
            for chunk in _chunks(entity_ids):
                marks = ",".join("?" * len(chunk))
                for r in self.db.execute(f"SELECT id, updated_at FROM {table.name} "
                                         f"WHERE id IN ({marks})", chunk):
                    self.rows[r[0]] = _Row(r[0], table, True, r[1])

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
                self._create(ENTITY_TABLES[op.entity], _SPECS[op.entity].fields, op_id, op)
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
        # As ``projector``: only a row that exists when the op applies takes its time
        # (written, if it changed, by ``_settle_columns``).
        row = self.rows.get(op.entity_id)
        if row is not None and row.updated_at < op.wall:
            row.updated_at = op.wall

    def _create(self, table: Table, fields: tuple[str, ...], op_id: str, op: Op) -> None:
        values = op.value if isinstance(op.value, dict) else {}
        new = {f: values.get(f) for f in fields if f in table.c}
        new.update(id=op.entity_id, created_op=op_id, created_at=op.wall,
                   created_by=op.author, updated_at=op.wall, deleted=False)
        self.rows[op.entity_id] = _Row(op.entity_id, table, False, op.wall, new=new)

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
            if name == DELETED_FIELD:
                target.set("deleted", any(v.python_value() for v in versions.values()))
            elif name in target.table.c:
                best = max(versions.values(), key=_rank)
                target.set(name, best.python_value())

    def _write(self) -> None:
        final = {(eid, name, op_id): head for (eid, name), versions in self.heads.items()
                 for op_id, head in versions.items()}
        gone = [key for key in self.original if key not in final]
        added = [(k[0], k[1], h.op_id, h.entity, h.lamport, h.node, h.json_value(), h.author,
                  h.wall) for k, h in final.items() if k not in self.original]
        self.db.executemany("DELETE FROM field_heads WHERE entity_id=? AND field=? AND op_id=?",
                            gone)
        self.db.executemany(f"INSERT OR IGNORE INTO field_heads ({','.join(_HEAD_COLUMNS)}) "
                            f"VALUES ({','.join('?' * len(_HEAD_COLUMNS))})", added)
        order = {t.name: i for i, t in enumerate(metadata.sorted_tables)}
        rows = sorted(self.rows.values(), key=lambda r: order[r.table.name])
        inserts: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for row in rows:
            if row.new is not None:
                cols = tuple(sorted(row.new))
                inserts.setdefault((row.table.name, cols), []).append(
                    tuple(row.new[c] for c in cols))
            elif row.dirty:
                cols = tuple(sorted(row.dirty))
                updates.setdefault((row.table.name, cols), []).append(
                    (*(row.dirty[c] for c in cols), row.entity_id))
        for (name, cols), values in inserts.items():
            self.db.executemany(f"INSERT OR IGNORE INTO {name} ({','.join(cols)}) "
                                f"VALUES ({','.join('?' * len(cols))})", values)
        for (name, cols), values in updates.items():
            sets = ",".join(f"{c}=?" for c in cols)
            self.db.executemany(f"UPDATE {name} SET {sets} WHERE id=?", values)


_new_head = tuple.__new__


def _rank(head: _Head) -> tuple[int, str]:
    """The provisional winner is the highest: Lamport clock, then node."""
    return (head.lamport, head.node)


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]
