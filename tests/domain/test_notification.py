"""Notification requirements, SOA 2003 Part 2 (DOMAIN.md §5)."""

from dataclasses import replace
from datetime import date

import pytest

from somdesk.domain.model import Address, Disposal, Nominal, Registration, Sex, Term
from somdesk.domain.notification import (
    initial_notification_deadline,
    next_periodic_due,
    notification_period,
    notification_status,
    review_qualifying_date,
    travel_notice_deadline,
)

D = Disposal


@pytest.mark.parametrize(
    ("disposal", "term", "adult_months", "youth_months"),
    [
        (D.IMPRISONMENT, Term(30), None, None),  # exactly 30 months: indefinite
        (D.IMPRISONMENT, Term(48), None, None),
        (D.IMPRISONMENT, Term(29, 30), 120, 60),  # just under 30 months
        (D.IMPRISONMENT, Term(6, 1), 120, 60),  # more than 6 months
        (D.IMPRISONMENT, Term(7), 120, 60),
        (D.IMPRISONMENT, Term(6), 84, 42),  # exactly 6 months: 7 years
        (D.IMPRISONMENT, Term(0, 14), 84, 42),
        (D.LIFE_OR_IPP, None, None, None),
        (D.HOSPITAL_RESTRICTED, None, None, None),
        (D.HOSPITAL, None, 84, 42),
        (D.CAUTION, None, 24, 12),
        (D.OTHER, None, 60, 30),
    ],
)
def test_section_82_periods_and_under_18_halving(disposal, term, adult_months, youth_months):
    adult = notification_period(disposal, term, None, under_18=False)
    youth = notification_period(disposal, term, None, under_18=True)
    if adult_months is None:
        assert adult.indefinite and youth.indefinite
        assert adult.last_day(date(2020, 1, 1)) is None
    else:
        assert (adult.months, youth.months) == (adult_months, youth_months)
        assert "halved" in youth.reason and "halved" not in adult.reason


def test_period_labels_read_as_people_say_them():
    assert notification_period(D.HOSPITAL, None, None, True).label == "3.5 years"
    assert notification_period(D.OTHER, None, None, True).label == "2.5 years"
    assert notification_period(D.IMPRISONMENT, Term(7), None, False).label == "10 years"
    assert notification_period(D.CAUTION, None, None, True).label == "1 year"
    assert notification_period(D.IMPRISONMENT, Term(40), None, False).label == "Indefinite"


def test_conditional_discharge_is_its_own_period_and_halving_is_a_policy_choice():
    assert notification_period(D.CONDITIONAL_DISCHARGE, None, 18, False).months == 18
    assert notification_period(D.CONDITIONAL_DISCHARGE, None, 18, True).months == 18
    assert (
        notification_period(D.CONDITIONAL_DISCHARGE, None, 18, True, discharge_halved_under_18=True).months
        == 9
    )


def test_missing_facts_give_an_unknown_period_not_a_guess():
    no_term = notification_period(D.IMPRISONMENT, None, None, False)
    assert not no_term.known and "no term recorded" in no_term.reason
    assert no_term.last_day(date(2020, 1, 1)) is None
    assert not notification_period(D.CONDITIONAL_DISCHARGE, None, None, False).known


def test_period_last_days_including_29_february():
    # Periods begin with the relevant date: the last day is the day before the anniversary, and the
    # anniversary of a day the month lacks (29 Feb 2031, 31 Feb 2027) is the 1st of the next month.
    seven_years = notification_period(D.HOSPITAL, None, None, False)
    assert seven_years.last_day(date(2024, 2, 29)) == date(2031, 2, 28)
    three_and_a_half = notification_period(D.HOSPITAL, None, None, True)
    assert three_and_a_half.last_day(date(2024, 2, 29)) == date(2027, 8, 28)
    assert three_and_a_half.last_day(date(2023, 8, 31)) == date(2027, 2, 28)


def test_initial_notification_is_due_within_3_days_beginning_with_the_relevant_date():
    assert initial_notification_deadline(date(2026, 11, 2)) == date(2026, 11, 4)


