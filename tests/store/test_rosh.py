"""A RoSH assessment recorded through the session: written with its outbox and audit entries, read back
latest first; one dated in the future is refused and nothing is written."""

from __future__ import annotations

import json
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.model import RiskLevel
from somdesk.domain.rosh import RoshAssessment, RoshSource
from tests.conftest import NOW, TODAY

L, M, H, V = RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.VERY_HIGH


def test_rosh_is_recorded_queued_audited_and_read_latest_first(opened, force, policy):
    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    nid = force.nominals[0].id
    older = RoshAssessment(date(2025, 4, 1), RoshSource.MAPPA, M, M, M, L, L)
    newer = RoshAssessment(date(2026, 10, 2), RoshSource.OASYS, V, M, H, L, L)
    session.save_rosh(nid, older)
    rosh_id = session.save_rosh(nid, newer)
    assert session.record(nid, None).rosh == [newer, older]
    with opened.reader() as reader:
        (payload,) = reader.conn.exec_driver_sql(
            "SELECT payload FROM sync_outbox WHERE table_name = 'rosh_assessments' AND record_id = ?",
            (rosh_id,),
        ).one()
        audit = [r.action for r in reader.audit_rows() if r.record_id == rosh_id]
    sent = json.loads(payload)
    assert sent["source"] == "oasys" and sent["children"] == 4 and sent["self_harm"] == 1
    assert audit == ["collection"]

    with pytest.raises(BrokenRules) as refused:
        session.save_rosh(nid, RoshAssessment(date(2026, 11, 24), RoshSource.POLICE, L, L, L, L, L))
    assert [p.field for p in refused.value.problems] == ["assessed_on"]
    assert len(session.record(nid, None).rosh) == 2
