"""A name-change notice recorded and taken through its steps on a profile that syncs: each save is
written with its outbox and audit entries; an allowed change, once complete, adds the new name to the
name history (audited and synced with it); a broken rule writes nothing and names the field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.details import NameKind
from somdesk.domain.name_changes import NOTICE_SOURCE, Decision, NameChangeNotice
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _rows(opened, table, record_id=None):
    where = "" if record_id is None else " AND record_id = ?"
    args = () if record_id is None else (record_id,)
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            f"SELECT record_id, operation, payload FROM sync_outbox WHERE table_name = ?{where} ORDER BY seq",
            (table, *args),
        ).fetchall()
        audit = conn.exec_driver_sql(
            f"SELECT record_id, action, detail FROM audit_log WHERE table_name = ?{where} ORDER BY seq",
            (table, *args),
        ).fetchall()
    return outbox, audit


def test_a_notice_goes_through_the_policys_steps_and_an_allowed_change_joins_the_name_history(
    opened, force, policy
):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    decision, notified, checked = (s.name for s in policy.name_changes.steps)
    notice = NameChangeNotice("Daniel Ashworth", date(2026, 11, 2), date(2026, 11, 10))
    notice_id = session.save_name_change(nid, notice)
    assert session.record(nid, None).name_changes == [notice]
    (insert,), (made,) = _rows(opened, "name_change_notices", notice_id)
    assert insert.operation == "insert" and json.loads(insert.payload)["steps"] == "{}"
    assert made.action == "collection"

    allowed = replace(notice, steps={decision: date(2026, 11, 5)}, decision=Decision.ALLOWED)
    session.save_name_change(nid, allowed, notice_id)
    assert session.record(nid, None).names == []  # not complete yet: nothing added
    outbox, audit = _rows(opened, "name_change_notices", notice_id)
    assert set(json.loads(outbox[-1].payload)) == {"steps", "decision"}
    assert audit[-1].action == "alteration" and "Decision" in audit[-1].detail

    done = replace(
        allowed, steps={**allowed.steps, notified: date(2026, 11, 12), checked: date(2026, 11, 20)}
    )
    session.save_name_change(nid, done, notice_id)
    (name,) = session.record(nid, None).names
    assert (name.name, name.kind, name.source, name.from_on) == (
        "Daniel Ashworth", NameKind.CHANGE, NOTICE_SOURCE, date(2026, 11, 10)
    )  # fmt: skip
    (sent,), (logged,) = _rows(opened, "names")
    assert sent.operation == "insert" and logged.record_id == name.id
    # Saving the complete notice again (a reason corrected) adds the name no second time.
    session.save_name_change(nid, replace(done, decision_reason="deed poll seen"), notice_id)
    assert len(session.record(nid, None).names) == 1


def test_a_prohibited_change_adds_no_name_and_needs_its_reason(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    decision = policy.name_changes.steps[0].name
    prohibited = NameChangeNotice(
        "Daniel Ashworth", date(2026, 11, 2), None, {decision: date(2026, 11, 5)}, Decision.PROHIBITED
    )
    with pytest.raises(BrokenRules) as refused:
        session.save_name_change(nid, prohibited)
    assert [p.field for p in refused.value.problems] == ["decision_reason"]
    assert session.record(nid, None).name_changes == []
    session.save_name_change(nid, replace(prohibited, decision_reason="would hide him from the victim"))
    record = session.record(nid, None)
    assert len(record.name_changes) == 1 and record.names == []


def _allowed_and_complete(session, policy, nid, name="Kieran Newname"):
    decision, notified, checked = (s.name for s in policy.name_changes.steps)
    steps = {decision: date(2026, 11, 3), notified: date(2026, 11, 4), checked: date(2026, 11, 6)}
    notice = NameChangeNotice(name, date(2026, 11, 2), date(2026, 11, 2), steps, Decision.ALLOWED)
    return notice, session.save_name_change(nid, notice)


def test_removing_a_notice_removes_the_name_it_added_in_the_same_unit_of_work(opened, force, policy):
    from somdesk.domain.records import NAME_CHANGE_NOTICES

    session = _session(opened, policy)
    nid = force.nominals[2].id
    _, notice_id = _allowed_and_complete(session, policy, nid)
    (name,) = session.record(nid, None).names
    assert session.name_added_by(nid, notice_id) == "Kieran Newname"
    assert session.remove(NAME_CHANGE_NOTICES, nid, notice_id, "notice recorded on the wrong person") == 2
    record = session.record(nid, None)
    assert record.names == [] and record.name_changes == []
    ws = session.workspace()
    texts = " ".join(t for s, t in zip(ws.statuses, ws.search_texts, strict=True) if s.case.nominal.id == nid)
    assert "newname" not in texts.casefold()  # search no longer finds the person by it
    (*_, gone), (*_, logged) = _rows(opened, "names", name.id)
    assert gone.operation == "update" and json.loads(gone.payload)["deleted"] is True
    assert "Kieran Newname" in logged.detail and "name-change notice" in logged.detail


def test_a_name_recorded_by_hand_stays_when_the_notice_is_removed(opened, force, policy):
    from somdesk.domain.details import RecordedName
    from somdesk.domain.records import NAME_CHANGE_NOTICES

    session = _session(opened, policy)
    nid = force.nominals[2].id
    session.save_name(nid, RecordedName("Kieran Newname", NameKind.ALIAS, "PNC"))
    decision = policy.name_changes.steps[0].name
    notice = NameChangeNotice("Kieran Newname", date(2026, 11, 2), None, {decision: date(2026, 11, 3)},
                              Decision.PROHIBITED, "risk to children")  # fmt: skip
    notice_id = session.save_name_change(nid, notice)
    assert session.name_added_by(nid, notice_id) is None
    assert session.remove(NAME_CHANGE_NOTICES, nid, notice_id, "typed twice") == 1
    assert [n.name for n in session.record(nid, None).names] == ["Kieran Newname"]


def test_an_edit_that_no_longer_allows_the_change_removes_the_name_it_added(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[2].id
    notice, notice_id = _allowed_and_complete(session, policy, nid)
    assert len(session.record(nid, None).names) == 1
    prohibited = replace(notice, decision=Decision.PROHIBITED, decision_reason="risk to children")
    session.save_name_change(nid, prohibited, notice_id)
    assert session.record(nid, None).names == []
    # Allowed again and complete: the name comes back.
    session.save_name_change(nid, notice, notice_id)
    assert [n.name for n in session.record(nid, None).names] == ["Kieran Newname"]
    # A step taken back (incomplete): the name goes again.
    last = policy.name_changes.steps[-1].name
    undone = replace(notice, steps={k: v for k, v in notice.steps.items() if k != last})
    session.save_name_change(nid, undone, notice_id)
    assert session.record(nid, None).names == []


def test_correcting_the_intended_name_moves_the_name_it_added_and_removing_the_notice_leaves_none(
    opened, force, policy
):
    """The second reviewer's case: SMITH allowed and complete, corrected to SMYTHE, then the notice
    removed: no name nobody gave stays on the record."""
    from somdesk.domain.records import NAME_CHANGE_NOTICES

    session = _session(opened, policy)
    nid = force.nominals[2].id
    notice, notice_id = _allowed_and_complete(session, policy, nid)
    session.save_name_change(nid, replace(notice, intended_name="Kieran Newnam"), notice_id)
    assert [n.name for n in session.record(nid, None).names] == ["Kieran Newnam"]
    session.remove(NAME_CHANGE_NOTICES, nid, notice_id, "recorded on the wrong person")
    assert session.record(nid, None).names == []
