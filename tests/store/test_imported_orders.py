"""Orders read from a caseload file are real synced records: each order and term queued for the central
store with its person, and the person's collection audited with them (tests/imports/test_import_orders.py
has the file's columns and problems)."""

from __future__ import annotations

import json

from somdesk.app.session import Identity, Role, Session
from somdesk.imports.fields import guess_mapping
from somdesk.imports.reading import read_sheet
from somdesk.imports.service import import_caseload
from tests.conftest import NOW, TODAY
from tests.imports.test_import import HEADERS, row


def test_imported_orders_and_terms_are_queued_for_the_central_store_and_audited(
    opened, force, policy, tmp_path
):
    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    som = next(o.name for o in force.officers if o.is_som)
    headers = [*HEADERS, "Order", "Court", "Made on", "Ends on", "Order terms"]
    rows = [
        [
            *row(1, som),
            "SHPO",
            "Ravensholt Crown Court",
            "02/04/2025",
            "",
            "Internet: no devices; Travel: none",
        ],
        [
            "IMP00000001",
            *[""] * (len(HEADERS) - 1),
            "SRO",
            "Northmere Magistrates",
            "01/06/2025",
            "31/05/2027",
            "",
        ],
    ]
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(",".join(r) for r in [headers, *rows]) + "\n", encoding="utf-8")
    sheet = read_sheet(path)
    done = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    assert done.imported == 1, [str(e) for e in done.plan.errors]
    with opened.reader() as reader:
        nid = reader.find_by_visor("IMP00000001").id
        orders = {o.id: o for o in reader.orders_for(nid)}
        sent = reader.conn.exec_driver_sql(
            "SELECT table_name, record_id, operation, payload FROM sync_outbox "
            "WHERE table_name IN ('civil_orders', 'order_terms')"
        ).fetchall()
        (audit,) = [r.detail for r in reader.audit_rows() if r.record_id == nid and r.action == "collection"]
    sent = [r for r in sent if json.loads(r.payload)["nominal_id"] == nid]  # not the force's own
    assert {r.record_id for r in sent if r.table_name == "civil_orders"} == set(orders)
    assert all(r.operation == "insert" for r in sent)
    terms = [json.loads(r.payload) for r in sent if r.table_name == "order_terms"]
    assert sorted(t["category"] for t in terms) == ["internet", "travel"]
    assert {t["order_id"] for t in terms} == {o.id for o in orders.values() if o.kind.value == "shpo"}
    assert "imported from file orders.csv" in audit and "2 civil orders" in audit
