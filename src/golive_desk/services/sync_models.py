"""Values the sync service returns: reports, peers, conflicts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from golive_desk.domain.conflicts import FieldConflict
from golive_desk.domain.models import Changes
from golive_desk.domain.sync_warnings import SyncWarning
from golive_desk.storage.engine import Tx

# A business rule checked after a merge: (the import's transaction, ids of the
# entities it touched) → warnings. Rules read (through storage functions); they
# never block an import.
BusinessRule = Callable[[Tx, frozenset[str]], list[SyncWarning]]


@dataclass(frozen=True)
class ExportResult:
    file: Path
    bundle_id: str
    ops: int
    blobs: int
    bytes: int
    peer: str | None
    # Records the bundle carries changes of, per entity kind (``record_counts``).
    records: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What an import did. ``applied == 0`` and ``pending == 0`` means nothing new."""

    bundle_id: str
    from_node: str
    from_name: str
    applied: int
    already_had: int
    pending: int
    conflicts: tuple[FieldConflict, ...]
    warnings: tuple[SyncWarning, ...]
    already_imported_at: str | None = None
    enrolled: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)
    # Records the applied changes touched, per entity kind (``record_counts``).
    records: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class VerifyReport:
    """A bundle checked without writing anything; trust is reported, not enforced."""

    bundle_id: str
    from_node: str
    from_name: str
    from_initials: str
    fingerprint: str
    from_office: bool
    sender_known: bool
    unknown_nodes: tuple[str, ...]
    ops: int
    blobs: int
    bytes: int
    encrypted: bool
    new_ops: int
    missing_prerequisites: tuple[str, ...]
    created_at: str


@dataclass(frozen=True)
class PeerView:
    node_id: str
    name: str
    initials: str
    fingerprint: str
    trusted: bool
    is_office: bool
    acknowledged: dict[str, int]
    last_exchange: str | None
    last_bundle_id: str | None
    enrolled_via: str | None

    @property
    def acknowledged_ops(self) -> int:
        return sum(self.acknowledged.values())


def record_counts(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, int], ...]:
    """(entity kind, distinct records) for ``(entity, entity_id)`` pairs, most first.

    What a person counts after an exchange is issues, notes, attachments and
    people, not ops: ten edits of one issue are one issue.
    """
    seen: dict[str, set[str]] = {}
    for entity, entity_id in pairs:
        seen.setdefault(entity, set()).add(entity_id)
    return tuple(sorted(((k, len(v)) for k, v in seen.items()), key=lambda kv: (-kv[1], kv[0])))
