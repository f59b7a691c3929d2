"""Sync's local state: version vectors, chain tops, peers, signed heads, pending ops, log.

None of this is projected or synced as rows; it describes what this store
holds and what it knows of its peers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, Row, delete, func, insert, select, update

from golive_desk.storage.dialect import insert_ignoring
from golive_desk.storage.tables import import_log, ops, peers, pending_ops, signed_heads

_CHUNK = 500


def version_vector(conn: Connection) -> dict[str, int]:
    """Highest seq per node. Applied ops are contiguous per node, so this is exact."""
    rows = conn.execute(select(ops.c.node, func.max(ops.c.seq)).group_by(ops.c.node))
    return {node: int(seq) for node, seq in rows}


def chain_top(conn: Connection, node: str) -> tuple[int, str | None]:
    """``(seq, op_id)`` of the node's last applied op, ``(0, None)`` when none."""
    row = conn.execute(select(ops.c.seq, ops.c.op_id).where(ops.c.node == node)
                       .order_by(ops.c.seq.desc()).limit(1)).first()
    return (int(row.seq), str(row.op_id)) if row else (0, None)


def op_ids_between(conn: Connection, node: str, first: int, last: int) -> dict[int, str]:
    rows = conn.execute(select(ops.c.seq, ops.c.op_id).where(
        ops.c.node == node, ops.c.seq >= first, ops.c.seq <= last))
    return {int(seq): str(op_id) for seq, op_id in rows}


def bodies_between(conn: Connection, node: str, after: int, upto: int) -> list[tuple[str, str]]:
    """``(op_id, body)`` of the node's applied ops with ``after < seq <= upto``, in seq order."""
    rows = conn.execute(select(ops.c.op_id, ops.c.body).where(
        ops.c.node == node, ops.c.seq > after, ops.c.seq <= upto).order_by(ops.c.seq))
    return [(str(a), str(b)) for a, b in rows]


def lamports_of(conn: Connection, op_ids: Iterable[str]) -> dict[str, int]:
    """Lamport clocks of those ``op_ids`` that are applied here."""
    found: dict[str, int] = {}
    ids = list(op_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        rows = conn.execute(select(ops.c.op_id, ops.c.lamport).where(ops.c.op_id.in_(chunk)))
        found.update((str(op_id), int(lamport)) for op_id, lamport in rows)
    return found


def clocks_of(conn: Connection, op_ids: Iterable[str]) -> dict[str, tuple[int, str]]:
    """``(lamport, wall)`` of those ``op_ids`` that are applied here."""
    found: dict[str, tuple[int, str]] = {}
    ids = sorted(op_ids)
    for start in range(0, len(ids), _CHUNK):
        rows = conn.execute(select(ops.c.op_id, ops.c.lamport, ops.c.wall)
                            .where(ops.c.op_id.in_(ids[start:start + _CHUNK])))
        for op_id, lamport, wall in rows:
            found[str(op_id)] = (int(lamport), str(wall))
    return found


class OpSummary(NamedTuple):
    op_id: str
    node: str
    seq: int
    entity_id: str
    kind: str
    body: str


def op_summaries(conn: Connection) -> list[OpSummary]:
    """Every applied op, in Lamport order (what a project-only export walks)."""
    rows = conn.execute(select(ops.c.op_id, ops.c.node, ops.c.seq, ops.c.entity_id,
                               ops.c.kind, ops.c.body).order_by(ops.c.lamport))
    return [OpSummary(*row) for row in rows]


# -- pending ops ---------------------------------------------------------------
@dataclass(frozen=True)
class PendingOp:
    op_id: str
    node: str
    seq: int
    body: str


def pending(conn: Connection) -> list[PendingOp]:
    rows = conn.execute(select(pending_ops.c.op_id, pending_ops.c.node, pending_ops.c.seq,
                               pending_ops.c.body))
    return [PendingOp(r.op_id, r.node, int(r.seq), r.body) for r in rows]


def pending_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(pending_ops)).scalar_one())


def add_pending(conn: Connection, rows: Sequence[dict[str, object]]) -> None:
    insert_ignoring(conn, pending_ops, rows)


def drop_pending(conn: Connection, op_ids: Sequence[str]) -> None:
    for start in range(0, len(op_ids), _CHUNK):
        conn.execute(delete(pending_ops).where(
            pending_ops.c.op_id.in_(op_ids[start:start + _CHUNK])))


def pending_bodies_after(conn: Connection, node: str, after: int) -> list[tuple[int, str, str]]:
    """``(seq, op_id, body)`` of the node's pending ops above ``after``, in seq order."""
    rows = conn.execute(select(pending_ops.c.seq, pending_ops.c.op_id, pending_ops.c.body)
                        .where(pending_ops.c.node == node, pending_ops.c.seq > after)
                        .order_by(pending_ops.c.seq))
    return [(int(s), str(i), str(b)) for s, i, b in rows]


