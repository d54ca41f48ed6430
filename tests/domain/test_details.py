"""Notified personal details (SI 2012/1876, DOMAIN.md §7) and names: the rules each keeps, each
problem naming its field."""

from __future__ import annotations

from datetime import date

from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName, normalise_registration
from somdesk.domain.invariants import detail_problems, name_problems

TODAY = date(2026, 11, 23)


def _fields(problems):
    return [p.field for p in problems]


def test_a_bank_account_notified_today_keeps_the_rules():
    account = NotifiedDetail(
        DetailKind.BANK_ACCOUNT, "Barclays current account ending 1234", TODAY, "20-00-00 12341234"
    )
    assert detail_problems(account, TODAY) == []


def test_a_card_takes_its_last_four_digits_and_no_more():
    card = NotifiedDetail(DetailKind.CARD, "Monzo debit card", date(2026, 10, 1), "4321")
    assert detail_problems(card, TODAY) == []
    whole = NotifiedDetail(DetailKind.CARD, "Monzo debit card", date(2026, 10, 1), "4929 1234 5678 4321")
    (problem,) = detail_problems(whole, TODAY)
    assert problem.field == "reference"
    assert "last four digits" in problem.message and "enough" in problem.message
    letters = NotifiedDetail(DetailKind.CARD, "Monzo debit card", date(2026, 10, 1), "43a1")
    assert _fields(detail_problems(letters, TODAY)) == ["reference"]


def test_five_digits_are_fine_for_a_bank_account_but_not_for_a_card():
    account = NotifiedDetail(DetailKind.BANK_ACCOUNT, "Nationwide savings", TODAY, "12345")
    assert detail_problems(account, TODAY) == []
    card = NotifiedDetail(DetailKind.CARD, "Nationwide credit card", TODAY, "12345")
    assert _fields(detail_problems(card, TODAY)) == ["reference"]


def test_a_vehicle_needs_its_registration_mark_and_it_is_searched_without_spaces():
    assert normalise_registration(" ab12 cde ") == "AB12CDE"
    assert normalise_registration("AB12CDE") == normalise_registration("ab12 cde")
    car = NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", TODAY, "AB12 CDE")
    assert detail_problems(car, TODAY) == []
    unmarked = NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", TODAY, "")
    assert _fields(detail_problems(unmarked, TODAY)) == ["reference"]
    odd = NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", TODAY, "AB12-CDE")
    assert _fields(detail_problems(odd, TODAY)) == ["reference"]


def test_a_detail_needs_its_words_and_a_date_notified_not_in_the_future():
    blank = NotifiedDetail(DetailKind.PASSPORT, "  ", date(2026, 11, 24), "123456789")
    assert _fields(detail_problems(blank, TODAY)) == ["description", "notified_on"]


def test_verified_needs_its_date_and_the_date_needs_verified():
    stay = "Stays Friday nights at 4 Larch Close, Northmere (a child of 9 lives there)"
    undated = NotifiedDetail(DetailKind.HOUSEHOLD_STAY, stay, date(2026, 9, 1), verified=True)
    assert _fields(detail_problems(undated, TODAY)) == ["verified_on"]
    dated_only = NotifiedDetail(
        DetailKind.HOUSEHOLD_STAY, stay, date(2026, 9, 1), verified_on=date(2026, 9, 3)
    )
    assert _fields(detail_problems(dated_only, TODAY)) == ["verified_on"]
    early = NotifiedDetail(
        DetailKind.HOUSEHOLD_STAY, stay, date(2026, 9, 1), verified=True, verified_on=date(2026, 8, 30)
    )
    assert _fields(detail_problems(early, TODAY)) == ["verified_on"]


def test_a_detail_cannot_end_before_it_was_notified():
    closed = NotifiedDetail(
        DetailKind.BANK_ACCOUNT, "Lloyds current account", date(2026, 6, 1), ended_on=date(2026, 5, 1)
    )
    (problem,) = detail_problems(closed, TODAY)
    assert problem.field == "ended_on" and "notified_on" in problem.fields
    assert not closed.current(TODAY)


def test_a_name_needs_its_words_and_dates_in_order():
    assert name_problems(RecordedName("John SMITH", NameKind.ALIAS, "PNC"), TODAY) == []
    assert _fields(name_problems(RecordedName(" ", NameKind.ALIAS), TODAY)) == ["name"]
    backwards = RecordedName("Jon SMYTHE", NameKind.CHANGE, "deed poll", date(2020, 5, 1), date(2019, 1, 1))
    assert _fields(name_problems(backwards, TODAY)) == ["to_on"]
    ahead = RecordedName("Jon SMYTHE", NameKind.PREVIOUS, "self-declared", date(2027, 1, 1))
    assert _fields(name_problems(ahead, TODAY)) == ["from_on"]


def test_a_whole_card_number_in_the_words_is_refused_at_the_detail_field():
    # The reviewer's case: last four given properly, the whole number typed into the words.
    card = NotifiedDetail(DetailKind.CARD, "Visa debit REVCARD 4929123456789012", TODAY, "9012")
    (problem,) = detail_problems(card, TODAY)
    assert (problem.field, problem.label) == ("description", "Detail")
    assert "13 or more digits" in problem.message
    for spaced in (
        "Visa debit 4929 1234 5678 9012",
        "Visa debit 4929-1234-5678-9012",
        "acct 20-00-00 12345678",
        "Barclays card 4111/1111/1111/1111",  # the second reviewer's: slashes and dots too
        "card 4111.1111.1111.1111",
    ):
        detail = NotifiedDetail(DetailKind.BANK_ACCOUNT, spaced, TODAY)
        assert _fields(detail_problems(detail, TODAY)) == ["description"], spaced


def test_shorter_numbers_in_the_words_are_fine():
    # A sort code and an eight-digit account, a phone number (international form too), a year: none
    # reads as a card.
    for words in (
        "Barclays 20-00-00 ending 1234",
        "phone 07700 900123",
        "phone +44 7700 900123",
        "since 2019, 11 digits 12345678901",
    ):
        detail = NotifiedDetail(DetailKind.BANK_ACCOUNT, words, TODAY)
        assert detail_problems(detail, TODAY) == [], words


def test_a_long_number_in_a_name_or_its_source_is_refused_at_its_field():
    name = RecordedName("Kieran 4929 1234 5678 9012", NameKind.ALIAS, "PNC")
    assert _fields(name_problems(name, TODAY)) == ["name"]
    source = RecordedName("Kieran Vale", NameKind.ALIAS, "card 4929123456789012")
    assert _fields(name_problems(source, TODAY)) == ["source"]


def test_masking_replaces_each_long_run_and_leaves_the_rest():
    from somdesk.domain.details import has_long_number, mask_long_numbers

    text = "Visa debit REVCARD 4929123456789012 and 5500-0000-0000-0004, ends 9012"
    assert mask_long_numbers(text, "[withheld]") == "Visa debit REVCARD [withheld] and [withheld], ends 9012"
    assert has_long_number(text) and not has_long_number("ends 9012, sort code 20-00-00")
