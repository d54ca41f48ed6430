"""The prioritisation queues: seed order, explanations, and total order (property-based)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings

from somdesk.app.policy import default_policy
from somdesk.domain.model import (
    Address,
    Case,
    Disposal,
    ForeignTrip,
    Nominal,
    Registration,
    RiskLevel,
    Sex,
    Term,
)
from somdesk.domain.queues import QUEUES, arms_queue, notification_queue, place_in, rank_in, visit_queue
from somdesk.domain.status import evaluate, evaluate_all
from somdesk.domain.visits import VisitState
from somdesk.domain.words import day
from tests.domain.strategies import TODAY, case_lists

POLICY = default_policy()
ADDRESS = Address("4 Pipit Court", "Ravensholt", "ZZ5 4GH", "Ravensholt")


def case(
    nid: str,
    risk: RiskLevel | None = RiskLevel.MEDIUM,
    *,
    released: date | None = None,
    registered: date | None = date(2024, 1, 2),
    last_seen: date | None = None,
    last_arms: date | None = None,
    last_notification: date | None = date(2026, 6, 1),
    nfa: bool = False,
    trips=(),
) -> Case:
    reg = Registration(
        date(2024, 1, 1),
        Disposal.IMPRISONMENT if released else Disposal.OTHER,
        Term(12) if released else None,
        registered_on=registered,
        last_notification=last_notification,
        released_on=released,
    )
    nominal = Nominal(
        nid,
        "SYN" + nid,
        "SYN/" + nid,
        "Quenford",
        "Liam",
        date(1980, 1, 1),
        Sex.MALE,
        reg,
        None if nfa else ADDRESS,
        officer_id="o1",
        risk_level=risk,
        risk_level_since=date(2024, 1, 2),
        trips=tuple(trips),
    )
    return Case(nominal, last_seen_visit=last_seen, last_arms=last_arms)


def run(queue, cases):
    return queue(evaluate_all(cases, TODAY, POLICY), TODAY, POLICY)


def test_arms_queue_follows_the_seed_order():
    cases = [
        case("low", RiskLevel.LOW, last_arms=date(2025, 10, 1)),
        case("medium", RiskLevel.MEDIUM, last_arms=date(2025, 9, 1)),
        case("high", RiskLevel.HIGH, last_arms=date(2025, 12, 1)),
        case("very-high", RiskLevel.VERY_HIGH, last_arms=date(2025, 12, 1)),
        case("released-late", RiskLevel.LOW, released=date(2026, 11, 1), registered=date(2026, 11, 1)),
        case("released-early", RiskLevel.LOW, released=date(2026, 10, 1), registered=date(2026, 10, 1)),
        case("current", RiskLevel.VERY_HIGH, last_arms=date(2026, 10, 1)),  # not due: not listed
    ]
    items = run(arms_queue, cases)
    assert [i.nominal_id for i in items] == [
        "released-early",
        "released-late",
        "very-high",
        "high",
        "medium",
        "low",
    ]
    assert [i.tier for i in items] == [1, 1, 2, 2, 3, 4]
    first = items[0]
    assert first.kind == "ARMS initial" and first.overdue and first.when == "11 days overdue"
    assert first.reason.startswith(
        "released from custody on 1 Oct 2026: ARMS deadline 6 weeks (national guidance); due 12 Nov 2026"
    )
    assert first.place(1) == (
        "#1: tier 1, releases and new registrations (ARMS deadline, national guidance); within it, "
        "earliest deadline first, then higher risk, then a recent breach or restricting order in force first"
    )


def test_unassessed_risk_is_prioritised_by_policy_never_as_low():
    items = run(
        arms_queue,
        [
            case("unassessed", None, last_arms=date(2025, 10, 1)),
            case("low", RiskLevel.LOW, last_arms=date(2025, 9, 1)),
        ],
    )
    assert [i.nominal_id for i in items] == ["unassessed", "low"]
    assert items[0].risk is RiskLevel.HIGH and "not yet assessed" in items[0].reason


def test_visit_queue_overdue_by_risk_then_days_then_due_soon():
    cases = [
        case("soon-b", RiskLevel.LOW, last_seen=date(2025, 11, 30)),  # due 30 Nov
        case("soon-a", RiskLevel.MEDIUM, last_seen=date(2026, 5, 25)),  # due 25 Nov
        case("medium-long", RiskLevel.MEDIUM, last_seen=date(2026, 1, 1)),
        case("medium-short", RiskLevel.MEDIUM, last_seen=date(2026, 5, 1)),
        case("high", RiskLevel.HIGH, last_seen=date(2026, 8, 1)),
        case("far", RiskLevel.LOW, last_seen=date(2026, 11, 1)),  # due next year: not listed
    ]
    items = run(visit_queue, cases)
    assert [i.nominal_id for i in items] == ["high", "medium-long", "medium-short", "soon-a", "soon-b"]
    assert [i.tier for i in items] == [1, 1, 1, 2, 2]
    assert items[0].reason == (
        "High risk; last seen 1 Aug 2026; High risk default: every 3 months; due 1 Nov 2026, 22 days overdue"
    )
    assert (
        items[3]
        .place(4)
        .endswith(
            "earliest due date first, then higher risk, then a recent breach or restricting order in force "
            "first; missing or wanted last"
        )
    )


def test_notification_queue_lists_every_kind_with_its_reason():
    cases = [
        case("annual", last_notification=date(2025, 11, 1)),
        case("weekly", last_notification=date(2026, 11, 20), nfa=True),
        case("initial", registered=None, last_notification=None),
        case("travel", trips=[ForeignTrip(date(2026, 12, 1), "Greece", date(2026, 11, 28))]),
    ]
    items = run(notification_queue, cases)
    by_id = {i.nominal_id: i for i in items}
    assert by_id["annual"].kind == "Annual notification" and by_id["annual"].days_left == -22
    assert by_id["weekly"].kind == "Weekly notification" and by_id["weekly"].due == date(2026, 11, 27)
    assert by_id["initial"].kind == "Initial notification" and by_id["initial"].overdue
    travel = by_id["travel"]
    # 3 days before departure: short notice, which needs a reason, not simply late (DOMAIN.md §5).
    assert (
        "notified 28 Nov 2026, inside the 7 days (due by 24 Nov 2026): short notice: reason to record;"
        in travel.reason
    )
    assert [i.tier for i in items] == sorted(i.tier for i in items)
    assert items[0].nominal_id == "initial"  # overdue since 2020: the oldest date first


_OWED_KINDS = ("Initial notification", "Weekly notification", "Annual notification")


def test_a_notification_overdue_is_one_status_the_caseload_and_the_queue_both_read():
    """The status says overdue, and by how much, for exactly the date the queue lists as overdue."""
    cases = [
        case("annual", last_notification=date(2025, 11, 1)),  # due 31 Oct 2026: 23 days ago
        case("fine", last_notification=date(2026, 6, 1)),
        case("initial", registered=None, last_notification=None),
    ]
    statuses = {s.case.nominal.id: s.notification for s in evaluate_all(cases, TODAY, POLICY)}
    by_id = {i.nominal_id: i for i in run(notification_queue, cases)}
    annual = statuses["annual"]
    assert (
        annual.overdue
        and annual.owed == by_id["annual"].due
        and annual.days_left == by_id["annual"].days_left
    )
    assert not statuses["fine"].overdue and "fine" not in by_id
    assert statuses["initial"].overdue and statuses["initial"].owed == by_id["initial"].due


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(case_lists())
def test_whoever_the_notification_queue_lists_as_overdue_the_status_calls_overdue(cases):
    statuses = evaluate_all(cases, TODAY, POLICY)
    items = notification_queue(statuses, TODAY, POLICY)
    overdue_items: dict[str, date] = {}
    for i in items:
        if i.kind in _OWED_KINDS and i.overdue:
            overdue_items[i.nominal_id] = min(i.due, overdue_items.get(i.nominal_id, i.due))
    said = {s.case.nominal.id: s.notification.owed for s in statuses if s.notification.overdue}
    assert said == overdue_items


def test_equal_deadlines_are_broken_by_id_so_the_order_is_stable():
    twins = [case(f"twin-{k}", RiskLevel.HIGH, last_seen=date(2026, 6, 1)) for k in "cab"]
    assert [i.nominal_id for i in run(visit_queue, twins)] == ["twin-a", "twin-b", "twin-c"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(case_lists())
def test_every_queue_is_a_total_order_with_every_item_explained(cases):
    statuses = evaluate_all(cases, TODAY, POLICY)
    shuffled = statuses[:]
    random.Random(len(cases)).shuffle(shuffled)
    for name, queue in QUEUES.items():
        items = queue(statuses, TODAY, POLICY)
        keys = [i.sort_key for i in items]
        assert keys == sorted(keys) and len(set(keys)) == len(keys), name  # strictly increasing: total
        assert [rank_in(items, i) for i in items] == list(range(1, len(items) + 1))  # rank: position
        assert queue(shuffled, TODAY, POLICY) == items, name  # input order never matters
        for rank, item in enumerate(items, start=1):
            assert item.reason and place_in(items, item).startswith(f"#{rank}: tier {item.tier}")
            assert day(item.due) in item.reason or item.kind == "Foreign travel", (name, item.reason)
            assert item.days_left == (item.due - TODAY).days
            assert (item.tier == 1) == item.overdue or name == "arms"
        if name == "visits":
            risks_overdue = [(-i.risk, i.days_left) for i in items if i.tier == 1]
            assert risks_overdue == sorted(risks_overdue)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(case_lists(max_size=20))
def test_date_invariants(cases):
    for c in cases:
        s = evaluate(c, TODAY, POLICY)
        v = s.visit
        if v.state is VisitState.ROUTINE:
            assert v.due is not None
            if c.last_seen_visit is not None:
                assert v.due > c.last_seen_visit  # a next-due date never precedes the last visit
        if s.arms.due is not None and c.last_arms is not None and s.arms.state.value == "review":
            assert s.arms.due > c.last_arms
        n = s.notification
        if n.next_due is not None:
            assert n.next_due > c.nominal.registration.last_notification
        if n.last_day is not None:
            assert n.last_day >= c.nominal.registration.relevant_date
        if n.initial_deadline is not None:
            assert n.initial_deadline >= c.nominal.registration.relevant_date


def test_queues_use_the_force_policy():
    slow = replace(
        POLICY,
        visits=replace(POLICY.visits, interval_months={**POLICY.visits.interval_months, RiskLevel.HIGH: 12}),
    )
    statuses = evaluate_all([case("h", RiskLevel.HIGH, last_seen=date(2026, 6, 1))], TODAY, slow)
    assert visit_queue(statuses, TODAY, slow) == []  # due June 2027 under a 12-month policy
    assert len(run(visit_queue, [case("h", RiskLevel.HIGH, last_seen=date(2026, 6, 1))])) == 1


def test_queue_items_carry_what_a_list_view_needs():
    item = run(visit_queue, [case("x", RiskLevel.VERY_HIGH, last_seen=date(2026, 10, 1))])[0]
    assert (item.name, item.officer_id, item.area) == ("QUENFORD, Liam", "o1", "Ravensholt")
    assert item.when == "22 days overdue"
    soon = run(visit_queue, [case("y", RiskLevel.VERY_HIGH, last_seen=date(2026, 10, 24))])[0]
    assert soon.when == "due in 1 day"
