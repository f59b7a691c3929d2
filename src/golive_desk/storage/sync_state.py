"""Sync's local state: version vectors, chain tops, peers, signed heads, pending ops, log.

None of this is projected or synced as rows; it describes what this store
holds and what it knows of its peers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Row, delete, func, insert, select, update

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
    if rows:
        conn.execute(insert(pending_ops).prefix_with("OR IGNORE"), list(rows))


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
def save_heads(conn: Connection, heads: Sequence[dict[str, object]]) -> None:
    if heads:
        conn.execute(insert(signed_heads).prefix_with("OR IGNORE"), list(heads))


def head_at_or_below(conn: Connection, node: str, seq: int) -> Row[tuple[object, ...]] | None:
    return conn.execute(select(signed_heads).where(
        signed_heads.c.node == node, signed_heads.c.seq <= seq)
        .order_by(signed_heads.c.seq.desc()).limit(1)).first()


# -- peers ---------------------------------------------------------------------
def all_peers(conn: Connection) -> list[Row[tuple[object, ...]]]:
    return list(conn.execute(select(peers).order_by(peers.c.name, peers.c.node_id)))


def peer(conn: Connection, node: str) -> Row[tuple[object, ...]] | None:
    return conn.execute(select(peers).where(peers.c.node_id == node)).first()


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
    known = json.loads(str(row.acknowledged)) if row is not None and row.acknowledged else {}
    for key, seq in acknowledged.items():
        known[key] = max(seq, int(known.get(key, 0)))
    conn.execute(update(peers).where(peers.c.node_id == node).values(
        name=name, initials=initials, is_office=is_office,
        acknowledged=json.dumps(known, sort_keys=True), last_exchange=at,
        last_bundle_id=bundle_id))


# -- import log ----------------------------------------------------------------
def log_import(conn: Connection, **values: object) -> None:
    conn.execute(insert(import_log), values)


def previous_import(conn: Connection, bundle_id: str) -> str | None:
    value = conn.execute(select(import_log.c.imported_at)
                         .where(import_log.c.bundle_id == bundle_id)
                         .order_by(import_log.c.id).limit(1)).scalar_one_or_none()
    return None if value is None else str(value)
