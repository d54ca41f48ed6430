"""The central store refuses a MAPPA panel's decisions on a level 2 or 3 case from a SOM's or supervisor's
device (issue 20: a SOM cannot record a panel decision), whatever wrote the change on the device: the
session refuses it first, this is the same rule for anything that pushes. The case's own facts still go."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from .test_sync import devices, edit, force, server

__all__ = ["devices", "force", "server"]

pytestmark = pytest.mark.postgres


def panel_case_of(device) -> str:
    with device.opened.engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT id FROM nominals WHERE mappa_level IN (2, 3) ORDER BY visor_ref LIMIT 1")
            ).scalar_one()
        )


@pytest.mark.parametrize("account", ["som1", "sup1"])
def test_a_panels_decision_pushed_from_a_som_or_supervisor_is_refused_and_undone(force, devices, account):
    a = devices(account)
    a.sync()
    case = panel_case_of(a)
    level = a.value("nominals", case, "mappa_level")
    edit(a, case, mappa_level=1, rmp_supervision="Monthly visits")  # past the session, as a script could
    report = a.sync()
    assert report.refused == 1
    assert a.value("nominals", case, "mappa_level") == level
    (refusal,) = a.local.rejections()
    assert refusal.record_id == case
    assert "MAPPA level, Supervision" in refusal.reason and "panel chair" in refusal.reason


def test_the_lead_agency_of_a_panel_case_still_syncs(force, devices):
    a = devices("som1")
    a.sync()
    case = panel_case_of(a)
    edit(a, case, mappa_lead_agency="Probation")
    report = a.sync()
    assert report.refused == 0 and report.pushed == 1
    b = devices("som1")
    b.sync()
    assert b.value("nominals", case, "mappa_lead_agency") == "Probation"
