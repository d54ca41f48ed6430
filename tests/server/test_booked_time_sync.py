"""A round's booked day and time travel to the officer's other device through a live central store;
a visit a colleague's device booked meanwhile (synced in after the plan was made) is left as it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta

import pytest

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.round_booking import Booking
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, LiveServer, new_device

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    seed_demo(store, 60, 7, TODAY, soms=2)
    with LiveServer(store) as server:
        made = {
            name: new_device(tmp_path / name, server.url, "som1", DEMO_PASSWORD)
            for name in ("laptop", "desktop")
        }
        for device in made.values():
            device.sync()
        yield made
        for device in made.values():
            device.close()


def session_on(device: Device, name: str) -> Session:
    return Session(device.opened, Identity(name, Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW)


def test_a_booked_round_reaches_the_other_device_and_a_booking_made_meanwhile_is_kept(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    here, there = session_on(laptop, "DC Laptop"), session_on(desktop, "DC Desktop")
    free = [s for s in here.workspace().statuses if not s.case.nominal.registration.in_custody]
    a, b = (s.case.nominal.id for s in free[:2])
    held = {n: (None, None) for n in (a, b)}  # as the plan saw them
    wed = TODAY + timedelta(days=2)
    there.plan_visit(b, TODAY + timedelta(days=4))  # the colleague's booking, made after the plan
    desktop.sync()
    laptop.sync()
    done = here.book_round([Booking(a, wed, time(9, 40), held[a]), Booking(b, wed, time(11, 0), held[b])])
    assert done.booked == (a,) and done.left[0][0] == b
    report = laptop.sync()
    assert report.pushed == 1 and report.refused == 0
    desktop.sync()
    with desktop.opened.reader() as reader:
        case_a, case_b = reader.case(a), reader.case(b)
    assert (case_a.planned_visit, case_a.planned_time) == (wed, time(9, 40))
    assert (case_b.planned_visit, case_b.planned_time) == (TODAY + timedelta(days=4), None)
