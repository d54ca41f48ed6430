"""Civil orders (DOMAIN.md §7) and what an order in force blocks: indefinite review (§5, s.91A(2)(b))
and reactive management (§4); order reviews and ends in the notifications queue; "Order ending" on
the caseload."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from somdesk.domain.invariants import order_problems, order_term_problems
from somdesk.domain.model import (
    Address,
    Case,
    Disposal,
    Nominal,
    Registration,
    RiskLevel,
    Sex,
    Term,
    VisitPlan,
)
from somdesk.domain.notification import notification_status
from somdesk.domain.orders import (
    CivilOrder,
    OrderKind,
    OrderTerm,
    TermCategory,
    TermKind,
    blocking_review,
    in_force,
)
from somdesk.domain.queues import notification_queue
from somdesk.domain.status import evaluate
from somdesk.domain.visits import VisitState, reactive_failure, visit_status
from somdesk.ui.columns import flags
from tests.conftest import TODAY

K = OrderKind
SHPO = CivilOrder(K.SHPO, "Ravensholt Crown Court", date(2024, 3, 1), date(2029, 2, 28))


def person(*orders: CivilOrder, indefinite: bool = False, **kw: object) -> Nominal:
    if indefinite:  # 30 months or more: indefinite; first notification after release 2009: reviewable 2024
        reg = Registration(
            date(2005, 5, 1),
            Disposal.IMPRISONMENT,
            Term(48),
            registered_on=date(2009, 6, 2),
            last_notification=date(2026, 6, 1),
            released_on=date(2009, 6, 1),
            first_notification_after_release=date(2009, 6, 2),
        )
    else:
        reg = Registration(
            date(2024, 1, 1),
            Disposal.OTHER,
            registered_on=date(2024, 1, 2),
            last_notification=date(2026, 6, 1),
        )
    base: dict[str, object] = dict(
        id="n1",
        visor_ref="SYN1",
        pnc_id="SYN/1",
        family_name="Quenford",
        given_names="Liam",
        date_of_birth=date(1970, 1, 1),
        sex=Sex.MALE,
        registration=reg,
        address=Address("4 Pipit Court", "Ravensholt", "ZZ5 4GH", "Ravensholt"),
        orders=orders,
    )
    base.update(kw)
    return Nominal(**base)  # type: ignore[arg-type]


# -- in force on a day


def test_an_order_is_in_force_from_the_day_it_was_made_to_its_last_day():
    assert not in_force(SHPO, date(2024, 2, 29))
    assert in_force(SHPO, date(2024, 3, 1))
    assert in_force(SHPO, date(2029, 2, 28))
    assert not in_force(SHPO, date(2029, 3, 1))


def test_an_order_until_further_order_has_no_end():
    order = replace(SHPO, ends_on=None, until_further_order=True)
    assert in_force(order, date(2090, 1, 1))
    assert not in_force(order, date(2024, 2, 29))


# -- indefinite review (s.91A(2)(b))


def test_no_review_date_while_an_shpo_is_in_force(policy):
    status = notification_status(person(SHPO, indefinite=True), TODAY, policy.notifications)
    assert status.review_qualifying is None
    assert status.review_barred_by == SHPO
    assert status.review_barred_text.startswith("not eligible while the order is in force")


@pytest.mark.parametrize("kind", [K.SHPO, K.INTERIM_SHPO, K.SOPO, K.INTERIM_SOPO])
def test_each_order_named_in_the_act_bars_review(kind, policy):
    made = date(2014, 10, 1) if kind in (K.SOPO, K.INTERIM_SOPO) else date(2026, 10, 1)  # before SHPOs
    order = CivilOrder(kind, "Ravensholt Magistrates' Court", made, date(2027, 1, 31))
    assert order_problems(order, TODAY) == []
    assert (
        notification_status(person(order, indefinite=True), TODAY, policy.notifications).review_qualifying
        is None
    )


def test_a_sexual_risk_order_or_an_ended_shpo_does_not_bar_review(policy):
    """15 years after the first notification after release (2 Jun 2009): 2 Jun 2024."""
    sro = CivilOrder(K.SRO, "Ravensholt Magistrates' Court", date(2026, 1, 5), date(2028, 1, 4))
    ended = replace(SHPO, made_on=date(2015, 1, 1), ends_on=date(2020, 1, 1))
    for orders in ((sro,), (ended,)):
        status = notification_status(person(*orders, indefinite=True), TODAY, policy.notifications)
        assert status.review_qualifying == date(2024, 6, 2)
        assert status.review_barred_by is None


def test_the_order_that_bars_longest_is_named_not_the_first_made(policy):
    """The reviewer's case: an SHPO made 1 Jun 2020 ending 1 Dec 2026 and a later SHPO ending
    19 Jan 2033. Naming the first would have the reader expect eligibility on 2 Dec 2026."""
    sooner = CivilOrder(K.SHPO, "Ravensholt Crown Court", date(2020, 6, 1), date(2026, 12, 1))
    longer = CivilOrder(K.SHPO, "Ravensholt Crown Court", date(2023, 1, 20), date(2033, 1, 19))
    for orders in ((sooner, longer), (longer, sooner)):
        status = notification_status(person(*orders, indefinite=True), TODAY, policy.notifications)
        assert status.review_barred_by == longer
        assert status.review_barred_text == (
            "not eligible while the order is in force (SHPO made 20 Jan 2023, ends 19 Jan 2033)"
        )


def test_an_order_until_further_order_bars_longer_than_any_dated_one():
    dated = replace(SHPO, ends_on=date(2090, 1, 1))
    open_ended = replace(SHPO, kind=K.SOPO, made_on=date(2014, 5, 1), ends_on=None, until_further_order=True)
    assert blocking_review((dated, open_ended), TODAY) == open_ended
    assert blocking_review((open_ended, dated), TODAY) == open_ended


def test_of_orders_ending_the_same_day_the_first_made_is_named():
    later = replace(SHPO, kind=K.SOPO, made_on=date(2025, 1, 1))
    assert blocking_review((later, SHPO), TODAY) == SHPO


def test_an_order_that_has_ended_or_is_not_yet_made_is_never_named():
    ended = replace(SHPO, made_on=date(2015, 1, 1), ends_on=date(2020, 1, 1))
    assert blocking_review((ended, SHPO), TODAY) == SHPO
    future = replace(SHPO, made_on=TODAY.replace(year=TODAY.year + 1), ends_on=date(2040, 1, 1))
    assert blocking_review((future, SHPO), TODAY) == SHPO


# -- reactive management (DOMAIN.md §4)


def test_reactive_management_needs_no_civil_order_in_force(policy):
    rules = policy.visits
    low = date(2020, 1, 1)  # low risk for more than 3 years
    assert reactive_failure(RiskLevel.LOW, low, TODAY, rules) == ""
    sro = CivilOrder(K.SRO, "Ravensholt Magistrates' Court", date(2026, 1, 5), date(2028, 1, 4))
    assert reactive_failure(RiskLevel.LOW, low, TODAY, rules, (sro,)).startswith(
        "a civil order is in force: SRO"
    )
    assert (
        reactive_failure(RiskLevel.LOW, date(2024, 1, 1), TODAY, rules, (sro,))
        == "low risk for less than 3 years"
    )
    assert reactive_failure(RiskLevel.MEDIUM, low, TODAY, rules) == "not assessed as low risk"


def test_a_reactive_plan_with_an_order_in_force_resumes_visits_and_says_why(policy):
    n = person(  # convicted in 2005: no offence in the last 3 years, only the order fails
        SHPO,
        indefinite=True,
        risk_level=RiskLevel.LOW,
        risk_level_since=date(2020, 1, 1),
        visit_plan=VisitPlan(reactive=True),
    )
    status = visit_status(
        Case(n, last_seen_visit=date(2026, 1, 1)), RiskLevel.LOW, TODAY, policy.visits, False
    )
    assert status.state is VisitState.ROUTINE and status.review_reactive
    assert status.basis.endswith("reactive management to be reviewed (a civil order is in force: SHPO made "
                                 "1 Mar 2024, ends 28 Feb 2029)")  # fmt: skip


def test_reactive_management_names_the_order_that_bars_it_longest(policy):
    sooner = CivilOrder(K.SRO, "Ravensholt Magistrates' Court", date(2025, 1, 5), date(2026, 12, 1))
    longer = CivilOrder(K.SHPO, "Ravensholt Crown Court", date(2024, 1, 5), date(2031, 1, 4))
    words = reactive_failure(RiskLevel.LOW, date(2020, 1, 1), TODAY, policy.visits, (sooner, longer))
    assert words == "a civil order is in force: SHPO made 5 Jan 2024, ends 4 Jan 2031"


def test_a_notification_order_does_not_bar_reactive_management(policy):
    order = CivilOrder(
        K.NOTIFICATION, "Ravensholt Magistrates' Court", date(2019, 1, 1), until_further_order=True
    )
    assert reactive_failure(RiskLevel.LOW, date(2020, 1, 1), TODAY, policy.visits, (order,)) == ""


# -- the rules an order keeps


def test_an_order_needs_an_end_date_or_until_further_order_never_both():
    assert order_problems(SHPO, TODAY) == []
    neither = replace(SHPO, ends_on=None)
    assert [p.field for p in order_problems(neither, TODAY)] == ["ends_on"]
    both = replace(SHPO, until_further_order=True)
    assert [p.field for p in order_problems(both, TODAY)] == ["until_further_order"]
    assert order_problems(replace(neither, until_further_order=True), TODAY) == []


def test_an_interim_order_must_have_an_end_date():
    interim = CivilOrder(K.INTERIM_SHPO, "Ravensholt Magistrates' Court", date(2026, 11, 1), None, True)
    problems = order_problems(interim, TODAY)
    assert [(p.field, p.message) for p in problems] == [
        ("ends_on", "an interim order runs to a fixed day: give its last day")
    ]


def test_order_dates_court_and_review_are_checked_at_their_fields():
    assert [p.field for p in order_problems(replace(SHPO, court="  "), TODAY)] == ["court"]
    assert [p.field for p in order_problems(replace(SHPO, made_on=date(2026, 11, 24)), TODAY)] == ["made_on"]
    assert [p.field for p in order_problems(replace(SHPO, ends_on=date(2024, 3, 1)), TODAY)] == ["ends_on"]
    assert [p.field for p in order_problems(replace(SHPO, ends_on=date(2101, 1, 1)), TODAY)] == ["ends_on"]
    early_review = replace(SHPO, next_review=date(2024, 2, 1))
    assert [p.field for p in order_problems(early_review, TODAY)] == ["next_review"]
    assert order_problems(replace(SHPO, made_on=date(1899, 12, 31)), TODAY)[0].field == "made_on"


def test_a_term_needs_its_words():
    assert order_term_problems(OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, "Not to use ...")) == []
    (problem,) = order_term_problems(OrderTerm(TermKind.REQUIREMENT, TermCategory.PROGRAMME, " \n"))
    assert problem.field == "text" and "words" in problem.message


# -- the notifications queue and the caseload


def test_an_order_review_and_an_order_ending_join_the_notifications_queue(policy):
    soon = CivilOrder(
        K.SRO,
        "Ravensholt Magistrates' Court",
        date(2024, 12, 1),
        date(2026, 12, 5),
        next_review=date(2026, 11, 30),
    )
    items = notification_queue([evaluate(Case(person(soon)), TODAY, policy)], TODAY, policy)
    found = {(i.kind, i.due) for i in items}
    assert ("Order review", date(2026, 11, 30)) in found
    assert ("Order ends", date(2026, 12, 5)) in found
    assert any("SRO made 1 Dec 2024" in i.reason for i in items)


def test_an_ended_or_far_off_order_is_not_queued(policy):
    ended = replace(SHPO, made_on=date(2015, 1, 1), ends_on=date(2020, 1, 1), next_review=date(2019, 1, 1))
    items = notification_queue([evaluate(Case(person(ended, SHPO)), TODAY, policy)], TODAY, policy)
    assert not [i for i in items if i.kind.startswith("Order")]


def test_an_order_ending_within_the_due_soon_window_is_flagged_on_the_caseload(policy):
    window = policy.notifications.due_soon_days
    ending = replace(SHPO, ends_on=date.fromordinal(TODAY.toordinal() + window))
    assert "Order ending" in flags(evaluate(Case(person(ending)), TODAY, policy))
    later = replace(SHPO, ends_on=date.fromordinal(TODAY.toordinal() + window + 1))
    assert "Order ending" not in flags(evaluate(Case(person(later)), TODAY, policy))


def test_the_dashboard_counts_shpos_and_sros_in_force_not_those_ended_nor_other_orders(policy):
    from somdesk.domain.caseload import caseload
    from somdesk.domain.model import Officer, Team
    from somdesk.domain.status import evaluate_all

    ended = CivilOrder(K.SHPO, "Ravensholt Crown Court", date(2015, 3, 1), date(2020, 2, 28))
    sro = CivilOrder(K.SRO, "Northmere Magistrates' Court", date(2026, 1, 5), date(2028, 1, 4))
    travel = CivilOrder(K.FOREIGN_TRAVEL, "Northmere Magistrates' Court", date(2025, 1, 5), date(2027, 1, 4))
    team = Team("t1", "Team 1", "Ravensholt")
    officers = [Officer("o1", "DC Quill", "t1")]
    people = [
        person(SHPO, ended, officer_id="o1"),
        person(sro, travel, id="n2", visor_ref="SYN2", officer_id="o1"),
    ]
    report = caseload(
        evaluate_all([Case(p) for p in people], TODAY, policy), officers, [team], policy.caseload, TODAY
    )
    assert (report.force.prevention_orders, report.force.risk_orders) == (1, 1)
    assert (report.officers[0].load.prevention_orders, report.officers[0].load.risk_orders) == (1, 1)


# -- orders that cannot have been made (DOMAIN.md §7: SHPOs and SROs replaced SOPOs and FTOs, 8 Mar 2015)


@pytest.mark.parametrize("kind", [K.SOPO, K.INTERIM_SOPO, K.FOREIGN_TRAVEL])
def test_a_sopo_or_foreign_travel_order_made_after_shpos_replaced_them_is_not_refused(kind):
    """An application made before 8 Mar 2015 could still be decided under the old law afterwards
    (transitional provision): a later date may be right, so it is kept as typed."""
    court = "Ravensholt Crown Court"
    assert order_problems(CivilOrder(kind, court, date(2015, 3, 7), date(2027, 3, 6)), TODAY) == []
    assert order_problems(CivilOrder(kind, court, date(2015, 6, 1), date(2027, 3, 6)), TODAY) == []


@pytest.mark.parametrize("kind", [K.SHPO, K.INTERIM_SHPO, K.SRO, K.INTERIM_SRO])
def test_no_shpo_or_sro_was_made_before_8_march_2015(kind):
    court = "Ravensholt Crown Court"
    assert order_problems(CivilOrder(kind, court, date(2015, 3, 8), date(2027, 3, 6)), TODAY) == []
    problems = order_problems(CivilOrder(kind, court, date(2015, 3, 7), date(2027, 3, 6)), TODAY)
    assert [p.field for p in problems] == ["made_on"]
    assert "before 8 Mar 2015" in problems[0].message


def test_no_order_of_the_2003_act_was_made_before_it_came_into_force():
    ok = CivilOrder(K.NOTIFICATION, "Ravensholt Magistrates' Court", date(2004, 5, 1), None, True)
    assert order_problems(ok, TODAY) == []
    problems = order_problems(replace(ok, made_on=date(1990, 1, 1)), TODAY)
    assert [p.field for p in problems] == ["made_on"] and "before 1 May 2004" in problems[0].message


def test_an_order_cannot_be_made_before_the_person_was_born():
    """The reviewer's case was an SHPO made 01/01/1900 for someone born in 1979: refused by date too."""
    born = date(1979, 4, 2)
    assert order_problems(SHPO, TODAY, born) == []
    baby = date(2025, 1, 1)
    problems = order_problems(SHPO, TODAY, baby)
    assert [(p.field, p.message) for p in problems] == [("made_on", "cannot be before the person was born")]
    long_ago = replace(SHPO, made_on=date(1900, 1, 1))
    assert [p.field for p in order_problems(long_ago, TODAY, born)] == ["made_on"]
