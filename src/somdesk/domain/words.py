"""Counts in words: the one place a number meets its noun, so no screen says "1 changes"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 change", "2 changes", "1,204 rows"; `plural` for a noun that does not just take an s."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
