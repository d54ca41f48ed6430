"""The demo's devices (issue 21): most people on an order with internet and devices terms have some,
every device keeps the register's rules, and the IMEIs pass their check digit."""

from __future__ import annotations

import pytest

from somdesk.demo import generate
from somdesk.demo.whole_case import case_records
from somdesk.domain.device_rules import device_problems
from somdesk.domain.devices import Device, DeviceSource, DeviceType, imei_valid
from somdesk.domain.orders import TermCategory, orders_in_force
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def force():
    data = generate(800, seed=7, today=TODAY)
    return data, case_records(data.nominals, 7, TODAY)


def test_most_people_with_internet_terms_have_devices_and_each_keeps_the_rules(force):
    data, records = force
    devices = [(nid, r) for nid, r in records if isinstance(r, Device)]
    with_devices = {nid for nid, _ in devices}
    online = {
        n.id
        for n in data.nominals
        if any(t.category is TermCategory.INTERNET for o in orders_in_force(n.orders, TODAY) for t in o.terms)
    }
    assert online and len(online & with_devices) / len(online) > 0.75
    assert any(d.source is DeviceSource.FOUND for _, d in devices)
    for _, d in devices:
        assert device_problems(d, TODAY) == [], d
        if d.type is DeviceType.PHONE:
            assert imei_valid(d.identifier)
