"""A week's rounds from the workspace: the planner's owed visits, points, pins, windows and shifts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import NamedTuple

import pytest

from somdesk.app.policy import default_policy
from somdesk.app.round_planning import default_shifts, optimise, round_problem, travel_matrix
from somdesk.domain.model import Address, RiskLevel, Visit, VisitOutcome
from somdesk.domain.planner import week_of
from somdesk.domain.round_windows import visit_window
from somdesk.domain.rounds import GridPoint, Team, VisitWindow
from somdesk.domain.status import evaluate_all
from somdesk.domain.travel import BadPoint
from somdesk.domain.visit_variety import VarietyRules
from tests.domain.test_queues import TODAY, case

POLICY = default_policy()
MONDAY = week_of(TODAY)
TEAM = Team("DC Holdale and DC Reyes", ("o-1", "o-2"), GridPoint(450_000, 300_000))
LONG_AGO = TODAY - timedelta(days=400)


class Located(NamedTuple):  # what the locations store gives
    point: GridPoint
    source: str


def at(c, area: str, postcode: str):
    return c._replace(nominal=replace(c.nominal, address=Address("1 High Street", "Town", postcode, area)))


def statuses():
    cases = [
        at(case("a", RiskLevel.HIGH, last_seen=LONG_AGO), "Saltmarsh", "ZZ4 9XW"),
        at(case("b", RiskLevel.LOW, last_seen=LONG_AGO), "Kettleby", "ZZ2 1AB"),
        at(case("c", RiskLevel.LOW, last_seen=TODAY - timedelta(days=10)), "Kettleby", "ZZ2 1AA"),
    ]
    planned = MONDAY + timedelta(days=3)
    cases[2] = cases[2]._replace(planned_visit=planned)
    return evaluate_all(cases, TODAY, POLICY)


def test_the_problem_holds_the_planners_visits_in_its_order_with_risk_lengths_and_overdue_days():
    points = {"a": GridPoint(451_000, 300_000), "b": Located(GridPoint(452_000, 300_000), "demo")}
    problem = round_problem(statuses(), points, [TEAM], MONDAY, TODAY, POLICY)
    assert [v.nominal_id for v in problem.visits] == ["c", "b", "a"]  # Kettleby ZZ2 1AA first
    c, b, a = problem.visits
    assert a.point == GridPoint(451_000, 300_000) and b.point == GridPoint(452_000, 300_000)
    assert c.point is None
    assert a.minutes == 50 and b.minutes == 30
    assert a.days_overdue > 0 and a.days_overdue == (TODAY - a.due).days
    assert c.planned == MONDAY + timedelta(days=3) and c.days_overdue == 0
    assert a.label.endswith(")") and a.area == "Saltmarsh"
    assert len(problem.shifts) == 5 and problem.shifts[0].start == time(9)


def test_pins_evening_requests_and_variety_set_the_day_and_window():
    evenings = [
        Visit("b", datetime(2026, 10, d, 19, 0), VisitOutcome.SEEN, officers=("A", "B")) for d in range(1, 5)
    ]
    problem = round_problem(
        statuses(),
        {},
        [TEAM],
        MONDAY,
        TODAY,
        POLICY,
        pins={"a": MONDAY + timedelta(days=1)},
        evening_requests={"a"},
        recent_visits={"b": evenings},
    )
    by_id = {v.nominal_id: v for v in problem.visits}
    assert by_id["a"].pinned == MONDAY + timedelta(days=1) and by_id["a"].window is VisitWindow.EVENING
    assert by_id["b"].window is VisitWindow.DAYTIME, "four evenings in a row: a daytime visit next"
    assert by_id["c"].window is VisitWindow.ANY


def test_the_variety_rules_ask_for_an_evening_after_daytime_visits_and_any_time_otherwise():
    rules = VarietyRules()

    def visits(*hours: int) -> list[Visit]:
        return [Visit("n", datetime(2026, 10, i + 1, h), VisitOutcome.SEEN) for i, h in enumerate(hours)]

    assert visit_window(visits(10, 14, 11, 9), rules) is VisitWindow.EVENING
    assert visit_window(visits(18, 19, 20, 17), rules) is VisitWindow.DAYTIME
    assert visit_window(visits(10, 19, 11, 9), rules) is VisitWindow.ANY
    assert visit_window(visits(10, 11, 9), rules) is VisitWindow.ANY, "too few to judge"
    assert visit_window(visits(18, 19, 20, 17), rules, evening_requested=True) is VisitWindow.EVENING


def test_an_evening_shift_is_as_long_as_a_day_and_ends_with_the_evening_slot():
    rules = POLICY.rounds
    shifts = default_shifts(2, MONDAY, rules, evening_days={MONDAY + timedelta(days=2)})
    assert len(shifts) == 10 and {s.team for s in shifts} == {0, 1}
    late = [s for s in shifts if s.day == MONDAY + timedelta(days=2)]
    assert {(s.start, s.end) for s in late} == {(time(13), time(21))}


def test_the_planned_week_is_a_plan_the_optimiser_can_make():
    points = {"a": GridPoint(451_000, 300_000), "b": GridPoint(452_000, 300_000)}
    problem = round_problem(statuses(), points, [TEAM], MONDAY, TODAY, POLICY)
    plan = optimise(problem, travel_matrix(problem))
    assert plan.visits == 2 and [u.nominal_id for u in plan.unplaced] == ["c"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"monday": MONDAY + timedelta(days=1)}, "the week must start on a Monday"),
        ({"teams": []}, "at least one team"),
        ({"pins": {"a": MONDAY + timedelta(days=9)}}, "visit a: pinned to"),
        ({"points": {"a": GridPoint(float("nan"), 1)}}, "the point of visit a: the easting must be whole"),
        ({"points": {"a": GridPoint(10**20, 1)}}, "the point of visit a: the easting must be from 0"),
        ({"teams": [TEAM._replace(base=GridPoint(-5, 0))]}, "the base of DC Holdale and DC Reyes"),
    ],
)
def test_bad_input_is_refused_before_the_solver_naming_what_is_wrong(kwargs, message):
    args = {"points": {}, "teams": [TEAM], "monday": MONDAY, **kwargs}
    with pytest.raises((ValueError, BadPoint), match=message):
        round_problem(
            statuses(),
            args["points"],
            args["teams"],
            args["monday"],
            TODAY,
            POLICY,
            **{k: v for k, v in kwargs.items() if k == "pins"},
        )


def test_a_shift_ending_before_it_starts_is_refused():
    bad = default_shifts(1, MONDAY, POLICY.rounds)[0]._replace(start=time(17), end=time(9))
    with pytest.raises(ValueError, match=r"ends \(09:00\) before it starts \(17:00\)"):
        round_problem(statuses(), {}, [TEAM], MONDAY, TODAY, POLICY, shifts=[bad])


def test_days_already_gone_are_not_worked():
    """Planned on a Wednesday, the week's Monday and Tuesday are past: no visit is put on them, and
    one pinned to Monday is said to be on a day not worked, for the officer to move."""
    from somdesk.domain.rounds import UnplacedReason

    wednesday = MONDAY + timedelta(days=2)
    points = {"a": GridPoint(451_000, 300_000), "b": GridPoint(452_000, 300_000)}
    problem = round_problem(statuses(), points, [TEAM], MONDAY, wednesday, POLICY, pins={"b": MONDAY})
    assert [s.day for s in problem.shifts] == [wednesday + timedelta(days=n) for n in range(3)]
    plan = optimise(problem, travel_matrix(problem))
    assert all(d.shift.day >= wednesday for d in plan.days)
    reasons = {u.nominal_id: u.reason for u in plan.unplaced}
    assert reasons["b"] is UnplacedReason.PINNED_DAY_NOT_WORKED


def test_todays_shift_starts_no_earlier_than_now_and_a_day_already_over_is_not_worked():
    points = {"a": GridPoint(451_000, 300_000), "b": GridPoint(452_000, 300_000)}
    problem = round_problem(statuses(), points, [TEAM], MONDAY, MONDAY, POLICY, now=time(13, 2))
    assert problem.shifts[0].day == MONDAY and problem.shifts[0].start == time(13, 5)
    plan = optimise(problem, travel_matrix(problem))
    assert all(s.arrive >= time(13, 5) for d in plan.days if d.shift.day == MONDAY for s in d.stops)
    late = round_problem(statuses(), points, [TEAM], MONDAY, MONDAY, POLICY, now=time(17, 30))
    assert MONDAY not in {s.day for s in late.shifts}


def test_a_visit_booked_for_a_later_day_in_another_week_is_left_to_that_week():
    """Booking next week must not take back a visit already booked for later this week."""
    points = {"a": GridPoint(451_000, 300_000), "b": GridPoint(452_000, 300_000)}
    booked_tomorrow = [
        s._replace(case=s.case._replace(planned_visit=MONDAY + timedelta(days=1))) for s in statuses()
    ]
    next_week = round_problem(booked_tomorrow, points, [TEAM], MONDAY + timedelta(days=7), MONDAY, POLICY)
    assert next_week.visits == ()  # each is booked for tomorrow: none is offered to next week
    this_week = round_problem(booked_tomorrow, points, [TEAM], MONDAY, MONDAY, POLICY)
    assert {v.planned for v in this_week.visits} == {MONDAY + timedelta(days=1)}
    missed = [s._replace(case=s.case._replace(planned_visit=MONDAY - timedelta(days=3))) for s in statuses()]
    assert round_problem(missed, points, [TEAM], MONDAY, MONDAY, POLICY).visits  # a missed booking is owed


def test_a_visit_booked_for_a_day_and_a_time_starts_at_that_time_unless_pinned_elsewhere():
    """Planned again, a booked visit keeps its booked start (the reviewer saw Monday's order reversed)."""
    points = {n: GridPoint(451_000 + 1000 * i, 300_000) for i, n in enumerate("abc")}
    thursday = MONDAY + timedelta(days=3)
    booked = [s._replace(case=s.case._replace(planned_time=time(14, 30))) for s in statuses()]
    problem = round_problem(booked, points, [TEAM], MONDAY, MONDAY, POLICY)
    c = next(v for v in problem.visits if v.nominal_id == "c")
    assert c.planned == thursday and c.booked_at == time(14, 30)
    plan = optimise(problem, travel_matrix(problem))
    (stop,) = [s for d in plan.days if d.shift.day == thursday for s in d.stops if s.nominal_id == "c"]
    assert stop.arrive == time(14, 30)
    moved = round_problem(booked, points, [TEAM], MONDAY, MONDAY, POLICY, pins={"c": MONDAY})
    assert next(v for v in moved.visits if v.nominal_id == "c").booked_at is None