# -- signed heads --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SignedHead:
    """A node's signed statement that its chain reaches ``op_id`` at ``seq``."""

    node: str
    seq: int
    op_id: str
    signature: str


def save_heads(conn: Connection, heads: Sequence[dict[str, object]]) -> None:
    insert_ignoring(conn, signed_heads, heads)


def _head(row: Row[Any] | None) -> SignedHead | None:
    if row is None:
        return None
    return SignedHead(str(row.node), int(row.seq), str(row.op_id), str(row.signature))


def head_at_or_below(conn: Connection, node: str, seq: int) -> SignedHead | None:
    return _head(conn.execute(select(signed_heads).where(
        signed_heads.c.node == node, signed_heads.c.seq <= seq)
        .order_by(signed_heads.c.seq.desc()).limit(1)).first())


def lowest_head_between(conn: Connection, node: str, low: int, high: int) -> SignedHead | None:
    """The node's signed head with the lowest seq in ``low <= seq <= high``."""
    return _head(conn.execute(select(signed_heads).where(
        signed_heads.c.node == node, signed_heads.c.seq >= low, signed_heads.c.seq <= high)
        .order_by(signed_heads.c.seq).limit(1)).first())


# -- peers ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PeerRecord:
    """What this store knows of another: its key, and what it acknowledged holding."""

    node_id: str
    name: str
    initials: str
    public_key: bytes
    trusted: bool
    is_office: bool
    acknowledged: dict[str, int]
    last_exchange: str | None
    last_bundle_id: str | None
    enrolled_at: str
    enrolled_via: str | None


def _peer(row: Row[Any]) -> PeerRecord:
    ack = json.loads(row.acknowledged) if row.acknowledged else None
    return PeerRecord(
        node_id=row.node_id, name=row.name, initials=row.initials,
        public_key=bytes(row.public_key), trusted=bool(row.trusted),
        is_office=bool(row.is_office),
        acknowledged={str(k): int(v) for k, v in (ack or {}).items()},
        last_exchange=row.last_exchange, last_bundle_id=row.last_bundle_id,
        enrolled_at=row.enrolled_at, enrolled_via=row.enrolled_via)


def all_peers(conn: Connection) -> list[PeerRecord]:
    return [_peer(r) for r in conn.execute(select(peers).order_by(peers.c.name,
                                                                  peers.c.node_id))]


def peer(conn: Connection, node: str) -> PeerRecord | None:
    row = conn.execute(select(peers).where(peers.c.node_id == node)).first()
    return None if row is None else _peer(row)


def add_peer(conn: Connection, *, node: str, name: str, initials: str, public_key: bytes,
             is_office: bool, enrolled_at: str, enrolled_via: str | None) -> None:
    conn.execute(insert(peers), {
        "node_id": node, "name": name, "initials": initials, "public_key": public_key,
        "trusted": True, "is_office": is_office, "acknowledged": None, "last_exchange": None,
        "last_bundle_id": None, "enrolled_at": enrolled_at, "enrolled_via": enrolled_via})


def record_exchange(conn: Connection, node: str, *, name: str, initials: str, is_office: bool,
                    acknowledged: dict[str, int], at: str, bundle_id: str) -> None:
    """Merge what the peer says it holds into what we know it acknowledged."""
    row = peer(conn, node)
    known = dict(row.acknowledged) if row is not None else {}
    for key, seq in acknowledged.items():
        known[key] = max(seq, known.get(key, 0))
    conn.execute(update(peers).where(peers.c.node_id == node).values(
        name=name, initials=initials, is_office=is_office,
        acknowledged=json.dumps(known, sort_keys=True), last_exchange=at,
        last_bundle_id=bundle_id))


# -- import log ----------------------------------------------------------------
def log_import(conn: Connection, *, bundle_id: str, from_node: str, imported_at: str,
               manifest_sha256: str, applied: int, already_had: int, pending: int,
               conflicts: int, warnings: Sequence[Mapping[str, object]]) -> None:
    """Record an import; ``warnings`` as JSON values (a code and its parameters each)."""
    conn.execute(insert(import_log), {
        "bundle_id": bundle_id, "from_node": from_node, "imported_at": imported_at,
        "manifest_sha256": manifest_sha256, "applied": applied, "already_had": already_had,
        "pending": pending, "conflicts": conflicts,
        "warnings": json.dumps(list(warnings), ensure_ascii=False, sort_keys=True)})


def previous_import(conn: Connection, bundle_id: str) -> str | None:
    value = conn.execute(select(import_log.c.imported_at)
                         .where(import_log.c.bundle_id == bundle_id)
                         .order_by(import_log.c.id).limit(1)).scalar_one_or_none()
    return None if value is None else str(value)
