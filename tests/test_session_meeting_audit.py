"""The chair's meeting audit through the session (app/meeting_audit.py): recorded on the meeting,
audited and queued for sync, counted in the figures; refused with the field named and nothing written
when a rule is broken, and refused for a SOM."""

from __future__ import annotations

from datetime import timedelta

import pytest

from somdesk.app.profiles import open_demo_profile
from somdesk.app.session import BrokenRules, NotPermitted, Role
from somdesk.domain.meeting_audit import MeetingAudit
from tests.conftest import TODAY
from tests.test_session_meetings import HELD, a_meeting, as_role, audit_details, snapshot


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("meeting-audit"), rsos=400, seed=5)
    yield opened
    opened.lock()


@pytest.fixture
def chair(opened, policy):
    return as_role(opened, Role.PANEL_CHAIR, policy)


@pytest.fixture
def som(opened, policy):
    return as_role(opened, Role.SOM, policy)


AUDIT = MeetingAudit(
    TODAY, quorate=True, confidentiality_read=True, victim_issues=True, diversity=False,
    summary="Both cases heard; victim safety plan updated.", absent_without_apology=("Probation",),
)  # fmt: skip


def test_a_chair_records_the_audit_which_is_audited_and_counted(chair):
    meeting_id, _ = a_meeting(chair)
    before = chair.meeting_figures(HELD, TODAY)
    assert chair.meeting_audit(meeting_id) is None
    chair.record_meeting_audit(meeting_id, AUDIT)
    assert chair.meeting_audit(meeting_id) == AUDIT
    assert any("Chair's summary" in d and "meeting audit" in d for d in audit_details(chair, "meetings"))
    after = chair.meeting_figures(HELD, TODAY)
    assert after.audited == before.audited + 1
    assert after.confidentiality_read == before.confidentiality_read + 1
    assert after.diversity == before.diversity
    assert after.absent_without_apology == before.absent_without_apology + 1
    # corrected later: only what changed is written
    chair.record_meeting_audit(meeting_id, AUDIT.__class__(**{**_fields(AUDIT), "diversity": True}))
    assert chair.meeting_audit(meeting_id).diversity
    assert audit_details(chair, "meetings")[-1].startswith("changed: Diversity considered")


def _fields(audit):
    return {name: getattr(audit, name) for name in audit.__slots__}


def test_an_audit_without_a_summary_or_naming_an_agency_that_attended_is_refused(chair):
    meeting_id, _ = a_meeting(chair)
    before = snapshot(chair)
    with pytest.raises(BrokenRules) as caught:
        chair.record_meeting_audit(
            meeting_id, MeetingAudit(TODAY, True, True, True, True, "", absent_without_apology=("Police",))
        )
    assert {p.field for p in caught.value.problems} == {"audit_summary", "audit_absent"}
    assert "Police attended" in str(caught.value)
    assert snapshot(chair) == before


def test_a_som_may_not_record_a_meeting_audit(chair, som):
    meeting_id, _ = a_meeting(chair)
    before = snapshot(chair)
    with pytest.raises(NotPermitted):
        som.record_meeting_audit(meeting_id, AUDIT)
    assert snapshot(chair) == before


def test_no_audit_before_the_meeting_is_held(chair):
    meeting_id, _ = a_meeting(chair)
    # move the meeting into the future: an audit of it is refused
    meeting = chair.meeting(meeting_id)
    chair.save_meeting(
        meeting.__class__(**{**_fields(meeting), "held_on": TODAY + timedelta(days=3)}), meeting_id
    )
    with pytest.raises(BrokenRules) as caught:
        chair.record_meeting_audit(meeting_id, AUDIT)
    assert [p.field for p in caught.value.problems] == ["audit_on"]
