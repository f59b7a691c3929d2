"""Sync bundles: export, import, verify, peers and conflicts (no Qt).

The window's Sync page and the ``bundle``/``peers``/``conflicts`` commands
call this service. Every check of a bundle runs before anything is written;
an import is one transaction; a refused bundle raises :class:`BundleError`
whose ``check`` names what failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from golive_desk.domain.conflicts import FieldConflict
from golive_desk.domain.errors import NotFoundError, ValidationError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.models import Changes
from golive_desk.domain.ops import Op, OpKind, parse_json
from golive_desk.domain.schema import spec_for
from golive_desk.services.gc_pause import collector_paused
from golive_desk.services.sync_export import LocalNode, plan_export
from golive_desk.services.sync_import import apply_ops, check_against_store, check_ops
from golive_desk.services.sync_models import (
    BusinessRule,
    ExportResult,
    ImportReport,
    PeerView,
    VerifyReport,
    record_counts,
)
from golive_desk.services.sync_rules import DEFAULT_RULES
from golive_desk.services.sync_trust import Trust
from golive_desk.storage import local_node, queries, sync_state
from golive_desk.storage.blobs import BlobStore, Staging
from golive_desk.storage.conflicts import conflicts as find_conflicts
from golive_desk.storage.engine import Store, Tx
from golive_desk.sync import keys
from golive_desk.sync.format import DEFAULT_LIMITS, Limits, Manifest, RosterEntry
from golive_desk.sync.reader import BundleContents, open_bundle
from golive_desk.sync.verify import NodeRun, check_chains
from golive_desk.sync.writer import write_bundle

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SyncService:
    """Exchange ops with other stores through bundle files."""

    def __init__(self, store: Store, *, limits: Limits = DEFAULT_LIMITS,
                 rules: Iterable[BusinessRule] = DEFAULT_RULES, clock: Clock = _utc_now) -> None:
        self._store = store
        self._limits = limits
        self._rules = list(rules)
        self._clock = clock

    def add_rule(self, rule: BusinessRule) -> None:
        """Register a post-merge business rule (it warns; it never blocks an import)."""
        self._rules.append(rule)

    # -- export ---------------------------------------------------------------
    def export_bundle(self, dest: Path, *, peer: str | None = None, project: str | None = None,
                      full: bool = False, passphrase: str | None = None) -> ExportResult:
        """Write a bundle for ``peer`` (what it has not acknowledged), or ``full``.

        ``project`` (a code) limits the bundle to that project's records and
        what they need. A superset of what the peer lacks is harmless.

        Raises:
            ValidationError: neither a peer nor ``full`` was given.
            NotFoundError: no such peer or project; a peer never heard from (send
                ``full`` to fill a new store first).
        """
        if peer is None and not full:
            raise ValidationError("peer", "say who the bundle is for (--for PEER) or send "
                                  "everything (--full)")
        dest = Path(dest)
        if not dest.parent.is_dir():
            raise ValidationError("file", f"the folder {dest.parent} does not exist")
        with self._store.read() as tx:
            local = _local(tx)
            target = self._find_peer(tx, peer) if peer is not None else None
            acknowledged: dict[str, int] = {}
            if target is not None and not full:
                if target.last_exchange is None:
                    raise NotFoundError(
                        f"no bundle from {target.name} has been imported here yet, so this "
                        f"store does not know what it holds; send --full instead",
                        peer=target.node_id)
                acknowledged = dict(target.acknowledged)
            project_id = _project_id(tx, project) if project else None
            plan = plan_export(tx, local, acknowledged, BlobStore(self._store.blob_dir),
                               project_id)
            manifest = Manifest(
                bundle_id=uuid7(), created_at=self._clock().isoformat(timespec="seconds"),
                sender=RosterEntry(local.node_id, local.name, local.initials,
                                   local.public_key.hex(), local.is_office),
                receiver=target.node_id if target else None,
                scope="project" if project else ("full" if full else "peer"),
                project=project.upper() if project else None,
                version_vector=sync_state.version_vector(tx), acknowledged=acknowledged,
                prerequisites=tuple(plan.prerequisites), heads=tuple(plan.heads),
                roster=self._roster(tx, local), op_count=0, blob_count=0, entries=())
        written = write_bundle(dest, manifest, plan.bodies, plan.blobs, local.private_key,
                               passphrase)
        return ExportResult(written.path, written.bundle_id, written.ops, written.blobs,
                            written.bytes, target.node_id if target else None,
                            records=record_counts(_entities(plan.bodies)))

    @staticmethod
    def _roster(tx: Tx, local: LocalNode) -> tuple[RosterEntry, ...]:
        """The keys we vouch for: an office's bundles enroll them on the laptops."""
        entries = [RosterEntry(local.node_id, local.name, local.initials,
                               local.public_key.hex(), local.is_office)]
        for peer in sync_state.all_peers(tx):
            if peer.trusted:
                entries.append(RosterEntry(peer.node_id, peer.name, peer.initials,
                                           peer.public_key.hex(), peer.is_office))
        return tuple(entries)

    # -- import ---------------------------------------------------------------
    def import_bundle(self, path: Path, *, passphrase: str | None = None,
                      trust_new: bool = False) -> ImportReport:
        """Check a bundle completely, then apply it in one transaction.

        Raises:
            BundleError: the bundle was refused; ``check`` names the failed check.
                ``check == "trust"`` with ``details["node"]`` means an unknown
                sender: ask the user, then call again with ``trust_new=True``.
        """
        with collector_paused():
            return self._import(path, passphrase, trust_new)

    def _import(self, path: Path, passphrase: str | None, trust_new: bool) -> ImportReport:
        with ExitStack() as keep_open:
            # One read transaction for the trust decision and the fork check; the
            # bundle stays open after it, for the blobs and the write transaction.
            with self._store.read() as tx:
                trust = Trust.load(tx, trust_new=trust_new)
                bundle = keep_open.enter_context(open_bundle(
                    path, passphrase=passphrase, limits=self._limits,
                    check_sender=trust.check_sender))
                runs = check_chains(bundle.manifest, bundle.ops, trust.key_for)
                check_ops(bundle.ops)
                check_against_store(tx, runs, bundle.ops)  # refuse forks before any write
            # Blobs are staged and move into place only once the transaction commits;
            # a refused or failed import removes them (a killed one: the next open).
            with BlobStore(self._store.blob_dir).staging() as staged:
                self._write_blobs(bundle, staged)
                with self._store.write() as tx:
                    return self._apply(tx, bundle, runs, trust)

    def _apply(self, tx: Tx, bundle: BundleContents, runs: dict[str, NodeRun],
               trust: Trust) -> ImportReport:
        manifest = bundle.manifest
        now = self._clock()
        stamp = now.isoformat(timespec="milliseconds")
        earlier = sync_state.previous_import(tx, manifest.bundle_id)
        tops = check_against_store(tx, runs, bundle.ops)
        enrolled = trust.enroll(tx, manifest, stamp)
        outcome = apply_ops(tx, manifest.bundle_id, bundle.ops, tops, now)
        sync_state.save_heads(tx, [
            {"node": h.node, "seq": h.seq, "op_id": h.op, "signature": h.signature}
            for h in manifest.heads])
        sync_state.record_exchange(
            tx, manifest.sender.node, name=manifest.sender.name,
            initials=manifest.sender.initials, is_office=manifest.sender.office,
            acknowledged=manifest.version_vector, at=stamp, bundle_id=manifest.bundle_id)
        touched = frozenset(op.entity_id for _, op in outcome.applied)
        # A record added under another (a note under an issue) is that record's conflict
        # when it was deleted meanwhile: the report counts what the inbox will show.
        hung_under = frozenset(_parents_of(op for _, op in outcome.applied))
        found = tuple(find_conflicts(tx, touched | hung_under)) if touched else ()
        warnings = list(outcome.warnings)
        for rule in self._rules:
            warnings += rule(tx, touched)
        sync_state.log_import(
            tx, bundle_id=manifest.bundle_id, from_node=manifest.sender.node,
            imported_at=stamp, manifest_sha256=bundle.manifest_sha256,
            applied=len(outcome.applied), already_had=outcome.already_had,
            pending=outcome.pending_from_bundle, conflicts=len(found),
            warnings=[w.as_json() for w in warnings])
        changes = Changes(frozenset(op.entity for _, op in outcome.applied), touched)
        return ImportReport(
            bundle_id=manifest.bundle_id, from_node=manifest.sender.node,
            from_name=manifest.sender.name, applied=len(outcome.applied),
            already_had=outcome.already_had, pending=outcome.pending_from_bundle,
            conflicts=found, warnings=tuple(warnings), already_imported_at=earlier,
            enrolled=tuple(enrolled), changes=changes | Changes.of("peer", manifest.sender.node),
            records=record_counts((op.entity, op.entity_id) for _, op in outcome.applied))

    @staticmethod
    def _write_blobs(bundle: BundleContents, staged: Staging) -> None:
        """Stage the bundle's attachments (each hash checked again while copied)."""
        for sha in sorted(bundle.blobs):
            staged.put_stream(sha, partial(bundle.copy_blob, sha))

    # -- verify ---------------------------------------------------------------
    def verify_bundle(self, path: Path, *, passphrase: str | None = None) -> VerifyReport:
        """Run every check without writing; unknown keys are reported, not refused.

        Raises:
            BundleError: the bundle is damaged, tampered with, or forks our chains.
        """
        with collector_paused():
            return self._verify(path, passphrase)

    def _verify(self, path: Path, passphrase: str | None) -> VerifyReport:
        with self._store.read() as tx:
            trust = Trust.load(tx, trust_new=False)
            with open_bundle(path, passphrase=passphrase, limits=self._limits) as bundle:
                manifest = bundle.manifest
                trust.check_keys_match(manifest)
                runs = check_chains(manifest, bundle.ops, trust.key_for_any(manifest).get)
                tops = check_against_store(tx, runs, bundle.ops)
                missing = tuple(
                    f"{p.node[:8]}#{p.seq}" for p in manifest.prerequisites
                    if tops.get(p.node, (0, None))[0] < p.seq)
                new_ops = sum(1 for c in bundle.ops
                              if c.op.seq > tops.get(c.op.node, (0, None))[0])
                unknown = tuple(sorted(n for n in runs if trust.key_for(n) is None))
                sender = manifest.sender
                return VerifyReport(
                    bundle_id=manifest.bundle_id, from_node=sender.node, from_name=sender.name,
                    from_initials=sender.initials, fingerprint=manifest.sender_fingerprint,
                    from_office=sender.office,
                    sender_known=trust.key_for(sender.node) is not None,
                    unknown_nodes=unknown, ops=len(bundle.ops), blobs=len(bundle.blobs),
                    bytes=bundle.file_bytes, encrypted=bundle.encrypted, new_ops=new_ops,
                    missing_prerequisites=missing, created_at=manifest.created_at)

    # -- peers ----------------------------------------------------------------
    def peers(self) -> list[PeerView]:
        with self._store.read() as tx:
            return [_peer_view(r) for r in sync_state.all_peers(tx)]

    @staticmethod
    def _find_peer(tx: Tx, text: str) -> PeerView:
        wanted = text.strip()
        views = [_peer_view(r) for r in sync_state.all_peers(tx)]
        tests: tuple[Callable[[PeerView], bool], ...] = (
            lambda p: p.name == wanted, lambda p: p.initials == wanted.upper(),
            lambda p: p.node_id.startswith(wanted.lower()))
        for test in tests:
            hits = [p for p in views if test(p)] if wanted else []
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise NotFoundError(f"'{text}' names {len(hits)} peers; use more of the node "
                                    f"id (see 'peers list')", peer=text)
        raise NotFoundError(f"no peer '{text}'; a store learns a peer from the first bundle "
                            f"it imports from it (see 'peers list')", peer=text)

    # -- conflicts ------------------------------------------------------------
    def conflicts(self) -> list[FieldConflict]:
        """Every open conflict in the store, winner first (see ``storage.conflicts``)."""
        with self._store.read() as tx:
            return list(find_conflicts(tx))

    def resolve(self, label: str, field: str, value: str) -> Changes:
        """Resolve a conflict; ``label`` is what ``conflicts`` shows (an issue number…).

        For an "edited after delete" conflict ``field`` may be ``deleted`` and
        ``value`` ``restore`` or ``delete``.
        """
        from golive_desk.services.conflicts import ConflictService

        return ConflictService(self._store).resolve(label, field, value)


