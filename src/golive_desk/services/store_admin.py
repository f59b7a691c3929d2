"""Create a store, know who uses it, check it and rebuild its projections."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from golive_desk.domain import validation
from golive_desk.domain.errors import DuplicateError
from golive_desk.domain.ids import new_node_id
from golive_desk.domain.models import LocalUser
from golive_desk.storage import oplog, projector
from golive_desk.storage.engine import Store, open_store
from golive_desk.storage.tables import PROJECTION_TABLES, local_node, ops
from golive_desk.sync import keys


def init_store(path: Path, name: str, initials: str, *, office: bool = False) -> LocalUser:
    """Create a new store with a fresh node id, key pair and local user.

    Raises:
        DuplicateError: a store already exists at ``path``.
        ValidationError: the name or initials are unusable.
    """
    name = validation.required("name", name, 80)
    initials = validation.initials(initials)
    if Path(path).exists():
        raise DuplicateError(f"a store already exists at {path}", path=str(path))
    store = open_store(path, create=True)
    try:
        pair = keys.generate()
        with store.write() as conn:
            conn.execute(insert(local_node), {
                "id": 1, "node_id": new_node_id(), "private_key": pair.private,
                "public_key": pair.public, "user_name": name, "user_initials": initials,
                "is_office": office, "last_seq": 0, "last_op": None, "lamport": 0,
                "created_at": oplog.utc_now(),
            })
        return local_user(store)
    finally:
        store.close()


def local_user(store: Store) -> LocalUser:
    with store.read() as conn:
        row = conn.execute(select(local_node)).one()
    return LocalUser(row.user_name, row.user_initials, row.node_id, bool(row.is_office),
                     keys.fingerprint(bytes(row.public_key)))


def rename_local_user(store: Store, name: str) -> LocalUser:
    """Change the name put on future ops (past ops keep the name they were written with)."""
    name = validation.required("name", name, 80)
    with store.write() as conn:
        conn.execute(update(local_node).values(user_name=name))
    return local_user(store)


@dataclass(frozen=True)
class DoctorReport:
    ops: int
    chain_ok: bool
    problems: tuple[str, ...]
    rebuilt: bool


def doctor(store: Store, *, rebuild: bool = False) -> DoctorReport:
    """Check every op's hash and each node's chain; optionally rebuild projections."""
    problems: list[str] = []
    with store.read() as conn:
        count = _check_ops(conn, problems)
    if rebuild:
        with store.write() as conn:
            projector.rebuild(conn)
    return DoctorReport(count, not problems, tuple(problems), rebuild)


def _check_ops(conn: Connection, problems: list[str]) -> int:
    last: dict[str, tuple[int, str | None]] = {}
    count = 0
    rows = conn.execute(select(ops.c.op_id, ops.c.node, ops.c.seq, ops.c.body)
                        .order_by(ops.c.node, ops.c.seq))
    from golive_desk.domain.ops import Op

    for row in rows:
        count += 1
        if hashlib.sha256(row.body.encode("utf-8")).hexdigest() != row.op_id:
            problems.append(f"op {row.op_id[:12]} does not match its hash")
            continue
        op = Op.from_body(row.body)
        seq, head = last.get(row.node, (0, None))
        if row.seq != seq + 1 or op.chain != head:
            problems.append(f"node {row.node[:8]}: chain broken at seq {row.seq}")
        last[row.node] = (row.seq, row.op_id)
    return count


def canonical_dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every projection table's rows, sorted: equal dumps mean equal projections."""
    dump: dict[str, list[tuple[object, ...]]] = {}
    with store.read() as conn:
        for table in PROJECTION_TABLES:
            rows = conn.execute(select(table)).all()
            dump[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return dump
