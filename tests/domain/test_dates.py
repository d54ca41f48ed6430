from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from somdesk.domain.dates import add_months, add_years, age_on, nth_birthday

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


def test_add_months_clamps_to_the_end_of_a_shorter_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_29_february_plus_a_year_is_28_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_someone_born_on_29_february_comes_of_age_on_1_march():
    dob = date(2008, 2, 29)
    assert nth_birthday(dob, 18) == date(2026, 3, 1)
    assert age_on(dob, date(2026, 2, 28)) == 17
    assert age_on(dob, date(2026, 3, 1)) == 18
    assert age_on(date(2004, 2, 29), date(2028, 2, 29)) == 24


def test_age_changes_on_the_birthday_itself():
    dob = date(2001, 11, 23)
    assert age_on(dob, date(2026, 11, 22)) == 24
    assert age_on(dob, date(2026, 11, 23)) == 25


@given(dates, st.integers(min_value=0, max_value=600))
def test_adding_months_never_goes_backwards_and_lands_in_the_right_month(start, months):
    later = add_months(start, months)
    assert later >= start
    assert (later.year * 12 + later.month) - (start.year * 12 + start.month) == months
    assert later.day == start.day or (start.day > 28 and later.day < start.day)


@given(dates, dates)
def test_age_is_whole_years_and_grows_by_one_each_birthday(dob, on):
    if on < dob:
        return
    age = age_on(dob, on)
    assert age >= 0
    assert nth_birthday(dob, age) <= on < nth_birthday(dob, age + 1)
    assert age_on(dob, on + timedelta(days=366)) in (age + 1, age + 2)


def test_a_day_to_compute_for_is_refused_before_the_earliest_record_or_far_from_the_clock():
    from somdesk.domain.dates import working_day_problem

    clock = date(2026, 11, 30)
    assert working_day_problem(date(2026, 11, 23), clock) is None
    assert working_day_problem(date(2022, 1, 1), clock, earliest=date(1998, 6, 1)) is None
    far = working_day_problem(date(1900, 1, 1), clock)
    assert far is not None and "more than 5 years from this computer's clock (2026-11-30)" in far
    assert working_day_problem(date(2032, 12, 31), clock) is not None  # the other way too
    before = working_day_problem(date(2022, 1, 1), clock, earliest=date(2023, 3, 1))
    assert before is not None and "before the earliest record on the profile (2023-03-01)" in before
