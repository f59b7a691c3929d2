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
from collections.abc import Mapping
from enum import StrEnum
from operator import itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

import orjson

OP_FORMAT = "1.0"
OP_FORMAT_MAJOR = 1

JsonValue = Any


class OpKind(StrEnum):
    CREATE = "create"
    SET = "set"
    DELETE = "delete"
    RESTORE = "restore"


DELETED_FIELD = "_deleted"

_CORE_KEYS = frozenset((
    "author", "chain", "entity", "entity_id", "field", "kind", "lamport",
    "node", "prev", "seq", "v", "value", "wall",
))
# The fields whose type ``Op.from_body`` checks in one go, and those types.
_TYPED_FIELDS = itemgetter("node", "seq", "lamport", "wall", "author", "entity", "entity_id",
                           "kind", "v")
_TYPED_FIELD_TYPES = (str, int, int, str, str, str, str, str, str)


def _all_text(items: list[Any]) -> bool:
    """Every item a str (``str.join`` checks that in C, and refuses anything else)."""
    try:
        "".join(items)
    except TypeError:
        return False
    return True


def canonical_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 text kept as is.

    The text of ``json.dumps(data, sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)``, which op ids and signatures hash. Plain data (see
    :func:`plain_json`) is written by orjson, ten times faster (every op made is
    encoded once); anything else, or what orjson refuses (an integer beyond 64
    bits, a lone surrogate, deep nesting), by the standard library as ever.
    """
    if plain_json(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# Exact types whose orjson text is the standard library's, character for character
# (every code point, escapes and key order: tests/unit/test_ops_and_merge.py). Not
# floats (orjson writes 1e16 where json writes 1e+16), not subclasses, not the
# objects orjson writes and json refuses (dataclasses, dates, UUIDs, enums).
PLAIN_SCALARS = _PLAIN_SCALARS = frozenset((str, int, bool, type(None)))
_PLAIN_CONTAINERS = frozenset((dict, list, tuple))
_PLAIN_TYPES = _PLAIN_SCALARS | _PLAIN_CONTAINERS
_TEXT_TYPE = frozenset((str,))


def plain_json(value: Any) -> bool:
    """Only plain JSON in ``value`` (dicts with text keys): type tests in C where they can be."""
    kind = type(value)
    if kind is dict:
        if not _TEXT_TYPE.issuperset(map(type, value)):
            return False
        items: Any = value.values()
    elif kind is list or kind is tuple:
        items = value
    else:
        return kind in _PLAIN_SCALARS
    kinds = set(map(type, items))
    if kinds <= _PLAIN_SCALARS:
        return True
    if not kinds <= _PLAIN_TYPES:
        return False
    return all(plain_json(item) for item in items if type(item) in _PLAIN_CONTAINERS)


# No unknown keys: shared by every such op, and read-only so that none can change it.
NO_EXTRA: Mapping[str, JsonValue] = MappingProxyType({})
_NO_EXTRA = NO_EXTRA


class Op(NamedTuple):
    """One immutable change. ``op_id`` is derived, never chosen.

    A named tuple rather than a frozen dataclass: an import builds one per op
    carried, and a frozen dataclass, which sets each field through
    ``object.__setattr__``, costs three times as much to build.
    """

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
    extra: Mapping[str, JsonValue] = _NO_EXTRA

    def to_dict(self) -> dict[str, JsonValue]:
        (node, seq, lamport, wall, author, entity, entity_id, kind, field, value, prev, chain,
         v, extra) = self
        data: dict[str, JsonValue] = {
            "node": node, "seq": seq, "lamport": lamport, "wall": wall, "author": author,
            "entity": entity, "entity_id": entity_id, "kind": kind, "field": field,
            "value": value, "prev": list(prev), "chain": chain, "v": v}
        return {**extra, **data} if extra else data

    def body(self) -> str:
        """The canonical JSON that is hashed, stored and carried in bundles."""
        encoded = self._plain_body()
        return encoded.decode() if encoded is not None else canonical_json(self.to_dict())

    def body_bytes(self) -> bytes:
        """:meth:`body` in UTF-8: what :attr:`op_id` hashes."""
        encoded = self._plain_body()
        return encoded if encoded is not None else \
            canonical_json(self.to_dict()).encode("utf-8")

    def _plain_body(self) -> bytes | None:
        """canonical_json's fast path, its walk done on the fields' types (every op
        made is encoded once; an ICS import makes 10,000); None: not plain."""
        if (self.extra is _NO_EXTRA and _PLAIN_SCALARS.issuperset(map(type, _SCALARS(self)))
                and _TEXT_TYPE.issuperset(map(type, self.prev)) and plain_json(self.value)):
            try:
                return orjson.dumps(self.to_dict(), option=orjson.OPT_SORT_KEYS)
            except orjson.JSONEncodeError:
                pass  # (an integer beyond 64 bits, a lone surrogate: the standard library's)
        return None

    @property
    def op_id(self) -> str:
        return hashlib.sha256(self.body_bytes()).hexdigest()

    @classmethod
    def from_body(cls, body: str) -> Op:
        """Parse a stored or carried op; unknown keys are kept in ``extra``."""
        data = parse_json(body)
        if type(data) is dict and len(data) == len(_CORE_KEYS) and _CORE_KEYS.issuperset(data):
            # The usual op — every key known and present, each of its exact type —
            # checked with C-level calls only: an import parses every op it carries.
            core = _TYPED_FIELDS(data)
            prev, chain, field = data["prev"], data["chain"], data["field"]
            if (tuple(map(type, core)) == _TYPED_FIELD_TYPES and type(prev) is list
                    and (chain is None or type(chain) is str) and _all_text(prev)
                    and (field is None or type(field) is str)):
                node, seq, lamport, wall, author, entity, entity_id, kind, v = core
                return tuple.__new__(cls, (
                    node, seq, lamport, wall, author, entity, entity_id, kind,
                    field, data["value"], tuple(prev), chain, v, _NO_EXTRA))
        # (Parsed again by the standard library: orjson reads integers beyond 64
        # bits as floats, and a hostile op must meet the same checks as ever.)
        return cls._from_data(json.loads(body))

    @classmethod
    def _from_data(cls, data: Any) -> Op:
        """Any other op: unknown keys (a newer minor format), missing or odd values."""
        if not isinstance(data, dict):
            raise ValueError("an op must be a JSON object")
        extra = (_NO_EXTRA if _CORE_KEYS.issuperset(data)
                 else {k: v for k, v in data.items() if k not in _CORE_KEYS})
        get = data.get
        prev = get("prev") or ()
        chain = get("chain")
        # A hostile or buggy op must be refused as malformed, not coerced into
        # something that crashes a later read: each core field has one type.
        if (type(prev) is not list and prev != ()) or not all(type(p) is str for p in prev) \
                or not (chain is None or type(chain) is str):
            raise ValueError("prev and chain must name op ids")
        for name in ("node", "wall", "author", "entity", "entity_id", "kind"):
            if type(data.get(name)) is not str:
                raise ValueError(f"the op's {name} must be text")
        for name in ("seq", "lamport"):
            if type(data.get(name)) is not int:
                raise ValueError(f"the op's {name} must be a whole number")
        field, version = get("field"), get("v", OP_FORMAT)
        if not (field is None or type(field) is str) or type(version) is not str:
            raise ValueError("the op's field and format version must be text")
        # All fields, in order, straight to ``tuple.__new__`` (as ``_make`` does).
        return tuple.__new__(cls, (
            data["node"], data["seq"], data["lamport"], data["wall"], data["author"],
            data["entity"], data["entity_id"], data["kind"], field, get("value"), tuple(prev),
            chain, version, extra,
        ))


def new_op(node: str, seq: int, lamport: int, wall: str, author: str, entity: str,
           entity_id: str, kind: str, field: str | None, value: JsonValue,
           prev: tuple[str, ...], chain: str | None, *,
           plain_envelope: bool = False) -> tuple[Op, bytes]:
    """An op of this format and its :meth:`~Op.body_bytes`, made in one step.

    The same op and bytes as ``Op(...)`` and ``body_bytes()`` (tested), with
    the constructor and ``to_dict`` done inline: every op a store writes is
    made here, an ICS import's 10,000 in a row. ``plain_envelope``: the caller
    has made sure every field but ``value`` is of an exact plain type (str,
    int, None; ``prev`` a tuple of str), so only ``value`` is looked at.
    """
    op: Op = _tuple_new(Op, (node, seq, lamport, wall, author, entity, entity_id, kind, field,
                             value, prev, chain, OP_FORMAT, _NO_EXTRA))
    if ((plain_envelope or (
            _PLAIN_SCALARS.issuperset(map(type, (node, seq, lamport, wall, author, entity,
                                                 entity_id, kind, field, chain)))
            and _TEXT_TYPE.issuperset(map(type, prev)))) and plain_json(value)):
        try:
            return op, orjson.dumps({
                "node": node, "seq": seq, "lamport": lamport, "wall": wall, "author": author,
                "entity": entity, "entity_id": entity_id, "kind": kind, "field": field,
                "value": value, "prev": prev, "chain": chain, "v": OP_FORMAT},
                option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            pass  # (as in ``_plain_body``)
    return op, op.body_bytes()


_tuple_new = tuple.__new__
# The fields of an Op other than ``value``, ``prev`` and ``extra`` (scalars, when plain).
_SCALARS = itemgetter(*(i for i, name in enumerate(Op._fields)
                        if name not in ("value", "prev", "extra")))


def parse_json(text: str) -> Any:
    """``json.loads(text)``, three times faster: an import parses every op it carries.

    The usual JSON goes to orjson. What orjson refuses — NaN and Infinity, lone
    surrogates, a byte-order mark, any error — goes to ``json.loads`` itself, so
    what is accepted and each error message are the standard library's. One
    difference remains: an integer beyond 64 bits comes back as a float (no op
    this program writes holds one; :meth:`Op.from_body` reads its own fields
    with the standard library when they are not what it expects).
    """
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def format_major(version: str) -> int:
    """The major part of an op-format version such as ``"1.3"``."""
    try:
        return int(version.split(".", 1)[0])
    except ValueError:
        return 10**6  # unparseable means "from the future": refuse, never guess

