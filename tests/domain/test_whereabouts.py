"""Whereabouts unknown, missing and wanted (DOMAIN.md §7): the status with the date circulated and
days elapsed, the rules an episode keeps, the review cadence (policy), the Missing and wanted queue,
the visit queue saying "missing", and the counts on the dashboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.app.policy import default_policy
from somdesk.domain.caseload import caseload
from somdesk.domain.invariants import whereabouts_problems
from somdesk.domain.model import Officer, RiskLevel, Team
from somdesk.domain.queues import missing_queue, visit_queue
from somdesk.domain.status import evaluate_all
from somdesk.domain.whereabouts import (
    Whereabouts,
    WhereaboutsStatus,
    describe_open,
    next_review,
    open_episode,
)
from tests.domain.test_queues import case

POLICY = default_policy()
TODAY = date(2026, 11, 30)
RELEVANT = date(2024, 1, 1)
MISSING = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 3), "PNC 26/112233X", id="m1")


def fields(problems):
    return {p.field: p.message for p in problems}


def test_an_open_status_says_since_when_and_how_many_days():
    assert describe_open(MISSING, TODAY) == "Missing since 3 Nov 2026 (27 days)"
    wanted = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 29))
    assert describe_open(wanted, TODAY) == "Wanted since 29 Nov 2026 (1 day)"
    unknown = Whereabouts(WhereaboutsStatus.UNKNOWN, TODAY)
    assert describe_open(unknown, TODAY) == "Whereabouts unknown since 30 Nov 2026 (0 days)"


def test_only_an_episode_not_yet_found_is_open():
    found = replace(MISSING, resolved_on=date(2026, 11, 10), id="f")
    assert open_episode([found]) is None
    later = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 20), id="w")
    assert open_episode([found, later, MISSING]) is MISSING  # the earliest open one
    assert found.days(TODAY) == 7  # to the day found, not to today


def test_the_review_falls_every_cadence_from_circulation():
    assert POLICY.whereabouts.review_days == 7
    # Circulated 3 Nov: reviews 10, 17, 24 Nov, 1 Dec...
    assert next_review(MISSING, TODAY, 7) == date(2026, 12, 1)
    assert next_review(MISSING, date(2026, 11, 24), 7) == date(2026, 11, 24)  # due that day
    assert next_review(MISSING, date(2026, 11, 3), 7) == date(2026, 11, 10)  # first a week after


def test_an_episode_keeps_its_dates_in_order():
    assert whereabouts_problems(MISSING, TODAY, RELEVANT) == []
    ahead = replace(MISSING, circulated_on=date(2026, 12, 1))
    assert fields(whereabouts_problems(ahead, TODAY, RELEVANT)) == {
        "circulated_on": "cannot be in the future"
    }
    early = replace(MISSING, circulated_on=date(2023, 6, 1))
    assert fields(whereabouts_problems(early, TODAY, RELEVANT)) == {
        "circulated_on": "cannot be before the relevant date"
    }
    found_before = replace(MISSING, resolved_on=date(2026, 11, 2))
    assert fields(whereabouts_problems(found_before, TODAY, RELEVANT)) == {
        "resolved_on": "cannot be before it was circulated"
    }
    found_ahead = replace(MISSING, resolved_on=date(2026, 12, 2))
    assert fields(whereabouts_problems(found_ahead, TODAY)) == {"resolved_on": "cannot be in the future"}


def test_a_second_open_episode_is_refused_until_the_first_is_found():
    wanted = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 20))
    problems = fields(whereabouts_problems(wanted, TODAY, RELEVANT, [MISSING]))
    assert problems == {
        "resolved_on": "already recorded: Missing since 3 Nov 2026 (27 days); "
        "record the date found on that first"
    }
    found = replace(MISSING, resolved_on=date(2026, 11, 19))
    assert whereabouts_problems(wanted, TODAY, RELEVANT, [found]) == []
    # Editing the open episode itself is not a second one.
    assert whereabouts_problems(replace(MISSING, notes="seen in Kettleby"), TODAY, RELEVANT, [MISSING]) == []


def _missing(c, episode):
    return c._replace(missing=episode)


def test_the_missing_and_wanted_queue_lists_the_longest_open_first_with_the_next_review():
    older = _missing(case("older", RiskLevel.LOW), replace(MISSING, circulated_on=date(2026, 10, 1)))
    newer = _missing(
        case("newer", RiskLevel.VERY_HIGH), Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 25))
    )
    at_large = [older, newer, case("home")]
    items = missing_queue(evaluate_all(at_large, TODAY, POLICY), TODAY, POLICY)
    assert [i.nominal_id for i in items] == ["older", "newer"]
    first, second = items
    assert first.kind == "Missing" and first.reason.startswith("Missing since 1 Oct 2026 (60 days) (ref. PNC")
    # 1 Oct + 9 weeks = 3 Dec: the next review, 3 days ahead.
    assert first.due == date(2026, 12, 3) and "next review 3 Dec 2026, 3 days left" in first.reason
    assert second.kind == "Wanted" and second.due == date(2026, 12, 2)


def test_the_visit_queue_says_missing_rather_than_dropping_the_person():
    overdue = case("gone", RiskLevel.HIGH, last_seen=date(2026, 1, 5))
    gone = _missing(overdue, MISSING)
    (item,) = visit_queue(evaluate_all([gone], TODAY, POLICY), TODAY, POLICY)
    assert item.reason.startswith(
        "missing (Missing since 3 Nov 2026 (27 days)): no routine visit while whereabouts are unknown"
    )
    (home,) = visit_queue(evaluate_all([overdue], TODAY, POLICY), TODAY, POLICY)
    assert "missing" not in home.reason


def test_the_dashboard_counts_missing_and_wanted_apart():
    team = Team("t1", "Northmere MOSOVO", "Northmere")
    officers = [Officer("o1", "DC One", "t1")]
    cases = [
        _missing(case("a"), MISSING),
        _missing(case("b"), Whereabouts(WhereaboutsStatus.UNKNOWN, date(2026, 11, 1))),
        _missing(case("c"), Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 1))),
        case("d"),
    ]
    report = caseload(evaluate_all(cases, TODAY, POLICY), officers, [team], POLICY.caseload, TODAY)
    assert (report.force.missing, report.force.wanted) == (2, 1)
    assert (report.officers[0].load.missing, report.teams[0].load.wanted) == (2, 1)
