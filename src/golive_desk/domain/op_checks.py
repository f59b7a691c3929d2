"""Every op checked against the entity registry before anything is written.

Local writes and imports alike: a peer with a bug or a newer version, or a
hostile bundle signed by an enrolled computer, must not put a value into a
table that a later read cannot handle. A kind or field this version does not
know is let through (a newer minor version's; it is kept and relayed, never
projected); a known one must have the registry's type.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import lru_cache
from itertools import chain
from operator import itemgetter, methodcaller
from typing import Any

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


def check_ops(ops: Sequence[Op]) -> None:
    """:func:`check_op` on each op in order (the first that fails raises), many at once.

    A batch (thousands of records from one file) is checked column by column:
    each node, wall and distinct value tested once, record and op ids matched
    in one regex call over their concatenation. Only when a test fails are the
    ops checked one by one, so what is raised is what :func:`check_op` raises
    for the first bad op (``tests/unit/test_op_checks.py`` compares the two).
    """
    if len(ops) < _BATCH_MIN or not _all_pass(ops):
        for op in ops:
            check_op(op)


_BATCH_MIN = 8  # (fewer: one by one is as quick)
_ID_CHARS = re.compile(r"[0-9A-Za-z-]*")  # (an entity id's characters; 1-64 of them)
_HEX_CHARS = re.compile(r"[0-9a-f]*")
_STR, _INT, _TUPLE, _DICT = frozenset((str,)), frozenset((int,)), frozenset((tuple,)), \
    frozenset((dict,))
_STR_OR_NONE = frozenset((str, type(None)))


def _all_pass(ops: Sequence[Op]) -> bool:
    """True when every op passes :func:`check_op`; False when one may not (never raises)."""
    (nodes, seqs, lamports, walls, authors, entities, entity_ids, kinds, fields, values, prevs,
     chains, _v, _extra) = zip(*ops, strict=True)
    if not (_STR.issuperset(map(type, chain(nodes, walls, authors, entities, entity_ids, kinds)))
            and _INT.issuperset(map(type, chain(seqs, lamports)))
            and _TUPLE.issuperset(map(type, prevs))):
        return False
    deps = [*chain.from_iterable(prevs), *(c for c in chains if c is not None)]
    if not (all(map(_is_node, set(nodes))) and min(seqs) > 0 and max(seqs) <= CLOCK_MAX
            and min(lamports) > 0 and max(lamports) <= CLOCK_MAX
            and max(map(len, authors)) <= TEXT_MAX_AUTHOR and _ids_pass(entity_ids)
            and _walls_pass(set(walls))
            and _STR.issuperset(map(type, deps)) and _hashes_pass(deps)):
        return False
    pairs = list(zip(entities, kinds, strict=True))
    for entity, kind in set(pairs):
        spec = spec_for(entity)
        if spec is None:
            continue
        if kind not in _KINDS:
            return False
        if kind not in (_SET, _CREATE):
            continue
        if len(set(pairs)) > 1:
            chosen = [i for i, pair in enumerate(pairs) if pair == (entity, kind)]
            these_fields, these_values = [fields[i] for i in chosen], [values[i] for i in chosen]
        else:
            these_fields, these_values = list(fields), list(values)
        if not (_creates_pass(these_fields, these_values, spec) if kind == _CREATE
                else _sets_pass(these_fields, these_values, spec)):
            return False
    return True


def _ids_pass(ids: Sequence[str] | set[str]) -> bool:
    return (not ids or (min(map(len, ids)) > 0 and max(map(len, ids)) <= 64
                        and _ID_CHARS.fullmatch("".join(ids)) is not None))


def _hashes_pass(hashes: Sequence[str] | set[str]) -> bool:
    return not hashes or (set(map(len, hashes)) == {64}
                          and _HEX_CHARS.fullmatch("".join(hashes)) is not None)


def _creates_pass(fields: list[str | None], values: list[object], spec: EntitySpec) -> bool:
    if set(fields) != {None} or not _DICT.issuperset(map(type, values)):
        return False
    names = spec.field_names
    row: Callable[[Any], tuple[object, ...]] = itemgetter(*names)
    try:  # (every record with every field, the usual batch: its columns in two C calls)
        columns: list[Sequence[object]] = list(zip(*map(row, values), strict=True)) \
            if len(names) > 1 else []
    except KeyError:
        columns = []
    if not columns:
        columns = [list(map(methodcaller("get", name), values)) for name in names]
    return all(_values_pass(field, column) for field, column in zip(spec.fields, columns,
                                                                     strict=True))


def _sets_pass(fields: list[str | None], values: list[object], spec: EntitySpec) -> bool:
    if spec.append_only or not _STR.issuperset(map(type, fields)):
        return False
    for name, value in zip(fields, values, strict=True):
        field = spec.field(name)  # type: ignore[arg-type]
        if field is not None and field_problem(field, value) is not None:
            return False
    return True


def _values_pass(field: FieldSpec, column: Sequence[object]) -> bool:
    """Every value of ``column`` passes :func:`field_problem` (each distinct one tested once)."""
    if not _STR_OR_NONE.issuperset(map(type, column)):
        # (1 == True == 1.0: values of other types are told apart by their type)
        try:
            pairs = set(zip(map(type, column), column, strict=True))
        except TypeError:  # a list or a dict as a value
            return all(field_problem(field, value) is None for value in column)
        return all(field_problem(field, value) is None for _, value in pairs)
    distinct: set[object] = set(column)
    if None in distinct:
        if field.required:
            return False
        distinct.discard(None)
    if not distinct:
        return True
    texts: set[str] = distinct  # type: ignore[assignment]
    kind = field.type
    if kind == FieldType.TEXT and field.pattern is None:
        return max(map(len, texts)) <= field.max_len
    if kind == FieldType.ENUM:
        return texts.issubset(field.choices)
    if kind == FieldType.ID:
        return _ids_pass(texts)
    if kind == FieldType.HASH:
        return _hashes_pass(texts)
    if kind == FieldType.DATE:
        return set(map(len, texts)) == {10} and _all_parse(date.fromisoformat, texts)
    if kind == FieldType.DATETIME:
        return _walls_pass(texts)
    return all(field_problem(field, value) is None for value in texts)


def _walls_pass(walls: set[str]) -> bool:
    """:func:`_is_wall` of each (``walls`` all text)."""
    return max(map(len, walls)) <= 40 and _all_parse(datetime.fromisoformat, walls)


def _all_parse(parse: Callable[[str], object], texts: set[str]) -> bool:
    try:
        deque(map(parse, texts), maxlen=0)  # (each parsed in C; the first failure stops)
    except ValueError:
        return False
    return True


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
