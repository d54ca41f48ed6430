"""The oversight board and its forecasts, from DOMAIN.md §4 and §8."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from somdesk.app.policy import default_policy
from somdesk.domain.model import ForeignTrip, Mappa, RecordedVisit, RiskLevel, Visit, VisitOutcome
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.oversight import arms_burn_down, growth_scenarios, oversight
from somdesk.domain.policy import OversightRules
from somdesk.domain.status import evaluate_all
from somdesk.domain.warrants import WarrantDecision
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from tests.domain.test_queues import TODAY, case

POLICY = default_policy()
RULES = OversightRules(population=1_000_000, lookback_months=6)


def board(cases, visits=(), rules=RULES, **kw):
    return oversight(evaluate_all(cases, TODAY, POLICY), TODAY, rules, visits, **kw)


def cases():
    return [
        # Very high risk: monthly; last seen 1 Sept, so due 1 Oct and 53 days overdue on 23 Nov 2026.
        case("vh", RiskLevel.VERY_HIGH, last_seen=date(2026, 9, 1), last_arms=date(2026, 6, 1)),
        # High risk not successfully seen since 2017 (the Met PEEL case): years overdue.
        case("h", RiskLevel.HIGH, last_seen=date(2017, 3, 1), last_arms=date(2024, 1, 1)),
        # Low risk, seen in June: yearly, not overdue; still on the board with 0 days.
        case("low", RiskLevel.LOW, last_seen=date(2026, 6, 1), last_arms=date(2026, 6, 1)),
    ]


def test_every_case_has_its_days_overdue_most_overdue_first():
    b = board(cases())
    assert [r.nominal_id for r in b.cases] == ["h", "vh", "low"]
    by = {r.nominal_id: r for r in b.cases}
    assert by["vh"].visit_days_overdue == 53
    assert by["h"].visit_days_overdue == (TODAY - date(2017, 6, 1)).days  # due 3 months after
    assert by["low"].visit_days_overdue == 0 and by["low"].arms_days_overdue == 0


def test_backlog_by_risk_oldest_and_ageing():
    b = board(cases())
    assert b.figure("visits").ids == ("vh", "h")
    assert b.figure("visits_very_high").ids == ("vh",) and b.figure("visits_high").ids == ("h",)
    assert b.figure("visits_low").value == 0
    assert b.oldest_visit is not None and b.oldest_visit.nominal_id == "h"
    # ARMS: the high risk case's last ARMS (Jan 2024) is past its yearly review; the others not.
    assert b.figure("arms_high").ids == ("h",)
    assert b.oldest_arms is not None and b.oldest_arms.nominal_id == "h"
    buckets = {a.label: a.visits for a in b.ageing}
    assert buckets["31-90 days"] == ("vh",)
    assert buckets["Over a year"] == ("h",)
    assert buckets["1-30 days"] == () and buckets["181-365 days"] == ()


def test_nothing_overdue_has_no_oldest():
    b = board([case("low", RiskLevel.LOW, last_seen=date(2026, 6, 1), last_arms=date(2026, 6, 1))])
    assert b.oldest_visit is None and b.oldest_arms is None


def visit(nid, on, outcome=VisitOutcome.SEEN, officers=("DC A", "DC B"), announced=False):
    return Visit(nid, datetime.combine(on, datetime.min.time()), outcome, announced, tuple(officers))


def test_lone_and_announced_visits_in_the_period():
    # At least two officers attend (HMICFRS 2024); the same officer named twice is still one.
    visits = [
        visit("vh", date(2026, 9, 1), officers=("DC A",)),
        visit("h", date(2026, 10, 1), outcome=VisitOutcome.NOT_SEEN, officers=("DC A", "DC A")),
        visit("low", date(2026, 6, 1), announced=True),
        visit("low", date(2026, 3, 1), officers=("DC A",)),  # before the six-month window: ignored
    ]
    b = board(cases(), visits)
    assert b.visits_in_period == 3
    assert b.figure("lone").ids == ("vh", "h")
    assert b.figure("announced").ids == ("low",)
    assert (b.lone_visits, b.announced_visits) == (2, 1)


def test_lone_visits_authorised_and_without_authorisation_are_counted_apart():
    """Issue 21 review: a lone visit with no authorisation recorded (legacy data) is not an exception."""
    signed = replace(
        visit("vh", date(2026, 9, 1), officers=("DC A",)), lone_reason="ill", lone_authorised_by="DS R"
    )
    visits = [signed, visit("h", date(2026, 10, 1), officers=("DC A",))]
    b = board(cases(), visits)
    assert (b.lone_visits, b.lone_authorised, b.lone_unauthorised) == (2, 1, 1)
    assert b.figure("lone").ids == ("vh", "h") and b.figure("lone_unauthorised").ids == ("h",)
    unrecorded = replace(visit("low", date(2026, 9, 1), officers=()), attendance_recorded=False)
    assert board(cases(), [unrecorded]).lone_visits == 0  # attendance not recorded is not a lone visit


def test_the_visits_figures_say_the_period_they_count():
    """Issue 21 review: the board's lone visits (policy look-back) and the dashboard's (12 months)
    differed with no period stated."""
    b = board(cases(), [visit("vh", date(2026, 9, 1), officers=("DC A",))])
    for key in ("lone", "lone_unauthorised", "announced"):
        assert f"since {b.period_from:%d %b %Y} (the last 6 months)" in b.figure(key).label
    assert "since" not in b.figure("warrant").label


def attempt(nid, on, outcome, n):
    return RecordedVisit(nid, datetime.combine(on, datetime.min.time()), outcome, id=f"{nid}-{n}")


def with_attempts(c, *outcomes_on, decided=False):
    """A case as the store loads it: its unsuccessful attempts since last seen (s.96B(2)(d)) and any
    warrant decision on them."""
    made = tuple(attempt(c.nominal.id, on, outcome, n) for n, (on, outcome) in enumerate(outcomes_on))
    decisions = (
        (
            WarrantDecision(
                c.nominal.id, date(2026, 10, 5), False, "seen at work", "DS X", tuple(a.id for a in made)
            ),
        )
        if decided
        else ()
    )
    return c._replace(attempts=made, warrant_decisions=decisions)


def test_warrant_decision_at_two_unsuccessful_attempts_since_last_seen():
    two = ((date(2026, 9, 1), VisitOutcome.NOT_SEEN), (date(2026, 10, 1), VisitOutcome.REFUSED_ENTRY))
    cs = [
        with_attempts(case("two", RiskLevel.HIGH, last_seen=date(2026, 8, 1)), *two),
        with_attempts(case("one", RiskLevel.HIGH, last_seen=date(2026, 8, 1)), two[0]),
        with_attempts(
            case(
                "abroad",
                RiskLevel.HIGH,
                last_seen=date(2026, 8, 1),
                trips=[ForeignTrip(date(2026, 11, 20), "Spain", returns_on=date(2026, 12, 4))],
            ),
            *two,
        ),
        with_attempts(case("decided", RiskLevel.HIGH, last_seen=date(2026, 8, 1)), *two, decided=True),
    ]
    custody = with_attempts(case("custody", RiskLevel.HIGH, last_seen=date(2026, 8, 1)), *two)
    custody = custody._replace(
        nominal=replace(custody.nominal, registration=replace(custody.nominal.registration, in_custody=True))
    )
    cs.append(custody)
    b = board(cs)
    # In custody or abroad: no warrant (s.96B(4)); a decision already recorded on them closes the prompt;
    # one attempt is not enough ("on at least two occasions").
    assert b.figure("warrant").ids == ("two",)


def test_annual_report_figures():
    missing = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 1))
    wanted = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 1))
    a, b_, c = cases()
    a = a._replace(
        missing=wanted,
        breaches_found=(date(2026, 2, 1), date(2026, 3, 1)),
        nominal=replace(
            a.nominal,
            mappa=Mappa(1, 2),
            orders=(CivilOrder(OrderKind.SHPO, "X", date(2025, 1, 1), date(2030, 1, 1)),),
        ),
    )
    b_ = b_._replace(
        missing=missing,
        breaches_found=(date(2025, 2, 1),),  # last year: not counted
        nominal=replace(
            b_.nominal,
            orders=(
                CivilOrder(OrderKind.SRO, "X", date(2026, 1, 1), date(2028, 1, 1)),
                CivilOrder(OrderKind.SHPO, "X", date(2015, 1, 1), date(2020, 1, 1)),  # ended
            ),
        ),
    )
    ended = case("ended", RiskLevel.LOW, registered=date(2000, 1, 2))
    b = board([a, b_, c])
    rows = dict(b.annual_report())
    assert rows["RSOs managed"] == "3"
    assert rows["RSOs per 100,000 population"] == "0.3"
    assert rows["MAPPA level 1"] == "2" and rows["MAPPA level 2"] == "1" and rows["MAPPA level 3"] == "0"
    # The reporting year runs from 1 April (policy): February and March 2026 were the year before.
    assert b.figure("breaches").ids == ()
    assert rows["Reporting year"] == "1 April 2026 to 31 March 2027, to 23 November 2026"
    assert b.figure("shpos").ids == ("vh",) and b.figure("sros").ids == ("h",)
    assert b.figure("wanted").ids == ("vh",) and b.figure("missing").ids == ("h",)
    no_pop = board([a, ended], rules=OversightRules())
    assert no_pop.rsos_per_100k is None
    assert "population not set" in dict(no_pop.annual_report())["RSOs per 100,000 population"]


def test_growth_scenarios_own_national_and_creedon():
    rules = replace(POLICY.caseload, growth_rate=0.0829, target_ratio=50)
    s = {x.name: x for x in growth_scenarios(1000, 20, rules, OversightRules())}
    assert [x.rate for x in s.values()] == [0.0829, 0.025, 0.06]
    own, national, creedon = (s[k].years[1] for k in ("Force's own rate", "National", "Creedon review"))
    assert (own.rsos, own.soms_needed, own.shortfall) == (1083, 22, 2)
    assert (national.rsos, national.soms_needed, national.shortfall) == (1025, 21, 1)
    assert (creedon.rsos, creedon.soms_needed) == (1060, 22)
    # England and Wales, 70,052 in March 2024, at the Creedon 6%: five years on.
    five = growth_scenarios(70_052, 0, rules, OversightRules())[2].years[5]
    assert five.rsos == round(70_052 * 1.06**5)


def test_burn_down_at_the_recent_rate_net_of_those_falling_due():
    done = [date(2026, m, 10) for m in range(6, 12) for _ in range(10)]  # 10 a month, Jun-Nov
    done += [date(2026, 1, 10)] * 50  # before the window: not counted
    bd = arms_burn_down(30, done, 24, TODAY, 6, target=date(2027, 2, 23))
    assert bd.completed_per_month == 10 and bd.falling_due_per_month == 4
    assert bd.months_to_clear == 5 and bd.clears_on == date(2027, 4, 23)
    assert bd.extra_per_month == 4  # 30 over 3 months is 10 a month net: 14 completed, 4 more


def test_burn_down_that_never_clears_and_one_already_on_course():
    bd = arms_burn_down(30, [date(2026, 10, 1)] * 6, 12, TODAY, 6, target=date(2027, 11, 23))
    assert bd.months_to_clear is None and bd.clears_on is None
    assert bd.extra_per_month == 4  # 30 over 12 months is 2.5 a month net, plus 2 falling due, less 1
    on_course = arms_burn_down(10, [date(2026, 11, 1)] * 60, 0, TODAY, 6, target=date(2027, 5, 23))
    assert on_course.months_to_clear == 1 and on_course.extra_per_month == 0
    assert arms_burn_down(0, [], 5, TODAY, 6).clears_on == TODAY


def test_burn_down_refuses_a_target_in_the_past():
    with pytest.raises(ValueError, match="target"):
        arms_burn_down(5, [], 0, TODAY, 6, target=TODAY)


def test_breaches_are_counted_in_the_reporting_year_and_those_charged_apart():
    """DOMAIN.md §8 asks for "breaches charged", and MAPPA annual reports run from 1 April to 31 March:
    the breaches found since the reporting year started (its month from policy), and of them those
    charged or filed to the CPS (breaches.is_charged), each as breaches and as RSOs."""
    from somdesk.domain.breaches import BreachAction, is_charged
    from somdesk.domain.oversight import reporting_year_start

    a, b_, c = cases()
    a = a._replace(
        breaches_found=(date(2026, 3, 31), date(2026, 4, 1), date(2026, 9, 1)),
        breaches_charged=(date(2026, 3, 31), date(2026, 9, 1)),
    )
    b_ = b_._replace(breaches_found=(date(2026, 11, 2), date(2026, 11, 30)))  # the 30th: after today
    b = board([a, b_, c])
    assert b.year_from == date(2026, 4, 1) and (b.breaches_in_year, b.charged_in_year) == (3, 1)
    assert b.figure("breaches").ids == ("vh", "h") and b.figure("breaches_charged").ids == ("vh",)
    rows = dict(b.annual_report())
    assert rows["Breaches found in the reporting year"] == "3 breaches (2 RSOs)"
    assert rows["Breaches charged or filed to the CPS"] == "1 breach (1 RSO)"
    # A force whose year starts in January counts the calendar year.
    january = board([a, b_, c], rules=replace(RULES, year_starts_month=1))
    assert (january.breaches_in_year, january.charged_in_year) == (4, 2)
    assert january.year_label == "1 January 2026 to 31 December 2026"
    assert reporting_year_start(date(2027, 3, 31), 4) == date(2026, 4, 1)
    assert reporting_year_start(date(2027, 4, 1), 4) == date(2027, 4, 1)

    assert is_charged(BreachAction.CPS_FILE, "") and is_charged(BreachAction.ARREST, "Charged 3 Nov")
    assert not is_charged(BreachAction.ARREST, "NFA: not charged") and not is_charged(
        BreachAction.WARNING, ""
    )
    assert not is_charged(BreachAction.CPS_FILE, "CPS: no charge; uncharged")


def test_the_reporting_year_start_is_a_month_from_policy():
    from somdesk.app.policy import default_policy_text
    from somdesk.domain.policy_text import PolicyFileError, parse_policy

    text = default_policy_text()
    assert parse_policy(text, "p.toml").oversight.year_starts_month == 4
    with pytest.raises(PolicyFileError, match="year_starts_month"):
        parse_policy(text.replace("year_starts_month = 4", "year_starts_month = 13"), "p.toml")
