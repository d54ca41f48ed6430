"""Failed entry and s.96B (DOMAIN.md §4): "where entry ... has been sought and refused (or no one
answered) on at least two occasions" a warrant may be sought, "not available while the RSO is in
custody, in hospital or outside the UK"; count unsuccessful attempts since the last seen visit, at two
prompt for a warrant decision; a queue of RSOs not successfully seen for longer than their interval
plus a policy margin, oldest first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from somdesk.app.policy import default_policy
from somdesk.domain.model import Case, ForeignTrip, RecordedVisit, RiskLevel, VisitOutcome
from somdesk.domain.policy_text import parse_policy
from somdesk.domain.queues import not_seen_queue, warrant_queue
from somdesk.domain.status import evaluate_all
from somdesk.domain.warrants import (
    WarrantDecision,
    attempts_since_seen,
    case_warrant,
    last_seen_at,
    s96b_bar,
)
from tests.domain.strategies import TODAY
from tests.domain.test_queues import case

POLICY = default_policy()
NO_REPLY, REFUSED, SEEN = VisitOutcome.NOT_SEEN, VisitOutcome.REFUSED_ENTRY, VisitOutcome.SEEN


def visit(vid: str, on: date, outcome: VisitOutcome, hour: int = 10) -> RecordedVisit:
    return RecordedVisit(
        "n1", datetime(on.year, on.month, on.day, hour), outcome, officers=("DC A", "DC B"), id=vid
    )


def decided(*attempts: str, apply: bool = False, on: date = date(2026, 10, 1)) -> WarrantDecision:
    return WarrantDecision("n1", on, apply, "synthetic reason", "DS Sample", attempts, id="d-" + attempts[-1])


def with_attempts(c: Case, visits, decisions=()) -> Case:
    seen = c.last_seen_visit
    tried = attempts_since_seen(visits, datetime.combine(seen, time.max) if seen else None)
    return c._replace(attempts=tried, warrant_decisions=tuple(decisions))


def test_only_no_reply_and_refused_entry_after_the_last_seen_visit_count():
    visits = [
        visit("a", date(2026, 3, 1), NO_REPLY),  # before the last seen visit: not counted
        visit("s", date(2026, 4, 1), SEEN),
        visit("f", date(2026, 4, 1), NO_REPLY, hour=9),  # the day they were seen, earlier: not counted
        visit("b", date(2026, 4, 1), NO_REPLY, hour=18),  # the day they were seen, later: counted
        visit("c", date(2026, 6, 1), VisitOutcome.NOT_RESIDENT),  # not an attempt at entry
        visit("e", date(2026, 8, 1), REFUSED),
        visit("d", date(2026, 7, 1), NO_REPLY),
    ]
    assert last_seen_at(visits) == datetime(2026, 4, 1, 10)
    assert [v.id for v in attempts_since_seen(visits, last_seen_at(visits))] == ["b", "d", "e"]
    assert [v.id for v in attempts_since_seen(visits, None)] == ["a", "f", "b", "d", "e"]


def test_a_refusal_a_minute_after_a_seen_visit_the_same_evening_counts():
    seen = RecordedVisit("n1", datetime(2026, 11, 20, 21, 20), SEEN, id="s")
    refused = RecordedVisit("n1", datetime(2026, 11, 20, 21, 21), REFUSED, id="r")
    assert attempts_since_seen([seen, refused], last_seen_at([seen, refused])) == (refused,)


def test_one_attempt_prompts_nothing_and_the_second_makes_a_decision_due():
    c = case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5))
    one = with_attempts(c, [visit("a", date(2026, 9, 1), NO_REPLY)])
    assert not case_warrant(one, TODAY).due
    two = with_attempts(c, [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), REFUSED)])
    status = case_warrant(two, TODAY)
    assert status.due
    assert "2 unsuccessful attempts since the last seen visit" in status.reason
    assert "1 Sep 2026 (not seen / no reply)" in status.reason and "refused entry" in status.reason


def test_a_decision_not_to_apply_prompts_again_at_the_next_two_attempts():
    c = case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5))
    first_two = [visit("a", date(2026, 6, 1), NO_REPLY), visit("b", date(2026, 6, 15), NO_REPLY)]
    no = decided("a", "b", apply=False, on=date(2026, 6, 20))
    assert not case_warrant(with_attempts(c, first_two, [no]), TODAY).due
    third = [*first_two, visit("c", date(2026, 8, 1), REFUSED)]
    assert not case_warrant(with_attempts(c, third, [no]), TODAY).due
    fourth = [*third, visit("d", date(2026, 9, 1), NO_REPLY)]
    status = case_warrant(with_attempts(c, fourth, [no]), TODAY)
    assert status.due and [a.id for a in status.pending] == ["c", "d"]
    assert "since the last decision" in status.reason and "not to apply 20 Jun 2026" in status.reason


def test_a_seen_visit_starts_the_count_again():
    c = case("n1", RiskLevel.HIGH, last_seen=date(2026, 10, 1))
    visits = [visit("a", date(2026, 6, 1), NO_REPLY), visit("b", date(2026, 6, 15), NO_REPLY)]
    assert case_warrant(with_attempts(c, visits), TODAY).attempts == ()


def test_in_custody_or_hospital_bars_the_prompt_s96b4():
    c = case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5))
    held = c._replace(
        nominal=replace(c.nominal, registration=replace(c.nominal.registration, in_custody=True))
    )
    visits = [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), NO_REPLY)]
    status = case_warrant(with_attempts(held, visits), TODAY)
    assert not status.due and "in custody or detained in hospital" in status.bar


def test_abroad_bars_the_prompt_until_the_day_of_return():
    visits = [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), NO_REPLY)]
    away = ForeignTrip(date(2026, 11, 20), "Portugal", date(2026, 11, 1), returns_on=TODAY.replace(day=24))
    c = with_attempts(case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5), trips=[away]), visits)
    assert "outside the UK (trip to Portugal 20 Nov-24 Nov 2026)" in s96b_bar(c.nominal, TODAY)
    assert not case_warrant(c, TODAY).due
    assert case_warrant(c, date(2026, 11, 24)).due  # back in the UK on the day of return
    assert case_warrant(c, date(2026, 11, 19)).due  # not yet gone


def test_a_trip_with_no_recorded_return_does_not_bar_but_is_named():
    visits = [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), NO_REPLY)]
    gone = ForeignTrip(date(2026, 10, 1), "Spain", date(2026, 9, 1))
    c = with_attempts(case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5), trips=[gone]), visits)
    status = case_warrant(c, TODAY)
    assert status.due and "Spain from 1 Oct 2026 has no recorded return" in status.reason


def test_the_warrant_queue_lists_the_longest_waiting_first_with_the_reason():
    older = with_attempts(
        case("older", RiskLevel.MEDIUM, last_seen=date(2026, 1, 5)),
        [visit("a", date(2026, 5, 1), NO_REPLY), visit("b", date(2026, 5, 9), REFUSED)],
    )
    newer = with_attempts(
        case("newer", RiskLevel.VERY_HIGH, last_seen=date(2026, 1, 5)),
        [visit("c", date(2026, 9, 1), NO_REPLY), visit("d", date(2026, 9, 8), NO_REPLY)],
    )
    one = with_attempts(case("one", last_seen=date(2026, 1, 5)), [visit("e", date(2026, 9, 1), NO_REPLY)])
    items = warrant_queue(evaluate_all([newer, one, older], TODAY, POLICY), TODAY, POLICY)
    assert [i.nominal_id for i in items] == ["older", "newer"]
    assert items[0].kind == "Warrant decision" and "1 May 2026" in items[0].reason
    assert items[0].due == date(2026, 5, 9)  # due from the second attempt


# The not-seen queue: a high-risk person is visited every 3 months by default (DOMAIN.md §4).


def test_not_seen_for_longer_than_the_interval_plus_the_margin_oldest_first():
    margin = POLICY.visits.not_seen_margin_days
    assert margin == 28
    # Due 3 months after 5 Jul 2026 = 5 Oct; 5 Oct + 28 days = 2 Nov: past it on 23 Nov.
    past = case("past", RiskLevel.HIGH, last_seen=date(2026, 7, 5))
    # Due 25 Oct 2026 + 28 = 22 Nov: the day after is today, so in.
    edge = case("edge", RiskLevel.HIGH, last_seen=date(2026, 7, 25))
    # Due 26 Oct + 28 = 23 Nov = today: not yet longer than the margin.
    inside = case("inside", RiskLevel.HIGH, last_seen=date(2026, 7, 26))
    seven_years = case("seven", RiskLevel.HIGH, last_seen=date(2019, 6, 1))
    items = not_seen_queue(evaluate_all([past, edge, inside, seven_years], TODAY, POLICY), TODAY, POLICY)
    assert [i.nominal_id for i in items] == ["seven", "past", "edge"]
    said = "last seen 1 Jun 2019, 2,732 days ago; High risk default: every 3 months"
    assert items[0].reason.startswith(said)
    assert "0 unsuccessful attempts since" in items[0].reason


def test_the_not_seen_queue_says_the_attempts_made():
    c = with_attempts(
        case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5)),
        [visit("a", date(2026, 5, 1), NO_REPLY), visit("b", date(2026, 6, 9), REFUSED)],
    )
    (item,) = not_seen_queue(evaluate_all([c], TODAY, POLICY), TODAY, POLICY)
    assert "2 unsuccessful attempts since (latest 9 Jun 2026, refused entry)" in item.reason
    assert (item.days_since, item.attempts) == ((TODAY - date(2026, 1, 5)).days, 2)  # their own columns


def test_the_margin_is_the_policys_and_is_validated():
    text = Path("resources/policy.toml").read_text(encoding="utf-8")
    line = "not_seen_margin_days = 28\n"
    assert line in text
    wide = parse_policy(text.replace(line, "not_seen_margin_days = 60\n"), "f.toml")
    past = case("past", RiskLevel.HIGH, last_seen=date(2026, 7, 5))
    assert not not_seen_queue(evaluate_all([past], TODAY, wide), TODAY, wide)
    assert parse_policy(text.replace(line, ""), "old.toml").visits.not_seen_margin_days == 28
    for bad in ("-1", "400", '"thirty"'):
        with pytest.raises(Exception, match=r"visits\.not_seen_margin_days"):
            parse_policy(text.replace(line, f"not_seen_margin_days = {bad}\n"), "f.toml")


def test_apply_is_refused_while_abroad_on_the_day_decided_and_not_to_apply_is_allowed():
    from somdesk.domain.warrants import decision_problems

    visits = [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), NO_REPLY)]
    away = ForeignTrip(date(2026, 11, 15), "Spain", date(2026, 10, 1), returns_on=date(2026, 12, 15))
    c = with_attempts(case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5), trips=[away]), visits)
    on = date(2026, 11, 20)
    apply = decided("a", "b", apply=True, on=on)
    (problem,) = decision_problems(apply, c.attempts, on, c.nominal)
    assert problem.field == "apply"
    assert problem.message == "s.96B(4): no warrant while outside the UK (trip to Spain 15 Nov-15 Dec 2026)"
    assert decision_problems(decided("a", "b", apply=False, on=on), c.attempts, on, c.nominal) == []
    before = replace(apply, decided_on=date(2026, 11, 14))  # not yet gone
    assert decision_problems(before, c.attempts, on, c.nominal) == []


def test_apply_is_refused_in_custody_or_hospital():
    from somdesk.domain.warrants import decision_problems

    c = case("n1", RiskLevel.HIGH, last_seen=date(2026, 1, 5))
    held = replace(c.nominal, registration=replace(c.nominal.registration, in_custody=True))
    visits = [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), NO_REPLY)]
    tried = attempts_since_seen(visits, datetime(2026, 1, 5, 10))
    problems = decision_problems(decided("a", "b", apply=True), tried, TODAY, held)
    assert [(p.field, p.message) for p in problems] == [
        ("apply", "s.96B(4): no warrant while in custody or detained in hospital")
    ]
    assert decision_problems(decided("a", "b"), tried, TODAY, held) == []


def test_a_decision_covers_at_least_two_attempts_and_leaves_none_behind_s96b2d():
    from somdesk.domain.warrants import decision_problems

    visits = [
        visit("a", date(2026, 9, 1), NO_REPLY),
        visit("b", date(2026, 9, 8), REFUSED),
        visit("c", date(2026, 9, 15), NO_REPLY),
    ]
    tried = attempts_since_seen(visits, datetime(2026, 1, 5, 10))
    (one,) = decision_problems(decided("b"), tried, TODAY)
    assert one.field == "attempts" and "at least two" in one.message
    (orphan,) = decision_problems(decided("b", "c"), tried, TODAY)
    assert orphan.field == "attempts" and "earlier attempt not yet decided on (1 Sep 2026)" in orphan.message
    assert decision_problems(decided("a", "b"), tried, TODAY) == []  # the latest may wait for the next
    # "a" decided on already: a later decision on b and c leaves nothing behind.
    assert decision_problems(decided("b", "c"), tried, TODAY, pending=tried[1:]) == []


def test_who_decided_is_the_signed_in_user_when_known():
    from somdesk.domain.warrants import decision_problems

    visits = [visit("a", date(2026, 9, 1), NO_REPLY), visit("b", date(2026, 9, 15), NO_REPLY)]
    tried = attempts_since_seen(visits, datetime(2026, 1, 5, 10))
    forged = replace(decided("a", "b"), decided_by="Supt Nobody")
    (problem,) = decision_problems(forged, tried, TODAY, author="DS Sample")
    assert problem.field == "decided_by" and "(DS Sample), not Supt Nobody" in problem.message
    assert decision_problems(decided("a", "b"), tried, TODAY, author="DS Sample") == []
