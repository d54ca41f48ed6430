"""ARMS deadlines and ratings (DOMAIN.md §3) and home visit scheduling (§4)."""

from dataclasses import replace
from datetime import date, datetime

from somdesk.domain.arms import ArmsState, arms_status, check_ratings, summarise
from somdesk.domain.model import (
    Address,
    ArmsAssessment,
    Case,
    Disposal,
    Nominal,
    Registration,
    RiskLevel,
    Sex,
    Term,
    Visit,
    VisitOutcome,
    VisitPlan,
    summarise_case,
)
from somdesk.domain.visits import VisitState, reactive_eligible, visit_status

TODAY = date(2026, 11, 23)


def nominal(**kw: object) -> Nominal:
    reg = kw.pop(
        "registration",
        Registration(
            date(2020, 1, 1),
            Disposal.OTHER,
            registered_on=date(2020, 1, 2),
            last_notification=date(2026, 6, 1),
        ),
    )
    base = dict(
        id="n1",
        visor_ref="SYN1",
        pnc_id="SYN/1",
        family_name="Marlby",
        given_names="Owen",
        date_of_birth=date(1980, 1, 1),
        sex=Sex.MALE,
        registration=reg,
        address=Address("2 Osier Way", "Saltmarsh", "ZZ4 2CD", "Saltmarsh"),
        risk_level=RiskLevel.MEDIUM,
        risk_level_since=date(2020, 1, 2),
    )
    base.update(kw)
    return Nominal(**base)  # type: ignore[arg-type]


# ---- ARMS


def test_arms_is_due_6_weeks_after_release(policy):
    reg = Registration(
        date(2024, 1, 1),
        Disposal.IMPRISONMENT,
        Term(18),
        registered_on=date(2026, 10, 2),
        released_on=date(2026, 10, 1),
    )
    status = arms_status(Case(nominal(registration=reg), last_arms=date(2024, 6, 1)), TODAY, policy.arms)
    assert status.state is ArmsState.INITIAL
    assert status.due == date(2026, 11, 13)  # newly registered on 2 October: the later trigger
    assert status.days_left == -10 and status.breached
    assert status.trigger == "newly registered on 2 Oct 2026: ARMS deadline 6 weeks (national guidance)"


def test_new_registration_deadline_is_a_policy_choice(policy):
    reg = Registration(date(2026, 11, 1), Disposal.OTHER, registered_on=date(2026, 11, 2))
    case = Case(nominal(registration=reg))
    assert arms_status(case, TODAY, policy.arms).due == date(2026, 12, 14)
    off = replace(policy.arms, new_registrations=False)
    assert arms_status(case, TODAY, off).state is ArmsState.REVIEW  # no trigger: due now, never lost


def test_an_arms_after_the_trigger_moves_to_the_yearly_review(policy):
    reg = Registration(
        date(2024, 1, 1),
        Disposal.IMPRISONMENT,
        Term(18),
        registered_on=date(2025, 3, 2),
        released_on=date(2025, 3, 1),
    )
    status = arms_status(Case(nominal(registration=reg), last_arms=date(2025, 4, 1)), TODAY, policy.arms)
    assert status.state is ArmsState.REVIEW and status.due == date(2026, 4, 1) and status.overdue
    assert not status.breached  # a late review is a backlog, not a missed ARMS deadline


def test_a_significant_change_brings_the_review_forward(policy):
    case = Case(nominal(), last_arms=date(2026, 6, 1), arms_review_requested_on=date(2026, 11, 1))
    status = arms_status(case, TODAY, policy.arms)
    assert status.state is ArmsState.CHANGE_REVIEW and status.due == date(2026, 12, 13)
    assert "significant change recorded 1 Nov 2026" in status.trigger
    stale = case._replace(arms_review_requested_on=date(2026, 5, 1))  # before the last ARMS
    assert arms_status(stale, TODAY, policy.arms).state is ArmsState.REVIEW


def test_arms_does_not_apply_to_women_under_18s_or_while_in_custody(policy):
    assert arms_status(Case(nominal(sex=Sex.FEMALE)), TODAY, policy.arms).state is ArmsState.NOT_APPLICABLE
    assert (
        arms_status(Case(nominal(date_of_birth=date(2009, 1, 1))), TODAY, policy.arms).state
        is ArmsState.NOT_APPLICABLE
    )
    reg = Registration(date(2025, 1, 1), Disposal.IMPRISONMENT, Term(40), in_custody=True)
    status = arms_status(Case(nominal(registration=reg)), TODAY, policy.arms)
    assert status.state is ArmsState.IN_CUSTODY and status.due is None
    assert "ARMS deadline 6 weeks after release" in status.trigger


def test_ratings_are_checked_against_the_instrument(policy):
    instrument = policy.arms_instrument
    ratings = {f.key: "low" for f in instrument.factors}
    assert check_ratings(instrument, ratings) == []
    ratings["opportunity"] = "very"
    del ratings["positive_routine"]
    ratings["made_up"] = "low"
    problems = check_ratings(instrument, ratings)
    assert "'made_up' is not a factor of ARMS ARMS-2014-somdesk-1" in problems
    assert "Positive routine: not rated" in problems
    assert any(p.startswith("Opportunity to offend: 'very' is not a rating") for p in problems)


