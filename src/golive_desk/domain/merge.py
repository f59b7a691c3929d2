"""Merge rules as pure functions: multi-value registers and tombstones.

A field's current versions ("heads") are the ops on it that no later op names
in ``prev``. One head is the value; two or more are a conflict whose
provisional winner is the same on every store: highest Lamport, then node id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from golive_desk.domain.ops import JsonValue


@dataclass(frozen=True, slots=True)
class FieldVersion:
    """One head of a field register."""

    op_id: str
    lamport: int
    node: str
    value: JsonValue
    author: str
    wall: str


def winner(versions: Sequence[FieldVersion]) -> FieldVersion:
    """The provisional winner among concurrent versions (deterministic)."""
    if not versions:
        raise ValueError("a register without versions has no winner")
    return max(versions, key=lambda v: (v.lamport, v.node))


def is_conflict(versions: Sequence[FieldVersion]) -> bool:
    """Two or more heads with different values are a conflict the user must see."""
    values = {_freeze(v.value) for v in versions}
    return len(values) > 1


def edited_after_delete(delete_prevs: Iterable[Iterable[str]], field_heads: Iterable[str]) -> bool:
    """True when some field head was not seen by any delete.

    A delete names, in ``prev``, every field head its author saw. A head that no
    delete names was written concurrently with the delete: an "edited after
    delete" conflict that the user resolves by restoring or deleting again.
    """
    seen: set[str] = set()
    for prev in delete_prevs:
        seen.update(prev)
    return any(head not in seen for head in field_heads)


def _freeze(value: JsonValue) -> str:
    from golive_desk.domain.ops import canonical_json

    return canonical_json(value)