def test_time_in_custody_is_not_counted():
    assert initial_notification_deadline(date(2026, 1, 10), custody_until=date(2026, 6, 1)) == date(
        2026, 6, 3
    )
    # A release before the relevant date (an earlier sentence) changes nothing.
    assert initial_notification_deadline(date(2026, 1, 10), custody_until=date(2025, 6, 1)) == date(
        2026, 1, 12
    )


def test_periodic_notification_is_yearly_or_weekly_with_no_fixed_abode():
    assert next_periodic_due(date(2026, 3, 15), no_fixed_abode=False) == date(2027, 3, 15)
    assert next_periodic_due(date(2024, 2, 29), no_fixed_abode=False) == date(2025, 2, 28)
    assert next_periodic_due(date(2026, 3, 15), no_fixed_abode=True) == date(2026, 3, 22)


def test_indefinite_review_qualifying_dates(policy):
    reg = Registration(
        date(2005, 1, 1), D.IMPRISONMENT, Term(60), first_notification_after_release=date(2008, 2, 29)
    )
    years = policy.notifications.further_review_years
    assert review_qualifying_date(reg, under_18=False, further_review_years=years) == date(2023, 2, 28)
    assert review_qualifying_date(reg, under_18=True, further_review_years=years) == date(2016, 2, 29)
    refused = replace(reg, review_refused_on=date(2023, 6, 1))
    assert review_qualifying_date(refused, under_18=False, further_review_years=years) == date(2031, 6, 1)
    assert review_qualifying_date(replace(reg, first_notification_after_release=None), False, years) is None


def test_foreign_travel_notice_deadline_is_7_days_before_departure():
    assert travel_notice_deadline(date(2026, 12, 20)) == date(2026, 12, 13)


def _nominal(reg: Registration, dob: date = date(1980, 1, 1), nfa: bool = False) -> Nominal:
    address = None if nfa else Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")
    return Nominal("n", "SYN1", "SYN/1", "Fenby", "Ian", dob, Sex.MALE, reg, address)


def test_status_for_a_juvenile_halves_and_ends(policy, today):
    reg = Registration(
        date(2024, 1, 10), D.OTHER, registered_on=date(2024, 1, 11), last_notification=date(2026, 1, 5)
    )
    youth = notification_status(_nominal(reg, dob=date(2007, 1, 11)), today, policy.notifications)
    assert youth.period.months == 30 and youth.last_day == date(2026, 7, 9) and youth.ended
    assert youth.next_due is None  # nothing more to notify once the period has ended
    adult = notification_status(_nominal(reg, dob=date(2006, 1, 10)), today, policy.notifications)
    assert adult.period.months == 60 and not adult.ended and adult.next_due == date(2027, 1, 5)


def test_status_awaiting_initial_notification_and_in_custody(policy, today):
    awaiting = Registration(date(2026, 11, 22), D.CAUTION)
    status = notification_status(_nominal(awaiting), today, policy.notifications)
    assert status.initial_deadline == date(2026, 11, 24) and status.next_due is None
    custody = Registration(
        date(2025, 1, 1),
        D.IMPRISONMENT,
        Term(12),
        registered_on=date(2025, 1, 2),
        last_notification=date(2025, 1, 2),
        in_custody=True,
    )
    assert notification_status(_nominal(custody), today, policy.notifications).next_due is None


def test_status_weekly_with_no_fixed_abode(policy, today):
    reg = Registration(
        date(2025, 1, 1), D.OTHER, registered_on=date(2025, 1, 2), last_notification=date(2026, 11, 20)
    )
    status = notification_status(_nominal(reg, nfa=True), today, policy.notifications)
    assert status.weekly and status.next_due == date(2026, 11, 27)


def test_no_notification_falls_due_after_the_requirement_ends(policy, today):
    # A caution's two years have their last day on 9 March 2027; the annual notification would be due
    # in November 2027.
    reg = Registration(
        date(2025, 3, 10), D.CAUTION, registered_on=date(2025, 3, 11), last_notification=date(2026, 11, 2)
    )
    status = notification_status(_nominal(reg), today, policy.notifications)
    assert status.last_day == date(2027, 3, 9) and not status.ended
    assert status.next_due is None and status.ends_before_next
    before = replace(reg, last_notification=date(2026, 3, 1))  # due by 1 March 2027: inside the period
    status = notification_status(_nominal(before), today, policy.notifications)
    assert status.next_due == date(2027, 3, 1) and not status.ends_before_next
