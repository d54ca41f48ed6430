"""The record rules, dates, rounds, locations and audit trail words in Welsh when Welsh is chosen, with
Welsh day and month names; what is kept (audit details, stored values, keys) stays English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest

from somdesk.domain import text
from somdesk.domain.audit import event_label
from somdesk.domain.dates import NotARealDate, read_date, why_not_a_day
from somdesk.domain.invariants import review_problems, risk_change_text
from somdesk.domain.locations import LocationSource, entered_point
from somdesk.domain.model import RiskLevel
from somdesk.domain.records import TRIPS
from somdesk.domain.removal import removed_detail
from somdesk.domain.round_baselines import POSTCODE_ORDER
from somdesk.domain.round_booking import Booking, booking_conflict
from somdesk.domain.rounds import UnplacedReason
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

_WELSH = {
    "Reviewed on": "Adolygwyd ar",
    "the person was found on {0}: only an open episode is reviewed": (
        "daethpwyd o hyd i'r unigolyn ar {0}: dim ond cyfnod agored sy'n cael ei adolygu"
    ),
    "not a real date ({0})": "nid yw'n ddyddiad go iawn ({0})",
    "{0} has no {1}": "nid oes diwrnod {1} ym mis {0}",
    "; its last day is the {0}": "; ei ddiwrnod olaf yw {0}",
    "booked meanwhile on another device ({0}): left as it is; plan again to include it": (
        "wedi'i drefnu yn y cyfamser ar ddyfais arall ({0}): gadawyd fel y mae; cynlluniwch eto i'w gynnwys"
    ),
    "{0} is needed: give whole metres, e.g. 401200": "{0}: mae ei angen; rhowch fetrau cyfan, e.e. 401200",
    "Easting": "Dwyreiniad",
    "recorded": "wedi'i gofnodi",
    "Visit corrected": "Cywirwyd yr ymweliad",
    "Feb": "Chwef",
    "February": "Chwefror",
    "Nov": "Tach",
    "Fri": "Gwe",
}


@pytest.fixture
def welsh() -> Iterator[None]:
    text.use_language("cy", lambda source: _WELSH.get(source, source))
    try:
        yield
    finally:
        text.use_language("en", lambda source: source)


def test_a_rule_refusal_in_welsh_with_the_date_in_welsh(welsh: None) -> None:
    episode = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 2), resolved_on=date(2026, 11, 20))
    [problem] = review_problems(episode, date(2026, 11, 25), "DC Reyes", "", date(2026, 11, 30))
    assert problem.label == "Adolygwyd ar"
    assert problem.message == (
        "daethpwyd o hyd i'r unigolyn ar 20 Tach 2026: dim ond cyfnod agored sy'n cael ei adolygu"
    )


def test_a_rule_refusal_in_english_by_default() -> None:
    episode = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 2), resolved_on=date(2026, 11, 20))
    [problem] = review_problems(episode, date(2026, 11, 25), "DC Reyes", "", date(2026, 11, 30))
    assert str(problem) == (
        "Reviewed on: the person was found on 20 Nov 2026: only an open episode is reviewed"
    )


def test_what_is_kept_stays_english(welsh: None) -> None:
    # The audit detail of a removal and the risk change written to the record are stored: English.
    detail = removed_detail(TRIPS, {"destination": "France", "departs_on": date(2027, 1, 4)}, "typed twice")
    assert detail.startswith("removed, entered in error: ")
    assert detail.endswith("; reason: typed twice")
    assert risk_change_text(RiskLevel.HIGH, RiskLevel.MEDIUM) == "High → Medium (lower)"
    # Stored values and keys: a point's source, a plan's baseline, why a visit was not placed.
    assert LocationSource.HAND.value == "set by hand"
    assert POSTCODE_ORDER == "postcode order"
    assert UnplacedReason.WINDOW.value == "its time window cannot be met on any day worked"


def test_no_such_day_in_welsh_with_the_welsh_month(welsh: None) -> None:
    assert why_not_a_day("31/02/2026") == "nid oes diwrnod 31 ym mis Chwefror; ei ddiwrnod olaf yw 28"
    with pytest.raises(NotARealDate, match="nid yw'n ddyddiad go iawn"):
        read_date("31/02/2026", date(2026, 11, 30))


def test_no_such_day_in_english() -> None:
    assert why_not_a_day("31/02/2026") == "February has no 31st; its last day is the 28th"


def test_a_booking_left_in_welsh_with_the_welsh_day(welsh: None) -> None:
    booking = Booking("n1", date(2026, 11, 26), time(10, 0), (None, None))
    why = booking_conflict(booking, (date(2026, 11, 27), time(14, 30)))
    assert why == (
        "wedi'i drefnu yn y cyfamser ar ddyfais arall (Gwe 27 Tach 14:30): gadawyd fel y mae; "
        "cynlluniwch eto i'w gynnwys"
    )


def test_a_point_by_hand_and_the_audit_trail_in_welsh(welsh: None) -> None:
    point, problems = entered_point("", "300000")
    assert point is None
    assert problems == {"easting": "Dwyreiniad: mae ei angen; rhowch fetrau cyfan, e.e. 401200"}
    assert event_label("visits", "alteration") == "Cywirwyd yr ymweliad"
    assert event_label("visits", "collection").endswith(" wedi'i gofnodi")


def test_the_audit_trail_in_english() -> None:
    assert event_label("visits", "collection") == "Visit recorded"
    assert entered_point("", "300000")[1] == {"easting": "Easting is needed: give whole metres, e.g. 401200"}
