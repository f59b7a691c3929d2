"""Create a store, know who uses it, check it and rebuild its projections."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from golive_desk.domain import validation
from golive_desk.domain.errors import DuplicateError, StoreDamagedError
from golive_desk.domain.ids import new_node_id
from golive_desk.domain.models import LocalUser
from golive_desk.domain.ops import Op
from golive_desk.storage import admin, local_node, oplog, plain_reads, projector, upkeep
from golive_desk.storage.engine import Store, Tx, open_store, rows_of
from golive_desk.sync import keys

if TYPE_CHECKING:
    from golive_desk.storage import recovery


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
        with store.write() as tx:
            local_node.create(tx, node_id=new_node_id(), private_key=pair.private,
                              public_key=pair.public, user_name=name, user_initials=initials,
                              is_office=office, created_at=oplog.utc_now())
        return local_user(store)
    finally:
        store.close()


def local_user(store: Store) -> LocalUser:
    with store.read() as tx:
        return plain_reads.local_user(rows_of(tx))


def rename_local_user(store: Store, name: str) -> LocalUser:
    """Change the name put on future ops (past ops keep the name they were written with)."""
    name = validation.required("name", name, 80)
    with store.write() as tx:
        local_node.rename_user(tx, name)
    return local_user(store)


@dataclass(frozen=True)
class DoctorReport:
    ops: int
    chain_ok: bool
    problems: tuple[str, ...]
    rebuilt: bool
    damaged: str | None = None  # SQLite's complaint: recover with ``recover``
    blobs_removed: int = 0  # files no op names
    leftovers_removed: int = 0  # temp files and staging folders of killed processes


def doctor(store: Store, *, rebuild: bool = False) -> DoctorReport:
    """Check the file, every op's hash and each node's chain; tidy the blob folder;
    optionally rebuild projections.

    A damaged store is only reported (``damaged``): nothing is removed or rebuilt.
    """
    if isinstance(store.refusal, StoreDamagedError):
        return DoctorReport(0, False, (store.refusal.message,), False,
                            damaged=str(store.refusal.details.get("problem", "")))
    problems: list[str] = []
    with store.read() as tx:
        count = _check_ops(tx, problems)
    removed, leftovers = upkeep.collect_garbage(store)
    if rebuild:
        with store.write() as tx:
            projector.rebuild(tx)
    return DoctorReport(count, not problems, tuple(problems), rebuild,
                        blobs_removed=removed, leftovers_removed=leftovers)


def recover(path: Path) -> recovery.RecoveryReport:
    """Copy what can be read of a (damaged) store into a new store beside it."""
    from golive_desk.storage import recovery  # the window's start-up does not need it

    return recovery.recover(Path(path))


def backups(path: Path) -> list[recovery.Backup]:
    """The automatic backups made before upgrades, newest first."""
    from golive_desk.storage import recovery  # the window's start-up does not need it

    return recovery.backups(Path(path))


def restore(path: Path, backup: Path) -> Path:
    """Restore ``backup`` over the store at ``path``; returns where the current one went."""
    from golive_desk.storage import recovery  # the window's start-up does not need it

    return recovery.restore(Path(path), Path(backup))


def _check_ops(tx: Tx, problems: list[str]) -> int:
    last: dict[str, tuple[int, str | None]] = {}
    count = 0
    for row in admin.ops_by_chain(tx):
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
    with store.read() as tx:
        return admin.projection_rows(tx)
