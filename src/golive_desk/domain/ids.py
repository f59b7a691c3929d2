"""Identifiers: UUIDv7 entity ids and random node ids."""

from __future__ import annotations

import os
import time
import uuid


def uuid7(now_ms: int | None = None) -> str:
    """A UUIDv7 string: time-ordered, so ids sort by creation and index well."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand_a = int.from_bytes(os.urandom(2), "big") & 0x0FFF
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def new_node_id() -> str:
    """A random 128-bit replica id, as 32 hex digits."""
    return os.urandom(16).hex()
