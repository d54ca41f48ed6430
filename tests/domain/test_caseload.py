"""Caseload figures and the growth forecast."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.policy import default_policy
from somdesk.domain.caseload import caseload, forecast
from somdesk.domain.model import Officer, RiskLevel, Team
from somdesk.domain.status import evaluate_all
from tests.domain.test_queues import TODAY, case

POLICY = default_policy()
TEAMS = [Team("t1", "Northmere MOSOVO", "Northmere"), Team("t2", "Kettleby MOSOVO", "Kettleby")]
OFFICERS = [
    Officer("o1", "DC One", "t1"),
    Officer("o2", "DC Two", "t1"),
    Officer("s1", "DS Lead", "t1", is_som=False),
    Officer("o3", "DC Three", "t2"),
]


def allocate(c, officer_id):
    return c._replace(nominal=replace(c.nominal, officer_id=officer_id))


def build():
    cases = [
        allocate(
            case("a", RiskLevel.VERY_HIGH, last_seen=date(2026, 9, 1), last_arms=date(2026, 1, 1)), "o1"
        ),
        allocate(case("b", RiskLevel.LOW, last_seen=date(2026, 9, 1), last_arms=date(2026, 1, 1)), "o1"),
        allocate(
            case(
                "c",
                RiskLevel.HIGH,
                released=date(2026, 9, 1),
                registered=date(2026, 9, 1),
                last_seen=date(2026, 11, 1),
            ),
            "o2",
        ),
        allocate(case("d", None, last_seen=date(2026, 11, 1), last_arms=date(2026, 10, 1)), "o3"),
        allocate(case("e", RiskLevel.MEDIUM, last_seen=date(2026, 11, 1), last_arms=date(2026, 10, 1)), None),
        allocate(
            case("f", RiskLevel.MEDIUM, last_seen=date(2026, 11, 1), last_arms=date(2026, 10, 1)), "gone"
        ),
    ]
    return caseload(evaluate_all(cases, TODAY, POLICY), OFFICERS, TEAMS, POLICY.caseload)


def test_officer_figures():
    report = build()
    one = next(o for o in report.officers if o.officer.id == "o1")
    assert one.load.rsos == 2
    assert one.load.by_risk[RiskLevel.VERY_HIGH] == 1 and one.load.by_risk[RiskLevel.LOW] == 1
    assert one.load.weighted == pytest.approx(4.0 + 0.5)
    assert one.load.overdue_visits == 1  # the very high risk case, last seen in September
    assert one.ratio_to_target == pytest.approx(2 / 50)
    assert one.load_to_target == pytest.approx(4.5 / 50)
    two = next(o for o in report.officers if o.officer.id == "o2")
    assert (two.load.arms_backlog, two.load.arms_breached) == (1, 1)  # released 1 Sept, deadline 13 Oct
    three = next(o for o in report.officers if o.officer.id == "o3")
    assert three.load.unassessed == 1 and three.load.by_risk[RiskLevel.HIGH] == 1  # policy level, not Low


def test_team_figures_count_only_soms_for_the_ratio():
    report = build()
    t1 = next(t for t in report.teams if t.team.id == "t1")
    assert t1.soms == 2 and t1.load.rsos == 3  # the supervisor holds no caseload
    assert t1.rsos_per_som == pytest.approx(1.5)
    assert t1.ratio_to_target == pytest.approx(1.5 / 50)
    assert t1.load_per_som == pytest.approx((4.0 + 0.5 + 2.0) / 2)


def test_unallocated_and_departed_officers_cases_still_count_for_the_force():
    report = build()
    assert report.unallocated.rsos == 2
    assert report.force.rsos == 6 and report.soms == 3


def test_ended_requirements_leave_the_caseload():
    ended = allocate(case("old", RiskLevel.LOW), "o1")
    ended = ended._replace(
        nominal=replace(
            ended.nominal, registration=replace(ended.nominal.registration, relevant_date=date(2019, 1, 1))
        ),
    )
    report = caseload(evaluate_all([ended], TODAY, POLICY), OFFICERS, TEAMS, POLICY.caseload)
    assert report.force.rsos == 0


def test_forecast_compounds_the_growth_rate():
    rows = forecast(1000, 18, POLICY.caseload, years=5)
    assert [r.year for r in rows] == [0, 1, 2, 3, 4, 5]
    assert rows[0].rsos == 1000 and rows[0].soms_needed == 20 and rows[0].shortfall == 2
    assert rows[1].rsos == 1083  # 8.29% a year
    assert rows[5].rsos == round(1000 * 1.0829**5) == 1489
    assert rows[5].soms_needed == 30  # ceil(1489 / 50)
    assert all(a.rsos <= b.rsos for a, b in itertools.pairwise(rows))


def test_forecast_years_default_to_the_policy():
    assert len(forecast(10, 1, POLICY.caseload)) == POLICY.caseload.forecast_years + 1


def test_notifications_overdue_are_counted_per_officer_team_and_force_from_the_queue_s_status():
    overdue, fine = date(2025, 11, 1), date(2026, 6, 1)  # annual: due 31 Oct 2026, and not yet
    cases = [
        allocate(case("a", last_notification=overdue), "o1"),
        allocate(case("b", last_notification=overdue), "o1"),
        allocate(case("c", last_notification=fine), "o2"),
        allocate(case("d", last_notification=overdue), "o3"),
        allocate(case("e", registered=None, last_notification=None), None),  # initial awaited, unallocated
    ]
    statuses = evaluate_all(cases, TODAY, POLICY)
    report = caseload(statuses, OFFICERS, TEAMS, POLICY.caseload)
    by_officer = {o.officer.id: o.load.overdue_notifications for o in report.officers}
    assert by_officer == {"o1": 2, "o2": 0, "s1": 0, "o3": 1}
    assert [t.load.overdue_notifications for t in report.teams] == [2, 1]
    assert report.unallocated.overdue_notifications == 1 and report.force.overdue_notifications == 4
    assert report.force.overdue_notifications == sum(s.notification.overdue for s in statuses)
