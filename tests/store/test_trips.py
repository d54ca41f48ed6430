"""A trip abroad recorded or changed through the session on a profile that syncs: the row, its outbox
entry and its audit entry are written together."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import ForeignTrip
from tests.conftest import NOW, TODAY


def _outbox_and_audit(opened, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation, base_version, payload FROM sync_outbox "
            "WHERE table_name = 'foreign_trips' AND record_id = ? ORDER BY seq",
            (record_id,),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action, user, detail FROM audit_log "
            "WHERE table_name = 'foreign_trips' AND record_id = ? ORDER BY seq",
            (record_id,),
        ).fetchall()
    return outbox, audit


def _trips(opened, nominal_id):
    with opened.reader() as reader:
        return {t.id: t for t in reader.nominal(nominal_id).trips}


def test_a_trip_is_recorded_then_changed_queued_for_sync_and_audited(opened, force, policy):
    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    nid = force.nominals[0].id
    trip = ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 18), returns_on=date(2026, 12, 27))

    trip_id = session.save_trip(nid, trip)

    saved = _trips(opened, nid)[trip_id]
    assert saved == trip and saved.id == trip_id
    (insert,), (made,) = _outbox_and_audit(opened, trip_id)
    assert insert.operation == "insert"
    sent = json.loads(insert.payload)
    assert sent["nominal_id"] == nid and sent["destination"] == "Spain" and sent["returns_on"] == "2026-12-27"
    assert made.action == "collection" and made.user == "dc.test"

    later = replace(trip, departs_on=date(2026, 11, 24), short_notice_reason="brother taken ill in Madrid")
    assert session.save_trip(nid, later, trip_id) == trip_id

    assert _trips(opened, nid)[trip_id] == later
    outbox, audit = _outbox_and_audit(opened, trip_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"departs_on", "short_notice_reason"}
    assert audit[-1].action == "alteration" and "foreign trip" in audit[-1].detail


def test_saving_a_trip_unchanged_writes_nothing(opened, force, policy):
    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    nid = force.nominals[1].id
    trip = ForeignTrip(date(2026, 12, 20), "Malta", date(2026, 11, 18))
    trip_id = session.save_trip(nid, trip)
    before = _outbox_and_audit(opened, trip_id)
    session.save_trip(nid, trip, trip_id)
    assert _outbox_and_audit(opened, trip_id) == before
