"""Intelligence that the person may offend (DOMAIN.md §4), set on one device, reaches another through a
live central store on PostgreSQL and takes the case off reactive management there; another SOM's
device, whose caseload the case is not in, never holds it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import RiskLevel
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, som_devices

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    yield from som_devices(tmp_path, store, 120, 7)


def session_on(device: Device, name: str) -> Session:
    return Session(device.opened, Identity(name, Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW)


def test_intelligence_syncs_and_sends_a_reactive_case_to_review_on_the_other_device(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    here = session_on(laptop, "DC Laptop")
    reactive = [
        s
        for s in here.workspace().statuses
        if s.case.nominal.visit_plan.reactive and not s.visit.review_reactive
    ]
    assert reactive, "the demo has someone on reactive management who meets its criteria"
    before = here.record(reactive[0].case.nominal.id, None).status.case.nominal
    after = replace(before, intelligence_on=date(2026, 10, 1), intelligence_note="seen near a school")
    assert here.save_nominal(before, after, "intelligence") == ["intelligence_note", "intelligence_on"]
    report = laptop.sync()
    assert report.pushed == 1 and report.refused == 0

    desktop.sync()
    there = session_on(desktop, "DC Desktop").record(before.id, None)
    held = there.status.case.nominal
    assert (held.intelligence_on, held.intelligence_note) == (date(2026, 10, 1), "seen near a school")
    assert held.visit_plan.reactive and held.risk_level is RiskLevel.LOW
    assert there.status.visit.review_reactive
    assert there.status.visit.reactive_failed == "intelligence that they may offend recorded 1 Oct 2026"

    colleague.sync()
    assert colleague.count("nominals", f"id = '{before.id}'") == 0  # not in som2's caseload
