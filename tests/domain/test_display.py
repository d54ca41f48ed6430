"""Stored text shown to a person: nothing in it can reorder or hide what is shown (domain/display.py)."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from somdesk.domain.display import hides_or_reorders, neutralised
from somdesk.domain.locations import visible

RLO = "\u202e"


def test_a_right_to_left_override_is_shown_as_its_escape_not_obeyed():
    assert neutralised(RLO + "LIVE") == "\\u202eLIVE"
    assert neutralised("DC\u2066 Jones\u2069") == "DC\\u2066 Jones\\u2069"


def test_ordinary_text_is_shown_as_stored():
    for text in ("Northmere MAPPA panel", "Heddlu Gogledd Cymru: ŵ ŷ â", "O'Brien – Kettleby", "محمد"):
        assert neutralised(text) == text


def test_every_invisible_format_character_is_caught():
    hidden = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp")]
    assert {"\u200b", "\u200e", "\u200f", "\u202a", "\u202d", "\u2066", "\u2069", "\ufeff"} <= set(hidden)
    assert all(hides_or_reorders(c) for c in hidden)


@given(st.text())
def test_nothing_shown_can_reorder_or_hide(text):
    shown = neutralised(text)
    assert not any(hides_or_reorders(c) for c in shown)
    assert shown.replace("\\u", "") or not text  # something is shown for something stored


def test_a_problem_shown_by_the_locations_import_follows_the_same_rule():
    assert visible(RLO + "LIVE\u2068x\u200b") == "\\u202eLIVE\\u2068x\\u200b"
