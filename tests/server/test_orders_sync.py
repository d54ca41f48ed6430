"""A civil order with its terms, and a licence with its conditions, made on one device reach the same
SOM's other device through a live central store on PostgreSQL; a SOM of another team never receives
them; the central store refuses an order or term no form would write, naming the field."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.licences import ConditionKind, Licence, LicenceCondition, Monitoring
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, LiveServer, new_device, with_its_entry

pytestmark = pytest.mark.postgres

SHPO = CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", date(2025, 4, 2), None, True, date(2026, 12, 1))
TERMS = (
    OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, "Not to delete the history of any device."),
    OrderTerm(TermKind.REQUIREMENT, TermCategory.PROGRAMME, "To attend and complete the Horizon programme."),
)


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    # 1000 RSOs over two teams: som1 is in the first team, som2 in the second.
    seed_demo(store, 1000, 11, TODAY, soms=2)
    with store.engine.connect() as conn:
        teams = {
            name: conn.execute(
                text(
                    "SELECT r.data::json->>'team_id' FROM users u JOIN records r ON r.id = u.officer_id "
                    "WHERE u.username = :u"
                ),
                {"u": name},
            ).scalar_one()
            for name in ("som1", "som2")
        }
    assert teams["som1"] != teams["som2"]
    with LiveServer(store) as server:
        made = {
            name: new_device(tmp_path / name, server.url, account, DEMO_PASSWORD)
            for name, account in (("laptop", "som1"), ("desktop", "som1"), ("colleague", "som2"))
        }
        for device in made.values():
            device.sync()
        yield made
        for device in made.values():
            device.close()


def session_on(device: Device) -> Session:
    return Session(
        device.opened, Identity("DC Test", Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW
    )


def a_case_without_orders(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT id FROM nominals WHERE id NOT IN (SELECT nominal_id FROM civil_orders) "
                    "AND id NOT IN (SELECT nominal_id FROM licences) ORDER BY visor_ref LIMIT 1"
                )
            ).scalar_one()
        )


def test_an_order_and_its_terms_reach_the_soms_other_device_and_no_other_team(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case_without_orders(laptop)
    here = session_on(laptop)
    order_id = here.save_order(nid, SHPO)
    term_ids = [here.save_order_term(nid, order_id, term) for term in TERMS]
    licence = Licence(
        date(2026, 2, 9),
        date(2027, 8, 8),
        "PP Ames",
        "",
        Monitoring.GPS,
        "",
        (LicenceCondition(ConditionKind.ADDITIONAL, "Wear an electronic tag at all times."),),
    )
    licence_id = here.save_licence(nid, licence)
    report = laptop.sync()
    assert report.pushed == 4 and report.refused == 0

    desktop.sync()
    with desktop.opened.reader() as reader:
        (order,) = reader.orders_for(nid)
        assert reader.licences_for(nid) == [licence]
    assert order.id == order_id and order.until_further_order and order.next_review == date(2026, 12, 1)
    assert sorted(t.id for t in order.terms) == sorted(term_ids)
    assert {t.text for t in order.terms} == {t.text for t in TERMS}

    # A change on the second device comes back to the first.
    there = session_on(desktop)
    there.save_order(nid, CivilOrder(SHPO.kind, SHPO.court, SHPO.made_on, date(2030, 4, 1)), order_id)
    desktop.sync()
    laptop.sync()
    with laptop.opened.reader() as reader:
        (back,) = reader.orders_for(nid)
    assert back.ends_on == date(2030, 4, 1) and not back.until_further_order

    # A SOM of another team holds none of it.
    colleague.sync()
    for table, record_id in (("civil_orders", order_id), ("licences", licence_id)):
        assert colleague.count(table, f"id = '{record_id}'") == 0
    assert colleague.count("order_terms", f"order_id = '{order_id}'") == 0
    assert colleague.count("nominals", f"id = '{nid}'") == 0


def _push(device: Device, table: str, fields: dict) -> dict:
    record_id = str(uuid.uuid4())
    mutation = {
        "id": str(uuid.uuid4()), "table": table, "record_id": record_id, "operation": "insert",
        "base_version": 0,
        "fields": {**fields, "id": record_id, "deleted": False, "updated_at": "2026-11-23T10:00:00+00:00",
                   "updated_by": "x"},
    }  # fmt: skip
    (result,) = device.remote.push([mutation], with_its_entry(device, table, record_id, "collection"))[
        "results"
    ]
    return result


def test_the_central_store_refuses_an_order_or_term_no_form_would_write(devices):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    interim = {
        "nominal_id": nid, "kind": "interim_shpo", "court": "Ravensholt Magistrates' Court",
        "made_on": "2026-11-01", "ends_on": None, "until_further_order": True, "next_review": None,
        "notes": "",
    }  # fmt: skip
    result = _push(laptop, "civil_orders", interim)
    assert result["status"] == "rejected" and "interim order runs to a fixed day" in result["reason"]
    result = _push(laptop, "civil_orders", {**interim, "kind": "injunction"})
    assert result["status"] == "rejected" and "kind must be one of" in result["reason"]
    order_id = session_on(laptop).save_order(nid, SHPO)
    laptop.sync()
    blank = {"nominal_id": nid, "order_id": order_id, "kind": "prohibition", "category": "other", "text": " "}
    result = _push(laptop, "order_terms", blank)
    assert result["status"] == "rejected" and "write the term" in result["reason"]
