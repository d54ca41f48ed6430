"""Welsh grammar the domain's words need (outside review: "uchel i plant", "2 blwyddyn", "i Dydd Sul"):
years counted in their Welsh forms, and the soft mutation after "i" wherever a translation puts a word
(not a name) after it, marked in the translation with "~" (domain/text.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from somdesk.domain import text
from somdesk.domain.language import soft_mutation, welsh_years
from somdesk.domain.model import RiskLevel
from somdesk.domain.rosh import RoshAssessment, RoshSource
from somdesk.reports.language import _domain_words

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


@pytest.fixture
def welsh() -> Iterator[None]:
    text.use_language("cy", _domain_words("cy"))
    yield
    text.use_language("en", str)


def test_years_take_their_welsh_counted_forms(welsh: None) -> None:
    year = text.tr("year")
    assert [text.counted(n, year) for n in (1, 2, 3, 5, 7, 10, 11)] == [
        "1 flwyddyn",
        "2 flynedd",
        "3 blynedd",
        "5 mlynedd",
        "7 mlynedd",
        "10 mlynedd",
        "11 o flynyddoedd",
    ]
    assert welsh_years(15) == "15 mlynedd" and text.counted(2, text.tr("month")) == "2 mis"


def test_english_years_as_they_were() -> None:
    assert text.counted(1, "year") == "1 year" and text.counted(7, "year") == "7 years"


def test_soft_mutation() -> None:
    assert [soft_mutation(w) for w in ("plant", "Dydd Sul", "Gwener", "Llun", "canolig", "y cyhoedd")] == [
        "blant",
        "Ddydd Sul",
        "Wener",
        "Lun",
        "ganolig",
        "y cyhoedd",
    ]
    assert [soft_mutation(w) for w in ("ffrind", "Chwefror", "Thomas", "Ddraig", "12 Rhag")] == [
        "ffrind",
        "Chwefror",
        "Thomas",
        "Ddraig",
        "12 Rhag",
    ]


def test_a_word_after_i_is_mutated_a_name_is_not(welsh: None) -> None:
    high, low = RiskLevel.HIGH, RiskLevel.LOW
    rosh = RoshAssessment(date(2026, 11, 1), RoshSource.OASYS, high, low, low, low, low)
    assert rosh.headline() == "RoSH: uchel i blant"
    pinned = text.tr("{0} is pinned to {1:%A}: the next plan keeps it there.").format(
        "Tŷ Gwyn", date(2026, 12, 6)
    )
    assert "i Ddydd Sul" in pinned and "Tŷ Gwyn" in pinned
    assert text.tr("{0} to {1}").format(text.tr("Low"), text.tr("Medium")) == "Isel i Ganolig"


# The Welsh translations with a placeholder after "i" that holds a name, a place, a number or a date
# (not mutated), by English source; every other must mark its word for the mutation ("i {1:~}").
NOT_A_WORD = {
    "s.96B(4): no warrant while outside the UK (trip to {0} {1})",  # a country, as recorded
    "a trip to {0} from {1} has no recorded return: check they are back in the UK",
    "Travels to {0}, returning {1}",
    "Travels to {0}",
    "Allocated {0} to {1}",  # an officer
    "Moved {0} from {1} to {2}",
    "Saved {0} ({1:,} bytes); logged as a disclosure to {2}",  # the recipient typed
    "Sent {0} pages of {1} to the printer; logged as a disclosure to {2}",
    "Name-change notice: to {0} on {1}",  # a name
    "Name-change notice: to {0}",
    " to {0}",
    "{0} has no custodial term: leave it empty, or choose the disposal the term was passed with",
    "give the panel's reasons for changing the level from {0} to {1}",  # numbers
    "MAPPA action for {0}: {1}; due {2}",
    "to {0}: {1}",
    "never visited; first visit within {0} days of {1}",  # a date
    "{0:%H:%M} to {1:%H:%M}",  # times
    "{day} · {team} · from {base}, {start} to {end}",
    "{officer} · week of {monday} to {sunday} · {visits}, {overdue} overdue",
    "Licence ({state}): {starts} to {ends}; electronic monitoring: {monitoring}{contact}",
}
_AFTER_I = re.compile(r"(?<![\w'])i \{[^{}:~]*(:[^~{}][^{}]*)?\}")


def test_every_word_after_i_in_the_welsh_is_marked_for_its_mutation() -> None:
    found = []
    for name in ("somdesk_cy.ts", "somdesk_reports_cy.ts"):
        for message in ET.parse(I18N / name).getroot().iter("message"):
            source, welsh = message.findtext("source") or "", message.findtext("translation") or ""
            if _AFTER_I.search(welsh) and source not in NOT_A_WORD:
                found.append(f"{name}: {source!r} -> {welsh!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("code", ["en", "cy"])
def test_a_day_and_month_from_another_year_show_the_year(code: str) -> None:
    """Outside review: "404 diwrnod yn hwyr (yn ddyledus Iau 23 Hyd)": a date of another year with no
    year. In either language a day and month get their year when it is not this one."""
    text.use_language(code, _domain_words(code) if code == "cy" else str)
    text.use_today(lambda: date(2026, 12, 1))
    try:
        template = text.tr("overdue by {0} (due {1:%a %d %b})")
        last_year = template.format("404", date(2025, 10, 23))
        this_year = template.format("3", date(2026, 11, 28))
    finally:
        text.use_language("en", str)
        text.use_today(date.today)
    assert last_year.endswith({"en": "Thu 23 Oct 2025)", "cy": "Iau 23 Hyd 2025)"}[code]), last_year
    assert this_year.endswith({"en": "Sat 28 Nov)", "cy": "Sad 28 Tach)"}[code]), this_year
