"""The command line's record text (somdesk rso) says the sentence's terms and the term counted."""

from datetime import date

from somdesk.app.record_text import record_summary
from somdesk.domain.model import Address, Disposal, Mappa, Nominal, Registration, Sex, Term, TermPart
from tests.conftest import TODAY


def _nominal(reg: Registration) -> Nominal:
    address = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")
    return Nominal(
        "n", "SYN1", "SYN/1", "Fenby", "Ian", date(2006, 6, 1), Sex.MALE, reg, address, Mappa(1, 1)
    )


def test_the_terms_and_the_counted_term_are_printed(policy):
    parts = (TermPart(Term(12), starts_on=date(2024, 1, 10)), TermPart(Term(12), True, date(2024, 4, 10)))
    reg = Registration(date(2024, 1, 10), Disposal.IMPRISONMENT, Term(15), term_parts=parts)
    text = record_summary(_nominal(reg), None, None, TODAY, policy)
    assert "Imprisonment, 12 months from 10 Jan 2024; 12 months concurrent from 10 Apr 2024" in text
    assert "Counted term: 15 months (12 months and 12 months, partly concurrent: the period" in text


def test_a_detention_and_training_order_says_its_detention_half_counts(policy):
    reg = Registration(date(2024, 1, 10), Disposal.DETENTION_TRAINING, Term(12))
    text = record_summary(_nominal(reg), None, None, TODAY, policy)
    assert "Detention and training order, 12 months" in text
    assert "Counted term: 6 months (detention and training order of 12 months: the detention half" in text
    assert "Period: 3.5 years (detention and training order counted as 6 months (6 months or less)" in text
