"""The day sheet, read back with pdftotext: a day to a page, stops in round order with times, name and
reference, address unless left out, risk, why due and what to check (orders in force with their terms,
devices in use); the day's driving; marked and logged as a disclosure of each person on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.devices import Device, DeviceType
from somdesk.domain.model import Language
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.planner import week_of
from somdesk.reports.disclose import Disclosure
from somdesk.reports.service import Reports
from tests.conftest import NOW, TODAY
from tests.reports.test_documents import MARKING, check_frame, disclosures, ink_per_page, pages_text
from tests.rounds_helpers import made_week


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=80, seed=3)
    s = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s
    s.lock()


@pytest.fixture
def week(session):
    return made_week(session.workspace().statuses, week_of(TODAY))


def test_each_day_prints_its_stops_in_order_with_what_to_check(session, week, tmp_path):
    first = week.plan.days[0].stops[0].nominal_id
    order = session.save_order(
        first, CivilOrder(OrderKind.SHPO, "Eastbrook Crown Court", date(2025, 3, 1), date(2030, 3, 1))
    )
    session.save_order_term(
        first, order, OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, "Not to delete internet history")
    )
    session.save_device(
        first, Device(DeviceType.PHONE, "Nokia 3310", date(2026, 10, 1), identifier="SN-99-ZZ-1")
    )
    person = session.record(first, None).status.case.nominal
    session.save_nominal(person, replace(person, preferred_language=Language.WELSH), "preferred language")
    before = len(disclosures(session))
    out = tmp_path / "sheets.pdf"
    Reports(session).day_sheets(
        week, [0, 2], Disclosure("DC One", "Monday's visits", "day sheets"), Reports(session).options(), out
    )

    pages = pages_text(out)
    check_frame(pages)
    monday, wednesday = pages[0], pages[1]
    assert (
        "Day sheet" in monday
        and "Monday 23 November 2026 · DC One and DC Two · from ZZ1 1AA, 09:00 to 17:00" in monday
    )
    visits = week.visits
    labels = [visits[s.nominal_id].label for s in week.plan.days[0].stops]
    found = [monday.index(label) for label in labels]
    assert found == sorted(found)  # in round order
    assert "09:12–09:42" in monday and "drive: 12 min 5.2 km" in monday
    assert "Sexual Harm Prevention Order" in monday and "Not to delete internet history" in monday
    assert "Nokia 3310 (SN-99-ZZ-1)" in monday and "no monitoring software" in monday
    assert "Preferred language: Welsh (Cymraeg)" in monday  # the first stop's, said at the door
    welsh = [
        s.nominal_id
        for s in week.plan.days[0].stops
        if session.record(s.nominal_id, None).status.case.nominal.preferred_language is Language.WELSH
    ]
    assert first in welsh and monday.count("Preferred language") == len(welsh)  # only theirs
    assert "Kept on this day" in monday  # the fixed stop
    assert "4 visits · driving base to base 1 h 00 min, 26.0 km" in monday
    status = next(s for s in session.workspace().statuses if s.case.nominal.id == first)
    assert status.case.nominal.address.postcode in monday
    assert all(visits[s.nominal_id].label in wednesday for s in week.plan.days[2].stops)
    # Only the days' own stops: no list of the week's other visits (other pairs' cases) rides in the car,
    # and nobody is on the sheet who is not logged as disclosed.
    unplaced = [week.visits[u.nominal_id].label for u in week.plan.unplaced if u.nominal_id in week.visits]
    assert unplaced and not any(label in "".join(pages) for label in unplaced)
    assert "Not placed this week" not in "".join(pages)
    assert all(share > 0.003 for share in ink_per_page(out, tmp_path))
    logged = disclosures(session)[before:]
    assert {r.record_id for r in logged} == {s.nominal_id for i in (0, 2) for s in week.plan.days[i].stops}


def test_addresses_and_device_numbers_can_be_left_out(session, week, tmp_path):
    first = week.plan.days[0].stops[0].nominal_id
    session.save_device(
        first, Device(DeviceType.PHONE, "Nokia 3310", date(2026, 10, 1), identifier="SN-99-ZZ-1")
    )
    out = tmp_path / "sheet.pdf"
    reports = Reports(session)
    options = reports.options(redact=["addresses", "numbers"])
    reports.day_sheets(week, [0], Disclosure("DC One", "cover", "day sheet"), options, out)
    page = pages_text(out)[0]
    postcodes = [
        s.case.nominal.address.postcode for s in session.workspace().statuses if s.case.nominal.address
    ]
    assert "[withheld]" in page and "SN-99-ZZ-1" not in page and "Nokia 3310" in page
    assert not any(p in page for p in postcodes)
    assert MARKING in page


def test_a_sheet_for_a_day_with_no_stops_says_so(session, week, tmp_path):
    out = tmp_path / "empty.pdf"
    reports = Reports(session)
    reports.day_sheets(week, [1], Disclosure("DC One", "Tuesday", "day sheet"), reports.options(), out)
    assert "No visits placed on this day." in pages_text(out)[0]
    assert TODAY + timedelta(days=1) == week.plan.days[1].shift.day
