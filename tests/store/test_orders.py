"""A civil order and its terms recorded or changed through the session: rows, outbox and audit written
together; broken rules refused at their field with nothing written; the caseload's cases carry the orders
the rules read."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import Identity, Role, Session
from somdesk.domain.invariants import BrokenRules
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.store.errors import NotFound
from tests.conftest import NOW, TODAY

SHPO = CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", date(2025, 4, 2), None, True, date(2026, 12, 1))
NO_INTERNET = OrderTerm(
    TermKind.PROHIBITION,
    TermCategory.INTERNET,
    "Not to use any device capable of accessing the internet unless it has the capacity to retain "
    "and display the history of internet use, and not to delete that history.",
)


def _session(opened, policy):
    return Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)


def _rows(opened, table, record_id):
    with opened.reader() as reader:
        conn = reader.conn
        outbox = conn.exec_driver_sql(
            "SELECT operation, payload FROM sync_outbox WHERE table_name = ? AND record_id = ? ORDER BY seq",
            (table, record_id),
        ).fetchall()
        audit = conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
            (table, record_id),
        ).fetchall()
    return outbox, audit


def test_an_order_and_its_terms_are_recorded_changed_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = next(n.id for n in force.nominals if not n.orders)
    order_id = session.save_order(nid, SHPO)
    term_id = session.save_order_term(nid, order_id, NO_INTERNET)

    with opened.reader() as reader:
        (saved,) = [o for o in reader.nominal(nid).orders if o.id == order_id]
    assert saved == replace(SHPO, terms=(NO_INTERNET,)) and saved.terms[0].id == term_id
    (insert,), (made,) = _rows(opened, "civil_orders", order_id)
    sent = json.loads(insert.payload)
    assert sent["nominal_id"] == nid and sent["kind"] == "shpo" and sent["until_further_order"] is True
    assert made.action == "collection"
    (term_insert,), _ = _rows(opened, "order_terms", term_id)
    assert json.loads(term_insert.payload)["order_id"] == order_id

    ended = replace(SHPO, ends_on=date(2026, 11, 20), until_further_order=False)
    session.save_order(nid, ended, order_id)
    outbox, audit = _rows(opened, "civil_orders", order_id)
    assert set(json.loads(outbox[-1].payload)) == {"ends_on", "until_further_order"}
    assert audit[-1].action == "alteration" and "civil order" in audit[-1].detail

    session.save_order_term(nid, order_id, replace(NO_INTERNET, category=TermCategory.OTHER), term_id)
    outbox, _ = _rows(opened, "order_terms", term_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert json.loads(outbox[-1].payload)["category"] == "other"


def test_broken_orders_and_terms_are_refused_at_their_field_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    interim = CivilOrder(OrderKind.INTERIM_SRO, "Ravensholt Magistrates' Court", date(2026, 11, 1))
    with pytest.raises(BrokenRules) as refused:
        session.save_order(nid, interim)
    assert [p.field for p in refused.value.problems] == ["ends_on"]
    order_id = session.save_order(nid, replace(interim, ends_on=date(2027, 1, 31)))
    with pytest.raises(BrokenRules) as refused:
        session.save_order_term(nid, order_id, replace(NO_INTERNET, text="   "))
    assert [p.field for p in refused.value.problems] == ["text"]
    with opened.reader() as reader:
        (order,) = [o for o in reader.nominal(nid).orders if o.id == order_id]
    assert order.terms == ()
    with pytest.raises(NotFound):
        session.save_order_term(nid, "no-such-order", NO_INTERNET)


def test_the_caseloads_cases_carry_each_persons_orders(opened, force, policy):
    session = _session(opened, policy)
    nid = next(n.id for n in force.nominals if not n.orders)
    order_id = session.save_order(nid, SHPO)
    with opened.reader() as reader:
        cases = {c.nominal.id: c for c in reader.cases()}
    assert [o.id for o in cases[nid].nominal.orders] == [order_id]
    assert cases[nid].nominal.orders[0] == SHPO
    # The demo's own orders were written with the force, terms apart (the rules do not read them).
    demo = next(n for n in force.nominals if n.orders)
    assert cases[demo.id].nominal.orders == tuple(replace(o, terms=()) for o in demo.orders)


def test_a_licence_and_its_conditions_are_recorded_and_changed(opened, force, policy):
    from somdesk.domain.licences import ConditionKind, Licence, LicenceCondition, Monitoring

    session = _session(opened, policy)
    nid = next(n.id for n in force.nominals if not n.licences)
    licence = Licence(
        date(2025, 6, 2),
        date(2027, 6, 1),
        "PP Ames",
        "",
        Monitoring.NONE,
        "",
        (LicenceCondition(ConditionKind.STANDARD, "Be of good behaviour."),),
    )
    licence_id = session.save_licence(nid, licence)
    tagged = replace(licence, monitoring=Monitoring.GPS, curfew="19:00 to 07:00")
    session.save_licence(nid, tagged, licence_id)
    with opened.reader() as reader:
        assert reader.nominal(nid).licences == (tagged,)
    outbox, audit = _rows(opened, "licences", licence_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"monitoring", "curfew"}
    assert [a.action for a in audit] == ["collection", "alteration"]
    with pytest.raises(BrokenRules) as refused:
        session.save_licence(nid, replace(tagged, ends_on=date(2025, 1, 1)), licence_id)
    assert [p.field for p in refused.value.problems] == ["ends_on"]
