"""The registration's dates as a store keeps them (domain/kept_dates.py): a case evaluated from kept dates
is the case evaluated from scratch, for the whole demo force and any registration; kept dates worked out
under another rule are never taken."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from somdesk.demo import generate
from somdesk.demo.whole_case import case_records, with_case_records
from somdesk.domain.kept_dates import rule_of
from somdesk.domain.notification import notification_status, registration_dates
from somdesk.domain.status import evaluate
from tests.domain.strategies import TODAY, cases


def _kept(case, policy):
    return case._replace(kept=registration_dates(case.nominal, policy.notifications))


def test_the_whole_demo_force_evaluates_the_same_from_kept_dates(policy):
    data = generate(1500, seed=5, today=TODAY)
    force = with_case_records(data.cases, case_records(data.nominals, 5, TODAY))
    for day in (TODAY, TODAY + timedelta(days=400), TODAY + timedelta(days=4000)):
        for case in force:
            assert evaluate(_kept(case, policy), day, policy)[1:] == evaluate(case, day, policy)[1:]


@settings(max_examples=300, deadline=None)
@given(case=cases(), days=st.integers(-400, 4000), short=st.booleans(), further=st.integers(1, 15))
def test_any_registration_evaluates_the_same_from_kept_dates(policy, case, days, short, further):
    rules = replace(policy.notifications, dto_counts_half=short, further_review_years=further)
    day = TODAY + timedelta(days=days)
    kept = registration_dates(case.nominal, rules)
    assert notification_status(case.nominal, day, rules, kept) == notification_status(
        case.nominal, day, rules
    )


@given(case=cases(), further=st.integers(1, 7))
def test_dates_kept_under_another_policy_are_worked_out_again(policy, case, further):
    old = replace(policy.notifications, further_review_years=further)
    new = replace(old, further_review_years=further + 8)
    kept = registration_dates(case.nominal, old)
    assert rule_of(old) != rule_of(new)
    assert notification_status(case.nominal, TODAY, new, kept) == notification_status(
        case.nominal, TODAY, new
    )


def test_wrong_dates_under_the_right_rule_would_be_taken(policy):
    """So the test above means something: a kept value is used as it is when its rule matches."""
    case = next(
        c for c in generate(50, seed=5, today=TODAY).cases if c.nominal.registration.last_notification
    )
    rules = policy.notifications
    kept = registration_dates(case.nominal, rules)
    moved = kept._replace(
        periodic=kept.periodic + timedelta(days=1), unmoved=kept.unmoved + timedelta(days=1)
    )
    assert notification_status(case.nominal, TODAY, rules, moved).next_due == kept.periodic + timedelta(
        days=1
    )
