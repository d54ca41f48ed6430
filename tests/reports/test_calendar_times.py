"""The calendar export with booked times: a visit a round booked for a time is a timed event in
Europe/London (its VTIMEZONE in the file) lasting the visit's length for its risk level, right on both
sides of the clock change; a visit booked for a day only stays an all-day event."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.planner import RoundStop
from somdesk.reports.calendar import visits_calendar
from tests.conftest import NOW, TODAY
from tests.rounds_helpers import MINUTES


@pytest.fixture(scope="module")
def statuses(tmp_path_factory, policy):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("cal"), rsos=30, seed=4)
    s = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s.workspace().statuses
    s.lock()


def booked(status, day: date, at: time | None) -> RoundStop:
    case = status.case._replace(planned_visit=day, planned_time=at)
    return RoundStop(1, status._replace(case=case), "Area", None, day, False, "Due", at)


def events(ics: bytes):
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def make(stops):
    return visits_calendar(stops, "DC One", "OFFICIAL-SENSITIVE", datetime(2026, 11, 23, 8), False, MINUTES)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(date(2026, 3, 27), 10), (date(2026, 3, 30), 9), (date(2026, 10, 23), 9), (date(2026, 10, 26), 10)],
)
def test_a_booked_time_is_local_time_either_side_of_the_clock_change(statuses, day, utc_hour):
    status = statuses[0]
    (event,) = events(make([booked(status, day, time(10, 0))]))
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.hour, start.minute) == (10, 0) and str(event["dtstart"].params["TZID"]) == "Europe/London"
    assert start.astimezone(UTC).hour == utc_hour  # BST (UTC+1) after the last Sunday of March
    assert end - start == timedelta(minutes=MINUTES[status.risk])


def test_the_file_carries_the_uk_zone_and_a_day_only_booking_stays_all_day(statuses):
    a, b = statuses[0], statuses[1]
    ics = make([booked(a, date(2026, 11, 25), time(14, 5)), booked(b, date(2026, 11, 26), None)])
    timed, all_day = events(ics)
    assert b"BEGIN:VTIMEZONE" in ics and b"TZID:Europe/London" in ics
    assert timed.decoded("dtstart").time() == time(14, 5)
    assert all_day.decoded("dtstart") == date(2026, 11, 26) and all_day.decoded("dtend") == date(2026, 11, 27)


def test_the_visit_lasts_the_policy_s_minutes_for_its_risk(statuses):
    for status in statuses[:10]:
        (event,) = events(make([booked(status, date(2026, 11, 25), time(9, 30))]))
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=MINUTES[status.risk])
