"""The plain-text record (`somdesk rso`): notification dates worded as the Act reads them."""

from datetime import date

from somdesk.app.policy import default_policy
from somdesk.app.record_text import record_summary
from somdesk.domain.model import Address, Disposal, Mappa, Nominal, Registration, Sex, Term, TermPart
from tests.conftest import TODAY

ADDRESS = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")


def _nominal(reg: Registration) -> Nominal:
    return Nominal("n", "SYN1", "SYN/1", "Fenby", "Ian", date(1980, 1, 1), Sex.MALE, reg, ADDRESS)


def test_the_text_record_gives_the_last_day_of_the_period_not_the_anniversary():
    reg = Registration(date(2020, 3, 10), Disposal.OTHER, registered_on=date(2020, 3, 11))
    nominal = _nominal(reg)
    text = record_summary(nominal, None, None, date(2024, 6, 1), default_policy())
    assert "last day of the notification period 2025-03-09" in text
    assert "2025-03-10" not in text


def test_the_text_record_gives_the_further_review_date_from_the_notice_and_says_so():
    reg = Registration(
        date(2005, 1, 1), Disposal.IMPRISONMENT, Term(60), registered_on=date(2005, 1, 2),
        first_notification_after_release=date(2008, 2, 1), review_refused_on=date(2023, 6, 1),
        review_further_on=date(2028, 6, 1),
    )  # fmt: skip
    text = record_summary(_nominal(reg), None, None, date(2026, 11, 23), default_policy())
    assert "reviewable from 2028-06-01 (the date in the chief officer's notice" in text


def _young(reg: Registration) -> Nominal:
    address = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")
    return Nominal(
        "n", "SYN1", "SYN/1", "Fenby", "Ian", date(2006, 6, 1), Sex.MALE, reg, address, Mappa(1, 1)
    )


def test_the_terms_and_the_counted_term_are_printed(policy):
    parts = (TermPart(Term(12), starts_on=date(2024, 1, 10)), TermPart(Term(12), True, date(2024, 4, 10)))
    reg = Registration(date(2024, 1, 10), Disposal.IMPRISONMENT, Term(15), term_parts=parts)
    text = record_summary(_young(reg), None, None, TODAY, policy)
    assert "Imprisonment, 12 months from 10 Jan 2024; 12 months concurrent from 10 Apr 2024" in text
    assert "Counted term: 15 months (12 months and 12 months, partly concurrent: the period" in text


def test_a_detention_and_training_order_says_its_detention_half_counts(policy):
    reg = Registration(date(2024, 1, 10), Disposal.DETENTION_TRAINING, Term(12))
    text = record_summary(_young(reg), None, None, TODAY, policy)
    assert "Detention and training order, 12 months" in text
    assert "Counted term: 6 months (detention and training order of 12 months: the detention half" in text
    assert "Period: 3.5 years (detention and training order counted as 6 months (6 months or less)" in text


def test_a_person_in_custody_is_not_shown_due_a_notification_and_the_text_says_why(policy):
    reg = Registration(date(2024, 3, 10), Disposal.IMPRISONMENT, Term(48), in_custody=True)
    text = record_summary(_nominal(reg), None, None, TODAY, policy)
    assert "Initial notification not due while in custody: 3 days beginning with release" in text
    assert "Next periodic notification not due while in custody" in text
    assert "due by" not in text


def test_the_text_record_says_why_reactive_management_is_to_be_reviewed(policy):
    from dataclasses import replace

    from somdesk.domain.breaches import BreachKind, FoundBreach
    from somdesk.domain.model import RiskLevel, VisitPlan

    reg = Registration(  # 40 months: an indefinite requirement, still in force
        date(2015, 3, 10), Disposal.IMPRISONMENT, Term(40), registered_on=date(2016, 3, 11),
        released_on=date(2016, 3, 10), last_notification=date(2026, 3, 1),
    )  # fmt: skip
    reactive = replace(
        _nominal(reg),
        risk_level=RiskLevel.LOW,
        risk_level_since=date(2016, 1, 1),
        visit_plan=VisitPlan(reactive=True),
    )
    assert "reactive management: no routine visits" in record_summary(reactive, None, None, TODAY, policy)
    breach = FoundBreach(date(2025, 3, 4), BreachKind.NOTIFICATION)
    text = record_summary(reactive, None, None, TODAY, policy, breach)
    assert (
        "reactive management to be reviewed (an offence in the last 3 years: breach of notification found"
        in text
    )
    noted = replace(reactive, intelligence_on=date(2026, 10, 1), intelligence_note="seen near a school")
    text = record_summary(noted, None, None, TODAY, policy)
    assert "(intelligence that they may offend recorded 1 Oct 2026)" in text
    assert "Intelligence that they may offend recorded 2026-10-01: seen near a school" in text


def test_orders_breaches_names_and_missing_status_are_in_the_text_in_the_windows_words(policy):
    from dataclasses import replace

    from somdesk.domain.breaches import Breach, BreachAction, BreachKind
    from somdesk.domain.details import NameKind, RecordedName
    from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
    from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

    term = OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, "Not to delete internet history")
    shpo = CivilOrder(
        OrderKind.SHPO, "Ravensholt Crown Court", date(2024, 3, 1), date(2029, 2, 28), terms=(term,)
    )
    ended = CivilOrder(OrderKind.SOPO, "Kettleby Magistrates' Court", date(2010, 1, 4), date(2015, 1, 3))
    reg = Registration(date(2024, 1, 10), Disposal.OTHER, registered_on=date(2024, 1, 11))
    nominal = replace(_nominal(reg), orders=(ended, shpo), aliases=("Ian FENTON",))
    breach = Breach(
        BreachKind.ORDER, date(2026, 10, 3), "DC Harrow", BreachAction.ARREST, "SHPO: deleted history",
        "charged", date(2026, 10, 5),
    )  # fmt: skip
    names = [RecordedName("Ian FENBY-HALL", NameKind.CHANGE, "deed poll", date(2025, 2, 1))]
    missing = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 3), "PNC/26/1234")
    text = record_summary(nominal, None, None, TODAY, policy, None, [breach], names, [missing])
    assert "Also known as: Ian FENTON" in text
    assert "Name change: Ian FENBY-HALL (source deed poll, from 2025-02-01)" in text
    assert "Missing since 3 Nov 2026 (20 days), reference PNC/26/1234" in text
    orders = text.split("Civil orders\n")[1]
    assert orders.index("SHPO, Ravensholt Crown Court") < orders.index("SOPO, Kettleby")  # latest first
    assert "SHPO, Ravensholt Crown Court: made 2024-03-01, ends 2029-02-28; in force" in text
    assert "    Prohibition (Internet and devices): Not to delete internet history" in text
    assert "made 2010-01-04, ends 2015-01-03; ended" in text
    assert (
        "Found 2026-10-03: Term of an order: SHPO: deleted history; found by DC Harrow; action Arrest; "
        "outcome charged (2026-10-05)"
    ) in text


def test_a_record_with_none_says_so(policy):
    reg = Registration(date(2024, 1, 10), Disposal.OTHER, registered_on=date(2024, 1, 11))
    text = record_summary(_nominal(reg), None, None, TODAY, policy)
    assert "Civil orders\n  None recorded" in text and "Breaches\n  None recorded" in text
    assert "Missing" not in text and "Also known as" not in text
