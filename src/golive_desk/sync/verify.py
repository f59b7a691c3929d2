"""Chains and signed heads: the proof that each node's ops are that node's.

Per origin node a bundle carries one contiguous run of ops, linked by each
op's ``chain`` (the id of the node's previous op), ending in an op that the
node itself signed in a head statement. Because an op's id is the hash of its
body, the signature on the last id covers every op of the run; a relaying
office can pass them on but cannot change, add or drop one in the middle.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from golive_desk.domain.errors import BundleError
from golive_desk.sync import keys
from golive_desk.sync.format import HeadStatement, Manifest, Prerequisite
from golive_desk.sync.reader import CarriedOp

_NODE = re.compile(r"^[0-9a-f]{32}$")

KeyLookup = Callable[[str], bytes | None]
_BY_SEQ = attrgetter("op.seq")


@dataclass(frozen=True)
class NodeRun:
    """The ops of one origin node in a bundle: seqs ``first``..``last``."""

    node: str
    first: int
    last: int
    builds_on: str | None  # id of the op at ``first - 1``: a prerequisite
    head: HeadStatement


def check_chains(manifest: Manifest, ops: Sequence[CarriedOp],
                 key_for: KeyLookup) -> dict[str, NodeRun]:
    """Check every node's run: contiguous, linked, ending at a head its own key signed.

    Raises:
        BundleError: ``chain`` (gap, fork or broken link), ``signature`` (head
            not signed by the node's key), ``trust`` (no key for the node),
            ``lamport`` (a clock that goes backwards along causality).
    """
    by_node: dict[str, list[CarriedOp]] = defaultdict(list)
    lamports: dict[str, int] = {}
    for carried in ops:
        op = carried.op
        by_node[op.node].append(carried)
        lamports[carried.op_id] = op.lamport
    for node in by_node:  # every op's node, checked once per distinct node
        if not _NODE.fullmatch(node):
            raise BundleError("ops", f"an op names an invalid node {node!r}")
    heads = {h.node: h for h in manifest.heads}
    if len(heads) != len(manifest.heads) or set(heads) != set(by_node):
        raise BundleError("chain", "the bundle's signed heads do not match the nodes of "
                          "its ops")
    runs: dict[str, NodeRun] = {}
    for node, node_ops in by_node.items():
        try:  # bundles carry each node's ops in seq order: usually no sort is needed
            run = _check_run(node, node_ops, heads[node], lamports)
        except BundleError:  # out of order, or really broken: sorted, it says which
            node_ops.sort(key=_BY_SEQ)
            run = _check_run(node, node_ops, heads[node], lamports)
        key = key_for(node)
        if key is None:
            raise BundleError("trust", f"the bundle carries ops of node {node[:8]}, whose "
                              f"key this store does not know", node=node)
        if not keys.verify(key, run.head.message(), bytes.fromhex(run.head.signature)):
            raise BundleError("signature", f"the ops of node {node[:8]} are not signed by "
                              f"that node's key", node=node)
        runs[node] = run
    expected = {Prerequisite(r.node, r.first - 1, r.builds_on)
                for r in runs.values() if r.builds_on is not None}
    if expected != set(manifest.prerequisites):
        raise BundleError("manifest", "the manifest's prerequisites do not match its ops")
    return runs


def _check_run(node: str, node_ops: list[CarriedOp], head: HeadStatement,
               lamports: dict[str, int]) -> NodeRun:
    first = node_ops[0].op
    if first.seq == 1 and first.chain is not None:
        raise BundleError("chain", f"node {node[:8]}: its first op names a predecessor")
    if first.seq > 1 and first.chain is None:
        raise BundleError("chain", f"node {node[:8]}: op {first.seq} names no predecessor")
    # The op before each one: the first op's predecessor is what it names.
    seq, op_id, lamport = first.seq - 1, first.chain, -1
    for carried in node_ops:
        op = carried.op
        if op.seq != seq + 1:
            raise BundleError("chain", f"node {node[:8]}: its ops skip or repeat at "
                              f"seq {op.seq}")
        if op.chain != op_id:
            raise BundleError("chain", f"node {node[:8]}: op {op.seq} does not follow "
                              f"op {seq}")
        if op.lamport <= lamport:
            raise BundleError("lamport", f"node {node[:8]}: its clock goes backwards at "
                              f"seq {op.seq}")
        for dep in op.prev:
            dep_lamport = lamports.get(dep)
            if dep_lamport is not None and dep_lamport >= op.lamport:
                raise BundleError("lamport", f"node {node[:8]}: op {op.seq} has a clock not "
                                  f"above the ops it builds on")
        seq, op_id, lamport = op.seq, carried.op_id, op.lamport
    last = node_ops[-1]
    if head.seq != last.op.seq or head.op != last.op_id:
        raise BundleError("chain", f"node {node[:8]}: its ops do not end at its signed head")
    return NodeRun(node, first.seq, last.op.seq, first.chain, head)
