"""A record removed as entered in error on one device is removed on the SOM's other device through a live
central store on PostgreSQL; a removal and an edit made on two devices before they synced is a conflict
the user sees, whichever came first; a record two devices removed is simply removed; a removal made
offline goes at the next sync; nobody out of scope (a SOM of another team, a supervisor of another team)
can remove a record through the API."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship
from somdesk.domain.model import ForeignTrip
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.records import CIVIL_ORDERS, CONTACTS, TRIPS
from somdesk.server.demo import DEMO_PASSWORD
from somdesk.store.errors import NotFound

from .sync_helpers import new_device, with_its_entry
from .test_orders_sync import a_case_without_orders, devices, session_on

__all__ = ["devices"]

pytestmark = pytest.mark.postgres

SPAIN = ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 18), returns_on=date(2026, 12, 27))
CHILD = Contact(
    ContactKind.PERSON, date(2026, 11, 2), "Maisie Corran", Relationship.CHILD, Presence.STAYS,
    age=7, has_access=False,
)  # fmt: skip


def _trips(device, nid):
    with device.opened.reader() as reader:
        return [t.id for t in reader.nominal(nid).trips]


def _conflicts(device):
    return [
        (c.table, c.record_id, c.field, c.kept, c.proposed)
        for c in session_on(device).sync_issues().conflicts
    ]


def test_a_removal_reaches_the_soms_other_device_with_the_order_s_terms(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_without_orders(laptop)
    here = session_on(laptop)
    trip_id = here.save_trip(nid, SPAIN)
    order_id = here.save_order(
        nid, CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", date(2025, 4, 2), None, True)
    )
    here.save_order_term(nid, order_id, OrderTerm(TermKind.PROHIBITION, TermCategory.OTHER, "No contact."))
    laptop.sync()
    desktop.sync()
    assert trip_id in _trips(desktop, nid) and desktop.count("order_terms", f"order_id = '{order_id}'") == 1

    here.remove(TRIPS, nid, trip_id, "typed twice")
    here.remove(CIVIL_ORDERS, nid, order_id, "recorded on the wrong person")
    report = laptop.sync()
    assert report.pushed == 3 and report.refused == 0 and report.conflicts == 0

    desktop.sync()
    assert trip_id not in _trips(desktop, nid)
    with desktop.opened.reader() as reader:
        assert order_id not in [o.id for o in reader.orders_for(nid)]
    assert desktop.count("order_terms", f"order_id = '{order_id}' AND deleted = 0") == 0
    assert desktop.value("foreign_trips", trip_id, "deleted") == 1  # the tombstone, not a purge


def test_an_edit_of_a_record_the_other_device_removed_is_a_conflict_and_keeping_it_brings_it_back(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_without_orders(laptop)
    contact_id = session_on(laptop).save_contact(nid, CHILD)
    laptop.sync()
    desktop.sync()

    session_on(laptop).remove(CONTACTS, nid, contact_id, "recorded on the wrong person")
    laptop.sync()
    session_on(desktop).save_contact(nid, replace(CHILD, has_access=True), contact_id)  # before its pull
    report = desktop.sync()

    assert report.conflicts == 1
    assert _conflicts(desktop) == [("contacts", contact_id, "deleted", True, False)]
    with desktop.opened.reader() as reader:  # the removal stands until someone decides
        assert contact_id not in {c.id for c in reader.contacts_for(nid)}
    laptop.sync()
    assert _conflicts(laptop) == [("contacts", contact_id, "deleted", True, False)]

    (conflict,) = session_on(desktop).sync_issues().conflicts
    session_on(desktop).resolve_conflict(conflict, False)  # keep it: it was not entered in error
    desktop.sync()
    laptop.sync()
    for device in (laptop, desktop):
        with device.opened.reader() as reader:  # the demo's own contacts of the person beside it
            assert [c.has_access for c in reader.contacts_for(nid) if c.id == contact_id] == [True]
        assert _conflicts(device) == []


def test_a_removal_of_a_record_the_other_device_edited_is_a_conflict_and_the_record_stays(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_without_orders(laptop)
    trip_id = session_on(laptop).save_trip(nid, SPAIN)
    laptop.sync()
    desktop.sync()

    session_on(desktop).save_trip(nid, replace(SPAIN, destination="Portugal"), trip_id)
    desktop.sync()
    session_on(laptop).remove(TRIPS, nid, trip_id, "typed twice")  # before its pull
    report = laptop.sync()

    assert report.conflicts == 1
    assert _conflicts(laptop) == [("foreign_trips", trip_id, "deleted", False, True)]
    with laptop.opened.reader() as reader:
        assert [t.destination for t in reader.nominal(nid).trips if t.id == trip_id] == ["Portugal"]
    desktop.sync()
    assert trip_id in _trips(desktop, nid)


def test_a_record_both_devices_removed_is_removed_once_and_a_second_removal_says_so(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_without_orders(laptop)
    trip_id = session_on(laptop).save_trip(nid, SPAIN)
    laptop.sync()
    desktop.sync()

    session_on(laptop).remove(TRIPS, nid, trip_id, "typed twice")
    laptop.sync()
    session_on(desktop).remove(TRIPS, nid, trip_id, "typed twice")  # offline: before its pull
    report = desktop.sync()
    assert report.refused == 0 and report.conflicts == 0
    assert trip_id not in _trips(desktop, nid) and _conflicts(desktop) == []
    with pytest.raises(NotFound, match="already removed"):
        session_on(desktop).remove(TRIPS, nid, trip_id, "typed twice")


def _remove_by_api(device, table, record_id):
    mutation = {
        "id": str(uuid.uuid4()), "table": table, "record_id": record_id, "operation": "update",
        "base_version": 0, "fields": {"deleted": True},
    }  # fmt: skip
    (result,) = device.remote.push([mutation], with_its_entry(device, table, record_id, "alteration"))[
        "results"
    ]
    return result


def test_nobody_out_of_scope_removes_a_record_through_the_api(devices, store, tmp_path):
    laptop, colleague = devices["laptop"], devices["colleague"]
    nid = a_case_without_orders(laptop)
    trip_id = session_on(laptop).save_trip(nid, SPAIN)
    laptop.sync()
    with store.engine.connect() as conn:
        officer_team = conn.execute(
            text(
                "SELECT r.data::json->>'team_id' FROM records r "
                "WHERE r.id = (SELECT data::json->>'officer_id' FROM records WHERE id = :i)"
            ),
            {"i": nid},
        ).scalar_one()  # fmt: skip
        other_supervisor = next(
            row.username
            for row in conn.execute(text("SELECT username, team_ids FROM users WHERE role = 'supervisor'"))
            if officer_team not in json.loads(row.team_ids or "[]")
        )
    supervisor = new_device(tmp_path / "other-supervisor", laptop.remote.url, other_supervisor, DEMO_PASSWORD)
    try:
        for device in (colleague, supervisor):
            result = _remove_by_api(device, "foreign_trips", trip_id)
            assert result["status"] == "rejected" and "no foreign trip" in result["reason"]
            assert result["record"] is None  # nothing told about a record out of scope
    finally:
        supervisor.close()
    with store.engine.connect() as conn:
        deleted = conn.execute(text("SELECT deleted FROM records WHERE id = :i"), {"i": trip_id}).scalar_one()
    assert deleted is False
    laptop.sync()
    assert trip_id in _trips(laptop, nid)


def test_a_panel_chair_who_may_not_edit_may_not_remove(devices, store, tmp_path):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    trip_id = session_on(laptop).save_trip(nid, SPAIN)
    laptop.sync()
    chair = new_device(tmp_path / "chair", laptop.remote.url, "chair", DEMO_PASSWORD)
    try:
        result = _remove_by_api(chair, "foreign_trips", trip_id)
    finally:
        chair.close()
    assert result["status"] == "rejected" and "may not change" in result["reason"]
