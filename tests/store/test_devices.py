"""A device recorded or changed through the session on a profile that syncs: the row, its outbox entry
and its audit entry are written together (the identifier in neither the audit entry nor a refusal); a
broken rule writes nothing and names the field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.devices import Device, DeviceSource, DeviceStatus, DeviceType
from tests.conftest import NOW, TODAY

PHONE = Device(
    DeviceType.PHONE,
    "Samsung Galaxy A15",
    date(2026, 9, 1),
    DeviceSource.DECLARED,
    "490154203237518",
    "eSafe",
)


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _sent(opened, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation, payload FROM sync_outbox WHERE table_name = 'devices' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE table_name = 'devices' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()
    return outbox, audit


def test_a_device_is_recorded_then_removed_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    device_id = session.save_device(nid, PHONE)
    held = [d for d in session.record(nid, None).devices if d.id == device_id]
    assert held == [PHONE]
    (insert,), (made,) = _sent(opened, device_id)
    sent = json.loads(insert.payload)
    assert insert.operation == "insert" and sent["type"] == "phone" and sent["source"] == "declared"
    assert sent["nominal_id"] == nid and made.action == "collection"

    removed = replace(PHONE, status=DeviceStatus.REMOVED, removed_on=date(2026, 11, 1))
    assert session.save_device(nid, removed, device_id) == device_id
    assert [d for d in session.record(nid, None).devices if d.id == device_id] == [removed]
    outbox, audit = _sent(opened, device_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"status", "removed_on"}
    assert audit[-1].action == "alteration" and "Status" in audit[-1].detail
    assert all(PHONE.identifier not in (a.detail or "") for a in audit)


def test_a_device_breaking_a_rule_is_refused_naming_the_field_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    before = session.record(nid, None).devices
    with pytest.raises(BrokenRules) as refused:
        session.save_device(nid, replace(PHONE, identifier="490154203237519"))
    assert [p.field for p in refused.value.problems] == ["identifier"]
    assert "IMEI or serial number" in str(refused.value) and "490154203237519" not in str(refused.value)
    assert session.record(nid, None).devices == before


def test_a_device_check_is_held_to_the_persons_devices_and_terms_and_a_visit_of_theirs(opened, force, policy):
    from somdesk.domain.device_checks import CheckResult, DeviceCheck
    from somdesk.store.errors import NotFound

    session = _session(opened, policy)
    nid = next(n.id for n in force.nominals if _seen(session, n.id))
    other = next(n.id for n in force.nominals if n.id != nid)
    visit = _seen(session, nid)
    mine, theirs = session.save_device(nid, PHONE), session.save_device(other, PHONE)
    check = DeviceCheck(visit.id, visit.at.date(), CheckResult.NO_CONCERNS, (mine,), checked_by="DC Test")
    check_id = session.save_device_check(nid, check)
    assert session.record(nid, None).device_checks == [check]
    outbox, audit = _sent_check(opened, check_id)
    assert [o.operation for o in outbox] == ["insert"] and [a.action for a in audit] == ["collection"]

    with pytest.raises(BrokenRules) as refused:
        session.save_device_check(nid, replace(check, devices=(theirs,)))
    assert "only devices on the person's register" in str(refused.value)
    with pytest.raises(BrokenRules) as refused:
        session.save_device_check(nid, replace(check, terms=("not-a-term",)))
    assert [p.field for p in refused.value.problems] == ["terms"]
    with pytest.raises(NotFound):
        session.save_device_check(other, check)  # the visit is not theirs
    assert session.record(nid, None).device_checks == [check]


def _seen(session, nominal_id, outcome=None):
    from somdesk.domain.model import VisitOutcome

    wanted = outcome or VisitOutcome.SEEN
    return next((v for v in session.record(nominal_id, None).visits if v.outcome is wanted), None)


def test_a_device_check_with_no_substance_is_refused_naming_each_field(opened, force, policy):
    """The reviewer's case: "No concerns", a phone examined, at a visit where entry was refused, dated 3
    days after it, no checklist item done and no findings. A check is made at its visit, devices are
    examined only where the person was seen, and "No concerns" stands on the policy's checklist."""
    from datetime import timedelta

    from somdesk.domain.device_checks import CheckResult, DeviceCheck
    from somdesk.domain.devices import OperatingSystem
    from somdesk.domain.model import VisitOutcome

    session = _session(opened, policy)
    refused = VisitOutcome.REFUSED_ENTRY
    nid = next(n.id for n in force.nominals if _seen(session, n.id, refused) and _seen(session, n.id))
    at_door = _seen(session, nid, refused)
    phone = session.save_device(nid, replace(PHONE, system=OperatingSystem.ANDROID))
    day = at_door.at.date()
    hollow = DeviceCheck(at_door.id, day + timedelta(days=3), CheckResult.NO_CONCERNS, (phone,))
    with pytest.raises(BrokenRules) as refusal:
        session.save_device_check(nid, hollow)
    assert {p.field for p in refusal.value.problems} == {"checked_on", "result", "checklist"}
    assert f"{day:%d/%m/%Y}" in str(refusal.value) and "Refused entry" in str(refusal.value)

    # At that visit: "Refused" with the findings saying why, on the visit's day.
    why = "Entry refused at the door; no device could be asked for"
    assert session.save_device_check(
        nid, DeviceCheck(at_door.id, day, CheckResult.NOT_EXAMINED, findings=why)
    )
    # At a visit where he was seen: every item done, or those not done named with the reason.
    seen = _seen(session, nid)
    items = policy.device_checks.by_system[OperatingSystem.ANDROID]
    check = DeviceCheck(seen.id, seen.at.date(), CheckResult.NO_CONCERNS, (phone,))
    with pytest.raises(BrokenRules) as refusal:
        session.save_device_check(nid, replace(check, checklist=tuple(f"Android: {i}" for i in items[1:])))
    assert [p.field for p in refusal.value.problems] == ["checklist"] and items[0] in str(refusal.value)
    named = f"Not done: {items[0]} (battery flat)"
    assert session.save_device_check(
        nid, replace(check, checklist=tuple(f"Android: {i}" for i in items[1:]), findings=named)
    )


def _sent_check(opened, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation FROM sync_outbox WHERE table_name = 'device_checks' AND record_id = ?",
            (record_id,),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action FROM audit_log WHERE table_name = 'device_checks' AND record_id = ?", (record_id,)
        ).fetchall()
    return outbox, audit


def test_a_pre_visit_check_is_time_stamped_signed_queued_and_audited_and_never_changed(opened, force, policy):
    from datetime import datetime

    from somdesk.domain.pre_visit import PreVisitCheck

    session = _session(opened, policy)
    nid = force.nominals[2].id
    check = PreVisitCheck(datetime.combine(TODAY, NOW), "DC Test", ("PNC checked",))
    check_id = session.save_pre_visit_check(nid, check)
    assert [c.id for c in session.record(nid, None).pre_visit_checks] == [check_id]
    with opened.reader() as reader:
        audit = reader.conn.exec_driver_sql(
            "SELECT action FROM audit_log WHERE table_name = 'pre_visit_checks' AND record_id = ?",
            (check_id,),
        ).fetchall()
    assert [a.action for a in audit] == ["collection"]
    with pytest.raises(BrokenRules) as refused:
        session.save_pre_visit_check(nid, replace(check, items=(), checked_at=datetime(2027, 1, 1)))
    assert {p.field for p in refused.value.problems} == {"items", "checked_at"}
