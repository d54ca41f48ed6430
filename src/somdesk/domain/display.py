"""The one rule for stored text shown to a person (a table cell, the audit trail, a printed document):
no character in it may reorder or hide what is shown. A bidi override typed into a recipient
(U+202E before "LIVE") showed "EVIL" in the audit trail; embeddings, isolates, marks, zero-width and
other invisible format characters (Unicode's Cf) and line and paragraph separators do the like. Each is
shown as its escape (`\\u202e`), so the text reads in the order it was stored and what was hidden in it
can be seen. Entry refuses the worst of them in one-line fields (records.text_problem); this covers
whatever is stored, from any path or any device."""

from __future__ import annotations

import unicodedata

__all__ = ["hides_or_reorders", "neutralised"]

_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})


def hides_or_reorders(char: str) -> bool:
    """Whether `char` (one character) is invisible and can reorder or hide the text around it."""
    return unicodedata.category(char) in _CATEGORIES


def neutralised(text: str) -> str:
    """`text` with every character that `hides_or_reorders` written as its escape (`\\u202e`)."""
    if text.isascii():
        return text
    return "".join(f"\\u{ord(c):04x}" if hides_or_reorders(c) else c for c in text)
