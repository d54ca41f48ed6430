"""Notification dates as the Act reads them (issue 18, DOMAIN.md §5 "Corrections found by checking the Act").

The worked examples are written from the Act, not from the code: s.82(1) periods "beginning with" the
relevant date.
"""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from somdesk.app.policy import default_policy
from somdesk.domain.dates import last_day_of_period
from somdesk.domain.model import Address, Case, Disposal, Nominal, Registration, Sex, Term
from somdesk.domain.notification import notification_period, notification_status
from somdesk.domain.queues import notification_queue
from somdesk.domain.status import evaluate

D = Disposal
RULES = default_policy().notifications


def _nominal(reg: Registration, dob: date = date(1980, 1, 1)) -> Nominal:
    address = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")
    return Nominal("n", "SYN1", "SYN/1", "Fenby", "Ian", dob, Sex.MALE, reg, address)


def test_five_years_beginning_with_10_march_2020_has_its_last_day_on_9_march_2025():
    other = notification_period(D.OTHER, None, None, False)
    assert other.last_day(date(2020, 3, 10)) == date(2025, 3, 9)
    reg = Registration(date(2020, 3, 10), D.OTHER, registered_on=date(2020, 3, 11))
    on_the_last_day = notification_status(_nominal(reg), date(2025, 3, 9), RULES)
    assert on_the_last_day.last_day == date(2025, 3, 9) and not on_the_last_day.ended
    assert notification_status(_nominal(reg), date(2025, 3, 10), RULES).ended  # the day after


def test_a_period_whose_anniversary_the_month_lacks_runs_to_the_end_of_the_month():
    # A caution (2 years) beginning with 29 February 2024: 29 February 2026 does not exist, so the
    # period runs to the end of February 2026 and the person is still subject to it on the 28th.
    reg = Registration(date(2024, 2, 29), D.CAUTION, registered_on=date(2024, 2, 29))
    last = notification_status(_nominal(reg), date(2026, 2, 28), RULES)
    assert last.last_day == date(2026, 2, 28) and not last.ended
    assert notification_status(_nominal(reg), date(2026, 3, 1), RULES).ended
    # 3.5 years (under 18, 7 years halved) beginning with 31 August 2023: last day 28 February 2027.
    youth = Registration(date(2023, 8, 31), D.HOSPITAL, registered_on=date(2023, 8, 31))
    status = notification_status(_nominal(youth, dob=date(2006, 1, 1)), date(2027, 2, 28), RULES)
    assert status.last_day == date(2027, 2, 28) and not status.ended


def test_an_annual_date_on_the_last_day_is_still_due_one_the_day_after_is_not():
    # Caution beginning with 10 March 2025: last day 9 March 2027.
    on_last = Registration(
        date(2025, 3, 10), D.CAUTION, registered_on=date(2025, 3, 10), last_notification=date(2026, 3, 9)
    )
    status = notification_status(_nominal(on_last), date(2026, 11, 23), RULES)
    assert status.next_due == date(2027, 3, 9) and not status.ends_before_next
    after = Registration(
        date(2025, 3, 10), D.CAUTION, registered_on=date(2025, 3, 10), last_notification=date(2026, 3, 10)
    )
    status = notification_status(_nominal(after), date(2026, 11, 23), RULES)
    assert status.next_due is None and status.ends_before_next


def test_the_queue_names_the_last_day():
    policy = default_policy()
    reg = Registration(
        date(2024, 12, 1), D.CAUTION, registered_on=date(2024, 12, 1), last_notification=date(2024, 12, 1)
    )
    today = date(2026, 11, 23)
    items = notification_queue([evaluate(Case(_nominal(reg), None, None), today, policy)], today, policy)
    ends = [i for i in items if i.kind == "Requirement ends"]
    assert len(ends) == 1 and ends[0].due == date(2026, 11, 30)
    assert "last day of the notification period" in ends[0].reason


@given(
    st.dates(date(1990, 1, 1), date(2060, 12, 31)),
    st.sampled_from([12, 24, 30, 42, 60, 84, 120, *range(1, 37)]),
)
def test_the_last_day_is_always_the_day_before_the_anniversary(start: date, months: int):
    last = last_day_of_period(start, months)
    anniversary = last + timedelta(days=1)
    # The anniversary is the same day of the month `months` later, or, where that month has no
    # such day, the 1st of the month after it.
    target = start.year * 12 + start.month - 1 + months
    if anniversary.day == start.day:
        assert anniversary.year * 12 + anniversary.month - 1 == target
    else:
        assert anniversary.day == 1 and anniversary.year * 12 + anniversary.month - 2 == target
        assert last.day < start.day  # the month was too short
    assert last >= start  # a period of a month or more includes its first day


@given(st.dates(date(1990, 1, 1), date(2060, 12, 31)), st.sampled_from(list(D)), st.booleans())
def test_every_fixed_period_ends_the_day_before_its_anniversary(start: date, disposal: Disposal, youth: bool):
    period = notification_period(disposal, Term(12), 24, youth)
    if period.months is None:
        return
    last = period.last_day(start)
    assert last is not None and last == last_day_of_period(start, period.months)
