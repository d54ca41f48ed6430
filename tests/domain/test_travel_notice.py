"""Foreign travel notice against DOMAIN.md §5: at least 7 days before departure is in time; inside the 7
days it is short notice, allowed only for a reason the record keeps, never simply in time; notice after
departure (or inside a force's own short-notice hours, when times are known) is late. By dates alone,
notice on the day of departure may have come before it, so it is short notice, not late."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somdesk.app.policy import default_policy
from somdesk.domain.model import ForeignTrip
from somdesk.domain.notification import TravelNotice, describe_travel_notice, travel_notice

RULES = default_policy().notifications  # short_notice_hours = 0: no hours rule was found in law
FORCE_RULE = replace(RULES, short_notice_hours=12)  # a force with its own 12-hour rule
DEPARTS = date(2026, 12, 20)
N = TravelNotice


def trip(notified: date | None, reason: str = "") -> ForeignTrip:
    return ForeignTrip(DEPARTS, "Spain", notified, reason)


@pytest.mark.parametrize(
    ("notified", "expected"),
    [
        (date(2026, 12, 1), N.IN_TIME),
        (date(2026, 12, 13), N.IN_TIME),  # the last day: 7 days before departure
        (date(2026, 12, 14), N.SHORT_NOTICE),  # the day after: 6 days before, short notice
        (date(2026, 12, 19), N.SHORT_NOTICE),  # the day before departure, by dates alone
        (date(2026, 12, 20), N.SHORT_NOTICE),  # on the day of departure: perhaps before it left
        (date(2026, 12, 21), N.LATE),  # the day after departure
        (date(2026, 12, 22), N.LATE),  # after it
        (None, N.NOT_NOTIFIED),
    ],
)
def test_notice_by_dates(notified, expected):
    assert travel_notice(trip(notified), RULES) is expected


def test_short_notice_with_its_reason_recorded_is_said_so_and_a_blank_reason_is_no_reason():
    assert travel_notice(trip(date(2026, 12, 16), "family funeral"), RULES) is N.SHORT_NOTICE_REASON
    assert travel_notice(trip(date(2026, 12, 16), "   "), RULES) is N.SHORT_NOTICE
    # A reason does not turn notice after departure into short notice.
    assert travel_notice(trip(date(2026, 12, 21), "family funeral"), RULES) is N.LATE


def test_a_forces_short_notice_hours_decide_only_when_times_are_known():
    short = trip(date(2026, 12, 19))
    # 25 hours ahead: still short notice (not "in time"); 11 hours ahead, inside the force's 12: late.
    assert (
        travel_notice(short, FORCE_RULE, datetime(2026, 12, 20, 18), datetime(2026, 12, 19, 17))
        is N.SHORT_NOTICE
    )
    assert travel_notice(short, FORCE_RULE, datetime(2026, 12, 20, 6), datetime(2026, 12, 19, 19)) is N.LATE
    # With no hours rule (the default): notice given before departure on the day is short notice,
    # notice after it (even on the same day) is late.
    today = trip(date(2026, 12, 20))
    assert (
        travel_notice(today, RULES, datetime(2026, 12, 20, 18), datetime(2026, 12, 20, 9)) is N.SHORT_NOTICE
    )
    assert travel_notice(today, RULES, datetime(2026, 12, 20, 6), datetime(2026, 12, 20, 9)) is N.LATE


def test_the_words_the_queue_and_record_use():
    assert describe_travel_notice(trip(date(2026, 12, 13)), RULES) == "notified 13 Dec 2026"
    assert describe_travel_notice(trip(date(2026, 12, 14)), RULES) == (
        "notified 14 Dec 2026, inside the 7 days (due by 13 Dec 2026): short notice: reason to record"
    )
    assert describe_travel_notice(trip(date(2026, 12, 14), "funeral"), RULES).endswith(
        "short notice: reason recorded (funeral)"
    )
    assert describe_travel_notice(trip(date(2026, 12, 21)), RULES) == (
        "notified late on 21 Dec 2026 (due by 13 Dec 2026)"
    )
    assert describe_travel_notice(trip(None), RULES) == "not notified"


@given(st.integers(min_value=-30, max_value=60), st.text(max_size=5))
def test_notice_less_than_7_days_before_departure_is_never_in_time(days_before, reason):
    notice = travel_notice(trip(DEPARTS - timedelta(days=days_before), reason), RULES)
    assert (notice is N.IN_TIME) == (days_before >= 7)
    if 0 < days_before < 7:
        assert notice in (N.SHORT_NOTICE, N.SHORT_NOTICE_REASON)
