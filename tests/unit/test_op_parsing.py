"""The op parser's fast path: the same values and the same errors as ``json.loads``."""

from __future__ import annotations

import json

import pytest

from golive_desk.domain.ops import Op, parse_json

BODY = ('{"author":"张力","chain":null,"entity":"project","entity_id":"0190-x",'
        '"field":null,"kind":"create","lamport":1,"node":"' + "a" * 32 + '","prev":[],'
        '"seq":1,"v":"1.0","value":{"name":"华星"},"wall":"2026-11-02T08:00:00.000+00:00"}')


@pytest.mark.parametrize("text", [
    BODY, " " + BODY, BODY + " ", BODY + "\r", '{"a":[1,2.5,null,true]}', '"x"', "7",
    '{"a":"\\u534e\\n"}', "-Infinity", "NaN", "[-0.0, 1e400, 1.5e-7, 0.1]",
 '"\\ud800"', '{"a":1,"b":2,"a":3}',
    '{"k":"\\u0000"}', "[" * 200 + "]" * 200,
])
def test_fast_parse_returns_what_json_loads_returns(text: str) -> None:
    # repr: NaN is not equal to itself, and -0.0 equals 0.0.
    assert repr(parse_json(text)) == repr(json.loads(text))
    assert [type(v) for v in _leaves(parse_json(text))] == [
        type(v) for v in _leaves(json.loads(text))]


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [k for k in value] + [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


@pytest.mark.parametrize("text", [
    "", "{", BODY + "x", BODY + BODY, "\ufeff" + BODY, '{"a":"unterminated}', "[1,]",
    '{"a":"tab\there"}', "[01]", "{'a':1}", "\x00",
])
def test_fast_parse_fails_as_json_loads_fails(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as got:
        parse_json(text)
    assert str(got.value) == str(expected.value)


def test_a_parsed_op_is_immutable_and_round_trips() -> None:
    op = Op.from_body(BODY)
    assert op.body() == BODY
    assert op.extra == {}
    with pytest.raises(AttributeError):
        op.seq = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        op.extra["x"] = 1  # type: ignore[index]


def test_prev_and_chain_must_be_op_ids() -> None:
    import json

    import pytest

    from golive_desk.domain.ops import Op

    good = {"node": "a" * 32, "seq": 1, "lamport": 1, "wall": "2026-11-02T08:00:00",
            "author": "x", "entity": "project", "entity_id": "e", "kind": "set",
            "field": "name", "value": "v", "prev": ["abc"], "chain": None, "v": "1.0"}
    assert Op.from_body(json.dumps(good)).prev == ("abc",)
    for bad in ({"prev": [1]}, {"prev": [["x"]]}, {"chain": 5}):
        with pytest.raises(ValueError, match="must name op ids"):
            Op.from_body(json.dumps({**good, **bad}))


def test_huge_integers_in_an_op_meet_the_same_checks() -> None:
    # orjson would read seq as a float; the op's own fields are read exactly.
    huge = BODY.replace('"seq":1', '"seq":123456789012345678901234567890')
    assert Op.from_body(huge).seq == 123456789012345678901234567890
    assert parse_json("123456789012345678901234567890") == 1.2345678901234568e29
