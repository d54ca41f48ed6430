"""A person's preferred language (DOMAIN.md §9) recorded on one device reaches the officer's other device
through a live central store on PostgreSQL, and a change made there comes back: both ways, as any field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import Language
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


def language_on(device: Device, nominal_id: str) -> Language | None:
    with device.opened.reader() as reader:
        return reader.nominal(nominal_id).preferred_language


def test_a_preferred_language_travels_both_ways_between_an_officer_s_devices(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    here, there = session_on(laptop, "DC Laptop"), session_on(desktop, "DC Desktop")
    nid = next(
        s.case.nominal.id for s in here.workspace().statuses if s.case.nominal.preferred_language is None
    )
    assert language_on(desktop, nid) is None  # not recorded on both

    before = here.record(nid, None).status.case.nominal
    assert here.save_nominal(before, replace(before, preferred_language=Language.WELSH), "language") == [
        "preferred_language"
    ]
    report = laptop.sync()
    assert report.pushed == 1 and report.refused == 0
    desktop.sync()
    assert language_on(desktop, nid) is Language.WELSH

    # Recorded in error on the laptop: put right on the desktop, and the laptop hears of it.
    held = there.record(nid, None).status.case.nominal
    there.save_nominal(held, replace(held, preferred_language=Language.ENGLISH), "language")
    report = desktop.sync()
    assert report.pushed == 1 and report.refused == 0
    laptop.sync()
    assert language_on(laptop, nid) is Language.ENGLISH

    # And back to not recorded, which travels as a value too (not as "no change").
    held = here.record(nid, None).status.case.nominal
    here.save_nominal(held, replace(held, preferred_language=None), "language")
    laptop.sync()
    desktop.sync()
    assert language_on(desktop, nid) is None
