"""Counts in words: the one place a number meets its noun, so no screen says "1 changes"."""

from __future__ import annotations

from collections.abc import Sequence

from somdesk.domain.text import counted, day  # in the current language: domain/text.py owns them

__all__ = ["a_or_an", "counted", "day", "first_upper", "listed"]


# Abbreviations read letter by letter ("an RM2000"); the field's others are read as words ("a SOM",
# "a MAPPA panel", "an ARMS assessment").
_SPELT_OUT = ("RM2000", "PNC", "MOSOVO")


def a_or_an(noun: str, capital: bool = False) -> str:
    """ "an Administrator", "a SOM", "a MAPPA panel chair", "an RM2000 assessment": by the sound;
    `capital` to start a sentence ("A SOM may not …")."""
    first = noun.split()[0] if noun.split() else noun
    spelt = first in _SPELT_OUT
    vowel_sound = first[:1] in "AEFHILMNORSX" if spelt else first[:1].lower() in "aeiou"
    article = "an" if vowel_sound else "a"
    return f"{article.capitalize() if capital else article} {noun}"


def listed(items: Sequence[str]) -> str:
    """Words as a sentence lists them: "a", "a and b", "a, b and c"."""
    return " and ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


def first_upper(text: str) -> str:
    """A message as a sentence: its first letter upper case and the rest as written (str.capitalize
    would lower "SOM", "ViSOR" and every path)."""
    return text[:1].upper() + text[1:]
