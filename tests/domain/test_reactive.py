"""Reactive management only when all four criteria hold (DOMAIN.md §4, NPCC 2017): low risk for 3 years,
no offence in the last 3 years, no civil order in force, no intelligence that they may offend; a case
that fails one is not eligible and the screen says which criterion failed."""

from dataclasses import replace
from datetime import date

from somdesk.domain.breaches import BreachKind, FoundBreach
from somdesk.domain.invariants import intelligence_problems, nominal_problems
from somdesk.domain.model import (
    Address,
    Case,
    Disposal,
    Nominal,
    Registration,
    RiskLevel,
    Sex,
    VisitPlan,
)
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.visits import VisitState, latest_offence, reactive_failure_for, visit_status

TODAY = date(2026, 11, 23)
THREE_YEARS_AGO = date(2023, 11, 23)


def person(**kw: object) -> Nominal:
    """Convicted in 2019, low risk since 2020, on reactive management: meets all four criteria."""
    base = dict(
        id="n1",
        visor_ref="SYN7",
        pnc_id="SYN/7",
        family_name="Tarrant",
        given_names="Hollis",
        date_of_birth=date(1961, 4, 2),
        sex=Sex.MALE,
        registration=Registration(date(2019, 6, 3), Disposal.OTHER, registered_on=date(2019, 6, 5)),
        address=Address("9 Fenner Row", "Saltmarsh", "ZZ4 9QT", "Saltmarsh"),
        risk_level=RiskLevel.LOW,
        risk_level_since=date(2020, 2, 1),
        visit_plan=VisitPlan(reactive=True),
    )
    base.update(kw)
    return Nominal(**base)  # type: ignore[arg-type]


def failed(policy, case: Case, today: date = TODAY) -> str:
    return reactive_failure_for(case, today, policy.visits)


def test_all_four_criteria_holding_means_no_routine_visits(policy):
    case = Case(person(), last_seen_visit=date(2022, 5, 1))
    assert failed(policy, case) == ""
    status = visit_status(case, RiskLevel.LOW, TODAY, policy.visits, False)
    assert status.state is VisitState.REACTIVE and status.due is None


def test_low_risk_for_less_than_3_years_fails_alone(policy):
    case = Case(person(risk_level_since=date(2024, 1, 10)))
    assert failed(policy, case) == "low risk for less than 3 years"


def test_a_conviction_in_the_last_3_years_fails_and_is_named(policy):
    # Low risk for 3 years already (set at an earlier assessment), but the relevant conviction is recent.
    reg = Registration(date(2024, 6, 2), Disposal.OTHER, registered_on=date(2024, 6, 4))
    case = Case(person(registration=reg))
    assert failed(policy, case) == "an offence in the last 3 years: convicted 2 Jun 2024"


def test_a_caution_is_named_as_a_caution(policy):
    reg = Registration(date(2025, 2, 11), Disposal.CAUTION, registered_on=date(2025, 2, 12))
    assert failed(policy, Case(person(registration=reg))) == (
        "an offence in the last 3 years: cautioned 11 Feb 2025"
    )


def test_a_breach_found_in_the_last_3_years_is_an_offence(policy):
    case = Case(person(), latest_breach=FoundBreach(date(2025, 3, 4), BreachKind.NOTIFICATION))
    assert failed(policy, case) == "an offence in the last 3 years: breach of notification found 4 Mar 2025"
    order = Case(person(), latest_breach=FoundBreach(date(2026, 8, 19), BreachKind.ORDER))
    assert failed(policy, order).endswith("breach of an order found 19 Aug 2026")


def test_the_latest_offence_is_the_later_of_conviction_and_breach(policy):
    old_breach = Case(person(), latest_breach=FoundBreach(date(2019, 1, 7), BreachKind.LICENCE))
    assert latest_offence(old_breach).words == "convicted 3 Jun 2019"
    assert failed(policy, old_breach) == ""
    new_breach = Case(person(), latest_breach=FoundBreach(date(2021, 9, 30), BreachKind.LICENCE))
    assert latest_offence(new_breach) == (date(2021, 9, 30), "breach of licence found 30 Sep 2021")


def test_a_civil_order_in_force_fails_alone(policy):
    sro = CivilOrder(OrderKind.SRO, "Ravensholt Magistrates' Court", date(2026, 1, 5), date(2028, 1, 4))
    assert failed(policy, Case(person(orders=(sro,)))).startswith(
        "a civil order is in force: SRO made 5 Jan 2026"
    )


def test_intelligence_within_the_window_fails_alone(policy):
    case = Case(person(intelligence_on=date(2026, 10, 1), intelligence_note="seen near a school"))
    assert failed(policy, case) == "intelligence that they may offend recorded 1 Oct 2026"


def test_intelligence_older_than_the_window_does_not_fail(policy):
    assert failed(policy, Case(person(intelligence_on=date(2023, 11, 22)))) == ""


