"""The record's rules as pure functions: the edges of each (today allowed, tomorrow refused, blank names,
year 1, not known)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from somdesk.domain.invariants import (
    BrokenRules,
    Problem,
    mappa_problems,
    nominal_problems,
    planned_visit_problems,
    registration_problems,
    touching,
    visit_plan_problems,
    visit_problems,
)
from somdesk.domain.model import (
    Disposal,
    Mappa,
    Nominal,
    Registration,
    Sex,
    Term,
    TermPart,
    Visit,
    VisitOutcome,
    VisitPlan,
)

TODAY = date(2026, 11, 23)
TOMORROW = TODAY + timedelta(days=1)
RELEVANT = date(2020, 3, 1)


def nominal(**registration) -> Nominal:
    reg = Registration(RELEVANT, Disposal.OTHER, **registration)
    return Nominal("n1", "V1", "P1", "SMITH", "John", date(1980, 1, 1), Sex.MALE, reg, None)


def fields(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def test_a_visit_today_late_in_the_evening_keeps_every_rule():
    v = Visit("n1", datetime(2026, 11, 23, 23, 59), VisitOutcome.SEEN, officers=("DC A", "DC B"))
    assert visit_problems(v, TODAY, RELEVANT) == []


@pytest.mark.parametrize(
    ("at", "officers", "expected"),
    [
        (datetime(2026, 11, 24, 0, 0), ("DC A", "DC B"), ["at"]),
        (datetime(1, 1, 1), ("DC A", "DC B"), ["at"]),
        (datetime(2020, 2, 29, 9), ("DC A", "DC B"), ["at"]),  # the day before the relevant date
        (datetime(2020, 3, 1, 9), ("DC A", "DC B"), []),  # on the relevant date
        (datetime(2026, 11, 1), (), ["officers"]),
        (datetime(2026, 11, 1), ("",), ["officers"]),
        (datetime(2026, 11, 1), (" \t ",), ["officers"]),
        (datetime(2026, 11, 1), ("DC A", ""), ["officers"]),
        (datetime(2026, 11, 24), (), ["at", "officers"]),
    ],
)
def test_visit_edges(at, officers, expected):
    assert (
        fields(visit_problems(Visit("n1", at, VisitOutcome.SEEN, officers=officers), TODAY, RELEVANT))
        == expected
    )


def test_a_visit_before_the_relevant_date_is_allowed_only_when_that_date_is_not_known():
    v = Visit("n1", datetime(2019, 1, 1), VisitOutcome.SEEN, officers=("DC A", "DC B"))
    assert fields(visit_problems(v, TODAY, None)) == []
    (problem,) = visit_problems(v, TODAY, RELEVANT)
    assert problem.involves == ("relevant_date",) and "relevant date" in str(problem)


def test_messages_name_the_field_in_words():
    (problem,) = visit_problems(
        Visit("n1", datetime(2026, 12, 1), VisitOutcome.SEEN, officers=("DC Ash", "PC Bell")), TODAY
    )
    assert str(problem) == "Date: a visit cannot be recorded for a future date; plan it instead"
    assert str(BrokenRules([problem])) == str(problem)


def test_planned_visits_are_today_or_later():
    assert planned_visit_problems(TODAY, TODAY) == planned_visit_problems(None, TODAY) == []
    assert fields(planned_visit_problems(TODAY - timedelta(days=1), TODAY)) == ["planned_visit"]
    assert fields(planned_visit_problems(date(9999, 1, 1), TODAY)) == ["planned_visit"]


@pytest.mark.parametrize(
    "name", ["registered_on", "last_notification", "released_on", "first_notification_after_release"]
)
def test_registration_dates(name):
    released = {"released_on": RELEVANT} if name == "first_notification_after_release" else {}
    assert registration_problems(nominal(**{name: TODAY, **released}), TODAY) == []
    assert registration_problems(nominal(**{name: RELEVANT, **released}), TODAY) == []
    assert fields(registration_problems(nominal(**{name: TOMORROW}), TODAY)) == [name]
    assert fields(registration_problems(nominal(**{name: RELEVANT - timedelta(1)}), TODAY)) == [name]
    assert fields(registration_problems(nominal(**{name: date(1, 1, 1)}), TODAY)) == [name]


def test_a_first_notification_after_release_needs_the_release_it_followed():
    # It starts the indefinite-review clock: without a release it would date a review for someone
    # never released. Before the latest release is allowed: a recall keeps the first release's date.
    (problem,) = registration_problems(nominal(first_notification_after_release=TODAY), TODAY)
    assert problem.field == "first_notification_after_release" and problem.involves == ("released_on",)
    recalled = nominal(first_notification_after_release=RELEVANT, released_on=TODAY)
    assert registration_problems(recalled, TODAY) == []


def test_a_review_refusal_may_predate_the_relevant_date_but_not_be_in_the_future():
    assert registration_problems(nominal(review_refused_on=date(2019, 1, 1)), TODAY) == []
    assert fields(registration_problems(nominal(review_refused_on=TOMORROW), TODAY)) == ["review_refused_on"]


def test_the_relevant_date():
    n = nominal()
    assert (
        registration_problems(replace(n, registration=replace(n.registration, relevant_date=TODAY)), TODAY)
        == []
    )
    for day, words in ((TOMORROW, "future"), (date(1979, 12, 31), "date of birth"), (date(1, 1, 1), "1900")):
        (p,) = registration_problems(
            replace(n, registration=replace(n.registration, relevant_date=day)), TODAY
        )
        assert p.field == "relevant_date" and words in p.message


def test_a_future_relevant_date_is_one_problem_not_one_per_notification():
    n = nominal(registered_on=TODAY)
    moved = replace(n, registration=replace(n.registration, relevant_date=TOMORROW))
    assert fields(registration_problems(moved, TODAY)) == ["relevant_date"]


@pytest.mark.parametrize(
    ("term", "ok"), [(None, False), (Term(0, 0), False), (Term(0, 1), True), (Term(6), True)]
)
def test_imprisonment_needs_a_term(term, ok):
    n = nominal()
    n = replace(n, registration=replace(n.registration, disposal=Disposal.IMPRISONMENT, term=term))
    assert fields(registration_problems(n, TODAY)) == ([] if ok else ["term_months"])


@pytest.mark.parametrize(
    ("disposal", "term", "parts", "problem"),
    [
        (Disposal.DETENTION_TRAINING, None, (), ["term_months"]),  # an order needs its length too
        (Disposal.DETENTION_TRAINING, Term(12), (), []),
        (Disposal.IMPRISONMENT, None, (TermPart(Term(3)), TermPart(Term(10))), []),  # the parts suffice
        # A concurrent term begun after the first ended is not concurrent: refused, on the terms field.
        (
            Disposal.IMPRISONMENT,
            Term(5),
            (TermPart(Term(3), starts_on=date(2024, 1, 10)), TermPart(Term(2), True, date(2024, 4, 11))),
            ["term_parts"],
        ),
    ],
)
def test_terms_entered_part_by_part_must_count(disposal, term, parts, problem):
    n = replace(nominal(), date_of_birth=date(RELEVANT.year - 16, 1, 1))  # a detention order is for under-18s
    reg = replace(n.registration, disposal=disposal, term=term, term_parts=parts)
    assert fields(registration_problems(replace(n, registration=reg), TODAY)) == problem


@pytest.mark.parametrize(
    ("term", "parts", "problem"),
    [
        (Term(4), (), []),  # the shortest order (Sentencing Act 2020 s.236(1))
        (Term(24), (), []),  # the longest
        (Term(3, 27), (), ["term_months"]),
        (Term(24, 1), (), ["term_months"]),
        (Term(30), (), ["term_months"]),
        (None, (TermPart(Term(12)), TermPart(Term(12))), []),  # consecutive orders of 24 months in all
        (None, (TermPart(Term(12)), TermPart(Term(18))), ["term_parts"]),  # 30 months: more than any order
    ],
)
def test_a_detention_and_training_order_is_4_to_24_months(term, parts, problem):
    n = replace(nominal(), date_of_birth=date(RELEVANT.year - 16, 1, 1))
    reg = replace(n.registration, disposal=Disposal.DETENTION_TRAINING, term=term, term_parts=parts)
    problems = registration_problems(replace(n, registration=reg), TODAY)
    assert fields(problems) == problem
    if problem:
        assert "4 to 24 months" in problems[0].message


def test_a_detention_and_training_order_is_for_a_person_under_18_on_the_relevant_date():
    n = nominal()
    adult = replace(
        n, registration=replace(n.registration, disposal=Disposal.DETENTION_TRAINING, term=Term(12))
    )
    (problem,) = registration_problems(adult, TODAY)
    assert problem.field == "disposal" and "aged 40 on the relevant date" in problem.message
    assert set(problem.involves) == {"date_of_birth", "relevant_date"}
    # The day before the 18th birthday is still under 18; the birthday itself is not.
    eve = replace(
        adult, date_of_birth=date(RELEVANT.year - 18, RELEVANT.month, RELEVANT.day) + timedelta(days=1)
    )
    assert registration_problems(eve, TODAY) == []
    birthday = replace(adult, date_of_birth=date(RELEVANT.year - 18, RELEVANT.month, RELEVANT.day))
    assert fields(registration_problems(birthday, TODAY)) == ["disposal"]


@pytest.mark.parametrize(
    ("disposal", "term", "parts", "field"),
    [
        (Disposal.CAUTION, Term(24), (), "term_months"),
        (Disposal.HOSPITAL, Term(0, 10), (), "term_months"),
        (Disposal.OTHER, None, (TermPart(Term(3)), TermPart(Term(10))), "term_parts"),
    ],
)
def test_a_term_on_a_disposal_without_one_is_refused_not_silently_ignored(disposal, term, parts, field):
    n = nominal()
    reg = replace(n.registration, disposal=disposal, term=term, term_parts=parts)
    (problem,) = registration_problems(replace(n, registration=reg), TODAY)
    assert problem.field == field and "has no custodial term" in problem.message
    assert "disposal" in problem.involves
    cleared = replace(reg, term=None, term_parts=())
    assert registration_problems(replace(n, registration=cleared), TODAY) == []


def test_mappa():
    assert mappa_problems(Mappa(1, 2, "Police", TODAY, TOMORROW), TODAY) == []
    assert mappa_problems(Mappa(1, 1, "Probation"), TODAY) == []
    assert fields(mappa_problems(Mappa(1, 2, " ", None, None), TODAY)) == ["mappa_lead_agency"]
    assert fields(mappa_problems(Mappa(1, 2, "Police", TOMORROW, None), TODAY)) == ["mappa_last_meeting"]
    assert fields(mappa_problems(Mappa(1, 2, "Police", TODAY, TODAY), TODAY)) == ["mappa_next_review"]
    assert fields(mappa_problems(Mappa(4, 0, "Police"), TODAY)) == ["mappa_category", "mappa_level"]


def test_visit_plan():
    assert visit_plan_problems(VisitPlan()) == visit_plan_problems(VisitPlan(3, "agreed at MAPPA")) == []
    assert fields(visit_plan_problems(VisitPlan(3, "  "))) == ["plan_rationale"]
    assert fields(visit_plan_problems(VisitPlan(0, "x"))) == ["plan_interval_months"]


def test_touching_keeps_the_problems_a_change_could_have_caused():
    problems = nominal_problems(nominal(registered_on=date(2019, 1, 1), last_notification=TOMORROW), TODAY)
    assert fields(problems) == ["registered_on", "last_notification"]
    assert touching(problems, ["postcode"]) == []
    assert fields(touching(problems, ["relevant_date"])) == ["registered_on"]
    assert fields(touching(problems, ["last_notification"])) == ["last_notification"]
