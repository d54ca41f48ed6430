"""A whereabouts episode recorded and then found through the session: the row, its outbox entry and its
audit entry together; the open one reaches the case (header, queue, dashboard); a second open episode
is refused until the first is found."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _outbox(opened, record_id):
    with opened.reader() as reader:
        return reader.conn.exec_driver_sql(
            "SELECT operation, payload FROM sync_outbox WHERE table_name = 'whereabouts' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()


def test_an_episode_is_recorded_then_found_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    missing = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 3), "PNC 26/112233X")

    episode_id = session.save_whereabouts(nid, missing)

    record = session.record(nid, None)
    assert record.whereabouts == [missing] and record.status.case.missing == missing
    queue = session.workspace().queues["missing"]
    assert [i.nominal_id for i in queue] == [nid] and "Missing since 3 Nov 2026 (20 days)" in queue[0].reason

    found = replace(missing, resolved_on=date(2026, 11, 21), notes="arrested in Kettleby")
    assert session.save_whereabouts(nid, found, episode_id) == episode_id

    record = session.record(nid, None)
    assert record.whereabouts == [found] and record.status.case.missing is None
    assert session.workspace().queues["missing"] == []
    insert, update = _outbox(opened, episode_id)
    assert json.loads(insert.payload)["status"] == "missing"
    assert set(json.loads(update.payload)) == {"resolved_on", "notes"}
    with opened.reader() as reader:
        audit = [r.action for r in reader.audit_rows() if r.record_id == episode_id]
    assert audit == ["collection", "alteration"]
    trail = [e["event"] for e in session.record(nid, None).audit if e["record_id"] == episode_id]
    assert trail == ["Missing or wanted recorded", "Whereabouts changed"]


def test_a_second_open_episode_is_refused_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    session.save_whereabouts(nid, Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 10)))
    with pytest.raises(BrokenRules) as refused:
        session.save_whereabouts(nid, Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 20)))
    assert [p.field for p in refused.value.problems] == ["resolved_on"]
    assert "Wanted since 10 Nov 2026" in str(refused.value)
    assert len(session.record(nid, None).whereabouts) == 1
