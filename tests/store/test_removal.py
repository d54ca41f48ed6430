"""Removing a record entered in error through the session, one path for every removable type: the
tombstone, its outbox entry and its audit entry are written together; reads and the chronology no longer
show it, the audit trail keeps it; an order goes with its terms; a bad reason or a second removal is
refused with words that say why, and nothing is written."""

from __future__ import annotations

import json
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, NotPermitted, Role, Session
from somdesk.domain.chronology import EventKind
from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship
from somdesk.domain.model import ForeignTrip
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.records import CIVIL_ORDERS, CONTACTS, ORDER_TERMS, TRIPS, VISITS
from somdesk.store.errors import NotFound
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _sent(opened, table, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation, base_version, payload FROM sync_outbox WHERE table_name = ? AND record_id = ? "
            "ORDER BY seq",
            (table, record_id),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action, user, detail FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
            (table, record_id),
        ).fetchall()
    return outbox, audit


WRONG_PERSON = Contact(
    ContactKind.PERSON, date(2026, 11, 2), "Maisie Corran", Relationship.CHILD, Presence.STAYS,
    age=7, has_access=False,
)  # fmt: skip
SPAIN = ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 18), returns_on=date(2026, 12, 27))


def test_a_contact_on_the_wrong_person_is_removed_with_its_reason_and_leaves_the_record(
    opened, force, policy
):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    contact_id = session.save_contact(nid, WRONG_PERSON)
    kept = session.save_contact(nid, Contact(ContactKind.EMAIL, date(2026, 11, 3), identity="a@example.org"))

    assert session.remove(CONTACTS, nid, contact_id, "  recorded on the wrong person  ") == 1

    record = session.record(nid, None)
    assert [c.id for c in record.contacts] == [kept]
    assert not [e for e in record.chronology() if "Maisie Corran" in e.words]
    assert [e for e in record.chronology() if e.kind is EventKind.CONTACT]  # the other one stays
    outbox, audit = _sent(opened, "contacts", contact_id)
    assert [(o.operation, json.loads(o.payload)) for o in outbox] == [
        ("insert", json.loads(outbox[0].payload)),
        ("update", {"deleted": True}),
    ]
    assert audit[-1].action == "alteration" and audit[-1].user == "dc.test"
    assert "removed, entered in error: contact" in audit[-1].detail
    assert "Maisie Corran" in audit[-1].detail
    assert audit[-1].detail.endswith("reason: recorded on the wrong person")
    # The person's audit trail (the record view's) still has the contact and its removal.
    assert any("Maisie Corran" in (r["detail"] or "") for r in record.audit)
    assert record.audit[-1]["event"] == "Contact removed (entered in error)"


def test_removing_twice_says_it_is_already_removed_and_writes_nothing(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    trip_id = session.save_trip(nid, SPAIN)
    session.remove(TRIPS, nid, trip_id, "typed twice")
    before = _sent(opened, "foreign_trips", trip_id)

    with pytest.raises(NotFound, match="foreign trip is already removed"):
        session.remove(TRIPS, nid, trip_id, "typed twice")

    assert _sent(opened, "foreign_trips", trip_id) == before


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("", "say why the record is removed"),
        ("   \n\t", "say why the record is removed"),
        ("typed\x00twice", "NUL"),
        ("x" * 501, "at most 500 characters"),
    ],
)
def test_a_removal_without_a_proper_reason_is_refused_naming_the_reason(opened, force, policy, reason, words):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    trip_id = session.save_trip(nid, SPAIN)

    with pytest.raises(BrokenRules) as refused:
        session.remove(TRIPS, nid, trip_id, reason)

    (problem,) = refused.value.problems
    assert problem.field == "reason" and problem.label == "Reason" and words in problem.message
    assert [t.id for t in session.record(nid, None).status.case.nominal.trips if t.id == trip_id] == [trip_id]
    assert [o.operation for o in _sent(opened, "foreign_trips", trip_id)[0]] == ["insert"]


def test_an_order_is_removed_with_its_terms(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    order = CivilOrder(OrderKind.SHPO, "Northmere Crown Court", date(2026, 3, 2), until_further_order=True)
    order_id = session.save_order(nid, order)
    terms = [
        session.save_order_term(nid, order_id, OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, text))
        for text in ("no device without notifying", "no cloud storage")
    ]

    assert session.remove(CIVIL_ORDERS, nid, order_id, "order recorded on the wrong person") == 3

    with session.opened.reader() as reader:
        assert order_id not in [o.id for o in reader.orders_for(nid)]
        gone = {r["id"]: r["deleted"] for r in reader.held_rows(ORDER_TERMS, order_id=order_id)}
    assert gone == dict.fromkeys(terms, True)
    (_, audit) = _sent(opened, "civil_orders", order_id)
    assert "with its 2 terms" in audit[-1].detail
    for term_id in terms:
        outbox, audit = _sent(opened, "order_terms", term_id)
        assert json.loads(outbox[-1].payload) == {"deleted": True}
        assert "no device" in audit[-1].detail or "no cloud" in audit[-1].detail


def test_a_record_another_person_holds_or_a_visit_is_not_removed_here(opened, force, policy):
    session = _session(opened, policy)
    first, second = force.nominals[0].id, force.nominals[1].id
    trip_id = session.save_trip(first, SPAIN)

    with pytest.raises(NotFound, match="no foreign trip"):
        session.remove(TRIPS, second, trip_id, "wrong person")
    with pytest.raises(ValueError, match="not removed this way"):
        session.remove(VISITS, first, trip_id, "wrong person")
    assert [t.id for t in session.record(first, None).status.case.nominal.trips if t.id == trip_id]


def test_a_role_that_may_not_record_may_not_remove(opened, force, policy):
    nid = force.nominals[0].id
    trip_id = _session(opened, policy).save_trip(nid, SPAIN)

    with pytest.raises(NotPermitted):
        _session(opened, policy, Role.PANEL_CHAIR).remove(TRIPS, nid, trip_id, "typed twice")
    assert [o.operation for o in _sent(opened, "foreign_trips", trip_id)[0]] == ["insert"]
