"""Every op checked against the entity registry before anything is written.

Local writes and imports alike: a peer with a bug or a newer version, or a
hostile bundle signed by an enrolled computer, must not put a value into a
table that a later read cannot handle. A kind or field this version does not
know is let through (a newer minor version's; it is kept and relayed, never
projected); a known one must have the registry's type.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from golive_desk.domain.ops import Op, OpKind
from golive_desk.domain.schema import EntitySpec, FieldSpec, FieldType, spec_for

_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX64S = re.compile(r"[0-9a-f]{64}(?: [0-9a-f]{64})*")
_NODE = re.compile(r"[0-9a-f]{32}")
_ENTITY_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
_KINDS = frozenset(k.value for k in OpKind)
_SET, _CREATE = OpKind.SET.value, OpKind.CREATE.value
# Far beyond any real history, far below where arithmetic or storage would overflow.
CLOCK_MAX = 2**53
TEXT_MAX_AUTHOR = 200


class MalformedOpError(ValueError):
    """An op that breaks the registry; ``field`` names what is wrong, ``reason`` how."""

    def __init__(self, op: Op, field: str, reason: str) -> None:
        super().__init__(f"{op.entity} {op.kind} (seq {op.seq} of node {op.node[:8]}): "
                         f"{field} {reason}")
        self.field = field
        self.reason = reason


def check_op(op: Op) -> None:
    """Raise :class:`MalformedOpError` unless ``op`` fits the registry (see module text)."""
    # An import checks every op it carries: the usual op passes with a few C-level
    # calls and no more Python calls than it must (the same node and record recur,
    # so their answers are cached); only a failing op is looked at closely.
    if not (_is_node(op.node) and 0 < op.seq <= CLOCK_MAX and 0 < op.lamport <= CLOCK_MAX
            and len(op.author) <= TEXT_MAX_AUTHOR and _is_entity_id(op.entity_id)
            and _is_wall(op.wall)):
        _explain_envelope(op)
    deps = op.prev if op.chain is None else (*op.prev, op.chain)
    if deps and _HEX64S.fullmatch(" ".join(deps)) is None:
        raise MalformedOpError(op, "prev", "names something that is not an op id")
    spec = spec_for(op.entity)
    if spec is None:
        return
    if op.kind == _SET:
        _check_set(op, spec)
    elif op.kind == _CREATE:
        _check_create(op, spec)
    elif op.kind not in _KINDS:
        raise MalformedOpError(op, "kind", f"'{op.kind}' is not an op kind of {spec.name}")


def _explain_envelope(op: Op) -> None:
    if not _is_node(op.node):
        raise MalformedOpError(op, "node", "is not a node id")
    if not (0 < op.seq <= CLOCK_MAX and 0 < op.lamport <= CLOCK_MAX):
        raise MalformedOpError(op, "seq/lamport", "is out of range")
    if not _is_wall(op.wall):
        raise MalformedOpError(op, "wall", "is not a date and time")
    if len(op.author) > TEXT_MAX_AUTHOR:
        raise MalformedOpError(op, "author", "is too long")
    raise MalformedOpError(op, "entity_id", "is not a record id")


@lru_cache(maxsize=1024)
def _is_node(text: str) -> bool:
    return _NODE.fullmatch(text) is not None


@lru_cache(maxsize=65536)
def _is_entity_id(text: str) -> bool:
    return _ENTITY_ID.fullmatch(text) is not None


def _is_wall(text: str) -> bool:
    if len(text) > 40:
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check_create(op: Op, spec: EntitySpec) -> None:
    if op.field is not None:
        raise MalformedOpError(op, "field", "must be empty on a create")
    if not isinstance(op.value, dict):
        raise MalformedOpError(op, "value", "must hold the record's fields")
    for field in spec.fields:
        value = op.value.get(field.name)
        problem = field_problem(field, value)
        if problem:
            raise MalformedOpError(op, f"value.{field.name}", problem)


def _check_set(op: Op, spec: EntitySpec) -> None:
    if spec.append_only:
        raise MalformedOpError(op, "kind", f"a {spec.name} is append-only and never set")
    if op.field is None:
        raise MalformedOpError(op, "field", "is missing")
    field = spec.field(op.field)
    if field is None:
        return  # a newer version's field: kept and relayed, not projected
    problem = field_problem(field, op.value)
    if problem:
        raise MalformedOpError(op, f"value ({op.field})", problem)


def field_problem(field: FieldSpec, value: object) -> str | None:
    """Why ``value`` cannot be a value of ``field``, or None when it can."""
    if value is None:
        return "is required" if field.required else None
    kind = field.type
    if kind == FieldType.BOOL:
        return None if type(value) is bool else "must be true or false"
    if kind == FieldType.INT:
        if type(value) is not int or not field.low <= value <= field.high:
            return f"must be a whole number from {field.low} to {field.high}"
        return None
    if type(value) is not str:
        return "must be text"
    return _text_problem(field, value)


def _text_problem(field: FieldSpec, value: str) -> str | None:
    kind = field.type
    if kind == FieldType.TEXT:
        if len(value) > field.max_len:
            return f"is longer than {field.max_len} characters"
        if field.pattern is not None and _compiled(field.pattern).fullmatch(value) is None:
            return f"'{value[:40]}' is not in the form this field takes"
        return None
    if kind == FieldType.ENUM:
        return None if value in field.choices else f"'{value[:40]}' is not one of the choices"
    if kind == FieldType.DATE:
        return None if _date(value) else "is not a date (YYYY-MM-DD)"
    if kind == FieldType.DATETIME:
        return None if _is_wall(value) else "is not a date and time"
    if kind == FieldType.ID:
        return None if _ENTITY_ID.fullmatch(value) else "is not a record id"
    if kind == FieldType.HASH:
        return None if _HEX64.fullmatch(value) else "is not a SHA-256"
    return None


def _date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
