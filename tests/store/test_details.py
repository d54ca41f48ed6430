"""Notified details and names recorded or changed through the session: the row, its outbox entry and
its audit entry are written together; a broken rule writes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _sent(opened, table, record_id):
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


def test_a_vehicle_is_recorded_with_its_mark_normalised_then_verified_queued_and_audited(
    opened, force, policy
):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    car = NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", date(2026, 11, 2), "ab12 cde")

    detail_id = session.save_detail(nid, car)

    (held,) = session.record(nid, None).details
    assert held.id == detail_id and held.reference == "AB12CDE" and held.description == "Ford Focus, red"
    (insert,), (made,) = _sent(opened, "notified_details", detail_id)
    assert insert.operation == "insert" and json.loads(insert.payload)["reference"] == "AB12CDE"
    assert made.action == "collection"

    checked = replace(held, verified=True, verified_on=date(2026, 11, 5))
    assert session.save_detail(nid, checked, detail_id) == detail_id
    assert session.record(nid, None).details == [checked]
    outbox, audit = _sent(opened, "notified_details", detail_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"verified", "verified_on"}
    assert audit[-1].action == "alteration" and "Verified on" in audit[-1].detail


def test_a_whole_card_number_is_refused_naming_the_field_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    card = NotifiedDetail(DetailKind.CARD, "Barclaycard Visa", date(2026, 11, 2), "4929123456784321")
    with pytest.raises(BrokenRules) as refused:
        session.save_detail(nid, card)
    assert [p.field for p in refused.value.problems] == ["reference"]
    assert "last four digits" in str(refused.value)
    assert session.record(nid, None).details == []
    with opened.reader() as reader:
        queued = reader.conn.exec_driver_sql(
            "SELECT COUNT(*) FROM sync_outbox WHERE table_name = 'notified_details'"
        ).scalar()
    assert queued == 0


def test_a_name_is_recorded_and_changed_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[2].id
    alias = RecordedName("Johnny SMITH", NameKind.ALIAS, "PNC")

    name_id = session.save_name(nid, alias)

    record = session.record(nid, None)
    assert record.names == [alias] and record.names[0].id == name_id
    sourced = replace(alias, source="self-declared", from_on=date(2019, 3, 1))
    session.save_name(nid, sourced, name_id)
    assert session.record(nid, None).names == [sourced]
    outbox, audit = _sent(opened, "names", name_id)
    assert [o.operation for o in outbox] == ["insert", "update"]
    assert set(json.loads(outbox[1].payload)) == {"source", "from_on"}
    assert audit[-1].action == "alteration"


def _found(ws, typed):
    from somdesk.ui.models import Column, TableModel

    model = TableModel(
        [Column("Name", lambda s: s.case.nominal.id)], ws.statuses, search_texts=ws.search_texts
    )
    model.set_filter(typed)
    return {model.data(model.index(row, 0)) for row in range(model.rowCount())}


def test_the_caseload_search_finds_a_person_by_a_recorded_alias_and_by_their_vehicle_however_typed(
    qapp, opened, force, policy
):
    session = _session(opened, policy)
    nid = force.nominals[3].id
    assert _found(session.workspace(), "Zebedee") == set()
    session.save_name(nid, RecordedName("Zebedee QUILLAN", NameKind.ALIAS, "PNC"))
    session.save_detail(
        nid, NotifiedDetail(DetailKind.VEHICLE, "Vauxhall Corsa", date(2026, 11, 1), "XY69 ZQW")
    )
    # A bank account's number is not a search key: only registration marks are.
    session.save_detail(nid, NotifiedDetail(DetailKind.BANK_ACCOUNT, "HSBC", date(2026, 11, 1), "99887766"))

    ws = session.workspace()
    assert _found(ws, "zebedee") == {nid} and _found(ws, "QUILLAN, Zebedee") == {nid}
    assert _found(ws, "xy69zqw") == {nid} and _found(ws, "XY69 ZQW") == {nid}
    assert _found(ws, "99887766") == set()
