"""A breach, a whereabouts episode and a RoSH assessment recorded on one device reach another through
a live central store on PostgreSQL, and a change made there (the breach's outcome, the date found)
comes back; another SOM's device, whose caseload the case is not in, never holds them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.model import RiskLevel
from somdesk.domain.rosh import RoshAssessment, RoshSource
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, som_devices

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    yield from som_devices(tmp_path, store, 120, 7)


def session_on(device: Device, name: str) -> Session:
    return Session(device.opened, Identity(name, Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW)


def a_case_at_home(device: Device) -> str:
    """A case of this SOM's not already missing or wanted (the demo has a few who are)."""
    with device.opened.engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT id FROM nominals WHERE id NOT IN "
                    "(SELECT nominal_id FROM whereabouts WHERE resolved_on IS NULL) "
                    "ORDER BY visor_ref LIMIT 1"
                )
            ).scalar_one()
        )


def test_breaches_whereabouts_and_rosh_sync_between_devices_through_the_central_store(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case_at_home(laptop)
    here = session_on(laptop, "DC Laptop")
    breach = Breach(
        BreachKind.NOTIFICATION, date(2026, 11, 16), "DC Laptop", BreachAction.ARREST,
        "did not notify a new address within 3 days",
    )  # fmt: skip
    wanted = Whereabouts(
        WhereaboutsStatus.WANTED, date(2026, 11, 17), "PNC 26/334455K", notes="warrant issued"
    )
    rosh = RoshAssessment(
        date(2026, 11, 2), RoshSource.OASYS,
        RiskLevel.VERY_HIGH, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.LOW, RiskLevel.LOW,
    )  # fmt: skip
    breach_id = here.save_breach(nid, breach)
    episode_id = here.save_whereabouts(nid, wanted)
    here.save_rosh(nid, rosh)
    report = laptop.sync()
    assert report.pushed == 3 and report.refused == 0

    desktop.sync()
    there = session_on(desktop, "DC Desktop")
    record = there.record(nid, "Case management")
    assert [b for b in record.breaches if b.id == breach_id] == [breach]
    assert record.whereabouts == [wanted] and record.status.case.missing == wanted
    assert record.rosh[0] == rosh
    queue = there.workspace().queues["missing"]
    assert nid in [i.nominal_id for i in queue]

    colleague.sync()
    for table, record_id in (("breaches", breach_id), ("whereabouts", episode_id)):
        assert colleague.count(table, f"id = '{record_id}'") == 0  # not in som2's caseload

    # Reviewed on the desktop: the review reaches the laptop, and the next review falls a week on.
    there.record_whereabouts_review(nid, episode_id, date(2026, 11, 19), "DS Hale", "PNC checked")
    assert desktop.sync().refused == 0
    laptop.sync()
    (reviewed,) = here.record(nid, None).whereabouts
    assert (reviewed.last_reviewed_on, reviewed.reviewed_by, reviewed.review_note) == (
        date(2026, 11, 19), "DS Hale", "PNC checked",
    )  # fmt: skip
    (item,) = [i for i in here.workspace().queues["missing"] if i.nominal_id == nid]
    assert item.due == date(2026, 11, 26) and "last reviewed 19 Nov 2026 by DS Hale" in item.reason
    colleague.sync()
    assert colleague.count("whereabouts", f"id = '{episode_id}'") == 0  # still not som2's

    # Found, and charged, on the desktop: both changes come back to the laptop.
    there.save_whereabouts(nid, replace(reviewed, resolved_on=date(2026, 11, 20)), episode_id)
    there.save_breach(nid, replace(breach, outcome="charged", outcome_on=date(2026, 11, 17)), breach_id)
    assert desktop.sync().refused == 0
    laptop.sync()
    back = here.record(nid, None)
    assert back.status.case.missing is None and back.whereabouts[0].resolved_on == date(2026, 11, 20)
    assert [(b.outcome, b.outcome_on) for b in back.breaches if b.id == breach_id] == [
        ("charged", date(2026, 11, 17))
    ]


def test_a_breach_changed_on_two_devices_offline_is_a_conflict_on_both_until_resolved(devices):
    """The same field of a breach changed differently on the laptop and the desktop: nothing is
    overwritten, both see one conflict naming the field, and the resolution reaches both."""
    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = a_case_at_home(laptop)
    here = session_on(laptop, "DC Laptop")
    breach = Breach(BreachKind.ORDER, date(2026, 11, 16), "DC Laptop", BreachAction.ARREST, "used a phone")
    breach_id = here.save_breach(nid, breach)
    laptop.sync(), desktop.sync()
    there = session_on(desktop, "DC Desktop")

    there.save_breach(nid, replace(breach, outcome="charged"), breach_id)
    here.save_breach(nid, replace(breach, outcome="no further action"), breach_id)
    desktop.sync()
    assert laptop.sync().conflicts == 1
    desktop.sync()
    for device in (laptop, desktop):
        (conflict,) = device.local.conflicts()
        assert (conflict.table_name, conflict.record_id, conflict.field) == ("breaches", breach_id, "outcome")
        assert device.value("breaches", breach_id, "outcome") == "charged"  # the first to arrive, kept

    (conflict,) = laptop.local.conflicts()
    with laptop.opened.unit_of_work(justification_required=False) as uow:
        uow.resolve_conflict(conflict.id, "breaches", breach_id, "outcome", "charged; file to the CPS")
    laptop.sync(), desktop.sync()
    for device in (laptop, desktop):
        assert device.local.conflicts() == []
        assert device.value("breaches", breach_id, "outcome") == "charged; file to the CPS"
