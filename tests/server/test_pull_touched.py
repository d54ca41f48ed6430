"""A pulled page says which offenders' cases it changed (SyncReport.touched): the window evaluates only
those again. Through a live central store on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import Visit, VisitOutcome
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, som_devices

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    yield from som_devices(tmp_path, store, 200, 5)


def test_a_pulled_visit_names_its_offender(devices):
    laptop, desktop = devices["laptop"], devices["desktop"]
    with laptop.opened.engine.connect() as conn:
        nid = str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())
    session = Session(
        laptop.opened, Identity("DC Test", Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW
    )
    at = datetime.combine(TODAY, NOW) - timedelta(hours=3)
    session.record_visit(Visit(nid, at, VisitOutcome.NOT_SEEN, officers=("DC Test", "PC B")))
    laptop.sync()
    report = desktop.sync()
    assert report.pulled >= 1 and report.touched == {nid}
    assert desktop.sync().touched == set()  # nothing new
