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

from sqlalchemy import Connection, select, update

from golive_desk.domain.errors import BundleError
from golive_desk.domain.ops import Op
from golive_desk.storage import batch_projector, sync_state
from golive_desk.storage.tables import local_node
from golive_desk.storage.tables import ops as ops_table
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
    warnings: list[str] = field(default_factory=list)


def check_against_store(conn: Connection, runs: dict[str, NodeRun],
                        ops: Sequence[CarriedOp]) -> dict[str, tuple[int, str | None]]:
    """Refuse forks: a carried op whose seq this store holds under another id.

    Returns each node's applied chain top ``(seq, op_id)``.
    """
    by_key: dict[tuple[str, int], str] | None = None  # built only if a run overlaps
    tops: dict[str, tuple[int, str | None]] = {}
    for node, run in runs.items():
        top_seq, top_id = sync_state.chain_top(conn, node)
        tops[node] = (top_seq, top_id)
        if run.first <= top_seq:
            if by_key is None:
                by_key = {(c.op.node, c.op.seq): c.op_id for c in ops}
            held = sync_state.op_ids_between(conn, node, run.first, min(run.last, top_seq))
            for seq, op_id in held.items():
                if by_key[(node, seq)] != op_id:
                    raise BundleError("chain", f"node {node[:8]} has two different ops at seq "
                                      f"{seq}: this bundle forks a chain this store holds")
        if run.first == top_seq + 1 and run.builds_on != top_id:
            raise BundleError("chain", f"node {node[:8]}: the bundle's ops do not follow the "
                              f"ops this store holds")
    return tops


def apply_ops(conn: Connection, bundle_id: str, ops: Sequence[CarriedOp],
              tops: dict[str, tuple[int, str | None]], now: datetime) -> ApplyOutcome:
    """Insert and project what is new, park what cannot apply yet (see module text)."""
    outcome = ApplyOutcome()
    waiting = {p.op_id: p for p in sync_state.pending(conn)}
    candidates: dict[str, CarriedOp] = {}
    seen_lamport = 0
    for carried in ops:
        op = carried.op
        seen_lamport = max(seen_lamport, op.lamport)
        if op.seq <= tops.get(op.node, _NOTHING)[0]:
            outcome.already_had += 1
        else:
            candidates[carried.op_id] = carried
    from_bundle = list(candidates)
    for op_id, row in waiting.items():
        if op_id not in candidates:
            candidates[op_id] = CarriedOp(op_id, row.body, Op.from_body(row.body))
    outside: set[str] = set()  # ops named in ``prev`` that are not candidates
    nodes: set[str] = set()
    for carried in candidates.values():
        outside.update(carried.op.prev)
        nodes.add(carried.op.node)
    outside.difference_update(candidates)
    present = set(sync_state.lamports_of(conn, outside))
    chain = dict(tops)
    for node in nodes.difference(chain):
        chain[node] = sync_state.chain_top(conn, node)
    done, rows = _schedule(sorted(candidates.values(), key=_causal_key), chain, present)
    outcome.applied = [(op_id, op) for op_id, op, _ in rows]
    batch_projector.insert_ops(conn, rows)
    batch_projector.apply_many(conn, outcome.applied)
    sync_state.drop_pending(conn, [i for i in waiting if i in done])
    stamp = now.isoformat(timespec="milliseconds")
    parked = [c for i, c in candidates.items() if i not in done and i not in waiting]
    sync_state.add_pending(conn, [
        {"op_id": c.op_id, "node": c.op.node, "seq": c.op.seq, "lamport": c.op.lamport,
         "body": c.body, "bundle_id": bundle_id, "received_at": stamp} for c in parked])
    outcome.pending_from_bundle = sum(1 for i in from_bundle if i not in done)
    outcome.warnings += _clock_warnings(conn, [(i, candidates[i].op) for i in from_bundle], now)
    _raise_clock(conn, seen_lamport)
    _follow_own_chain(conn, chain, outcome.applied)
    return outcome


_NOTHING: tuple[int, str | None] = (0, None)


def _causal_key(carried: CarriedOp) -> tuple[int, str, int]:
    op = carried.op
    return (op.lamport, op.node, op.seq)


def _schedule(order: list[CarriedOp], chain: dict[str, tuple[int, str | None]],
              present: set[str]) -> tuple[set[str], list[tuple[str, Op, str]]]:
    """Pick, in ``order``, each op whose node's previous op and ``prev`` ops are applied.

    Passes repeat over what is still blocked until one applies nothing, so an op
    waiting for a later one in ``order`` still goes in. ``chain`` is advanced in
    place. Returns the applied ids and their ``(op_id, op, body)`` in apply order.
    """
    done: set[str] = set()
    known = set(present)  # applied here before, or in this batch
    rows: list[tuple[str, Op, str]] = []
    remaining = order
    while remaining:
        blocked: list[CarriedOp] = []
        for carried in remaining:
            op = carried.op
            seq, top_id = chain[op.node]
            if op.seq == seq + 1 and op.chain == top_id:
                for dep in op.prev:
                    if dep not in known:
                        break
                else:
                    op_id = carried.op_id
                    done.add(op_id)
                    known.add(op_id)
                    chain[op.node] = (op.seq, op_id)
                    rows.append((op_id, op, carried.body))
                    continue
            blocked.append(carried)
        if len(blocked) == len(remaining):
            break
        remaining = blocked
    return done, rows