def test_ratings_summary_names_strong_risks_and_present_protections(policy):
    instrument = policy.arms_instrument
    ratings = {f.key: "low" for f in instrument.factors}
    ratings.update(sexual_preoccupation="high", commitment_to_desist="medium")
    del ratings["hostile_orientation"]
    summary = summarise(instrument, ratings)
    assert summary.risk_factors_strong == ("Sexual preoccupation",)
    assert summary.protective_present == ("Commitment to desist",)
    assert summary.unrated == ("Hostile orientation",)
    assert "Not yet rated: Hostile orientation" in summary.explain()


def test_the_instrument_has_7_risk_and_4_protective_factors(policy):
    kinds = [f.kind for f in policy.arms_instrument.factors]
    assert (kinds.count("risk"), kinds.count("protective")) == (7, 4)


# ---- visits


def test_default_intervals_by_risk_level(policy):
    for risk, months, due in [
        (RiskLevel.VERY_HIGH, 1, date(2026, 11, 10)),
        (RiskLevel.HIGH, 3, date(2027, 1, 10)),
        (RiskLevel.MEDIUM, 6, date(2027, 4, 10)),
        (RiskLevel.LOW, 12, date(2027, 10, 10)),
    ]:
        status = visit_status(
            Case(nominal(risk_level=risk), last_seen_visit=date(2026, 10, 10)),
            risk,
            TODAY,
            policy.visits,
            ended=False,
        )
        assert (status.interval_months, status.due) == (months, due)
        assert f"{risk.label} risk default" in status.basis
    overdue = visit_status(
        Case(nominal(), last_seen_visit=date(2026, 4, 1)), RiskLevel.MEDIUM, TODAY, policy.visits, False
    )
    assert overdue.due == date(2026, 10, 1) and overdue.days_overdue == 53 and overdue.days_left == -53


def test_the_plan_overrides_the_default_with_its_rationale(policy):
    n = nominal(visit_plan=VisitPlan(interval_months=2, rationale="MAPPA agreed"))
    status = visit_status(
        Case(n, last_seen_visit=date(2026, 10, 31)), RiskLevel.MEDIUM, TODAY, policy.visits, False
    )
    assert status.due == date(2026, 12, 31) and "plan: every 2 months" in status.basis


def test_first_visit_after_release(policy):
    reg = Registration(
        date(2024, 1, 1),
        Disposal.IMPRISONMENT,
        Term(18),
        registered_on=date(2026, 11, 2),
        released_on=date(2026, 11, 1),
    )
    status = visit_status(Case(nominal(registration=reg)), RiskLevel.HIGH, TODAY, policy.visits, False)
    assert status.due == date(2026, 11, 29) and status.basis.startswith("never visited")


def test_reactive_management_after_3_years_at_low_risk(policy):
    rules = policy.visits
    assert reactive_eligible(RiskLevel.LOW, date(2023, 11, 23), TODAY, rules)
    assert not reactive_eligible(RiskLevel.LOW, date(2023, 11, 24), TODAY, rules)
    assert not reactive_eligible(RiskLevel.MEDIUM, date(2010, 1, 1), TODAY, rules)
    assert not reactive_eligible(RiskLevel.LOW, None, TODAY, rules)
    assert not reactive_eligible(
        RiskLevel.LOW, date(2010, 1, 1), TODAY, replace(rules, reactive_enabled=False)
    )

    reactive = nominal(
        risk_level=RiskLevel.LOW, risk_level_since=date(2020, 1, 1), visit_plan=VisitPlan(reactive=True)
    )
    status = visit_status(
        Case(reactive, last_seen_visit=date(2023, 1, 1)), RiskLevel.LOW, TODAY, rules, False
    )
    assert status.state is VisitState.REACTIVE and status.due is None


def test_reactive_management_is_reviewed_when_risk_rises(policy):
    risen = nominal(
        risk_level=RiskLevel.MEDIUM, risk_level_since=date(2026, 9, 1), visit_plan=VisitPlan(reactive=True)
    )
    status = visit_status(
        Case(risen, last_seen_visit=date(2023, 1, 1)), RiskLevel.MEDIUM, TODAY, policy.visits, False
    )
    assert status.state is VisitState.ROUTINE and status.review_reactive and status.overdue
    assert status.basis.endswith("reactive management to be reviewed (not assessed as low risk)")


def test_no_visits_in_custody_or_after_the_requirement_ends(policy):
    reg = Registration(date(2025, 1, 1), Disposal.IMPRISONMENT, Term(40), in_custody=True)
    assert (
        visit_status(Case(nominal(registration=reg)), RiskLevel.HIGH, TODAY, policy.visits, False).state
        is VisitState.IN_CUSTODY
    )
    assert visit_status(Case(nominal()), RiskLevel.HIGH, TODAY, policy.visits, True).state is VisitState.ENDED


def test_only_a_visit_where_the_rso_was_seen_resets_the_clock():
    n = nominal()
    visits = [
        Visit("n1", datetime(2026, 9, 1, 10), VisitOutcome.SEEN),
        Visit("n1", datetime(2026, 10, 1, 19), VisitOutcome.NOT_SEEN),
        Visit("n1", datetime(2026, 10, 3, 19), VisitOutcome.REFUSED_ENTRY),
    ]
    arms = [
        ArmsAssessment("n1", date(2025, 5, 1), "DC X", "v", (), RiskLevel.LOW),
        ArmsAssessment("n1", date(2026, 5, 1), "DC X", "v", (), RiskLevel.LOW),
    ]
    case = summarise_case(n, visits, arms)
    assert case.last_seen_visit == date(2026, 9, 1) and case.last_arms == date(2026, 5, 1)
    assert summarise_case(n, [], []).last_seen_visit is None
