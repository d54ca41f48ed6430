"""A device recorded on one device reaches the same SOM's other device through a live central store on
PostgreSQL, and a change comes back; a SOM of another team never receives it (it is held with its
offender); the central store refuses a device no form would write, naming the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from somdesk.domain.devices import Device, DeviceSource, DeviceStatus, DeviceType

from .test_orders_sync import _push, a_case_without_orders, devices, session_on

__all__ = ["devices"]

pytestmark = pytest.mark.postgres

PHONE = Device(
    DeviceType.PHONE,
    "Samsung Galaxy A15",
    date(2026, 9, 1),
    DeviceSource.DECLARED,
    "490154203237518",
    "eSafe",
)


def test_a_device_reaches_the_soms_other_device_and_no_other_team(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case_without_orders(laptop)
    phone_id = session_on(laptop).save_device(nid, PHONE)
    assert laptop.sync().refused == 0

    desktop.sync()
    with desktop.opened.reader() as reader:
        (there,) = [d for d in reader.devices_for(nid) if d.id == phone_id]
    assert there == PHONE

    removed = replace(PHONE, status=DeviceStatus.REMOVED, removed_on=date(2026, 11, 1))
    session_on(desktop).save_device(nid, removed, phone_id)
    desktop.sync()
    laptop.sync()
    with laptop.opened.reader() as reader:
        (back,) = [d for d in reader.devices_for(nid) if d.id == phone_id]
    assert back == removed

    colleague.sync()
    assert colleague.count("devices", f"id = '{phone_id}'") == 0


def test_the_central_store_refuses_a_device_no_form_would_write(devices):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    phone = {
        "nominal_id": nid, "type": "phone", "make_model": "Nokia G22", "recorded_on": "2026-11-02",
        "source": "found", "identifier": "490154203237519", "monitoring": "", "alerts": "",
        "status": "in_use", "removed_on": None,
    }  # fmt: skip
    result = _push(laptop, "devices", phone)
    assert result["status"] == "rejected" and "identifier" in result["reason"]
    assert "490154203237519" not in result["reason"]
    result = _push(laptop, "devices", {**phone, "identifier": "490154203237518", "type": "smartwatch"})
    assert result["status"] == "rejected" and "type must be one of" in result["reason"]
    result = _push(laptop, "devices", {**phone, "identifier": "490154203237518"})
    assert result["status"] == "applied", result


def test_a_device_check_reaches_the_soms_other_device_and_no_other_team(devices):
    from somdesk.domain.device_checks import CheckResult, DeviceCheck

    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    here = session_on(laptop)
    nid, visit = _a_visit(laptop, "seen")
    phone_id = here.save_device(nid, PHONE)
    check = DeviceCheck(
        visit.id, visit.at.date(), CheckResult.CONCERNS, (phone_id,), (),
        "A second browser with its history cleared", "DC Synth",
    )  # fmt: skip
    check_id = here.save_device_check(nid, check)
    assert laptop.sync().refused == 0
    desktop.sync()
    with desktop.opened.reader() as reader:
        (there,) = [c for c in reader.device_checks_for(nid) if c.id == check_id]
    assert there == check
    colleague.sync()
    assert colleague.count("device_checks", f"id = '{check_id}'") == 0
    refused = _push(laptop, "device_checks", {
        "nominal_id": nid, "visit_id": visit.id, "checked_on": visit.at.date().isoformat(),
        "result": "concerns", "devices": "[]", "terms": "[]", "findings": "", "checked_by": "",
        "checklist": "[]",
    })  # fmt: skip
    assert refused["status"] == "rejected" and "findings" in refused["reason"]


def _a_visit(laptop, outcome):
    with laptop.opened.engine.connect() as conn:
        nid = conn.exec_driver_sql(
            "SELECT nominal_id FROM visits WHERE outcome = ? ORDER BY nominal_id LIMIT 1", (outcome,)
        ).scalar_one()
    visit = next(v for v in session_on(laptop).record(nid, None).visits if v.outcome.value == outcome)
    return nid, visit


def test_the_central_store_holds_a_device_check_to_its_visits_date_and_outcome(devices):
    """A hand-made push of the reviewer's check: "No concerns", a device examined, at a visit where
    entry was refused, dated 3 days after it. The central store sees the visit: it refuses the date and
    the result, naming each; the same check made as the rules ask is applied."""
    from datetime import timedelta

    laptop = devices["laptop"]
    nid, visit = _a_visit(laptop, "refused_entry")
    phone_id = session_on(laptop).save_device(nid, PHONE)
    assert laptop.sync().refused == 0
    hollow = {
        "nominal_id": nid, "visit_id": visit.id,
        "checked_on": (visit.at.date() + timedelta(days=3)).isoformat(), "result": "no_concerns",
        "devices": f'["{phone_id}"]', "terms": "[]", "findings": "", "checked_by": "DC Synth",
        "checklist": "[]",
    }  # fmt: skip
    refused = _push(laptop, "device_checks", hollow)
    assert refused["status"] == "rejected", refused
    assert "checked_on:" in refused["reason"] and "result:" in refused["reason"]
    assert f"{visit.at:%d/%m/%Y}" in refused["reason"] and "Refused entry" in refused["reason"]
    applied = _push(laptop, "device_checks", {
        **hollow, "checked_on": visit.at.date().isoformat(), "result": "refused", "devices": "[]",
        "findings": "Entry refused at the door; no device could be asked for",
    })  # fmt: skip
    assert applied["status"] == "applied", applied


def test_a_pre_visit_check_reaches_the_soms_other_device_and_the_central_store_holds_it_to_its_rules(devices):
    from datetime import datetime

    from somdesk.domain.pre_visit import PreVisitCheck

    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_without_orders(laptop)
    check = PreVisitCheck(datetime(2026, 11, 20, 8, 30), "DC Synth", ("PNC checked", "Social media viewed"))
    check_id = session_on(laptop).save_pre_visit_check(nid, check)
    assert laptop.sync().refused == 0
    desktop.sync()
    with desktop.opened.reader() as reader:
        (there,) = [c for c in reader.pre_visit_checks_for(nid) if c.id == check_id]
    assert there == check
    refused = _push(laptop, "pre_visit_checks", {
        "nominal_id": nid, "checked_at": "2026-11-20T08:30:00", "checked_by": "DC Synth", "items": "[]",
        "visit_on": None, "notes": "",
    })  # fmt: skip
    assert refused["status"] == "rejected" and "items" in refused["reason"]
