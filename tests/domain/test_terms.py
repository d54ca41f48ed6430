"""The counted term, worked from the Act (DOMAIN.md §5, SOA 2003 s.82(3)-(4) and s.131(a)).

s.82(4): where the terms are consecutive, the term is "the aggregate of those terms"; where they are
partly concurrent (X and Y, overlapping for a period Z), "X plus Y minus Z". s.131(a): a detention and
training order counts as "the period of detention which [the person] is liable to serve".
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somdesk.domain.model import Address, Disposal, Nominal, Registration, Sex, Term, TermPart
from somdesk.domain.notification import notification_status
from somdesk.domain.terms import (
    CountedTerm,
    aggregate_term,
    counted_term,
    on_the_calendar,
    parse_term_parts,
    sum_of_parts,
    term_end,
    term_parts_problem,
    term_parts_text,
)

D = Disposal


def _status(reg: Registration, policy, today, dob: date = date(1980, 1, 1)):
    address = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")
    nominal = Nominal("n", "SYN1", "SYN/1", "Fenby", "Ian", dob, Sex.MALE, reg, address)
    return notification_status(nominal, today, policy.notifications)


def _parts(text: str) -> tuple[TermPart, ...]:
    return parse_term_parts(text)


def test_3_and_10_months_consecutive_count_as_13_months_and_10_years(policy, today):
    # DOMAIN.md's example. Alone, 3 months would give 7 years; added together they give 10.
    parts = _parts("3m; 10m")
    assert aggregate_term(parts).term == Term(13)
    assert "added together" in aggregate_term(parts).reason
    reg = Registration(date(2024, 3, 10), D.IMPRISONMENT, Term(3), term_parts=parts)
    status = _status(reg, policy, today)
    assert status.counted_term is not None and status.counted_term.term == Term(13)
    assert status.period.months == 120  # more than 6, less than 30 months
    assert _status(replace(reg, term_parts=()), policy, today).period.months == 84


def test_consecutive_terms_reaching_30_months_are_indefinite_and_one_day_less_is_not(policy, today):
    at_30 = Registration(date(2024, 3, 10), D.IMPRISONMENT, term_parts=_parts("20m; 10m"))
    assert _status(at_30, policy, today).period.indefinite
    under = replace(at_30, term_parts=_parts("20m; 9m 30d"))
    assert not _status(under, policy, today).period.indefinite
    # 4 months and 3 months: each "6 months or less" alone, 7 months together: 10 years, not 7.
    seven = replace(at_30, term_parts=_parts("4m; 3m"))
    assert _status(seven, policy, today).period.months == 120


@pytest.mark.parametrize(
    ("entered", "months", "measured"),
    [
        # From 10 Jan 2024 the 30-month limit is 10 Jul 2026: 29 months end 10 Jun 2026 (30 days on).
        (Term(29, 40), None, Term(30, 10)),  # 29 < 30, yet 29 months and 40 days is more than 30 months
        (Term(29, 31), None, Term(30, 1)),
        (Term(29, 30), None, Term(30)),  # exactly 30 months: "30 months or more"
        (Term(29, 29), 120, Term(29, 29)),  # one day short of 30 months
        # The 6-month limit is 10 Jul 2024: 5 months end 10 Jun 2024 (30 days on).
        (Term(5, 31), 120, Term(6, 1)),  # more than 6 months: 10 years, not 7
        (Term(5, 30), 84, Term(6)),  # exactly 6 months: "6 months or less"
        (Term(0, 183), 120, Term(6, 1)),  # 26 weeks and a day, entered as days
        (Term(0, 182), 84, Term(6)),  # 26 weeks from 10 Jan 2024 (a leap year) is exactly 6 months
    ],
)
def test_a_term_of_months_and_many_days_is_measured_on_the_calendar_at_the_6_and_30_month_limits(
    policy, today, entered, months, measured
):
    reg = Registration(date(2024, 1, 10), D.IMPRISONMENT, entered)
    status = _status(reg, policy, today)
    assert status.counted_term is not None and status.counted_term.term == measured
    assert status.period.months == months and status.period.indefinite == (months is None)
    if measured != entered:
        assert f"{entered} from 10 Jan 2024 is {measured} on the calendar" in status.counted_term.reason


def test_consecutive_parts_whose_days_add_past_a_month_are_measured_on_the_calendar(policy, today):
    # 3 months 20 days and 2 months 11 days: 5 months 31 days, more than 6 months from 10 Jan 2024.
    reg = Registration(date(2024, 1, 10), D.IMPRISONMENT, term_parts=_parts("3m 20d; 2m 11d"))
    status = _status(reg, policy, today)
    assert status.counted_term is not None and status.counted_term.term == Term(6, 1)
    assert status.period.months == 120


def test_partly_concurrent_terms_count_from_the_start_of_the_first_to_the_end_of_the_last():
    # X = 12 months from 10 Jan 2024 (last day 9 Jan 2025); Y = 12 months from 10 Apr 2024 (last day
    # 9 Apr 2025). They overlap from 10 Apr 2024 to 9 Jan 2025: Z = 9 months. X + Y - Z = 15 months,
    # the period from 10 Jan 2024 to 9 Apr 2025.
    counted = aggregate_term(_parts("12m from 2024-01-10; 12m concurrent from 2024-04-10"))
    assert counted.term == Term(15)
    assert (
        "10 Jan 2024" in counted.reason and "9 Apr 2025" in counted.reason and "s.82(4)(b)" in counted.reason
    )


def test_partly_concurrent_boundary_at_30_months(policy, today):
    # 24 months from 1 Mar 2023 (last day 29 Feb 2025); 12 months concurrent from 1 Sep 2024: last day
    # 31 Aug 2025, so the period 1 Mar 2023 - 31 Aug 2025 is exactly 30 months: indefinite.
    reg = Registration(
        date(2023, 3, 1),
        D.IMPRISONMENT,
        term_parts=_parts("24m from 2023-03-01; 12m concurrent from 2024-09-01"),
    )
    assert counted_term(reg, True).term == Term(30)  # type: ignore[union-attr]
    assert _status(reg, policy, today).period.indefinite
    # Begun one day earlier, the last day is 30 Aug 2025: 29 months 30 days, 10 years.
    earlier = replace(reg, term_parts=_parts("24m from 2023-03-01; 12m concurrent from 2024-08-31"))
    assert counted_term(earlier, True).term == Term(29, 30)  # type: ignore[union-attr]
    assert _status(earlier, policy, today).period.months == 120


def test_wholly_concurrent_terms_count_as_the_longest():
    counted = aggregate_term(_parts("6m from 2024-01-10; 4m concurrent from 2024-01-10"))
    assert counted.term == Term(6)
    # Wholly concurrent is not "partly concurrent" (s.82(4)(b)): the reason printed must not say so.
    within = aggregate_term(_parts("12m from 2024-01-10; 6m concurrent from 2024-02-10"))
    assert within.term == Term(12) and "partly" not in within.reason and "wholly concurrent" in within.reason


def test_a_concurrent_term_begun_on_the_day_after_the_last_day_runs_on_and_a_day_later_is_refused():
    # Term 1: 3 months from 10 Jan 2024, last day 9 Apr 2024.
    on_the_next_day = _parts("3m from 2024-01-10; 2m concurrent from 2024-04-10")
    assert term_parts_problem(on_the_next_day) == ""
    assert aggregate_term(on_the_next_day).term == Term(5)
    gap = _parts("3m from 2024-01-10; 2m concurrent from 2024-04-11")
    assert "not concurrent" in term_parts_problem(gap)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("0m; 3m", "term 1 has no length"),
        ("3m concurrent from 2024-01-01", "nothing before it"),
        ("3m; 3m concurrent", "enter the day it began"),
        ("3m; 3m concurrent from 2024-01-01", "term 1: enter the day it began"),
        ("3m from 2024-02-01; 3m concurrent from 2024-01-01", "begins before term 1"),
        ("3m; 3m from 2024-01-01", "leave its start empty"),
    ],
)
def test_terms_that_cannot_be_counted_say_why(text, problem):
    assert problem in term_parts_problem(_parts(text))


def test_a_record_with_only_the_entered_sum_keeps_it_as_the_counted_term():
    reg = Registration(date(2024, 3, 10), D.IMPRISONMENT, Term(13))
    counted = counted_term(reg, True)
    assert counted is not None and counted.term == Term(13) and counted.reason == "the term as entered"
    # Terms that cannot be counted leave the entered term in force (the record screen refuses them).
    broken = replace(reg, term_parts=_parts("3m; 3m concurrent"))
    assert counted_term(broken, True).term == Term(13)  # type: ignore[union-attr]
    assert counted_term(Registration(date(2024, 3, 10), D.OTHER, Term(13)), True) is None


def test_a_12_month_detention_and_training_order_counts_as_6_months_and_3_5_years_under_18(policy, today):
    reg = Registration(date(2024, 3, 10), D.DETENTION_TRAINING, Term(12))
    status = _status(reg, policy, today, dob=date(2008, 1, 1))  # 16 on the relevant date
    assert status.counted_term is not None and status.counted_term.term == Term(6)
    assert "detention half" in status.counted_term.reason and "s.131(a)" in status.counted_term.reason
    assert status.period.months == 42 and "halved" in status.period.reason
    # 24 months: 12 months counted, more than 6: 10 years halved to 5.
    assert _status(replace(reg, term=Term(24)), policy, today, dob=date(2008, 1, 1)).period.months == 60
    # Consecutive orders are added first, then halved: 8 and 4 months, 12 months, 6 counted.
    both = replace(reg, term=None, term_parts=_parts("8m; 4m"))
    assert counted_term(both, True).term == Term(6)  # type: ignore[union-attr]


def test_whether_a_dto_counts_half_is_a_force_policy_switch(policy, today):
    assert policy.notifications.dto_counts_half  # the default reads the Act this way
    whole = replace(policy, notifications=replace(policy.notifications, dto_counts_half=False))
    reg = Registration(date(2024, 3, 10), D.DETENTION_TRAINING, Term(12))
    status = _status(reg, whole, today, dob=date(2008, 1, 1))
    assert status.counted_term.term == Term(12) and "whole order" in status.counted_term.reason  # type: ignore[union-attr]
    assert status.period.months == 60


def test_terms_as_text_read_back_and_hostile_text_is_refused():
    for text in ("3m; 10m", "12m from 2024-01-10; 12m concurrent from 2024-04-10", "14d", "2m 3d"):
        assert term_parts_text(parse_term_parts(text)) == text
    assert parse_term_parts("  ") == ()
    for bad in ("3m;;4m", "ten months", "3m from 2024-02-30", "99999m", "3m; DROP TABLE", "-3m"):
        with pytest.raises(ValueError):
            parse_term_parts(bad)


def test_terms_are_read_in_years_and_weeks_as_courts_pass_them_and_written_back_in_months_and_days():
    """A year is 12 months and a week 7 days; the text written back reads to the same terms."""
    for text, term in (
        ("2y", Term(24)),
        ("2 years", Term(24)),
        ("1 year", Term(12)),
        ("3yrs", Term(36)),
        ("1y 6m", Term(18)),
        ("18w", Term(0, 126)),
        ("18 weeks", Term(0, 126)),
        ("2y 4w 3d", Term(24, 31)),
        ("6M", Term(6)),
    ):
        (part,) = parse_term_parts(text)
        assert part.term == term, text
        assert parse_term_parts(term_parts_text((part,))) == (part,)
    parts = parse_term_parts("2y from 2024-01-10; 18w concurrent from 2024-04-10")
    assert term_parts_text(parts) == "24m from 2024-01-10; 126d concurrent from 2024-04-10"
    assert parse_term_parts(term_parts_text(parts)) == parts
    with pytest.raises(ValueError) as refused:
        parse_term_parts("two years")
    for unit in ("years (2y", "months (10m)", "weeks (18w)", "days (14d)"):
        assert unit in str(refused.value)
    with pytest.raises(ValueError, match="longer than"):
        parse_term_parts("101y")


_terms = st.builds(Term, st.integers(0, 40), st.integers(0, 400)).filter(lambda t: t.months or t.days)


@st.composite
def _valid_parts(draw: st.DrawFn) -> tuple[TermPart, ...]:
    first_start = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    dated = draw(st.booleans())
    parts = [TermPart(draw(_terms), starts_on=first_start if dated else None)]
    end = previous_end = term_end(first_start, parts[0].term)
    for _ in range(draw(st.integers(0, 4))):
        term = draw(_terms)
        if dated and draw(st.booleans()):
            start = first_start + timedelta(days=draw(st.integers(0, (end - first_start).days)))
            parts.append(TermPart(term, True, start))
        else:
            start = previous_end
            parts.append(TermPart(term))
        previous_end = term_end(start, term)
        end = max(end, previous_end)
    return tuple(parts)


@given(_valid_parts())
def test_a_counted_term_never_exceeds_the_sum_of_its_parts(parts):
    assert term_parts_problem(parts) == ""
    anchor = parts[0].starts_on or date(2024, 1, 31)
    counted = aggregate_term(parts).term
    assert term_end(anchor, counted) <= term_end(anchor, sum_of_parts(parts))
    assert term_end(anchor, counted) >= term_end(anchor, parts[0].term)  # and never less than the first
    dto = counted_term(Registration(anchor, D.DETENTION_TRAINING, term_parts=parts), True)
    assert dto is not None and term_end(anchor, dto.term) <= term_end(anchor, sum_of_parts(parts))


@given(
    st.dates(date(1950, 1, 1), date(2060, 12, 31)),
    st.integers(0, 400),
    st.integers(0, 366),
)
def test_measuring_on_the_calendar_keeps_the_last_day_and_leaves_less_than_a_month(start, months, days):
    entered = CountedTerm(Term(months, days), "the term as entered")
    measured = on_the_calendar(entered, start).term
    assert term_end(start, measured) == term_end(start, entered.term)
    assert measured.days < 31
    assert measured.months >= months
