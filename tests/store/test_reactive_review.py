"""Reactive management from the stored record (DOMAIN.md §4): a breach recorded with the case counts as
an offence, in the caseload's cases and in the opened record alike, and the latest one is named; the
intelligence saved on the nominal round-trips through the local store and is audited and queued."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from somdesk.app.session import Identity, Role, Session
from somdesk.domain.breaches import Breach, BreachAction, BreachKind, FoundBreach
from somdesk.domain.model import RiskLevel, VisitPlan
from somdesk.domain.visits import VisitState
from tests.conftest import NOW, TODAY


def _session(opened, policy):
    return Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)


def _reactive(session, nid):
    """The case put on reactive management, low risk since 2015 with an old conviction (the risk level
    written straight to the row: the session changes it only from an RM2000, beside the point here)."""
    before = session.record(nid, None).status.case.nominal
    with session.opened.unit_of_work() as uow:
        uow.update_nominal(
            nid, {"risk_level": int(RiskLevel.LOW), "risk_level_since": date(2015, 1, 1)}, "test"
        )
    after = replace(before, risk_level=RiskLevel.LOW, risk_level_since=date(2015, 1, 1))
    session.save_nominal(after, replace(after, visit_plan=VisitPlan(reactive=True)), "visit plan")


def _status(session, nid):
    return next(s for s in session.workspace().statuses if s.case.nominal.id == nid)


def test_the_latest_breach_found_sends_a_reactive_case_to_review(opened, force, policy):
    session = _session(opened, policy)
    nid = next(
        n.id for n in force.nominals if n.registration.relevant_date < date(2023, 1, 1) and not n.orders
    )
    _reactive(session, nid)
    assert _status(session, nid).visit.state is VisitState.REACTIVE

    older = Breach(BreachKind.LICENCE, date(2025, 1, 6), "DC Fenwick", BreachAction.WARNING, "Curfew")
    later = Breach(BreachKind.NOTIFICATION, date(2025, 3, 4), "DC Fenwick", BreachAction.ARREST)
    session.save_breach(nid, later)
    session.save_breach(nid, older)

    why = "an offence in the last 3 years: breach of notification found 4 Mar 2025"
    for case in (_status(session, nid).case, session.record(nid, None).status.case):
        assert case.latest_breach == FoundBreach(date(2025, 3, 4), BreachKind.NOTIFICATION)
    for status in (_status(session, nid), session.record(nid, None).status):
        assert status.visit.review_reactive and status.visit.reactive_failed == why


def test_intelligence_is_stored_audited_and_queued(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    before = session.record(nid, None).status.case.nominal
    after = replace(before, intelligence_on=date(2026, 10, 1), intelligence_note="seen near a school")
    session.save_nominal(before, after, "visit plan")
    with opened.reader() as reader:
        held = reader.nominal(nid)
        payloads = [
            json.loads(p)
            for (p,) in reader.conn.exec_driver_sql(
                "SELECT payload FROM sync_outbox WHERE table_name = 'nominals' AND record_id = ?", (nid,)
            )
        ]
        audited = reader.conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE table_name = 'nominals' AND record_id = ? "
            "ORDER BY seq",
            (nid,),
        ).fetchall()
    assert (held.intelligence_on, held.intelligence_note) == (date(2026, 10, 1), "seen near a school")
    assert any(p.get("intelligence_on") == "2026-10-01" for p in payloads)
    assert tuple(audited[-1]) == (
        "alteration",
        "changed: Intelligence, Intelligence that they may offend; visit plan",
    )