def _follow_own_chain(conn: Connection, chain: dict[str, tuple[int, str | None]],
                      applied: list[tuple[str, Op]]) -> None:
    """A store restored from a backup can get its own later ops back from the office;
    its cursor must then continue after them, or its next op would reuse a seq."""
    local = str(conn.execute(select(local_node.c.node_id)).scalar_one())
    if any(op.node == local for _, op in applied):
        seq, op_id = chain[local]
        conn.execute(update(local_node).where(local_node.c.last_seq < seq)
                     .values(last_seq=seq, last_op=op_id))


def _raise_clock(conn: Connection, seen: int) -> None:
    # Our next op must come after everything we have seen, or a later local
    # edit could lose to an older remote one.
    conn.execute(update(local_node).where(local_node.c.lamport < seen).values(lamport=seen))


def _clock_warnings(conn: Connection, ops: Sequence[tuple[str, Op]],
                    now: datetime) -> list[str]:
    """Report clocks that look wrong. The merge uses neither, so nothing else changes.

    The result does not depend on the order of ``ops``.
    """
    problems: dict[tuple[str, str], list[str]] = {}
    # Each wall is parsed once; an op's entry also serves the ops that build on it.
    dep_info: dict[str, tuple[int, datetime | None]] = {}
    deps: set[str] = set()
    for op_id, op in ops:
        dep_info[op_id] = (op.lamport, _parse_wall(op.wall))
        deps.update(op.prev)
        deps.add(op.chain or "")
    deps.discard("")
    dep_info.update(_dep_info(conn, deps.difference(dep_info)))
    latest = now + SKEW
    for op_id, op in ops:
        lamport, when = dep_info[op_id]
        if when is None:
            problems.setdefault((op.node, "unreadable"), []).append(op.wall)
            continue
        if when > latest:
            problems.setdefault((op.node, "ahead"), []).append(op.wall)
        elif when < EARLIEST_PLAUSIBLE:
            problems.setdefault((op.node, "past"), []).append(op.wall)
        for dep in _deps(op):
            info = dep_info.get(dep)
            if info is None:
                continue
            dep_lamport, dep_wall = info
            # A difference, not ``when < dep_wall - SKEW``: walls near year 1 or
            # 9999 must not overflow the arithmetic.
            if dep_wall is not None and dep_wall - when > SKEW:
                problems.setdefault((op.node, "behind"), []).append(op.wall)
            if lamport - dep_lamport > LAMPORT_JUMP:
                problems.setdefault((op.node, "lamport"), []).append(str(lamport))
    if not problems:
        return []
    # A node's name as its op with the highest id gives it: the same on every store.
    named: dict[str, tuple[str, str]] = {}
    for op_id, op in ops:
        if op_id > named.get(op.node, ("", ""))[0]:
            named[op.node] = (op_id, op.author)
    return [_skew_text(named[node][1] if node in named else node[:8], node, kind, values)
            for (node, kind), values in sorted(problems.items())]


def _deps(op: Op) -> tuple[str, ...]:
    """What an op builds on: the versions it names and its node's previous op."""
    return (*op.prev, op.chain) if op.chain else op.prev


def _dep_info(conn: Connection, deps: set[str]) -> dict[str, tuple[int, datetime | None]]:
    found: dict[str, tuple[int, datetime | None]] = {}
    ids = sorted(deps)
    for start in range(0, len(ids), 500):
        rows = conn.execute(select(ops_table.c.op_id, ops_table.c.lamport, ops_table.c.wall)
                            .where(ops_table.c.op_id.in_(ids[start:start + 500])))
        for op_id, lamport, wall in rows:
            found[op_id] = (int(lamport), _parse_wall(wall))
    return found


def _parse_wall(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _skew_text(author: str, node: str, kind: str, values: list[str]) -> str:
    sample = sorted(values)[0]
    what = {
        "ahead": f"dated in the future (e.g. {sample})",
        "past": f"dated {sample[:10]}, long before this program existed",
        "behind": f"dated before the edits they build on (e.g. {sample})",
        "unreadable": "with an unreadable date",
        "lamport": f"with a logical clock that jumps far ahead ({sample})",
    }[kind]
    return (f"clock skew: {len(values)} op(s) from {author} (node {node[:8]}) are {what}; "
            f"check that computer's clock. The merge does not use clock time, so nothing "
            f"else changes.")
