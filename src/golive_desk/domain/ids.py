"""Identifiers: UUIDv7 entity ids and random node ids."""

from __future__ import annotations

import os
import time


def uuid7(now_ms: int | None = None) -> str:
    """A UUIDv7 string: time-ordered, so ids sort by creation and index well."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    return _uuid7_text(ms, int.from_bytes(os.urandom(10), "big"))


def uuid7s(count: int) -> list[str]:
    """``count`` UUIDv7 strings of this moment (an import's records): one read of the
    clock and of the random source for all of them."""
    ms = int(time.time() * 1000)
    rand = os.urandom(10 * count)
    return [_uuid7_text(ms, int.from_bytes(rand[i:i + 10], "big"))
            for i in range(0, 10 * count, 10)]


def _uuid7_text(ms: int, rand: int) -> str:
    """48 bits of time, version 7, 12 random bits, variant 0b10, 62 random bits (of the
    80 in ``rand``)."""
    value = ((ms & _MS_MASK) << 80 | 0x7 << 76 | (rand >> 64 & 0x0FFF) << 64 | 0b10 << 62
             | rand & _RAND_B_MASK)
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


_MS_MASK = (1 << 48) - 1
_RAND_B_MASK = (1 << 62) - 1


def new_node_id() -> str:
    """A random 128-bit replica id, as 32 hex digits."""
    return os.urandom(16).hex()
