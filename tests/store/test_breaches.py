"""A breach recorded or changed through the session on a profile that syncs: the row, its outbox
entry and its audit entry are written together; a broken rule writes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.breaches import Breach, BreachAction, BreachKind, FoundBreach
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _sent(opened, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation, payload FROM sync_outbox WHERE table_name = 'breaches' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE table_name = 'breaches' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()
    return outbox, audit


def test_a_breach_is_recorded_then_given_its_outcome_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    breach = Breach(
        BreachKind.ORDER, date(2026, 11, 2), "DC Fenwick", BreachAction.CPS_FILE, "SHPO: deleted history"
    )

    breach_id = session.save_breach(nid, breach)

    record = session.record(nid, None)
    assert record.breaches == [breach] and record.breaches[0].id == breach_id
    assert date(2026, 11, 2) in record.status.case.breaches_found
    (insert,), (made,) = _sent(opened, breach_id)
    sent = json.loads(insert.payload)
    assert insert.operation == "insert" and sent["kind"] == "order" and sent["action"] == "cps_file"
    assert made.action == "collection"

    charged = replace(breach, outcome="charged", outcome_on=date(2026, 11, 20))
    assert session.save_breach(nid, charged, breach_id) == breach_id

    assert session.record(nid, None).breaches == [charged]
    outbox, audit = _sent(opened, breach_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"outcome", "outcome_on"}
    assert audit[-1].action == "alteration" and "Outcome date" in audit[-1].detail


def test_a_breach_breaking_a_rule_is_refused_naming_the_field_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    ahead = Breach(BreachKind.LICENCE, date(2026, 12, 1), "DC Fenwick", BreachAction.RECALL_REQUEST, "Curfew")
    with pytest.raises(BrokenRules) as refused:
        session.save_breach(nid, ahead)
    assert [p.field for p in refused.value.problems] == ["found_on"]
    assert session.record(nid, None).breaches == []


def test_the_workspace_counts_this_years_breaches(opened, force, policy):
    session = _session(opened, policy, Role.SUPERVISOR)
    before = session.workspace().caseload.force.breaches_this_year
    som = _session(opened, policy)
    som.save_breach(
        force.nominals[2].id,
        Breach(BreachKind.LICENCE, date(2026, 5, 1), "probation", BreachAction.WARNING, "Curfew"),
    )
    som.save_breach(
        force.nominals[2].id,
        Breach(BreachKind.LICENCE, date(2025, 5, 1), "probation", BreachAction.WARNING, "Curfew"),
    )
    assert session.workspace().caseload.force.breaches_this_year == before + 1


def test_the_caseload_read_carries_each_persons_latest_breach_for_the_queues(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    later = Breach(BreachKind.LICENCE, date(2026, 11, 2), "probation", BreachAction.RECALL_REQUEST, "Curfew")
    earlier = Breach(BreachKind.NOTIFICATION, date(2026, 9, 14), "DC Fenwick", BreachAction.WARNING)
    session.save_breach(nid, later)
    session.save_breach(nid, earlier)  # recorded second, found first

    with opened.reader() as reader:
        cases = {c.nominal.id: c for c in reader.cases()}
        one = reader.case(nid)
    expected = FoundBreach(date(2026, 11, 2), BreachKind.LICENCE)
    assert cases[nid].latest_breach == expected and one.latest_breach == expected
    assert sorted(cases[nid].breaches_found) == [date(2026, 9, 14), date(2026, 11, 2)]
    assert all(c.latest_breach is None for i, c in cases.items() if i != nid and not c.breaches_found)
