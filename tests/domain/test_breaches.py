"""Breaches (DOMAIN.md §7): the rules a breach keeps, and the count of breaches found this year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.policy import default_policy
from somdesk.domain.breaches import Breach, BreachAction, BreachKind, breaches_in_year
from somdesk.domain.caseload import caseload
from somdesk.domain.invariants import breach_problems
from somdesk.domain.model import Officer, Team
from somdesk.domain.status import evaluate_all
from tests.domain.test_queues import TODAY, case

RELEVANT = date(2024, 1, 1)
# A failure to notify (s.91): a new address not notified within 3 days, found at a home visit.
MISSED = Breach(
    BreachKind.NOTIFICATION,
    date(2026, 10, 14),
    "DC A. Fenwick",
    BreachAction.ARREST,
    "moved to a new address without notifying it within 3 days",
)


def fields(problems):
    return {p.field: p.message for p in problems}


def test_a_breach_found_and_acted_on_keeps_the_rules():
    assert breach_problems(MISSED, TODAY, RELEVANT) == []
    charged = replace(MISSED, outcome="charged under s.91", outcome_on=date(2026, 10, 15))
    assert breach_problems(charged, TODAY, RELEVANT) == []


def test_a_breach_cannot_be_found_in_the_future_or_before_the_relevant_date():
    assert fields(breach_problems(replace(MISSED, found_on=date(2026, 11, 24)), TODAY, RELEVANT)) == {
        "found_on": "cannot be in the future"
    }
    early = breach_problems(replace(MISSED, found_on=date(2023, 12, 31)), TODAY, RELEVANT)
    assert fields(early) == {"found_on": "cannot be before the relevant date"}
    assert early[0].involves == ("relevant_date",)
    assert (
        "before 1900"
        in fields(breach_problems(replace(MISSED, found_on=date(1899, 1, 1)), TODAY))["found_on"]
    )


def test_the_outcome_is_dated_on_or_after_the_breach_was_found_and_not_in_the_future():
    before = replace(MISSED, outcome="NFA", outcome_on=date(2026, 10, 13))
    assert fields(breach_problems(before, TODAY, RELEVANT)) == {
        "outcome_on": "cannot be before the breach was found"
    }
    same_day = replace(MISSED, outcome="warning given, NFA", outcome_on=MISSED.found_on)
    assert breach_problems(same_day, TODAY, RELEVANT) == []
    ahead = replace(MISSED, outcome="trial listed", outcome_on=date(2027, 3, 1))
    assert fields(breach_problems(ahead, TODAY, RELEVANT)) == {"outcome_on": "cannot be in the future"}


def test_an_outcome_date_needs_the_outcome_it_dates():
    dated = replace(MISSED, outcome_on=date(2026, 11, 2))
    assert "say what the outcome was" in fields(breach_problems(dated, TODAY, RELEVANT))["outcome"]


def test_who_found_it_is_named_and_an_other_breach_says_what_was_breached():
    problems = fields(
        breach_problems(replace(MISSED, found_by="  ", kind=BreachKind.OTHER, details=""), TODAY)
    )
    assert problems == {
        "found_by": "name the officer or agency who found the breach",
        "details": "say what was breached",
    }


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (BreachKind.ORDER, "say which order and which of its terms was breached"),
        (BreachKind.LICENCE, "say which licence condition was breached"),
    ],
)
def test_a_breach_of_an_order_term_or_licence_condition_says_which(kind, words):
    """DOMAIN.md §7: a breach of an SHPO/SRO or of licence is charged against a term or condition."""
    bare = replace(MISSED, kind=kind, details="  ")
    assert [(p.field, p.message, p.involves) for p in breach_problems(bare, TODAY)] == [
        ("details", words, ("kind",))
    ]
    assert breach_problems(replace(bare, details="SHPO: deleted internet history"), TODAY) == []


def test_a_failure_to_notify_needs_no_details():
    assert breach_problems(replace(MISSED, kind=BreachKind.NOTIFICATION, details=""), TODAY) == []


def test_breaches_this_year_count_only_those_found_since_1_january():
    found = (date(2025, 12, 31), date(2026, 1, 1), date(2026, 11, 20))
    assert breaches_in_year(found, 2026) == 2
    assert breaches_in_year(found, 2025) == 1


def test_the_caseload_counts_breaches_this_year_per_officer_team_and_force():
    team = Team("t1", "Northmere MOSOVO", "Northmere")
    officers = [Officer("o1", "DC One", "t1"), Officer("o2", "DC Two", "t1")]
    a = case("a")._replace(breaches_found=(date(2026, 3, 1), date(2025, 6, 1)))
    b = case("b")._replace(breaches_found=(date(2026, 11, 2),))
    a = a._replace(nominal=replace(a.nominal, officer_id="o1"))
    b = b._replace(nominal=replace(b.nominal, officer_id="o2"))
    policy = default_policy()
    report = caseload(evaluate_all([a, b], TODAY, policy), officers, [team], policy.caseload, TODAY)
    assert [o.load.breaches_this_year for o in report.officers] == [1, 1]
    assert report.teams[0].load.breaches_this_year == 2
    assert report.force.breaches_this_year == 2


def test_an_outcome_follows_an_action_taken():
    no_action = replace(MISSED, action=BreachAction.NONE_YET, outcome="NFA")
    problems = breach_problems(no_action, TODAY, RELEVANT)
    assert fields(problems) == {"action": "record the action taken before its outcome"}
    assert problems[0].involves == ("outcome",)
    assert breach_problems(replace(MISSED, action=BreachAction.NONE_YET), TODAY, RELEVANT) == []
