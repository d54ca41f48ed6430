"""Notification dates as the Act reads them (issue 18, DOMAIN.md §5 "Corrections found by checking the Act").

The worked examples are written from the Act, not from the code: s.82(1) periods "beginning with" the
relevant date.
"""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from somdesk.app.policy import default_policy
from somdesk.domain.dates import add_years, last_day_of_period
from somdesk.domain.invariants import registration_problems, trip_problems
from somdesk.domain.model import Address, Case, Disposal, ForeignTrip, Nominal, Registration, Sex, Term
from somdesk.domain.notification import (
    Absence,
    initial_deadline_after_absences,
    moved_by_absence,
    moved_words,
    notification_period,
    notification_status,
)
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


# -- time in custody, in hospital or abroad (s.83(6), s.85(3)-(4))

ADDRESS = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")


def _with(reg: Registration, *trips: ForeignTrip, nfa: bool = False) -> Nominal:
    address = None if nfa else ADDRESS
    return Nominal(
        "n", "SYN1", "SYN/1", "Fenby", "Ian", date(1980, 1, 1), Sex.MALE, reg, address, trips=trips
    )


def test_time_abroad_is_disregarded_for_the_initial_notification():
    # s.83(6)(d): convicted Monday 2 November 2026, abroad from Tuesday 3 to Friday 6 November. Counted:
    # Monday (1), Friday, the day of return (2), Saturday (3).
    reg = Registration(date(2026, 11, 2), D.OTHER)
    trip = ForeignTrip(date(2026, 11, 3), "Spain", date(2026, 10, 20), returns_on=date(2026, 11, 6))
    status = notification_status(_with(reg, trip), date(2026, 11, 4), RULES)
    assert status.initial_deadline == date(2026, 11, 7)
    # Abroad from the relevant date itself: 3 days beginning with the day of return.
    away = ForeignTrip(date(2026, 11, 2), "Spain", date(2026, 10, 20), returns_on=date(2026, 11, 10))
    assert notification_status(_with(reg, away), date(2026, 11, 4), RULES).initial_deadline == date(
        2026, 11, 12
    )
    # A trip with no recorded return cannot be placed: the ordinary 3 days.
    unknown = ForeignTrip(date(2026, 11, 3), "Spain", date(2026, 10, 20))
    assert notification_status(_with(reg, unknown), date(2026, 11, 3), RULES).initial_deadline == date(
        2026, 11, 4
    )
    assert initial_deadline_after_absences(date(2026, 11, 2), ()) == date(2026, 11, 4)


def test_an_annual_date_that_falls_in_custody_moves_to_3_days_beginning_with_release():
    # Last notified 1 March 2025: the annual date is 1 March 2026. Released on 20 March 2026: the date
    # fell while in custody, so it moves to the last of the 3 days beginning with release.
    reg = Registration(
        date(2024, 1, 10),
        D.OTHER,
        registered_on=date(2024, 1, 11),
        last_notification=date(2025, 3, 1),
        released_on=date(2026, 3, 20),
    )
    status = notification_status(_with(reg), date(2026, 3, 21), RULES)
    assert status.next_due == date(2026, 3, 22) and status.moved_by_absence
    policy = default_policy()
    items = notification_queue(
        [evaluate(Case(_with(reg), None, None), date(2026, 3, 21), policy)], date(2026, 3, 21), policy
    )
    assert [i.days_left for i in items if i.kind == "Annual notification"] == [1]  # not overdue
    # Released on the due date itself: the date falls on a day in custody.
    on_the_day = replace(reg, released_on=date(2026, 3, 1))
    assert notification_status(_with(on_the_day), date(2026, 3, 2), RULES).next_due == date(2026, 3, 3)
    # Released the day before: present on the due date, nothing moves.
    before = replace(reg, released_on=date(2026, 2, 28))
    status = notification_status(_with(before), date(2026, 3, 2), RULES)
    assert status.next_due == date(2026, 3, 1) and not status.moved_by_absence


def test_a_return_from_abroad_on_the_due_date_moves_it():
    reg = Registration(
        date(2024, 1, 10), D.OTHER, registered_on=date(2024, 1, 11), last_notification=date(2025, 3, 1)
    )
    back_on_the_day = ForeignTrip(date(2026, 2, 20), "Malta", date(2026, 2, 1), returns_on=date(2026, 3, 1))
    assert notification_status(_with(reg, back_on_the_day), date(2026, 3, 1), RULES).next_due == date(
        2026, 3, 3
    )
    leaves_on_the_day = ForeignTrip(date(2026, 3, 1), "Malta", date(2026, 2, 1), returns_on=date(2026, 3, 15))
    assert notification_status(_with(reg, leaves_on_the_day), date(2026, 3, 1), RULES).next_due == date(
        2026, 3, 17
    )
    back_the_day_before = ForeignTrip(
        date(2026, 2, 20), "Malta", date(2026, 2, 1), returns_on=date(2026, 2, 28)
    )
    assert notification_status(_with(reg, back_the_day_before), date(2026, 3, 1), RULES).next_due == date(
        2026, 3, 1
    )


