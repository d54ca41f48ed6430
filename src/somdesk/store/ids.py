"""Record ids: UUID version 7 (RFC 9562), time-ordered.

A random UUID (v4) as a primary key puts every insert on a random B-tree page, so a transaction
dirties, and SQLCipher encrypts, many pages. Version 7 ids start with the time in milliseconds:
new rows land at the right edge of each index, and ids stay unique across devices (74 random bits).
"""

from __future__ import annotations

import os
import time
import uuid

__all__ = ["new_id"]

_last = 0


def new_id() -> str:
    global _last
    ms = _last = max(time.time_ns() // 1_000_000, _last)  # never step back with the clock
    rand = int.from_bytes(os.urandom(10), "big")  # 80 bits, of which 74 are used
    value = (ms & (2**48 - 1)) << 80  # unix_ts_ms
    value |= 0x7 << 76 | (rand >> 68 & 0xFFF) << 64  # version 7, rand_a
    value |= 0b10 << 62 | (rand & (2**62 - 1))  # variant, rand_b
    return str(uuid.UUID(int=value))
