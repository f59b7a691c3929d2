"""Merge rules as pure functions: multi-value registers and tombstones.

A field's current versions ("heads") are the ops on it that no later op names
in ``prev``. One head is the value; two or more are a conflict whose
provisional winner is the same on every store: highest Lamport, then node id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from golive_desk.domain.ops import JsonValue, canonical_json


class Ranked(Protocol):
    """Anything that is a version of a register: it has a Lamport clock and a node."""

    @property
    def lamport(self) -> int: ...

    @property
    def node(self) -> str: ...


def rank(version: Ranked) -> tuple[int, str]:
    """The order of concurrent versions: the provisional winner is the highest."""
    return (version.lamport, version.node)


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
    return max(versions, key=rank)


def same_value(a: JsonValue, b: JsonValue) -> bool:
    """The one equality of values everywhere: their canonical JSON is the same."""
    return a is b or canonical_json(a) == canonical_json(b)


def distinct_values(values: Iterable[JsonValue]) -> int:
    """How many different values (canonical JSON) there are among ``values``."""
    return len({canonical_json(v) for v in values})


def is_conflict(versions: Sequence[FieldVersion]) -> bool:
    """Two or more heads with different values are a conflict the user must see."""
    return distinct_values(v.value for v in versions) > 1


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

