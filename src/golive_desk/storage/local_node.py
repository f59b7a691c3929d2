"""This computer's identity: the one ``local_node`` row (never projected, never synced).

Node id, key pair and the local user; the op cursor (seq, chain head, Lamport
clock) is :mod:`golive_desk.storage.oplog`'s, but an import may move it forward.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from golive_desk.storage.tables import local_node


@dataclass(frozen=True, slots=True)
class NodeIdentity:
    """Who this store is: its node, its keys and the user whose name its ops carry."""

    node_id: str
    user_name: str
    user_initials: str
    is_office: bool
    public_key: bytes
    private_key: bytes


def create(conn: Connection, *, node_id: str, private_key: bytes, public_key: bytes,
           user_name: str, user_initials: str, is_office: bool, created_at: str) -> None:
    """Write the identity of a new store (its cursor starts before the first op)."""
    conn.execute(insert(local_node), {
        "id": 1, "node_id": node_id, "private_key": private_key, "public_key": public_key,
        "user_name": user_name, "user_initials": user_initials, "is_office": is_office,
        "last_seq": 0, "last_op": None, "lamport": 0, "created_at": created_at,
    })


def identity(conn: Connection) -> NodeIdentity:
    """The store's identity.

    Raises:
        sqlalchemy.exc.NoResultFound: the store has none (not initialised).
    """
    row = conn.execute(select(local_node)).one()
    return NodeIdentity(str(row.node_id), str(row.user_name), str(row.user_initials),
                        bool(row.is_office), bytes(row.public_key), bytes(row.private_key))


def node_id(conn: Connection) -> str:
    return str(conn.execute(select(local_node.c.node_id)).scalar_one())


def user_name(conn: Connection) -> str:
    """The local user's name; empty when the store has no identity yet."""
    return str(conn.execute(select(local_node.c.user_name)).scalar() or "")


def user_initials(conn: Connection) -> str:
    return str(conn.execute(select(local_node.c.user_initials)).scalar_one())


def rename_user(conn: Connection, name: str) -> None:
    conn.execute(update(local_node).values(user_name=name))


def raise_lamport(conn: Connection, seen: int) -> None:
    """Move the Lamport clock up to ``seen`` (never down)."""
    conn.execute(update(local_node).where(local_node.c.lamport < seen).values(lamport=seen))


def continue_chain_after(conn: Connection, seq: int, op_id: str | None) -> None:
    """Move the cursor's chain head to ``(seq, op_id)`` when it is behind it (never back)."""
    conn.execute(update(local_node).where(local_node.c.last_seq < seq)
                 .values(last_seq=seq, last_op=op_id))