def test_a_weekly_date_moves_too_and_a_move_into_another_absence_moves_again():
    # No fixed abode, last notified 1 March 2026: weekly date 8 March, abroad 5 to 9 March.
    reg = Registration(
        date(2024, 1, 10), D.OTHER, registered_on=date(2024, 1, 11), last_notification=date(2026, 3, 1)
    )
    trip = ForeignTrip(date(2026, 3, 5), "Ireland", date(2026, 2, 1), returns_on=date(2026, 3, 9))
    assert notification_status(_with(reg, trip, nfa=True), date(2026, 3, 9), RULES).next_due == date(
        2026, 3, 11
    )
    # Away again from 10 to 20 March: the moved date (11 March) falls in that absence and moves again.
    again = ForeignTrip(date(2026, 3, 10), "Ireland", date(2026, 2, 1), returns_on=date(2026, 3, 20))
    status = notification_status(_with(reg, trip, again, nfa=True), date(2026, 3, 9), RULES)
    assert status.next_due == date(2026, 3, 22)


def test_a_moved_date_past_the_last_day_is_not_shown():
    # Caution beginning with 10 March 2025 (last day 9 March 2027); annual date 8 March 2027 falls
    # abroad, moving past the last day: nothing more falls due.
    reg = Registration(
        date(2025, 3, 10), D.CAUTION, registered_on=date(2025, 3, 10), last_notification=date(2026, 3, 8)
    )
    trip = ForeignTrip(date(2027, 3, 1), "Spain", date(2027, 2, 1), returns_on=date(2027, 3, 8))
    status = notification_status(_with(reg, trip), date(2026, 11, 23), RULES)
    assert status.next_due is None and status.ends_before_next


absence_lists = st.lists(
    st.builds(
        lambda first, length, unknown: Absence(None if unknown else first, first + timedelta(days=length)),
        st.dates(date(2020, 1, 1), date(2030, 12, 31)),
        st.integers(0, 400),
        st.booleans(),
    ),
    max_size=6,
)


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), absence_lists, absence_lists)
def test_moving_a_date_for_an_absence_never_makes_it_earlier(
    due: date, some: list[Absence], more: list[Absence]
):
    moved = moved_by_absence(due, some)
    assert moved >= due
    assert not any(a.covers(moved) for a in some)  # the moved date is a day present
    if not any(a.covers(due) for a in some):
        assert moved == due
    assert moved_by_absence(due, some + more) >= moved  # a further absence never brings it forward
    # The initial deadline too: never before the ordinary 3 days.
    assert initial_deadline_after_absences(due, some) >= due + timedelta(days=2)


# -- indefinite review after a refusal (s.91B(3))


def test_the_further_review_date_is_the_one_in_the_chief_officer_s_notice():
    reg = Registration(
        date(2005, 1, 1),
        D.IMPRISONMENT,
        Term(60),
        released_on=date(2008, 1, 30),
        first_notification_after_release=date(2008, 2, 1),
        review_refused_on=date(2023, 6, 1),
    )
    status = notification_status(_with(reg), date(2026, 11, 23), RULES)
    assert status.review_qualifying == add_years(date(2023, 6, 1), RULES.further_review_years)
    # The notice sets 5 years (s.91B(3) allows periods other than 8): its date rules.
    noticed = replace(reg, review_further_on=date(2028, 6, 1))
    assert notification_status(_with(noticed), date(2026, 11, 23), RULES).review_qualifying == date(
        2028, 6, 1
    )
    assert registration_problems(_with(noticed), date(2026, 11, 23)) == []
    # A notice date needs the refusal it follows, and comes after it.
    assert [
        p.field
        for p in registration_problems(_with(replace(noticed, review_refused_on=None)), date(2026, 11, 23))
    ] == ["review_further_on"]
    early = replace(noticed, review_further_on=date(2023, 6, 1))
    assert [p.field for p in registration_problems(_with(early), date(2026, 11, 23))] == ["review_further_on"]


def test_a_return_before_the_departure_is_refused():
    assert trip_problems(ForeignTrip(date(2026, 3, 5), "Spain", returns_on=date(2026, 3, 5))) == []
    (problem,) = trip_problems(ForeignTrip(date(2026, 3, 5), "Spain", returns_on=date(2026, 3, 4)))
    assert problem.field == "returns_on" and "before the departure" in problem.message


