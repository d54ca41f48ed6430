"""A visit corrected and annotated on one device reaches another through a live central store on
PostgreSQL with its history (the values before, the reason, who and when) and its audit; the central
store refuses what no form would write: a correction or note changed afterwards, a note without words,
a visit later than now."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.invariants import FORCE_ZONE
from somdesk.server.tables import audit_entries
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, LiveServer, new_device, with_its_entry

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[tuple[Device, Device]]:
    seed_demo(store, 120, 7, TODAY, soms=1)
    with LiveServer(store) as server:
        laptop, desktop = (new_device(tmp_path / n, server.url, "som1", DEMO_PASSWORD) for n in ("a", "b"))
        for device in (laptop, desktop):
            device.sync()
        yield laptop, desktop
        laptop.close()
        desktop.close()


def session_on(device: Device, name: str) -> Session:
    return Session(device.opened, Identity(name, Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW)


def a_case(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())


def push(device: Device, table: str, record_id: str, operation: str, fields: dict) -> dict:
    mutation = {
        "id": str(uuid.uuid4()), "table": table, "record_id": record_id, "operation": operation,
        "base_version": 0, "fields": fields,
    }  # fmt: skip
    action = "collection" if operation == "insert" else "alteration"
    (result,) = device.remote.push([mutation], with_its_entry(device, table, record_id, action))["results"]
    return result


def test_a_corrected_visit_reaches_another_device_with_its_history_and_audit(devices, store):
    laptop, desktop = devices
    nid = a_case(laptop)
    here = session_on(laptop, "DC Laptop")
    visit_id = here.record_visit(
        Visit(nid, datetime.combine(TODAY, time(10)), VisitOutcome.SEEN, False, ("DC Laptop", "PC B"), True)
    )
    corrected = Visit(
        nid, datetime.combine(TODAY, time(9, 30)), VisitOutcome.REFUSED_ENTRY, False, ("DC A", "DC B")
    )
    assert here.correct_visit(visit_id, corrected, "wrong outcome and time") == [
        "address_checked", "at", "officers", "outcome",
    ]  # fmt: skip
    here.annotate_visit(visit_id, "Refused at the door; partner present")
    report = laptop.sync()
    assert report.pushed >= 4 and report.refused == 0  # the visit, its change, the correction, the note

    desktop.sync()
    there = session_on(desktop, "DC Desktop")
    (visit,) = [v for v in there.record(nid, "Case management").visits if v.id == visit_id]
    assert visit.outcome is VisitOutcome.REFUSED_ENTRY and visit.officers == ("DC A", "DC B")
    assert visit.at == datetime.combine(TODAY, time(9, 30)) and visit.corrected
    correction, note = visit.amendments
    assert (correction.kind, correction.by, correction.text) == (
        "correction",
        "DC Laptop",
        "wrong outcome and time",
    )
    assert dict(correction.before) == {
        "at": datetime.combine(TODAY, time(10)).isoformat(), "outcome": "seen",
        "officers": '["DC Laptop", "PC B"]', "address_checked": True,
    }  # fmt: skip
    assert (note.kind, note.text) == ("note", "Refused at the door; partner present")

    # The alteration and its reason, before and after, are in the central store's audit log.
    with store.engine.connect() as conn:
        entries = [json.loads(data) for data in conn.execute(select(audit_entries.c.data)).scalars()]
    key = ("visits", visit_id, "alteration")
    altered = [e for e in entries if (e["table_name"], e["record_id"], e["action"]) == key]
    assert len(altered) == 1 and "wrong outcome and time" in altered[0]["detail"]
    assert "Outcome: Seen → Refused entry" in altered[0]["detail"] and "10:00 → " in altered[0]["detail"]


def test_the_central_store_refuses_what_no_form_would_write(devices):
    laptop, desktop = devices
    nid = a_case(laptop)
    here = session_on(laptop, "DC Laptop")
    visit_id = here.record_visit(
        Visit(nid, datetime.combine(TODAY, time(10)), VisitOutcome.SEEN, False, ("DC Laptop", "PC B"), True)
    )
    here.annotate_visit(visit_id, "first words")
    laptop.sync()
    with laptop.opened.engine.connect() as conn:
        note_id = conn.execute(text("SELECT id FROM visit_amendments")).scalar_one()

    # A note is never changed once made, whatever a client sends.
    result = push(laptop, "visit_amendments", note_id, "update", {"text": "other words"})
    assert result["status"] == "rejected" and "never changed" in result["reason"]
    # A note needs words; a correction its reason.
    base = {
        "nominal_id": nid, "visit_id": visit_id, "made_at": "2026-11-23T10:00:00+00:00", "made_by": "x",
        "changes": "{}", "deleted": False, "updated_at": "2026-11-23T10:00:00+00:00", "updated_by": "x",
    }  # fmt: skip
    blank = str(uuid.uuid4())
    result = push(
        laptop, "visit_amendments", blank, "insert", {**base, "id": blank, "kind": "note", "text": " "}
    )
    assert result["status"] == "rejected" and "write the note" in result["reason"]
    silent = str(uuid.uuid4())
    fields = {
        **base,
        "id": silent,
        "kind": "correction",
        "text": "",
        "changes": json.dumps({"outcome": "seen"}),
    }
    result = push(laptop, "visit_amendments", silent, "insert", fields)
    assert result["status"] == "rejected" and "reason" in result["reason"]

    # A visit later than now in England and Wales is refused, as in the window.
    later = (datetime.now(FORCE_ZONE) + timedelta(hours=1)).replace(tzinfo=None, microsecond=0)
    if later.date() == datetime.now(FORCE_ZONE).date():  # (an hour before midnight: tomorrow, refused too)
        result = push(laptop, "visits", visit_id, "update", {"at": later.isoformat()})
        assert result["status"] == "rejected" and "later than now" in result["reason"]
    desktop.sync()
    assert desktop.count("visit_amendments") == 1
