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
    # The bits :func:`_uuid7_text` takes, cut from one hex text of the random bytes
    # (20 digits each): digits 1-3 after the version, digit 4 with the variant's
    # two bits, 5-19 as they are. A tenth of the arithmetic per id.
    stamp = f"{ms & _MS_MASK:012x}"
    head = f"{stamp[:8]}-{stamp[8:]}-7"
    rand = os.urandom(10 * count).hex()
    return [f"{head}{rand[i + 1:i + 4]}-{_VARIANT[rand[i + 4]]}{rand[i + 5:i + 8]}"
            f"-{rand[i + 8:i + 20]}" for i in range(0, 20 * count, 20)]


def _uuid7_text(ms: int, rand: int) -> str:
    """48 bits of time, version 7, 12 random bits, variant 0b10, 62 random bits (of the
    80 in ``rand``)."""
    value = ((ms & _MS_MASK) << 80 | 0x7 << 76 | (rand >> 64 & 0x0FFF) << 64 | 0b10 << 62
             | rand & _RAND_B_MASK)
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


_MS_MASK = (1 << 48) - 1
# A hex digit with its top two bits replaced by the variant's 0b10.
_VARIANT = {digit: f"{int(digit, 16) & 0b11 | 0b1000:x}" for digit in "0123456789abcdef"}
_RAND_B_MASK = (1 << 62) - 1


def new_node_id() -> str:
    """A random 128-bit replica id, as 32 hex digits."""
    return os.urandom(16).hex()