def test_exactly_3_years_on_each_criterion_holds_and_a_day_less_fails(policy):
    on_the_day = person(
        risk_level_since=THREE_YEARS_AGO,
        registration=Registration(THREE_YEARS_AGO, Disposal.OTHER, registered_on=THREE_YEARS_AGO),
        intelligence_on=THREE_YEARS_AGO,
    )
    breach = FoundBreach(THREE_YEARS_AGO, BreachKind.NOTIFICATION)
    assert failed(policy, Case(on_the_day, latest_breach=breach)) == ""
    day_before = date(2026, 11, 22)
    assert failed(policy, Case(on_the_day), day_before) == "low risk for less than 3 years"
    old_conviction = Registration(date(2019, 6, 3), Disposal.OTHER, registered_on=date(2019, 6, 5))
    breach_only = person(registration=old_conviction)
    assert failed(policy, Case(breach_only, latest_breach=breach), day_before).startswith(
        "an offence in the last 3 years: breach of notification found 23 Nov 2023"
    )
    offence_only = replace(on_the_day, risk_level_since=date(2020, 1, 1), intelligence_on=None)
    assert failed(policy, Case(offence_only), day_before) == (
        "an offence in the last 3 years: convicted 23 Nov 2023"
    )
    intel_only = replace(on_the_day, risk_level_since=date(2020, 1, 1), registration=old_conviction)
    assert failed(policy, Case(intel_only), day_before) == (
        "intelligence that they may offend recorded 23 Nov 2023"
    )


def test_criteria_are_checked_in_the_order_domain_md_lists_them(policy):
    sro = CivilOrder(OrderKind.SRO, "Ravensholt Magistrates' Court", date(2026, 1, 5), date(2028, 1, 4))
    everything = Case(
        person(orders=(sro,), intelligence_on=date(2026, 10, 1)),
        latest_breach=FoundBreach(date(2025, 3, 4), BreachKind.NOTIFICATION),
    )
    assert failed(policy, everything).startswith("an offence in the last 3 years")
    no_offence = everything._replace(latest_breach=None)
    assert failed(policy, no_offence).startswith("a civil order is in force")


def test_the_window_is_the_policys_years(policy):
    rules = replace(policy.visits, reactive_low_years=5)
    case = Case(person(intelligence_on=date(2022, 1, 1), risk_level_since=date(2015, 1, 1)))
    assert reactive_failure_for(case, TODAY, rules) == "intelligence that they may offend recorded 1 Jan 2022"
    assert reactive_failure_for(case, TODAY, policy.visits) == ""


def test_a_reactive_case_with_new_intelligence_goes_to_review_and_says_why(policy):
    case = Case(person(intelligence_on=date(2026, 10, 1)), last_seen_visit=date(2022, 5, 1))
    status = visit_status(case, RiskLevel.LOW, TODAY, policy.visits, False)
    assert status.state is VisitState.ROUTINE and status.review_reactive and status.overdue
    assert status.basis.endswith(
        "reactive management to be reviewed (intelligence that they may offend recorded 1 Oct 2026)"
    )


def test_a_reactive_case_with_a_breach_goes_to_review_and_says_why(policy):
    case = Case(
        person(),
        last_seen_visit=date(2022, 5, 1),
        latest_breach=FoundBreach(date(2025, 3, 4), BreachKind.ORDER),
    )
    status = visit_status(case, RiskLevel.LOW, TODAY, policy.visits, False)
    assert status.review_reactive
    assert status.basis.endswith(
        "reactive management to be reviewed"
        " (an offence in the last 3 years: breach of an order found 4 Mar 2025)"
    )


# -- the intelligence date the record keeps


def test_intelligence_is_dated_no_later_than_today_and_not_before_birth():
    assert (
        intelligence_problems(person(intelligence_on=TODAY, intelligence_note="seen near a school"), TODAY)
        == []
    )
    (future,) = intelligence_problems(person(intelligence_on=date(2026, 11, 24)), TODAY)
    assert future.field == "intelligence_on" and "future" in future.message
    (unborn,) = intelligence_problems(person(intelligence_on=date(1960, 1, 1)), TODAY)
    assert unborn.message == "cannot be before the date of birth"
    (undated,) = intelligence_problems(person(intelligence_note="seen near a school"), TODAY)
    assert undated.field == "intelligence_on" and "intelligence_note" in undated.fields
    (long,) = intelligence_problems(person(intelligence_on=TODAY, intelligence_note="x" * 201), TODAY)
    assert long.field == "intelligence_note"
    assert any(
        p.field == "intelligence_on"
        for p in nominal_problems(person(intelligence_on=date(2027, 1, 1)), TODAY)
    )


def test_the_chronology_gives_the_intelligence_on_its_day():
    from somdesk.domain.chronology import EventKind, chronology

    noted = person(intelligence_on=date(2026, 10, 1), intelligence_note="seen near a school")
    (event,) = [e for e in chronology(noted) if e.words.startswith("Intelligence")]
    assert (event.on, event.kind, event.words) == (
        date(2026, 10, 1),
        EventKind.RISK,
        "Intelligence that they may offend: seen near a school",
    )
    assert event.free_text  # left out of a copy without free text
    assert not [e for e in chronology(person()) if e.words.startswith("Intelligence")]
