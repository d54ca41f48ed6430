"""Orders, breaches and missing status in the ARMS and visit queues (issue 19): their reasons and their
place. Examples from DOMAIN.md §3, §4 and §7: an SHPO or SRO in force restricts the person, a
Notification Order does not; a breach is recent for `[visits] breach_recent_days` (90 by default)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.app.policy import default_policy
from somdesk.domain.breaches import BreachKind, FoundBreach
from somdesk.domain.model import Case, RiskLevel
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.queues import arms_queue, visit_queue
from somdesk.domain.status import evaluate_all
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from tests.domain.test_queues import case

POLICY = default_policy()
TODAY = date(2026, 11, 23)
SHPO = CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", date(2020, 3, 3), until_further_order=True)
ENDED_SRO = CivilOrder(OrderKind.SRO, "Northmere Magistrates' Court", date(2023, 1, 9), date(2025, 1, 8))
NOTIFICATION_ORDER = CivilOrder(OrderKind.NOTIFICATION, "Kettleby Crown Court", date(2021, 5, 4))


def with_orders(c: Case, *orders: CivilOrder) -> Case:
    return c._replace(nominal=replace(c.nominal, orders=orders))


def with_breach(c: Case, found: date, kind: BreachKind = BreachKind.NOTIFICATION) -> Case:
    return c._replace(breaches_found=(found,), latest_breach=FoundBreach(found, kind))


def overdue(nid: str, risk: RiskLevel = RiskLevel.HIGH) -> Case:
    return case(nid, risk, last_seen=date(2026, 6, 1))  # high risk: due 1 Sep 2026, 83 days overdue


def arms_due(nid: str, risk: RiskLevel = RiskLevel.HIGH) -> Case:
    return case(nid, risk, last_arms=date(2025, 12, 1))  # review due 1 Dec 2026, in 8 days


def ids(queue, cases, policy=POLICY):
    return [i.nominal_id for i in queue(evaluate_all(cases, TODAY, policy), TODAY, policy)]


def test_of_two_cases_equal_in_all_else_the_one_on_an_shpo_is_visited_first():
    # Without the order the ids alone would put "a" first.
    cases = [overdue("a"), with_orders(overdue("b"), SHPO)]
    assert ids(visit_queue, cases) == ["b", "a"]
    assert ids(arms_queue, [arms_due("a"), with_orders(arms_due("b"), SHPO)]) == ["b", "a"]


def test_a_recent_breach_counts_and_one_older_than_the_window_does_not():
    recent = with_breach(overdue("b"), date(2026, 11, 2))
    old = with_breach(overdue("b"), date(2026, 8, 1))  # 114 days ago: outside the 90
    assert ids(visit_queue, [overdue("a"), recent]) == ["b", "a"]
    assert ids(visit_queue, [overdue("a"), old]) == ["a", "b"]
    longer = replace(POLICY, visits=replace(POLICY.visits, breach_recent_days=180))
    assert ids(visit_queue, [overdue("a"), old], longer) == ["b", "a"]  # the force's window


def test_the_window_edge_a_breach_found_90_days_ago_is_no_longer_recent():
    on_edge = with_breach(overdue("b"), date(2026, 8, 25))  # 90 days before 23 Nov
    inside = with_breach(overdue("b"), date(2026, 8, 26))
    assert ids(visit_queue, [overdue("a"), on_edge]) == ["a", "b"]
    assert ids(visit_queue, [overdue("a"), inside]) == ["b", "a"]


def test_an_ended_order_and_a_notification_order_do_not_count():
    for order in (ENDED_SRO, NOTIFICATION_ORDER):
        items = visit_queue(
            evaluate_all([overdue("a"), with_orders(overdue("b"), order)], TODAY, POLICY), TODAY, POLICY
        )
        assert [i.nominal_id for i in items] == ["a", "b"], order.kind
        assert "in force" not in items[1].reason


def test_risk_still_comes_before_an_order_or_a_breach():
    shpo_medium = with_breach(with_orders(overdue("a", RiskLevel.MEDIUM), SHPO), date(2026, 11, 2))
    assert ids(visit_queue, [shpo_medium, overdue("b", RiskLevel.HIGH)]) == ["b", "a"]


def test_an_order_and_a_recent_breach_come_before_either_alone_and_before_the_most_overdue():
    both = with_breach(with_orders(overdue("c"), SHPO), date(2026, 11, 2))
    longer_overdue = with_orders(case("a", RiskLevel.HIGH, last_seen=date(2026, 3, 1)), SHPO)
    items = visit_queue(evaluate_all([longer_overdue, both, overdue("b")], TODAY, POLICY), TODAY, POLICY)
    assert [i.nominal_id for i in items] == ["c", "a", "b"]
    assert items[1].days_left < items[0].days_left  # more overdue, but one concern fewer


def test_the_reasons_name_the_order_the_latest_breach_and_missing_status():
    gone = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 3))
    c = with_breach(with_orders(overdue("a"), ENDED_SRO, SHPO), date(2026, 11, 2), BreachKind.ORDER)
    (visit,) = visit_queue(evaluate_all([c._replace(missing=gone)], TODAY, POLICY), TODAY, POLICY)
    assert visit.reason == (
        "missing (Wanted since 3 Nov 2026 (20 days)): no routine visit while whereabouts are unknown; "
        "High risk; SHPO in force (made 3 Mar 2020); order breach found 2 Nov 2026; last seen 1 Jun 2026; "
        "High risk default: every 3 months; due 1 Sep 2026, 83 days overdue"
    )
    arms = with_breach(with_orders(arms_due("a"), SHPO), date(2026, 11, 2))._replace(missing=gone)
    (item,) = arms_queue(evaluate_all([arms], TODAY, POLICY), TODAY, POLICY)
    assert item.reason.endswith(
        "; SHPO in force (made 3 Mar 2020); failure to notify found 2 Nov 2026; wanted since 3 Nov 2026 "
        "(20 days)"
    )
    (plain,) = arms_queue(evaluate_all([arms_due("b")], TODAY, POLICY), TODAY, POLICY)
    assert "in force" not in plain.reason and "found" not in plain.reason and "since" not in plain.reason


def test_a_missing_person_is_listed_last_in_their_tier_for_visits_but_keeps_their_arms_place():
    gone = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 3))
    very_high_missing = overdue("a", RiskLevel.VERY_HIGH)._replace(missing=gone)
    medium = case("b", RiskLevel.MEDIUM, last_seen=date(2026, 4, 1))
    soon = case("c", RiskLevel.LOW, last_seen=date(2025, 11, 30))  # due 30 Nov: tier 2
    items = visit_queue(evaluate_all([very_high_missing, medium, soon], TODAY, POLICY), TODAY, POLICY)
    assert [(i.nominal_id, i.tier) for i in items] == [("b", 1), ("a", 1), ("c", 2)]
    arms = [arms_due("b", RiskLevel.HIGH), arms_due("a", RiskLevel.VERY_HIGH)._replace(missing=gone)]
    assert ids(arms_queue, arms) == ["a", "b"]


def test_the_tier_rules_say_the_order_users_see():
    items = visit_queue(evaluate_all([overdue("a")], TODAY, POLICY), TODAY, POLICY)
    assert items[0].order_rule == (
        "higher risk first, then a recent breach or restricting order in force first, then most days "
        "overdue; missing or wanted last"
    )
    (medium,) = arms_queue(evaluate_all([arms_due("m", RiskLevel.MEDIUM)], TODAY, POLICY), TODAY, POLICY)
    assert medium.place(1) == (
        "#1: tier 3, medium risk; within it, earliest due date first, then a recent breach or "
        "restricting order in force first"
    )
