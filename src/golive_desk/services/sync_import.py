"""Apply a checked bundle to the store in one transaction.

Ops the store already holds are counted, not touched. The rest, together with
ops still waiting from earlier imports, are applied in causal order: an op
applies when its node's previous op and every op it names in ``prev`` are
applied. What cannot apply yet waits in ``pending_ops``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import attrgetter

from golive_desk.domain.errors import BundleError
from golive_desk.domain.op_checks import MalformedOpError, check_op
from golive_desk.domain.ops import Op
from golive_desk.domain.sync_warnings import SyncWarning, WarningCode
from golive_desk.storage import local_node, oplog, projector, sync_state
from golive_desk.storage.engine import Tx
from golive_desk.sync.reader import CarriedOp
from golive_desk.sync.verify import NodeRun

# A Lamport clock that leaps this far past everything its op depends on is
# not refused (the merge does not need wall time or small clocks) but reported.
LAMPORT_JUMP = 1_000_000
SKEW = timedelta(days=1)
EARLIEST_PLAUSIBLE = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass
class ApplyOutcome:
    applied: list[tuple[str, Op]] = field(default_factory=list)
    already_had: int = 0
    pending_from_bundle: int = 0
    warnings: list[SyncWarning] = field(default_factory=list)


def check_against_store(tx: Tx, runs: dict[str, NodeRun],
                        ops: Sequence[CarriedOp]) -> dict[str, tuple[int, str | None]]:
    """Refuse forks: a carried op whose seq this store holds under another id.

    Returns each node's applied chain top ``(seq, op_id)``.
    """
    by_key: dict[tuple[str, int], str] | None = None  # built only if a run overlaps
    tops: dict[str, tuple[int, str | None]] = {}
    for node, run in runs.items():
        top_seq, top_id = sync_state.chain_top(tx, node)
        tops[node] = (top_seq, top_id)
        if run.first <= top_seq:
            if by_key is None:
                by_key = {(c.op.node, c.op.seq): c.op_id for c in ops}
            held = sync_state.op_ids_between(tx, node, run.first, min(run.last, top_seq))
            for seq, op_id in held.items():
                if by_key[(node, seq)] != op_id:
                    raise BundleError("chain", f"node {node[:8]} has two different ops at seq "
                                      f"{seq}: this bundle forks a chain this store holds")
        if run.first == top_seq + 1 and run.builds_on != top_id:
            raise BundleError("chain", f"node {node[:8]}: the bundle's ops do not follow the "
                              f"ops this store holds")
    return tops


def apply_ops(tx: Tx, bundle_id: str, ops: Sequence[CarriedOp],
              tops: dict[str, tuple[int, str | None]], now: datetime) -> ApplyOutcome:
    """Insert and project what is new, park what cannot apply yet (see module text)."""
    outcome = ApplyOutcome()
    waiting = {p.op_id: p for p in sync_state.pending(tx)}
    held = {node: seq for node, (seq, _) in tops.items()}
    fresh: list[CarriedOp] = []  # the bundle's ops this store lacks
    candidates: dict[str, CarriedOp] = {}  # and those waiting from earlier bundles
    outside: set[str] = set()  # ops named in ``prev`` that are not candidates
    nodes: set[str] = set()
    seen_lamport = 0
    for carried in ops:
        op = carried.op
        if op.lamport > seen_lamport:
            seen_lamport = op.lamport
        if op.seq > held.get(op.node, 0):
            fresh.append(carried)
            candidates[carried.op_id] = carried
            outside.update(op.prev)
            nodes.add(op.node)
    outcome.already_had = len(ops) - len(fresh)
    for op_id, row in waiting.items():
        if op_id not in candidates:
            carried = candidates[op_id] = CarriedOp(op_id, row.body, Op.from_body(row.body))
            outside.update(carried.op.prev)
            nodes.add(carried.op.node)
    chain = dict(tops)
    for node in nodes.difference(chain):
        chain[node] = sync_state.chain_top(tx, node)
    # The clocks of what the candidates build on in the store: the chain tops too.
    outside.update(top for _, top in chain.values() if top is not None)
    outside.difference_update(candidates)
    present = sync_state.lamports_of(tx, outside)
    before = dict(chain)
    done, rows = _schedule(sorted(candidates.values(), key=_CAUSAL), chain, present)
    outcome.applied = [(op_id, op) for op_id, op, _ in rows]
    oplog.insert_ops(tx, rows)
    try:
        projector.project(tx, outcome.applied)
    except projector.DanglingReferenceError:
        raise BundleError("ops", "an op refers to a record that neither this store nor the "
                          "bundle holds") from None
    if len(rows) < len(candidates):  # (when all apply, nothing waits and none is parked)
        sync_state.drop_pending(tx, [i for i in waiting if i in done])
        stamp = now.isoformat(timespec="milliseconds")
        parked = [c for i, c in candidates.items() if i not in done and i not in waiting]
        sync_state.add_pending(tx, [
            {"op_id": c.op_id, "node": c.op.node, "seq": c.op.seq, "lamport": c.op.lamport,
             "body": c.body, "bundle_id": bundle_id, "received_at": stamp} for c in parked])
        outcome.pending_from_bundle = sum(1 for c in fresh if c.op_id not in done)
    else:
        sync_state.drop_pending(tx, list(waiting))
    outcome.warnings += _clock_warnings(tx, fresh, now)
    # Our next op must come after everything we have seen, or a later local
    # edit could lose to an older remote one.
    local_node.raise_lamport(tx, seen_lamport)
    _follow_own_chain(tx, chain, {n for n, top in chain.items() if top != before[n]})
    return outcome


# Lamport clock, then node, then seq: a causal order, the same on every store.
_CAUSAL = attrgetter("op.lamport", "op.node", "op.seq")


def check_ops(carried_ops: Sequence[CarriedOp]) -> None:
    """Every op against the entity registry, before anything is written: a bad one
    refuses the bundle, naming the op and the field."""
    for carried in carried_ops:
        try:
            check_op(carried.op)
        except MalformedOpError as exc:
            raise BundleError("ops", f"an op is malformed: {exc}", op=carried.op_id) from None


def _schedule(order: list[CarriedOp], chain: dict[str, tuple[int, str | None]],
              present: dict[str, int]) -> tuple[set[str], list[tuple[str, Op, str]]]:
    """Pick, in ``order``, each op whose node's previous op and ``prev`` ops are applied.

    Passes repeat over what is still blocked until one applies nothing, so an op
    waiting for a later one in ``order`` still goes in. ``chain`` is advanced in
    place. ``present``: the Lamport clocks of the ops outside ``order`` that these
    build on (the store's). Returns a set that holds, of the ops in ``order``,
    those applied, and their ``(op_id, op, body)`` in apply order.

    Raises:
        BundleError: (``lamport``) an op whose clock is not above every op it builds
            on, here or in the store: a rebuild, which replays in Lamport order,
            would then apply it before them and differ from the live tables.
    """
    known = dict(present)  # op id -> Lamport clock: applied here before, or in this batch
    rows: list[tuple[str, Op, str]] = []
    remaining = order
    while remaining:
        blocked: list[CarriedOp] = []
        for carried in remaining:
            op_id, body, op = carried
            seq, top_id = chain[op.node]
            if op.seq == seq + 1 and op.chain == top_id:
                lamport = op.lamport
                for dep in op.prev:  # (the clock check rides on this loop: it runs per op)
                    clock = known.get(dep)
                    if clock is None:
                        break
                    if clock >= lamport:
                        raise _stale_clock(carried, dep, clock)
                else:
                    if top_id is not None and known.get(top_id, 0) >= lamport:
                        raise _stale_clock(carried, top_id, known[top_id])
                    known[op_id] = lamport
                    chain[op.node] = (op.seq, op_id)
                    rows.append((op_id, op, body))
                    continue
            blocked.append(carried)
        if len(blocked) == len(remaining):
            break
        remaining = blocked
    # (``present`` holds only ops outside ``order``, so for those ``known`` is "applied".)
    return set(known), rows


def _stale_clock(carried: CarriedOp, dep: str, clock: int) -> BundleError:
    op = carried.op
    return BundleError("lamport", f"node {op.node[:8]}: op {op.seq} has a clock ({op.lamport}) "
                       f"not above op {dep[:12]} ({clock}) that it builds on", op=carried.op_id)


def _follow_own_chain(tx: Tx, chain: dict[str, tuple[int, str | None]],
                      advanced: set[str]) -> None:
    """A store restored from a backup can get its own later ops back from the office;
    its cursor must then continue after them, or its next op would reuse a seq.

    ``advanced``: the nodes that had ops applied.
    """
    local = local_node.node_id(tx)
    if local in advanced:
        seq, op_id = chain[local]
        local_node.continue_chain_after(tx, seq, op_id)


def _clock_warnings(tx: Tx, ops: Sequence[CarriedOp],
                    now: datetime) -> list[SyncWarning]:
    """Report clocks that look wrong. The merge uses neither, so nothing else changes.

    The result does not depend on the order of ``ops``. One pass: each op is
    compared with the ops it builds on that came before it; the others (later in
    ``ops``, or in the store) are compared at the end.
    """
    problems: dict[tuple[str, WarningCode], list[str]] = {}
    info: dict[str, tuple[int, datetime | None]] = {}  # each wall parsed once
    later: list[tuple[str, Op, datetime]] = []
    latest = now + SKEW
    for op_id, _, op in ops:
        lamport, when = info[op_id] = (op.lamport, _parse_wall(op.wall))
        if when is None:
            problems.setdefault((op.node, WarningCode.CLOCK_UNREADABLE), []).append(op.wall)
            continue
        if when > latest:
            problems.setdefault((op.node, WarningCode.CLOCK_AHEAD), []).append(op.wall)
        elif when < EARLIEST_PLAUSIBLE:
            problems.setdefault((op.node, WarningCode.CLOCK_PAST), []).append(op.wall)
        for dep in (*op.prev, op.chain) if op.chain else op.prev:
            found = info.get(dep)
            if found is None:
                later.append((dep, op, when))
                continue
            # (inline rather than ``_compare``: this runs for every dependency)
            if found[1] is not None and found[1] - when > SKEW:
                problems.setdefault((op.node, WarningCode.CLOCK_BEHIND), []).append(op.wall)
            if lamport - found[0] > LAMPORT_JUMP:
                problems.setdefault((op.node, WarningCode.LAMPORT_JUMP), []).append(str(lamport))
    if later:
        info.update(_dep_info(tx, {dep for dep, _, _ in later if dep not in info}))
        for dep, op, when in later:
            found = info.get(dep)
            if found is not None:
                _compare(problems, op, when, found)
    if not problems:
        return []
    # A node's name as its op with the highest id gives it: the same on every store.
    named: dict[str, tuple[str, str]] = {}
    for op_id, _, op in ops:
        if op_id > named.get(op.node, ("", ""))[0]:
            named[op.node] = (op_id, op.author)
    return [SyncWarning.of(code, author=named[node][1], node=node, count=len(values),
                           sample=sorted(values)[0])
            for (node, code), values in sorted(problems.items())]


def _compare(problems: dict[tuple[str, WarningCode], list[str]], op: Op, when: datetime,
             dep: tuple[int, datetime | None]) -> None:
    """Note an op dated over a day before what it builds on, or whose clock leaps past it."""
    dep_lamport, dep_wall = dep
    # A difference, not ``when < dep_wall - SKEW``: walls near year 1 or 9999 must
    # not overflow the arithmetic.
    if dep_wall is not None and dep_wall - when > SKEW:
        problems.setdefault((op.node, WarningCode.CLOCK_BEHIND), []).append(op.wall)
    if op.lamport - dep_lamport > LAMPORT_JUMP:
        problems.setdefault((op.node, WarningCode.LAMPORT_JUMP), []).append(str(op.lamport))


def _dep_info(tx: Tx, deps: set[str]) -> dict[str, tuple[int, datetime | None]]:
    return {op_id: (lamport, _parse_wall(wall))
            for op_id, (lamport, wall) in sync_state.clocks_of(tx, deps).items()}


def _parse_wall(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
