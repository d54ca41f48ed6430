"""Whereabouts unknown, missing and wanted (DOMAIN.md §7): the status with the date circulated and
days elapsed, the rules an episode keeps, the review cadence (policy), the Missing and wanted queue,
the visit queue saying "missing", and the counts on the dashboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.app.policy import default_policy
from somdesk.domain.caseload import caseload
from somdesk.domain.invariants import review_problems, whereabouts_problems
from somdesk.domain.model import Officer, RiskLevel, Team
from somdesk.domain.queues import missing_queue, visit_queue
from somdesk.domain.status import evaluate_all
from somdesk.domain.whereabouts import (
    Whereabouts,
    WhereaboutsStatus,
    describe_open,
    describe_review,
    next_review,
    open_episode,
    review_overdue_days,
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


# The reviewer's case: DREVMERE, whereabouts unknown, circulated 1 Mar 2026, never reviewed, seen on
# 30 Nov 2026 (274 days on). The first review fell a week after circulation and was never done.
DREVMERE = Whereabouts(WhereaboutsStatus.UNKNOWN, date(2026, 3, 1), "PNC 26/004411D", id="d1")


def test_a_review_never_recorded_is_overdue_from_the_first_cadence_after_circulation():
    assert POLICY.whereabouts.review_days == 7
    assert next_review(DREVMERE, 7) == date(2026, 3, 8)
    assert review_overdue_days(DREVMERE, TODAY, 7) == 267
    assert describe_review(DREVMERE, TODAY, 7) == (
        "review overdue since 8 Mar 2026 (267 days); no review recorded"
    )


def test_a_recorded_review_sets_the_next_one_a_cadence_later():
    reviewed = replace(DREVMERE, last_reviewed_on=date(2026, 11, 27), reviewed_by="DS Hale")
    assert next_review(reviewed, 7) == date(2026, 12, 4)
    assert review_overdue_days(reviewed, TODAY, 7) == 0
    assert describe_review(reviewed, TODAY, 7) == (
        "next review 4 Dec 2026 (in 4 days); last reviewed 27 Nov 2026 by DS Hale"
    )
    due_today = replace(reviewed, last_reviewed_on=date(2026, 11, 23))
    assert describe_review(due_today, TODAY, 7).startswith("review due today")
    assert review_overdue_days(replace(reviewed, last_reviewed_on=date(2026, 11, 22)), TODAY, 7) == 1
    # A person found is not reviewed: nothing overdue.
    assert review_overdue_days(replace(DREVMERE, resolved_on=date(2026, 4, 1)), TODAY, 7) == 0


def test_a_review_is_recorded_only_on_an_open_episode_with_a_date_in_order_and_a_name():
    assert review_problems(DREVMERE, TODAY, "DS Hale", "PNC checked", TODAY) == []
    assert fields(review_problems(DREVMERE, date(2026, 12, 1), "DS Hale", "", TODAY)) == {
        "last_reviewed_on": "cannot be in the future"
    }
    assert fields(review_problems(DREVMERE, date(2026, 2, 28), "DS Hale", "", TODAY)) == {
        "last_reviewed_on": "cannot be before it was circulated"
    }
    assert fields(review_problems(DREVMERE, TODAY, "  ", "", TODAY)) == {
        "reviewed_by": "say who did the review"
    }
    reviewed = replace(DREVMERE, last_reviewed_on=date(2026, 11, 27))
    assert fields(review_problems(reviewed, date(2026, 11, 20), "DS Hale", "", TODAY)) == {
        "last_reviewed_on": "cannot be before the review already recorded (27 Nov 2026)"
    }
    found = replace(DREVMERE, resolved_on=date(2026, 4, 1))
    assert fields(review_problems(found, TODAY, "DS Hale", "", TODAY)) == {
        "last_reviewed_on": "the person was found on 1 Apr 2026: only an open episode is reviewed"
    }
    # The stored review is held to its dates too (what the central store checks).
    late = replace(found, last_reviewed_on=date(2026, 5, 1))
    assert fields(whereabouts_problems(late, TODAY, RELEVANT)) == {
        "last_reviewed_on": "cannot be after the person was found (1 Apr 2026)"
    }


def test_an_open_episode_is_refused_against_a_later_visit_at_which_the_person_was_seen():
    seen = [date(2026, 2, 10), date(2026, 4, 20), date(2026, 7, 29), date(2026, 11, 6)]
    assert fields(whereabouts_problems(DREVMERE, TODAY, RELEVANT, seen_on=seen)) == {
        "circulated_on": "seen at home on 6 Nov 2026, after this date: check the date, or record when "
        "they were found"
    }
    # Found before the visits: the episode stands; seen only before circulation: it stands too.
    found = replace(DREVMERE, resolved_on=date(2026, 4, 2))
    assert whereabouts_problems(found, TODAY, RELEVANT, seen_on=seen) == []
    assert whereabouts_problems(DREVMERE, TODAY, RELEVANT, seen_on=[date(2026, 2, 10)]) == []
    # Circulated after the last seen visit: the person went missing since.
    later = replace(DREVMERE, circulated_on=date(2026, 11, 10))
    assert whereabouts_problems(later, TODAY, RELEVANT, seen_on=seen) == []


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


def test_the_missing_and_wanted_queue_puts_overdue_reviews_first_then_the_longest_open():
    reviewed = replace(MISSING, circulated_on=date(2026, 10, 1), last_reviewed_on=date(2026, 11, 26))
    older = _missing(case("older", RiskLevel.LOW), reviewed)
    newer = _missing(
        case("newer", RiskLevel.VERY_HIGH), Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 25))
    )
    drevmere = _missing(case("drevmere", RiskLevel.LOW), DREVMERE)
    late = _missing(case("late", RiskLevel.HIGH), replace(MISSING, last_reviewed_on=date(2026, 11, 20)))
    at_large = [older, newer, case("home"), late, drevmere]
    items = missing_queue(evaluate_all(at_large, TODAY, POLICY), TODAY, POLICY)
    # Overdue: DREVMERE (since 8 Mar) before late (since 27 Nov); then the longest open first.
    assert [i.nominal_id for i in items] == ["drevmere", "late", "older", "newer"]
    assert [i.tier for i in items] == [1, 1, 2, 2]
    first = items[0]
    assert first.kind == "Whereabouts unknown" and first.due == date(2026, 3, 8)
    assert "review overdue since 8 Mar 2026 (267 days); no review recorded" in first.reason
    assert first.tier_label == "review overdue"
    third = items[2]
    assert third.reason.startswith("Missing since 1 Oct 2026 (60 days) (ref. PNC")
    # Reviewed 26 Nov: the next review a week later, 3 Dec.
    assert third.due == date(2026, 12, 3) and "next review 3 Dec 2026 (in 3 days)" in third.reason
    assert items[3].kind == "Wanted" and items[3].due == date(2026, 12, 2)


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


def test_the_caseload_flags_say_missing_or_wanted_first():
    from somdesk.ui.columns import flags

    (gone,) = evaluate_all([_missing(case("gone", RiskLevel.HIGH), DREVMERE)], TODAY, POLICY)
    assert flags(gone).startswith("Whereabouts unknown")
    (wanted,) = evaluate_all(
        [_missing(case("w"), replace(MISSING, status=WhereaboutsStatus.WANTED))], TODAY, POLICY
    )
    assert flags(wanted).startswith("Wanted")
    (home,) = evaluate_all([case("home")], TODAY, POLICY)
    assert not any(word in flags(home) for word in ("Missing", "Wanted", "Whereabouts unknown"))
