"""Text that came from elsewhere (a device's name, a team's name or area from a supervisor's laptop, an
account's display name, the force policy) printed on an administrator's terminal: every control and
formatting character is shown escaped (`\\x1b`, `\\u202e`), so no value can move the cursor, retitle the
window, hide a line or reorder what is shown. Every admin listing prints through `shown`."""

from __future__ import annotations

import unicodedata

__all__ = ["shown", "shown_lines"]

# C0/C1 controls, formatting (bidi overrides, zero-width), line and paragraph separators, lone surrogates,
# private use and unassigned code points.
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _escaped(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def shown(value: object) -> str:
    """`value` as text safe to print on one line of a terminal."""
    text = "" if value is None else str(value)
    if text.isascii() and text.isprintable():
        return text
    return "".join(_escaped(ch) if unicodedata.category(ch) in _UNSAFE else ch for ch in text)


def shown_lines(text: str) -> str:
    """Text of several lines (the force policy): each line `shown`, the line breaks kept."""
    return "\n".join(shown(line) for line in text.split("\n"))