def test_no_initial_or_annual_notification_falls_due_while_in_custody_and_release_starts_the_3_days():
    # Sentenced to 4 years on 10 Mar 2024 and in custody since: custody is disregarded (s.83(6)), so the
    # initial notification is not due until release, and no annual date either (s.85(3)).
    reg = Registration(date(2024, 3, 10), D.IMPRISONMENT, Term(48), in_custody=True)
    held = notification_status(_nominal(reg), date(2026, 11, 30), RULES)
    assert held.in_custody and held.initial_deadline is None and held.next_due is None
    assert not notification_queue([evaluate(Case(_nominal(reg)), date(2026, 11, 30), default_policy())],
                                  date(2026, 11, 30), default_policy())  # fmt: skip
    # Released on 27 Nov 2026: the 3 days beginning with release end on 29 Nov (release day counts).
    out = replace(reg, in_custody=False, released_on=date(2026, 11, 27))
    status = notification_status(_nominal(out), date(2026, 11, 30), RULES)
    assert not status.in_custody and status.initial_deadline == date(2026, 11, 29)


def test_a_trip_notified_at_short_notice_stays_on_the_queue_until_its_reason_is_recorded():
    today = date(2026, 11, 30)
    reg = Registration(date(2024, 3, 10), D.OTHER, registered_on=date(2024, 3, 11), last_notification=today)
    # Left on 20 Nov, notified on 16 Nov (4 days before): short notice, and no reason recorded yet.
    gone = ForeignTrip(date(2026, 11, 20), "France", date(2026, 11, 16), returns_on=date(2026, 11, 25))
    policy = default_policy()

    def travel_items(trip: ForeignTrip) -> list[str]:
        case = Case(replace(_nominal(reg), trips=(trip,)))
        items = notification_queue([evaluate(case, today, policy)], today, policy)
        return [i.reason for i in items if i.kind == "Foreign travel"]

    (reason,) = travel_items(gone)
    assert "short notice: reason to record" in reason
    assert travel_items(replace(gone, short_notice_reason="family funeral")) == []  # recorded: done
    assert travel_items(replace(gone, notified_on=date(2026, 11, 1))) == []  # in time, and long gone


def test_a_release_moves_an_annual_date_only_if_custody_began_before_it():
    # Latest notification 10 Oct 2025: annual date 10 Oct 2026. Released 11 Oct 2026.
    today = date(2026, 11, 30)
    base = Registration(
        date(2024, 3, 10), D.OTHER, registered_on=date(2024, 3, 11), last_notification=date(2025, 10, 10),
        released_on=date(2026, 11, 11),
    )  # fmt: skip
    # Remanded on 1 Oct 2026: the date fell in custody, so it moves to the 3 days from release (s.85(3)).
    held = notification_status(_nominal(replace(base, custody_from=date(2026, 10, 1))), today, RULES)
    assert held.next_due == date(2026, 11, 13) and held.moved_by_absence and not held.moved_start_unknown
    # Remanded on 11 Oct 2026, the day after: the person was free on the 10th and missed it (s.91).
    free = notification_status(_nominal(replace(base, custody_from=date(2026, 10, 11))), today, RULES)
    assert free.next_due == date(2026, 10, 10) and not free.moved_by_absence and free.overdue
    # Custody on the due date itself counts as custody.
    on_the_day = notification_status(_nominal(replace(base, custody_from=date(2026, 10, 10))), today, RULES)
    assert on_the_day.next_due == date(2026, 11, 13)
    # Not recorded: taken as in custody, and the words say so, naming the date that would be missed.
    unknown = notification_status(_nominal(base), today, RULES)
    assert unknown.next_due == date(2026, 11, 13) and unknown.moved_start_unknown
    assert "the custody start is not recorded, so 10 Oct 2026 is taken as in custody" in moved_words(unknown)


def test_when_custody_began_is_checked_against_the_release_and_may_precede_the_relevant_date():
    reg = Registration(date(2024, 3, 10), D.IMPRISONMENT, Term(12), released_on=date(2024, 9, 10))
    remand = replace(reg, custody_from=date(2024, 1, 5))  # remanded before conviction: allowed
    assert registration_problems(_nominal(remand), date(2026, 11, 30)) == []
    after = replace(reg, custody_from=date(2024, 9, 11))
    (problem,) = registration_problems(_nominal(after), date(2026, 11, 30))
    assert problem.field == "custody_from" and "on or before the release" in problem.message
    future = replace(reg, custody_from=date(2026, 12, 1), in_custody=True, released_on=None)
    assert [p.field for p in registration_problems(_nominal(future), date(2026, 11, 30))] == ["custody_from"]
