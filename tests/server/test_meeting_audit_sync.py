"""The meeting audit through a live central store on PostgreSQL: recorded on one of a panel chair's
devices, it reaches the chair's other device; a chair of another area never holds it; a SOM's device
that writes one behind the session's back is refused and nothing changes on the central store."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from somdesk.app.session import Role
from somdesk.domain.meeting_audit import MeetingAudit
from somdesk.domain.meetings import Meeting
from somdesk.domain.records import MEETINGS
from somdesk.store.meeting_audit import audit_values
from tests.conftest import TODAY

from .test_meetings_sync import HELD, session_on, world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres

AUDIT = MeetingAudit(
    TODAY - timedelta(days=1), quorate=False, confidentiality_read=True, victim_issues=True, diversity=True,
    summary="Probation sent no one; two cases deferred.", absent_without_apology=("Probation",),
)  # fmt: skip


def test_a_meeting_audit_reaches_the_chairs_other_device_and_no_other_area(world):  # noqa: F811
    devices, case, area, _elsewhere = world
    chair, deputy, other = devices["chair"], devices["deputy"], devices["other"]
    here = session_on(chair, Role.PANEL_CHAIR)
    meeting = Meeting(area, 2, HELD, invited=("Police", "Probation"), attending=("Police",), cases=(case,))
    meeting_id = here.save_meeting(meeting)
    chair.sync()
    here.record_meeting_audit(meeting_id, AUDIT)
    report = chair.sync()
    assert report.refused == 0 and report.pushed == 1

    deputy.sync()
    assert session_on(deputy, Role.PANEL_CHAIR).meeting_audit(meeting_id) == AUDIT
    assert deputy.value("meetings", meeting_id, "audit_summary") == AUDIT.summary
    other.sync()
    assert other.count("meetings", f"id = '{meeting_id}'") == 0


def test_a_soms_device_cannot_push_a_meeting_audit(world, store):  # noqa: F811
    devices, case, area, _elsewhere = world
    chair, som = devices["chair"], devices["som"]
    meeting_id = session_on(chair, Role.PANEL_CHAIR).save_meeting(Meeting(area, 2, HELD, cases=(case,)))
    chair.sync()
    # Written on the SOM's device behind the session's back: a meeting row it does not hold, changed.
    with som.opened.unit_of_work(justification_required=False) as uow:
        uow.conn.exec_driver_sql(
            "INSERT INTO meetings (id, area, mappa_level, held_on, venue, chair, invited, attending, "
            "cases, audit_absent, version, updated_at, updated_by, deleted) "
            "VALUES (?, ?, 2, ?, '', '', '[]', '[]', '[]', '[]', 1, ?, 'x', 0)",
            (meeting_id, area, HELD.isoformat(), "2026-11-23T10:00:00"),
        )
        uow.change(MEETINGS, meeting_id, audit_values(AUDIT))
    assert som.sync().refused == 1
    with store.engine.connect() as conn:
        kept = conn.execute(text("SELECT data FROM records WHERE id = :id"), {"id": meeting_id}).scalar_one()
    assert json.loads(kept).get("audit_on") is None and not json.loads(kept).get("audit_summary")
