"""Whose ops a store accepts: keys it knows, keys it enrolls, keys an office vouches for.

A node's key is learned once and never replaced: a bundle that signs a known
node's ops with another key is refused. An unknown sender is refused unless
the user agreed to enroll it (``trust_new``). The roster an office's bundle
carries enrolls the laptops that office knows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from golive_desk.domain.errors import BundleError
from golive_desk.storage import local_node, sync_state
from golive_desk.storage.engine import Tx
from golive_desk.sync import keys
from golive_desk.sync.format import Manifest, RosterEntry


@dataclass(frozen=True)
class KnownKey:
    key: bytes
    is_office: bool
    trusted: bool


@dataclass
class Trust:
    local_node: str
    local_key: bytes
    known: dict[str, KnownKey]
    trust_new: bool
    accepted: dict[str, RosterEntry] = field(default_factory=dict)

    @staticmethod
    def load(tx: Tx, *, trust_new: bool) -> Trust:
        local = local_node.identity(tx)
        known = {p.node_id: KnownKey(p.public_key, p.is_office, p.trusted)
                 for p in sync_state.all_peers(tx)}
        return Trust(local.node_id, local.public_key, known, trust_new)

    def check_sender(self, manifest: Manifest) -> None:
        """Decide on the sender (and its roster) before any entry is read.

        Raises:
            BundleError: ``sender`` (our own bundle), ``key`` (a known node with
                another key), ``trust`` (an unknown sender, without ``trust_new``).
        """
        sender = manifest.sender
        if sender.node == self.local_node:
            raise BundleError("sender", "this bundle was written by this store itself; "
                              "import it on another store")
        self.check_keys_match(manifest)
        known = self.known.get(sender.node)
        if known is None and not self.trust_new:
            raise BundleError(
                "trust", f"the bundle comes from {sender.name} ({sender.initials}), node "
                f"{sender.node[:8]}, key {manifest.sender_fingerprint}, which this store does "
                f"not know; if you expect it, import again with --trust-new to enroll it",
                node=sender.node, name=sender.name, initials=sender.initials,
                fingerprint=manifest.sender_fingerprint, office=sender.office)
        if known is not None and not known.trusted:
            raise BundleError("trust", f"{sender.name}'s key is not trusted here",
                              node=sender.node)
        if known is None:
            self.accepted[sender.node] = sender
        vouches = self.trust_new or (known is not None and known.is_office)
        if vouches:
            for entry in manifest.roster:
                if entry.node not in self.known and entry.node != self.local_node:
                    self.accepted.setdefault(entry.node, entry)

    def check_keys_match(self, manifest: Manifest) -> None:
        for entry in (manifest.sender, *manifest.roster):
            key = bytes.fromhex(entry.public_key)
            expected = self.local_key if entry.node == self.local_node else (
                self.known[entry.node].key if entry.node in self.known else None)
            if expected is not None and key != expected:
                raise BundleError(
                    "key", f"the bundle presents another key for {entry.name} (node "
                    f"{entry.node[:8]}, key {keys.fingerprint(key)}) than the one this store "
                    f"knows ({keys.fingerprint(expected)}); refused", node=entry.node)

    def key_for(self, node: str) -> bytes | None:
        if node == self.local_node:
            return self.local_key
        known = self.known.get(node)
        if known is not None and known.trusted:
            return known.key
        entry = self.accepted.get(node)
        return bytes.fromhex(entry.public_key) if entry is not None else None

    def key_for_any(self, manifest: Manifest) -> dict[str, bytes]:
        """Every key the bundle or the store offers: for checking signatures only."""
        found = {e.node: bytes.fromhex(e.public_key) for e in (manifest.sender,
                                                               *manifest.roster)}
        found.update({n: k.key for n, k in self.known.items()})
        found[self.local_node] = self.local_key
        return found

    def enroll(self, tx: Tx, manifest: Manifest, at: str) -> list[str]:
        """Add the accepted new keys as peers; returns their node ids."""
        added: list[str] = []
        for node, entry in sorted(self.accepted.items()):
            if sync_state.peer(tx, node) is not None:
                continue
            sync_state.add_peer(
                tx, node=node, name=entry.name, initials=entry.initials,
                public_key=bytes.fromhex(entry.public_key), is_office=entry.office,
                enrolled_at=at,
                enrolled_via=None if node == manifest.sender.node else manifest.sender.node)
            added.append(node)
        return added
