"""A table's column heading wraps between words, never inside one: in a narrow column a long word (the
Welsh "Ymweliadau", "whereabouts") is set smaller to fit whole rather than split across two lines. Read
back with poppler."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from somdesk.reports import layout
from somdesk.reports.layout import Options, grid, render
from tests.reports.test_welsh_documents import _pdf_text, _rendered
from tests.reports.test_welsh_documents import session as session  # the module's demo profile

LONG = ["whereabouts", "Ymweliadau", "Ôl-groniad", "Hysbyswyd", "Cyfradd", "Llwyth", "Tudalen"]


def split_words(text: str, headings: list[str]) -> list[str]:
    """Each word of `headings` (six letters or more) that `text` shows broken, in two or more pieces:
    its letters with a space or a line break among them."""
    found = []
    for heading in headings:
        for word in {w for w in heading.split() if len(w) >= 6}:
            spread = r"\s*".join(map(re.escape, word))
            pieces = re.finditer(rf"(?<!\w){spread}(?!\w)", text)
            if any(re.search(r"\s", m.group(0)) for m in pieces):
                found.append(word)
    return sorted(set(found))


def test_a_long_word_in_a_narrow_column_s_heading_is_kept_whole(tmp_path):
    headings = ["#", "Missing or whereabouts unknown", "Ymweliadau yn hwyr", "Ôl-groniad ARMS", "Llwyth"]
    out = tmp_path / "narrow.pdf"
    story = [grid(headings, [["1", "2", "3", "4", "5"]], [7, 16, 14, 14, 12])]
    render(story, "Headings", Options("OFFICIAL", "DC Test", datetime(2026, 12, 1, 9, 30)), out)
    text = _pdf_text(out)
    assert not split_words(text, headings), text
    for word in ("whereabouts", "Ymweliadau", "Ôl-groniad", "Llwyth"):
        assert word in text


@pytest.fixture
def headings(monkeypatch) -> Iterator[list[str]]:
    """Every column heading the documents print, as they print them."""
    seen: list[str] = []
    cell = layout.heading_cell

    def recorded(text: str, width: float):  # type: ignore[no-untyped-def]
        seen.append(text)
        return cell(text, width)

    monkeypatch.setattr(layout, "heading_cell", recorded)
    yield seen


@pytest.mark.slow
@pytest.mark.parametrize("code", ["cy", "en"])
def test_no_document_breaks_a_word_of_a_column_heading(session, tmp_path, headings, code):
    printed: dict[str, Path] = _rendered(session, tmp_path, code)
    assert headings
    texts = {name: _pdf_text(pdf) for name, pdf in printed.items()}
    broken = {name: words for name, text in texts.items() if (words := split_words(text, headings))}
    assert not broken
