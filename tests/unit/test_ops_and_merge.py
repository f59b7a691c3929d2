"""The op vocabulary and merge rules: pure functions, no store."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from golive_desk.domain.merge import FieldVersion, edited_after_delete, is_conflict, winner
from golive_desk.domain.ops import Op, canonical_json, format_major, new_op


def _op(**overrides: object) -> Op:
    data: dict[str, object] = dict(
        node="a" * 32, seq=1, lamport=1, wall="2026-11-02T08:00:00.000+00:00", author="张力",
        entity="project", entity_id="0190-x", kind="create", field=None,
        value={"name": "华星"}, prev=(), chain=None,
    )
    data.update(overrides)
    return Op(**data)  # type: ignore[arg-type]


def test_the_same_op_has_the_same_id_everywhere() -> None:
    assert _op().op_id == _op().op_id
    assert _op().op_id != _op(value={"name": "华星电子"}).op_id


def test_canonical_json_keeps_chinese_and_sorts_keys() -> None:
    assert canonical_json({"b": 1, "a": "上线"}) == '{"a":"上线","b":1}'


def _stdlib(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class _Kind(StrEnum):
    OTHER = "other"


# Every code point (lone surrogates too), integers beyond 64 bits, floats, str
# subclasses: what orjson writes differently or refuses must take the stdlib's path.
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats()
    | st.text(st.characters(codec=None, categories=None), max_size=8)
    | st.sampled_from([_Kind.OTHER, "\x7f\u2028\x00\x1f\"\\", 2**63, -2**63, 2**64]),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=4) | st.sampled_from([_Kind.OTHER]), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=500, deadline=None)
@given(_JSON)
def test_canonical_json_is_the_standard_librarys_text(data: Any) -> None:
    assert canonical_json(data) == _stdlib(data)


@settings(max_examples=300, deadline=None)
@given(_JSON, st.lists(st.text(max_size=3), max_size=3), st.integers(1, 2**66),
       st.sampled_from([None, "note", _Kind.OTHER]))
def test_an_ops_body_is_the_standard_librarys_text(value: Any, prev: list[str], seq: int,
                                                    field: str | None) -> None:
    op = _op(value=value, prev=tuple(prev), seq=seq, field=field)
    assert op.body() == _stdlib(op.to_dict())
    assert _op(value=value, v="1.4", extra={"zz_new": value}).body() == _stdlib(
        {**_op(value=value, v="1.4").to_dict(), "zz_new": value})


@settings(max_examples=300, deadline=None)
@given(_JSON, st.lists(st.text(max_size=3), max_size=3), st.integers(1, 2**66),
       st.sampled_from([None, "note", _Kind.OTHER]), st.sampled_from([None, "c" * 64]))
def test_new_op_is_the_op_and_its_body(value: Any, prev: list[str], seq: int,
                                       field: str | None, chain: str | None) -> None:
    op = _op(value=value, prev=tuple(prev), seq=seq, field=field, chain=chain)
    try:
        expected = op.body_bytes()
    except UnicodeEncodeError:  # (a lone surrogate has no UTF-8: refused alike)
        with pytest.raises(UnicodeEncodeError):
            new_op(*op[:12])
        return
    made, body = new_op(*op[:12])
    assert made == op
    assert type(made) is Op
    assert made.extra == {}
    assert body == expected


def test_unknown_fields_from_a_newer_minor_version_survive_a_round_trip() -> None:
    original = _op(v="1.4")
    body = canonical_json({**original.to_dict(), "zz_new": {"x": [1, 2]}})
    parsed = Op.from_body(body)
    assert parsed.extra == {"zz_new": {"x": [1, 2]}}
    assert parsed.body() == body


def test_format_major_refuses_to_guess() -> None:
    assert format_major("1.9") == 1
    assert format_major("2.0") == 2
    assert format_major("garbage") > 1000


def _version(op_id: str, lamport: int, node: str, value: object) -> FieldVersion:
    return FieldVersion(op_id, lamport, node, value, "x", "2026-11-02T08:00:00")


def test_winner_is_highest_lamport_then_node_whatever_the_order() -> None:
    a = _version("1", 5, "aaaa", "high")
    b = _version("2", 5, "bbbb", "urgent")
    c = _version("3", 4, "zzzz", "low")
    assert winner([a, b, c]) == b
    assert winner([c, b, a]) == b


def test_equal_values_are_not_a_conflict() -> None:
    assert not is_conflict([_version("1", 1, "a", "x"), _version("2", 1, "b", "x")])
    assert is_conflict([_version("1", 1, "a", "x"), _version("2", 1, "b", "y")])


def test_an_edit_the_delete_did_not_see_is_edited_after_delete() -> None:
    assert not edited_after_delete([("create", "s1")], ["s1"])
    assert edited_after_delete([("create", "s1")], ["s1", "s2"])
