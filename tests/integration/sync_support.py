"""Helpers for the sync tests: real stores, real bundles, real exchanges."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path

from golive_desk.services.container import Services
from golive_desk.services.store_admin import canonical_dump, init_store
from golive_desk.services.sync import SyncService
from golive_desk.services.sync_models import ImportReport
from golive_desk.storage import oplog, projector

_counter = itertools.count()


@dataclass
class Node:
    """One store (a laptop or the office) and its services."""

    name: str
    initials: str
    path: Path
    services: Services

    @property
    def sync(self) -> SyncService:
        return self.services.sync

    @property
    def node_id(self) -> str:
        with self.services.store.read() as conn:
            return str(oplog.load_cursor(conn).node_id)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        return canonical_dump(self.services.store)

    def close(self) -> None:
        self.services.close()


def make_node(folder: Path, name: str, initials: str, *, office: bool = False) -> Node:
    path = folder / f"{initials.lower()}.db"
    init_store(path, name, initials, office=office)
    return Node(name, initials, path, Services.open(path))


def send(src: Node, dst: Node, folder: Path, *, full: bool | None = None,
         trust_new: bool = True) -> ImportReport:
    """Export from ``src`` for ``dst`` (full when ``src`` never heard from it) and import."""
    bundle = folder / f"bundle-{next(_counter)}.zip"
    known = {p.node_id for p in src.sync.peers() if p.last_exchange}
    if full is None:
        full = dst.node_id not in known
    if full:
        src.sync.export_bundle(bundle, full=True)
    else:
        src.sync.export_bundle(bundle, peer=dst.node_id)
    return dst.sync.import_bundle(bundle, trust_new=trust_new)


def file_state(path: Path) -> str:
    """SHA-256 of the store file and its WAL: equal means byte-for-byte unchanged."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = path.with_name(path.name + suffix)
        digest.update(part.read_bytes() if part.exists() else b"<none>")
    return digest.hexdigest()


def append_with_wall(node: Node, entity: str, entity_id: str, field: str, value: object,
                     wall: str, *, extra: dict[str, object] | None = None,
                     lamport_jump: int = 1) -> str:
    """Set a field as a laptop whose clock reads ``wall`` would (a real, chained op).

    ``extra`` adds keys as a newer minor op format would (``"v"`` sets the version).
    """
    from golive_desk.storage.projector import heads

    store = node.services.store
    with store.write() as conn:
        cursor = oplog.load_cursor(conn)
        prev = tuple(sorted(v.op_id for v in heads(conn, entity_id, field)))
        cursor.lamport += lamport_jump - 1
        op_id, op, _ = oplog.make_op(cursor, entity=entity, entity_id=entity_id, kind="set",
                                     field=field, value=value, prev=prev, wall=wall)
        if extra:  # as a newer minor format writes it: the same op with more keys
            op = op._replace(v=str(extra.get("v", op.v)),
                             extra={k: v for k, v in extra.items() if k != "v"})
            op_id = hashlib.sha256(op.body().encode("utf-8")).hexdigest()
            cursor.last_op = op_id
        oplog.insert_ops(conn, [(op_id, op, op.body())])
        projector.project(conn, [(op_id, op)])
        oplog.save_cursor(conn, cursor)
    return op_id


def make_trio(folder: Path) -> tuple[Node, Node, Node]:
    """The office and two laptops: the office has enrolled both, both know the office,
    and laptop A's project HX has reached everyone."""
    office = make_node(folder, "周建国", "ZJG", office=True)
    a = make_node(folder, "张力", "ZL")
    b = make_node(folder, "陈思远", "CSY")
    a.services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                    "2026-11-02")
    exchange(folder, office, a, b)
    return office, a, b


def exchange(folder: Path, office: Node, *laptops: Node) -> None:
    """Everyone to the office, then the office back to everyone."""
    for laptop in laptops:
        send(laptop, office, folder)
    for laptop in laptops:
        send(office, laptop, folder)
