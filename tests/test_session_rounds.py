"""Booking a round through the session: each visit's day and start time, one audited change per case,
another device's booking never overwritten, the time cleared with the day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import BrokenRules, Role, Session
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.records import NOMINALS
from somdesk.domain.round_booking import Booking, bookings_of
from tests.conftest import NOW, TODAY
from tests.rounds_helpers import made_week

NONE = (None, None)


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=60, seed=7)
    s = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s
    s.lock()


def free_ids(session, count):
    free = [s for s in session.workspace().statuses if not s.case.nominal.registration.in_custody]
    return [s.case.nominal.id for s in free[:count]]


def booking_of(session, nid):
    with session.opened.reader() as reader:
        case = reader.case(nid)
    return case.planned_visit, case.planned_time


def round_entries(session, nid):
    """The audit entries booking `nid` with a round wrote (one per change: what syncs)."""
    with session.opened.reader() as reader:
        return [r.detail for r in reader.audit_rows() if r.record_id == nid and "with a round" in r.detail]


def test_a_round_books_each_visit_for_its_day_and_time_audited_one_change_per_case(session):
    a, b = free_ids(session, 2)
    wed, thu = date(2026, 11, 25), date(2026, 11, 26)
    done = session.book_round([Booking(a, wed, time(9, 25), NONE), Booking(b, thu, time(14, 5), NONE)])
    assert done.booked == (a, b) and done.left == ()
    assert booking_of(session, a) == (wed, time(9, 25)) and booking_of(session, b) == (thu, time(14, 5))
    assert round_entries(session, a) == [
        "changed: Planned time, Planned visit; visit planned (Wed 25 Nov 09:25, booked with a round)"
    ]
    assert len(round_entries(session, b)) == 1
    # Booking the same again changes nothing (no second change to send).
    again = session.book_round([Booking(a, wed, time(9, 25), (wed, time(9, 25)))])
    assert again.booked == (a,) and len(round_entries(session, a)) == 1


def test_a_visit_booked_meanwhile_elsewhere_is_left_as_it_is_and_named(session):
    a, b = free_ids(session, 2)
    session.plan_visit(a, date(2026, 11, 27))  # as if synced in from a colleague's device after planning
    done = session.book_round(
        [Booking(a, date(2026, 11, 25), time(10, 0), NONE), Booking(b, date(2026, 11, 25), time(11, 0), NONE)]
    )
    assert done.booked == (b,)
    assert done.left[0][0] == a and "booked meanwhile on another device (Fri 27 Nov)" in done.left[0][1]
    assert booking_of(session, a) == (date(2026, 11, 27), None)
    gone = session.book_round([Booking("no-such-case", date(2026, 11, 25), time(10, 0), NONE)])
    assert gone.left == (("no-such-case", "no longer in this caseload"),)


def test_a_day_before_today_refuses_the_whole_booking_and_writes_nothing(session):
    a, b = free_ids(session, 2)
    with pytest.raises(BrokenRules, match="today or later"):
        session.book_round(
            [Booking(a, date(2026, 11, 25), time(10), NONE), Booking(b, date(2026, 11, 20), time(10), NONE)]
        )
    assert booking_of(session, a) == NONE


def test_clearing_or_rebooking_the_day_clears_the_time_and_a_time_needs_a_day(session):
    a, b, c = free_ids(session, 3)
    for n in (a, b, c):
        session.book_round([Booking(n, TODAY, time(10, 30), NONE)])
    session.plan_visit(a, None)
    assert booking_of(session, a) == NONE
    session.plan_visit(b, date(2026, 11, 28))  # booked again by hand, for the day only
    assert booking_of(session, b) == (date(2026, 11, 28), None)
    session.update_nominal(c, {"planned_visit": None})
    assert booking_of(session, c) == NONE
    with pytest.raises(BrokenRules, match="only with a planned date"):
        session.update_nominal(c, {"planned_visit_time": "10:00"})
    session.book_round([Booking(a, TODAY, time(10, 30), NONE)])
    session.record_visit(
        Visit(a, datetime(2026, 11, 23, 10, 40), VisitOutcome.SEEN, officers=("DC T", "PC U"))
    )
    assert booking_of(session, a) == NONE  # made: the booking and its time are done with


@pytest.mark.parametrize(
    "value", ["9:30", "24:00", "12:60", "1230", "12:30:00", "١٢:٣٠", "12:3\x00", "\ud800", "", " 09:30", 930]
)
def test_only_a_24_hour_hh_mm_is_a_planned_time(value):
    assert NOMINALS.field("planned_visit_time").problem(value)


def test_a_24_hour_hh_mm_is_a_planned_time():
    assert [NOMINALS.field("planned_visit_time").problem(v) for v in ("00:00", "09:05", "23:59")] == [""] * 3


def test_a_round_books_each_stop_to_the_minute_shown_with_the_booking_it_had(session):
    week = made_week(session.workspace().statuses, date(2026, 11, 23))
    stop = week.plan.days[0].stops[0]
    plan = replace(
        week.plan, days=(week.plan.days[0]._replace(stops=(stop._replace(arrive=time(10, 11, 12)),)),)
    )
    (booking,) = bookings_of(plan, {stop.nominal_id: (date(2026, 11, 30), None)})
    assert booking == Booking(stop.nominal_id, date(2026, 11, 23), time(10, 11), (date(2026, 11, 30), None))
