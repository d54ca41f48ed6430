"""A contact recorded or changed through the session on a profile that syncs: the row, its outbox
entry and its audit entry are written together; a broken rule writes nothing and names the field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.chronology import EventKind
from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _sent(opened, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation, payload FROM sync_outbox WHERE table_name = 'contacts' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE table_name = 'contacts' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()
    return outbox, audit


CHILD = Contact(
    ContactKind.PERSON, date(2026, 11, 2), "Maisie Corran", Relationship.CHILD, Presence.STAYS,
    age=7, has_access=False,
)  # fmt: skip


def test_a_contact_is_recorded_then_changed_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    contact_id = session.save_contact(nid, CHILD)
    record = session.record(nid, None)
    assert record.contacts == [CHILD] and record.contacts[0].id == contact_id
    assert [e.words for e in record.chronology() if e.kind is EventKind.CONTACT] == [
        "Contact recorded: Maisie Corran (Child, stays there)"
    ]
    (insert,), (made,) = _sent(opened, contact_id)
    sent = json.loads(insert.payload)
    assert insert.operation == "insert" and sent["kind"] == "person" and sent["relationship"] == "child"
    assert sent["nominal_id"] == nid and made.action == "collection"

    access = replace(CHILD, has_access=True)
    assert session.save_contact(nid, access, contact_id) == contact_id
    assert session.record(nid, None).contacts == [access]
    outbox, audit = _sent(opened, contact_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"has_access"}
    assert audit[-1].action == "alteration" and "Has access" in audit[-1].detail


def test_a_contact_breaking_a_rule_is_refused_naming_the_field_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    wrong = Contact(ContactKind.EMAIL, date(2026, 11, 2), identity="not an address")
    with pytest.raises(BrokenRules) as refused:
        session.save_contact(nid, wrong)
    assert [p.field for p in refused.value.problems] == ["identity"]
    assert "E-mail address" in str(refused.value)
    assert session.record(nid, None).contacts == []
