"""Record ids: UUIDv7 text, time-ordered."""

from __future__ import annotations

import uuid

import pytest

from golive_desk.domain import ids
from golive_desk.domain.ids import uuid7, uuid7s


def test_uuid7_is_a_version_7_uuid_in_its_usual_text() -> None:
    for now_ms in (0, 1_767_225_600_000, (1 << 48) - 1, None):
        text = uuid7(now_ms)
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
        if now_ms is not None:
            assert parsed.int >> 80 == now_ms


def test_uuid7_sorts_by_time_and_differs_within_a_millisecond() -> None:
    assert uuid7(1_000) < uuid7(1_001) < uuid7(2**40)
    assert len({uuid7(5) for _ in range(1_000)}) == 1_000


def test_uuid7s_are_uuid7s_of_one_moment() -> None:
    ids = uuid7s(500)
    assert len(set(ids)) == 500
    assert uuid7s(0) == []
    for text in ids[:5]:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 7, uuid.RFC_4122)
    assert len({text[:13] for text in ids}) == 1  # (the same millisecond)


def test_uuid7s_take_the_bits_uuid7_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch's text slicing gives what the arithmetic of ``_uuid7_text`` gives."""
    raw = bytes(range(256)) * 4 + b"\xff" * 40  # (every byte value, and all ones)
    monkeypatch.setattr(ids.os, "urandom", lambda n: raw[:n])
    monkeypatch.setattr(ids.time, "time", lambda: 1_767_225_600.5)
    made = uuid7s(len(raw) // 10)
    assert made == [ids._uuid7_text(1_767_225_600_500, int.from_bytes(raw[i:i + 10], "big"))
                    for i in range(0, len(raw) // 10 * 10, 10)]
