"""check_ops (a batch at once) raises exactly what check_op raises for the first bad op."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from golive_desk.domain.op_checks import MalformedOpError, check_op, check_ops
from golive_desk.domain.ops import Op
from golive_desk.domain.schema import ENTITIES, FieldSpec, FieldType

_VALID: dict[FieldType, object] = {
    FieldType.DATE: "2027-01-01", FieldType.DATETIME: "2026-11-02T08:00:00",
    FieldType.BOOL: True, FieldType.ID: "0190-x", FieldType.HASH: "a" * 64,
}
_KINDS = ["milestone", "issue", "attachment", "holiday_year", "project", "no_such_kind"]
_LONG_WALL = "2026-11-02T08:00:00.123456789012345678901234+00:00"  # (read, but too long)
# What a buggy or hostile op may hold instead (1 == True == 1.0 among them).
_ODD: list[object] = [
    None, "", "x" * 2_001, "2027-02-30", "2027-1-1", "F" * 64, "a b", "中文", 1, 0, True, False,
    1.0, -1, 2**53 + 1, [1], {"a": 1}, ("t",), "other", "HX-FI-0001", "a" * 64, "20270101",
    "2026-11-02T08:00:00", _LONG_WALL]
_ENVELOPE_ODD: list[tuple[str, object]] = [
    ("node", "A" * 32), ("node", 5), ("seq", 0), ("seq", True), ("seq", 2**53 + 1),
    ("lamport", 0), ("lamport", 2**53 + 1), ("lamport", "1"), ("wall", "not a time"),
    ("wall", _LONG_WALL), ("author", "a" * 201), ("entity_id", ""),
    ("entity_id", "a" * 65), ("entity_id", "a b"), ("entity_id", "中"), ("field", 5),
    ("field", "no_such"), ("prev", ("c" * 64, "d" * 64)), ("prev", ("C" * 64,)),
    ("prev", ("c" * 63,)), ("prev", ["c" * 64]), ("prev", (5,)), ("prev", None),
    ("chain", "g" * 64), ("chain", None), ("chain", 5), ("kind", "delete"), ("kind", "bogus"),
    ("value", "not a dict"), ("value", None), ("entity", "no_such_kind"), ("entity", 5)]


def _valid(field: FieldSpec) -> object:
    if field.type == FieldType.TEXT:
        return "HX-FI-0001" if field.pattern else "文本"
    if field.type == FieldType.ENUM:
        return field.choices[0]
    if field.type == FieldType.INT:
        return field.low
    return _VALID[field.type]


def _good(seq: int, entity: str = "milestone", kind: str = "create",
          field: str | None = None) -> Op:
    spec = ENTITIES.get(entity)
    value: Any = None
    if spec is not None and kind == "create":
        value = {f.name: _valid(f) for f in spec.fields}
    elif spec is not None and kind == "set":
        chosen = spec.field(field) if field else spec.fields[0]
        assert chosen is not None
        field, value = chosen.name, _valid(chosen)
    return Op(node="a" * 32, seq=seq, lamport=seq, wall="2026-11-02T08:00:00.000+00:00",
              author="张力", entity=entity, entity_id=f"0190-{seq}", kind=kind, field=field,
              value=value, prev=(), chain="b" * 64)


def _with(op: Op, name: str, odd: object) -> Op:
    """``op`` with one field set to anything (what a hostile bundle may carry)."""
    fields: dict[str, Any] = op._asdict()
    fields[name] = odd
    return Op(**fields)


def _outcome(check: Any) -> tuple[type[BaseException], str] | None:
    try:
        check()
    except (MalformedOpError, TypeError, ValueError) as exc:
        return type(exc), str(exc)
    return None


def _agree(batch: list[Op]) -> None:
    def one_by_one() -> None:
        for op in batch:
            check_op(op)

    assert _outcome(lambda: check_ops(batch)) == _outcome(one_by_one), batch


@pytest.mark.parametrize(("name", "odd"), _ENVELOPE_ODD)
def test_an_odd_envelope_in_a_batch_is_what_check_op_says(name: str, odd: object) -> None:
    for entity, kind in (("milestone", "create"), ("issue", "set"), ("no_such_kind", "set")):
        batch = [_good(n, entity, kind) for n in range(1, 13)]
        batch[6] = _with(batch[6], name, odd)
        _agree(batch)


def test_each_odd_value_of_each_field_in_a_batch_is_what_check_op_says() -> None:
    for entity in _KINDS[:-1]:
        spec = ENTITIES[entity]
        for field in spec.fields:
            for odd in _ODD:
                creates = [_good(n, entity) for n in range(1, 11)]
                creates[4] = creates[4]._replace(value={**creates[4].value, field.name: odd})
                _agree(creates)
                sets = [_good(n, entity, "set", field.name) for n in range(1, 11)]
                sets[4] = sets[4]._replace(value=odd)
                _agree(sets)
                # (the same among other kinds' ops)
                _agree([*creates, *sets, _good(30, "milestone"), _good(31, "project", "delete")])


@st.composite
def _batch(draw: st.DrawFn) -> list[Op]:
    """Good ops of mixed kinds but one or two odd ones."""
    size = draw(st.integers(1, 24))
    batch = [_good(n + 1, draw(st.sampled_from(_KINDS)),
                   draw(st.sampled_from(["create", "create", "set", "delete", "restore"])))
             for n in range(size)]
    for index in draw(st.lists(st.integers(0, size - 1), min_size=1, max_size=2)):
        op = batch[index]
        if draw(st.booleans()):
            name, odd = draw(st.sampled_from(_ENVELOPE_ODD))
            batch[index] = _with(op, name, odd)
        elif isinstance(op.value, dict) and op.value:
            key = draw(st.sampled_from(sorted(op.value)))
            batch[index] = op._replace(value={**op.value, key: draw(st.sampled_from(_ODD))})
        else:
            batch[index] = op._replace(value=draw(st.sampled_from(_ODD)))
    return batch


@settings(max_examples=300, deadline=None)
@given(_batch())
def test_a_mixed_batch_raises_what_check_op_raises_first(batch: list[Op]) -> None:
    _agree(batch)


def test_a_batch_of_good_creates_passes_and_the_first_bad_value_is_named() -> None:
    ops = [_good(n) for n in range(1, 29)]
    check_ops(ops)
    ops[20] = ops[20]._replace(value={**ops[20].value, "day": "2027-02-30"})
    ops[25] = ops[25]._replace(value={**ops[25].value, "kind": "bogus"})
    with pytest.raises(MalformedOpError, match=r"seq 21 .*value\.day is not a date"):
        check_ops(ops)


def test_creates_without_a_field_in_a_batch_are_what_check_op_says() -> None:
    """A record may leave out a field (None): columns read one by one, not all at once."""
    for entity in _KINDS[:-1]:
        for field in ENTITIES[entity].fields:
            creates = [_good(n, entity) for n in range(1, 11)]
            creates[3] = creates[3]._replace(value={
                k: v for k, v in creates[3].value.items() if k != field.name})
            _agree(creates)
            creates[7] = creates[7]._replace(value={**creates[7].value, "zz_newer": 1})
            _agree(creates)
