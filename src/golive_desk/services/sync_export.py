"""Choose what a bundle carries: per origin node, one run of ops ending at a signed head.

For a peer, a node's run starts after the seq the peer acknowledged; for
``--full`` at seq 1. It ends at the highest seq this store holds without a gap
(applied ops, then verified ops still pending) for which it has that node's
signed head statement; this store's own head is signed on the spot. A
project-only bundle carries the ops of the project's records, of the records
they name in a field the registry marks as carried (a membership's person, an
issue's assignee and reporter), plus what they need in order to apply on the
receiver: earlier ops of the same chains and
the ops they name in ``prev``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from golive_desk.domain.ops import Op, OpKind
from golive_desk.domain.schema import spec_for
from golive_desk.storage import sync_state
from golive_desk.storage.blobs import BlobStore
from golive_desk.storage.engine import Tx
from golive_desk.sync import keys
from golive_desk.sync.format import HeadStatement, Prerequisite, head_message, is_hex64


@dataclass(frozen=True)
class LocalNode:
    node_id: str
    name: str
    initials: str
    is_office: bool
    private_key: bytes
    public_key: bytes


@dataclass
class ExportPlan:
    bodies: list[str]
    heads: list[HeadStatement]
    prerequisites: list[Prerequisite]
    blobs: dict[str, Path]


def plan_export(tx: Tx, local: LocalNode, acknowledged: dict[str, int],
                blobs: BlobStore, project_id: str | None = None) -> ExportPlan:
    """Collect the runs (see module text) and the attachments their ops name."""
    applied = sync_state.version_vector(tx)
    nodes = set(applied) | {p.node for p in sync_state.pending(tx)}
    wanted = _project_tops(tx, project_id, acknowledged) if project_id else None
    plan = ExportPlan([], [], [], {})
    for node in sorted(nodes):
        start = acknowledged.get(node, 0) + 1
        top = applied.get(node, 0)
        held = _held_after(tx, node, top)
        held_top = held[-1][0] if held else top
        if wanted is not None:
            if node not in wanted:
                continue
            need = wanted[node]
        else:
            need = held_top
        end, head = _run_end(tx, local, node, need, held_top)
        if end < start or (head is None and node != local.node_id):
            continue
        run = [(i, b) for i, b in sync_state.bodies_between(tx, node, start - 1, min(end, top))]
        run += [(i, b) for s, i, b in held if start <= s <= end]
        if not run:
            continue
        if head is None:  # our own chain: sign its end now
            signature = keys.sign(local.private_key, head_message(node, end, run[-1][0]))
            head = HeadStatement(node, end, run[-1][0], signature.hex())
        first = Op.from_body(run[0][1])
        if first.chain is not None:
            plan.prerequisites.append(Prerequisite(node, first.seq - 1, first.chain))
        plan.heads.append(head)
        plan.bodies.extend(body for _, body in run)
    plan.blobs = _blob_files(plan.bodies, blobs)
    return plan


def _held_after(tx: Tx, node: str, top: int) -> list[tuple[int, str, str]]:
    """Pending ops that continue the node's applied chain without a gap."""
    held: list[tuple[int, str, str]] = []
    expected = top + 1
    for seq, op_id, body in sync_state.pending_bodies_after(tx, node, top):
        if seq != expected:
            break
        held.append((seq, op_id, body))
        expected += 1
    return held


def _run_end(tx: Tx, local: LocalNode, node: str, need: int,
             held_top: int) -> tuple[int, HeadStatement | None]:
    if node == local.node_id:
        return need, None
    # The lowest signed head at or above what we need, else the highest we can prove.
    head = (sync_state.lowest_head_between(tx, node, need, held_top)
            or sync_state.head_at_or_below(tx, node, held_top))
    if head is None:
        return 0, None
    return head.seq, HeadStatement(node, head.seq, head.op_id, head.signature)


def _project_tops(tx: Tx, project_id: str, acknowledged: dict[str, int]
                  ) -> dict[str, int]:
    """Per node, the highest seq a project-only bundle must reach (see module text)."""
    rows = sync_state.op_summaries(tx)
    member_creates: set[str] = set()
    members = {project_id}
    for r in rows:
        if r.kind == OpKind.CREATE:
            op = Op.from_body(r.body)
            if _belongs(op, project_id, members, member_creates):
                member_creates.add(r.op_id)
                members.add(r.entity_id)
                members.update(_carried(op))
        elif r.kind == OpKind.SET and r.entity_id in members and _CARRIED_FIELD in r.body:
            members.update(_carried(Op.from_body(r.body)))
    where = {r.op_id: (r.node, r.seq) for r in rows}
    by_node: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in rows:
        by_node[r.node].append((r.seq, r.body))
    tops: dict[str, int] = {}
    for r in rows:
        if r.entity_id in members and r.seq > acknowledged.get(r.node, 0):
            tops[r.node] = max(tops.get(r.node, 0), r.seq)
    # Close over chains and ``prev`` until nothing more is needed.
    changed = True
    scanned: dict[str, int] = {}
    while changed:
        changed = False
        for node, top in list(tops.items()):
            low = max(scanned.get(node, acknowledged.get(node, 0)), acknowledged.get(node, 0))
            for seq, body in by_node[node]:
                if low < seq <= top:
                    for dep in Op.from_body(body).prev:
                        dep_node, dep_seq = where.get(dep, ("", 0))
                        if dep_seq > acknowledged.get(dep_node, 0) and \
                                dep_seq > tops.get(dep_node, 0):
                            tops[dep_node] = dep_seq
                            changed = True
            scanned[node] = max(scanned.get(node, 0), top)
    return tops


# Whether an op's body may name a carried field at all (most do not: skip parsing them).
_CARRIED_FIELD = '_id"'


def _belongs(op: Op, project_id: str, members: set[str], member_creates: set[str]) -> bool:
    """Whether a create op makes a record of the project, as the registry says: the
    project itself, a record naming it (``EntitySpec.project``), or one hanging under a
    record of it (``parent``; creates come in Lamport order, parents first). A kind
    this version does not know belongs when it builds on a record of the project."""
    spec = spec_for(op.entity)
    if spec is None:
        return bool(member_creates.intersection(op.prev))
    if spec.project == "self":
        return op.entity_id == project_id
    values = op.value if isinstance(op.value, dict) else {}
    if spec.project is not None:
        return values.get(spec.project) == project_id
    return spec.parent is not None and values.get(spec.parent) in members


def _carried(op: Op) -> set[str]:
    """Records a member's op names that a project bundle carries along (the registry's
    ``carries``: a membership's person, an issue's assignee and reporter)."""
    spec = spec_for(op.entity)
    if spec is None or not spec.carries:
        return set()
    if op.kind == OpKind.CREATE and isinstance(op.value, dict):
        values = [op.value.get(name) for name in spec.carries]
    elif op.field in spec.carries:
        values = [op.value]
    else:
        return set()
    return {v for v in values if isinstance(v, str)}


def blob_refs(body: str) -> set[str]:
    """Attachment hashes an op names (``sha256`` in its value, or a ``sha256`` field)."""
    if '"sha256"' not in body:
        return set()
    op = Op.from_body(body)
    found: set[str] = set()
    if isinstance(op.value, dict) and is_hex64(op.value.get("sha256")):
        found.add(str(op.value["sha256"]))
    if op.field == "sha256" and is_hex64(op.value):
        found.add(str(op.value))
    return found


def _blob_files(bodies: list[str], blobs: BlobStore) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for body in bodies:
        for sha in blob_refs(body):
            path = blobs.path_for(sha)
            if path.is_file():
                files[sha] = path
    return files