def _entities(bodies: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(entity, entity_id) of each op body a bundle carries."""
    for body in bodies:
        op = parse_json(body)
        if isinstance(op, dict):
            yield str(op.get("entity", "")), str(op.get("entity_id", ""))


def _local(tx: Tx) -> LocalNode:
    me = local_node.identity(tx)
    return LocalNode(me.node_id, me.user_name, me.user_initials, me.is_office,
                     me.private_key, me.public_key)


def _project_id(tx: Tx, code: str) -> str:
    found = queries.project_id(tx, code.strip().upper())
    if found is None:
        raise NotFoundError(f"no project {code}", code=code)
    return found


def _peer_view(peer: sync_state.PeerRecord) -> PeerView:
    return PeerView(
        node_id=peer.node_id, name=peer.name, initials=peer.initials,
        fingerprint=keys.fingerprint(peer.public_key), trusted=peer.trusted,
        is_office=peer.is_office, acknowledged=dict(peer.acknowledged),
        last_exchange=peer.last_exchange, last_bundle_id=peer.last_bundle_id,
        enrolled_via=peer.enrolled_via)


def _parents_of(applied: Iterable[Op]) -> Iterator[str]:
    """The ids of the records the created ones hang under (the registry's ``parent``)."""
    for op in applied:
        spec = spec_for(op.entity)
        if spec is None or spec.parent is None or op.kind != OpKind.CREATE.value:
            continue
        parent = op.value.get(spec.parent) if isinstance(op.value, dict) else None
        if isinstance(parent, str):
            yield parent
