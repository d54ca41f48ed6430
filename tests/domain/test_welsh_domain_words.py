"""The domain's words in Welsh (issue 24): the sentences the models, terms, warrants, orders and board
write come out in the language set, with Welsh day and month names, while the texts the record stores
(audit details) stay English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest

from somdesk.domain import text
from somdesk.domain.contacts import Contact, ContactKind, DisclosureDecision, describe_decision
from somdesk.domain.model import (
    Disposal,
    RecordedVisit,
    Registration,
    RiskLevel,
    Term,
    TermPart,
    VisitOutcome,
)
from somdesk.domain.orders import CivilOrder, OrderKind, kind_date_problem
from somdesk.domain.oversight import Oversight
from somdesk.domain.records import changed_detail, field_label
from somdesk.domain.terms import CountedTerm, sentence_words
from somdesk.domain.warrants import WarrantStatus

_WELSH = {
    # names of days and months (domain/text.py asks for them by their English)
    "Thursday": "Dydd Iau",
    "Thu": "Iau",
    "Tue": "Maw",
    "Apr": "Ebr",
    "Nov": "Tach",
    "April": "Ebrill",
    "March": "Mawrth",
    # templates and words of this family (from /work/i18n-work/dcy2.cy.json)
    "month": "mis",
    "day": "diwrnod",
    " from {0}": " o {0}",
    "Counted term: {0} ({1})": "Tymor a gyfrifwyd: {0} ({1})",
    "the term as entered": "y tymor fel y'i rhoddwyd",
    "Imprisonment": "Carchar",
    "{0} since the last seen visit: {1}": "{0} ers yr ymweliad diwethaf pan welwyd yr unigolyn: {1}",
    "unsuccessful attempt": "ymdrech aflwyddiannus",
    "Not seen / no reply": "Heb ei weld / dim ateb",
    "Refused entry": "Gwrthodwyd mynediad",
    "{0} to {1}": "{0} i {1}",
    "ends {0}": "yn dod i ben {0}",
    "no {0} was made before 1 May 2004 (the Sexual Offences Act 2003 brought them in)": (
        "ni wnaed {0} cyn 1 Mai 2004 (Deddf Troseddau Rhywiol 2003 a'u cyflwynodd)"
    ),
    "Notification Order": "Gorchymyn Hysbysu",
    "Last notification": "Hysbysiad diwethaf",
    "Disclosed": "Datgelwyd",
}


@pytest.fixture
def welsh() -> Iterator[None]:
    text.use_language("cy", lambda english: _WELSH.get(english, english))
    try:
        yield
    finally:
        text.use_language("en", lambda english: english)


def _attempt(at: datetime, outcome: VisitOutcome, id: str) -> RecordedVisit:
    return RecordedVisit("n1", at, outcome, id=id)


def test_a_term_and_a_sentence_in_welsh(welsh: None) -> None:
    assert str(Term(3, 2)) == "3 mis 2 diwrnod"
    assert CountedTerm(Term(10), text.tr("the term as entered")).text == (
        "Tymor a gyfrifwyd: 10 mis (y tymor fel y'i rhoddwyd)"
    )
    reg = Registration(
        date(2024, 1, 10),
        Disposal.IMPRISONMENT,
        Term(12),
        term_parts=(TermPart(Term(12), starts_on=date(2024, 4, 11)),),
    )
    assert sentence_words(reg) == "Carchar, 12 mis o 11 Ebr 2024"
    # The label stays English in the domain (marked for translation, translated where shown).
    assert RiskLevel.VERY_HIGH.label == "Very High"


def test_a_warrant_reason_in_welsh_with_welsh_dates(welsh: None) -> None:
    pending = (
        _attempt(datetime(2026, 11, 5, 19, 0), VisitOutcome.NOT_SEEN, "a"),
        _attempt(datetime(2026, 11, 10, 9, 30), VisitOutcome.REFUSED_ENTRY, "b"),
    )
    status = WarrantStatus(pending, pending, True, "", "", None)
    assert status.reason == (
        "2 ymdrech aflwyddiannus ers yr ymweliad diwethaf pan welwyd yr unigolyn: "
        "5 Tach 2026 (heb ei weld / dim ateb), 10 Tach 2026 (gwrthodwyd mynediad)"
    )


def test_the_board_and_orders_in_welsh_and_stored_texts_english(welsh: None) -> None:
    board = Oversight(date(2026, 11, 26), date(2025, 11, 26), [], {}, [], None, None, 0, None, None)
    assert replace(board, year_from=date(2026, 4, 1)).year_label == "1 Ebrill 2026 i 31 Mawrth 2027"
    order = CivilOrder(
        OrderKind.NOTIFICATION, "Cardiff Magistrates", date(2020, 1, 1), ends_on=date(2026, 11, 26)
    )
    assert order.end_text == "yn dod i ben 26 Tach 2026"
    assert kind_date_problem(OrderKind.NOTIFICATION, date(2004, 4, 1)) == (
        "ni wnaed Gorchymyn Hysbysu cyn 1 Mai 2004 (Deddf Troseddau Rhywiol 2003 a'u cyflwynodd)"
    )
    # The audit detail the store keeps, and the words of a disclosure decision it keeps, stay English.
    assert changed_detail("nominals", ["last_notification"], "typo") == "changed: Last notification; typo"
    assert field_label("nominals", "mappa_lead_agency") == "MAPPA lead agency"
    contact = Contact(
        ContactKind.PERSON,
        date(2026, 11, 1),
        name="Jade Corran",
        disclosure=DisclosureDecision.DISCLOSED,
        disclosure_on=date(2026, 11, 12),
    )
    assert describe_decision(contact) == "Disclosed to Jade Corran on 12 Nov 2026"


def test_english_is_the_text_itself() -> None:
    assert text.language() == "en"
    assert str(Term(1, 1)) == "1 month 1 day"
    assert (
        CivilOrder(
            OrderKind.SHPO, "Cardiff Crown Court", date(2020, 1, 1), ends_on=date(2026, 11, 26)
        ).end_text
        == "ends 26 Nov 2026"
    )
