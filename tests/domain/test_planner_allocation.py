"""The visit round for a week, and previews of case moves between officers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from somdesk.app.policy import default_policy
from somdesk.domain.allocation import move_cases, preview_moves
from somdesk.domain.model import Address, RiskLevel
from somdesk.domain.planner import postcode_key, visit_round, week_of
from somdesk.domain.status import evaluate_all
from tests.domain.test_caseload import OFFICERS, TEAMS, allocate
from tests.domain.test_queues import TODAY, case

POLICY = default_policy()
MONDAY = week_of(TODAY)


def at(c, area: str, postcode: str, line1: str = "1 High Street"):
    return c._replace(nominal=replace(c.nominal, address=Address(line1, "Town", postcode, area)))


def test_week_of_is_the_monday():
    assert week_of(date(2026, 11, 23)) == date(2026, 11, 23)  # a Monday
    assert week_of(date(2026, 11, 29)) == date(2026, 11, 23)


def test_postcodes_sort_as_on_a_map_not_as_text():
    codes = ["ZZ10 1AA", "ZZ2 9ZZ", "ZZ2 1AB", "zz2 1aa", "nonsense"]
    assert sorted(codes, key=postcode_key) == ["zz2 1aa", "ZZ2 1AB", "ZZ2 9ZZ", "ZZ10 1AA", "nonsense"]


def test_round_keeps_overdue_and_due_this_week_grouped_by_area_in_postcode_order():
    seen_long_ago = TODAY - timedelta(days=400)
    cases = [
        at(case("a", RiskLevel.LOW, last_seen=seen_long_ago), "Saltmarsh", "ZZ4 9XW"),
        at(case("b", RiskLevel.LOW, last_seen=seen_long_ago), "Kettleby", "ZZ2 1AB"),
        at(case("c", RiskLevel.LOW, last_seen=seen_long_ago), "Saltmarsh", "ZZ4 1AA"),
        at(case("d", RiskLevel.LOW, last_seen=TODAY - timedelta(days=10)), "Kettleby", "ZZ2 1AA"),  # not due
        case("e", RiskLevel.LOW, last_seen=seen_long_ago, nfa=True),
    ]
    statuses = evaluate_all(cases, TODAY, POLICY)
    stops = visit_round(statuses, MONDAY, TODAY)
    assert [s.nominal_id for s in stops] == ["b", "c", "a", "e"]
    assert [s.number for s in stops] == [1, 2, 3, 4]
    assert all(s.overdue and s.reason.startswith("Overdue by") for s in stops)


def test_a_planned_visit_in_the_week_is_listed_even_when_not_yet_due():
    planned = MONDAY + timedelta(days=2)
    c = at(case("p", RiskLevel.LOW, last_seen=TODAY - timedelta(days=10)), "Kettleby", "ZZ2 1AA")
    later = c._replace(planned_visit=planned + timedelta(days=14))
    stops = visit_round(
        evaluate_all([c._replace(planned_visit=planned), later], TODAY, POLICY), MONDAY, TODAY
    )
    assert len(stops) == 1 and stops[0].planned == planned and "Planned" in stops[0].reason


def test_round_for_one_officer_leaves_out_the_rest():
    old = TODAY - timedelta(days=400)
    statuses = evaluate_all(
        [allocate(case("x", last_seen=old), "o1"), allocate(case("y", last_seen=old), "o2")], TODAY, POLICY
    )
    assert [s.nominal_id for s in visit_round(statuses, MONDAY, TODAY, "o2")] == ["y"]


def test_preview_shows_both_officers_before_and_after_and_changes_nothing():
    cases = [allocate(case(str(i)), "o1") for i in range(6)] + [allocate(case("z"), "o2")]
    statuses = evaluate_all(cases, TODAY, POLICY)
    changes = preview_moves(statuses, {"0": "o2", "1": "o2"}, OFFICERS, TEAMS, POLICY.caseload)
    by = {c.officer.id: c for c in changes}
    assert set(by) == {"o1", "o2"}
    assert (by["o1"].before.load.rsos, by["o1"].after.load.rsos) == (6, 4)
    assert (by["o2"].before.load.rsos, by["o2"].after.load.rsos) == (1, 3)
    assert by["o2"].rsos_change == 2 and by["o1"].rsos_change == -2
    assert [s.case.nominal.officer_id for s in statuses].count("o1") == 6  # the input is untouched
    moved = move_cases(statuses, {"0": "o2"})
    assert moved[0].case.nominal.officer_id == "o2" and moved[1] is statuses[1]
