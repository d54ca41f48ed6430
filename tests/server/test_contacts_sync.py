"""A contact made on one device reaches the same SOM's other device through a live central store on
PostgreSQL, and a change comes back; a SOM of another team never receives it (it is held with its
offender); the central store refuses a contact no form would write, naming the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship

from .test_orders_sync import _push, a_case_without_orders, devices, session_on

__all__ = ["devices"]

pytestmark = pytest.mark.postgres

CHILD = Contact(
    ContactKind.PERSON, date(2026, 11, 2), "Maisie Corran", Relationship.CHILD, Presence.STAYS,
    date_of_birth=date(2017, 4, 12), has_access=False, childrens_services="Ravensholt CSC duty team",
)  # fmt: skip
EMAIL = Contact(ContactKind.EMAIL, date(2026, 11, 2), identity="t.hale@example.org")


def test_a_contact_reaches_the_soms_other_device_and_no_other_team(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case_without_orders(laptop)
    here = session_on(laptop)
    child_id = here.save_contact(nid, CHILD)
    email_id = here.save_contact(nid, EMAIL)
    report = laptop.sync()
    assert report.pushed == 2 and report.refused == 0

    desktop.sync()
    with desktop.opened.reader() as reader:
        # (the demo force gives people contacts of their own: these two among them)
        held = [c for c in reader.contacts_for(nid) if c.id in (child_id, email_id)]
    assert sorted(held, key=lambda c: c.kind.value) == [EMAIL, CHILD]
    assert {c.id for c in held} == {child_id, email_id}

    # A change on the second device comes back to the first.
    session_on(desktop).save_contact(nid, replace(CHILD, has_access=True), child_id)
    desktop.sync()
    laptop.sync()
    with laptop.opened.reader() as reader:
        back = next(c for c in reader.contacts_for(nid) if c.id == child_id)
    assert back.has_access is True

    colleague.sync()
    for record_id in (child_id, email_id):
        assert colleague.count("contacts", f"id = '{record_id}'") == 0
    assert colleague.count("nominals", f"id = '{nid}'") == 0


def test_the_central_store_refuses_a_contact_no_form_would_write(devices):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    email = {
        "nominal_id": nid, "kind": "email", "recorded_on": "2026-11-02", "name": "", "relationship": None,
        "presence": None, "date_of_birth": None, "age": None, "has_access": None, "childrens_services": "",
        "employment": "", "identity": "t.hale at example", "platform": "",
    }  # fmt: skip
    result = _push(laptop, "contacts", email)
    assert result["status"] == "rejected" and "identity" in result["reason"]
    assert "not an e-mail address" in result["reason"]
    child = {**email, "kind": "person", "identity": "", "name": "Maisie", "relationship": "child"}
    result = _push(laptop, "contacts", child)
    assert result["status"] == "rejected" and "date of birth or age" in result["reason"]
    result = _push(laptop, "contacts", {**child, "relationship": "cousin"})
    assert result["status"] == "rejected" and "relationship must be one of" in result["reason"]
    result = _push(laptop, "contacts", {**child, "age": 7, "has_access": False})
    assert result["status"] == "applied", result


def test_a_disclosure_scheme_decision_syncs_and_the_central_store_holds_it_to_its_rules(devices):
    from somdesk.domain.contacts import DisclosureDecision

    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_without_orders(laptop)
    partner = Contact(
        ContactKind.PERSON, date(2026, 11, 2), "Jade Corran", Relationship.PARTNER, Presence.LIVES,
        disclosure=DisclosureDecision.DISCLOSED, disclosure_on=date(2026, 11, 12),
        disclosure_to="Jade Corran",
    )  # fmt: skip
    partner_id = session_on(laptop).save_contact(nid, partner)
    assert laptop.sync().refused == 0
    desktop.sync()
    with desktop.opened.reader() as reader:
        (there,) = [c for c in reader.contacts_for(nid) if c.id == partner_id]
    assert there == partner

    told = {
        "nominal_id": nid, "kind": "person", "recorded_on": "2026-11-02", "name": "Ana Reyes",
        "relationship": "partner", "presence": None, "date_of_birth": None, "age": None, "has_access": None,
        "childrens_services": "", "employment": "", "identity": "", "platform": "",
        "disclosure": "disclosed", "disclosure_on": "2026-11-12", "disclosure_to": "",
    }  # fmt: skip
    result = _push(laptop, "contacts", told)
    assert result["status"] == "rejected" and "say to whom it was disclosed" in result["reason"]
    result = _push(laptop, "contacts", {**told, "disclosure": "maybe"})
    assert result["status"] == "rejected" and "disclosure must be one of" in result["reason"]
