"""The op vocabulary: immutable, hash-named change records.

Every change to a store is an :class:`Op`. Its id is the SHA-256 of its
canonical JSON, so the same op has the same id on every store, and each node's
ops form a hash chain through ``chain`` (the id of the node's previous op).
Unknown keys written by a newer minor format version are kept in ``extra`` and
relayed unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum
from typing import Any

OP_FORMAT = "1.0"
OP_FORMAT_MAJOR = 1

JsonValue = Any


class OpKind(StrEnum):
    CREATE = "create"
    SET = "set"
    DELETE = "delete"
    RESTORE = "restore"


DELETED_FIELD = "_deleted"

_CORE_KEYS = (
    "author", "chain", "entity", "entity_id", "field", "kind", "lamport",
    "node", "prev", "seq", "v", "value", "wall",
)


def canonical_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Op:
    """One immutable change. ``op_id`` is derived, never chosen."""

    node: str
    seq: int
    lamport: int
    wall: str
    author: str
    entity: str
    entity_id: str
    kind: str
    field: str | None
    value: JsonValue
    prev: tuple[str, ...]
    chain: str | None
    v: str = OP_FORMAT
    extra: dict[str, JsonValue] = dc_field(default_factory=dict)

    def to_dict(self) -> dict[str, JsonValue]:
        data: dict[str, JsonValue] = dict(self.extra)
        data.update(
            node=self.node, seq=self.seq, lamport=self.lamport, wall=self.wall,
            author=self.author, entity=self.entity, entity_id=self.entity_id,
            kind=self.kind, field=self.field, value=self.value,
            prev=list(self.prev), chain=self.chain, v=self.v,
        )
        return data

    def body(self) -> str:
        """The canonical JSON that is hashed, stored and carried in bundles."""
        return canonical_json(self.to_dict())

    @property
    def op_id(self) -> str:
        return hashlib.sha256(self.body().encode("utf-8")).hexdigest()

    @classmethod
    def from_body(cls, body: str) -> Op:
        """Parse a stored or carried op; unknown keys are kept in ``extra``."""
        data = json.loads(body)
        if not isinstance(data, dict):
            raise ValueError("an op must be a JSON object")
        extra = {k: v for k, v in data.items() if k not in _CORE_KEYS}
        return cls(
            node=str(data["node"]), seq=int(data["seq"]), lamport=int(data["lamport"]),
            wall=str(data["wall"]), author=str(data["author"]), entity=str(data["entity"]),
            entity_id=str(data["entity_id"]), kind=str(data["kind"]), field=data.get("field"),
            value=data.get("value"), prev=tuple(data.get("prev") or ()),
            chain=data.get("chain"), v=str(data.get("v", OP_FORMAT)), extra=extra,
        )


def format_major(version: str) -> int:
    """The major part of an op-format version such as ``"1.3"``."""
    try:
        return int(version.split(".", 1)[0])
    except ValueError:
        return 10**6  # unparseable means "from the future": refuse, never guess


def op_order_key(op: Op) -> tuple[int, str, int]:
    """A causal total order: Lamport clock first, then node, then seq."""
    return (op.lamport, op.node, op.seq)
