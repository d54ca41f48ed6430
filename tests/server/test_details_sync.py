"""A notified detail and a recorded name made on one device reach the same SOM's other device through a
live central store on PostgreSQL, and a change comes back; a SOM of another team never receives them;
the central store refuses a whole card number, naming the field."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, som_devices, with_its_entry

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    # 1000 RSOs over two teams: som1 is in the first team, som2 in the second.
    yield from som_devices(tmp_path, store, 1000, 11)


def session_on(device: Device) -> Session:
    return Session(
        device.opened, Identity("DC Test", Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW
    )


def a_case(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())


def test_a_notified_detail_and_a_name_reach_the_soms_other_device_and_no_other_team(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case(laptop)
    here = session_on(laptop)
    car = NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", date(2026, 11, 2), "ab12 cde")
    detail_id = here.save_detail(nid, car)
    alias = RecordedName("Johnny QUELL", NameKind.ALIAS, "PNC", date(2015, 1, 1))
    name_id = here.save_name(nid, alias)
    report = laptop.sync()
    assert report.pushed == 2 and report.refused == 0

    desktop.sync()
    with desktop.opened.reader() as reader:
        # (the demo force gives people details and names of their own: these among them)
        (detail,) = [d for d in reader.details_for(nid) if d.id == detail_id]
        assert alias in reader.recorded_names_for(nid)
    assert detail.id == detail_id and detail.reference == "AB12CDE"
    ws = session_on(desktop).workspace()
    (searched,) = [t for s, t in zip(ws.statuses, ws.search_texts, strict=True) if s.case.nominal.id == nid]
    assert "ab12cde" in searched and "johnny quell" in searched

    # Verified on the second device: the change comes back to the first.
    session_on(desktop).save_detail(
        nid, replace(detail, verified=True, verified_on=date(2026, 11, 20)), detail_id
    )
    desktop.sync()
    laptop.sync()
    with laptop.opened.reader() as reader:
        (back,) = [d for d in reader.details_for(nid) if d.id == detail_id]
    assert back.verified and back.verified_on == date(2026, 11, 20)

    # A SOM of another team holds none of it.
    colleague.sync()
    assert colleague.count("notified_details", f"id = '{detail_id}'") == 0
    assert colleague.count("names", f"id = '{name_id}'") == 0
    assert colleague.count("nominals", f"id = '{nid}'") == 0


def test_the_central_store_refuses_a_whole_card_number_naming_the_field(devices):
    laptop = devices["laptop"]
    nid = a_case(laptop)
    record_id = str(uuid.uuid4())
    fields = {
        "nominal_id": nid, "kind": "card", "description": "Barclaycard Visa", "reference": "4929123456784321",
        "notified_on": "2026-11-02", "verified": False, "verified_on": None, "ended_on": None,
        "id": record_id, "deleted": False, "updated_at": "2026-11-23T10:00:00+00:00", "updated_by": "x",
    }  # fmt: skip
    mutation = {
        "id": str(uuid.uuid4()), "table": "notified_details", "record_id": record_id, "operation": "insert",
        "base_version": 0, "fields": fields,
    }  # fmt: skip
    entry = with_its_entry(laptop, "notified_details", record_id, "collection")
    (result,) = laptop.remote.push([mutation], entry)["results"]
    assert result["status"] == "rejected" and "last four digits" in result["reason"]


def test_the_central_store_refuses_a_whole_card_number_in_the_detail_s_words(devices):
    laptop = devices["laptop"]
    nid = a_case(laptop)
    record_id = str(uuid.uuid4())
    fields = {
        "nominal_id": nid, "kind": "card", "description": "Visa debit REVCARD 4929 1234 5678 9012",
        "reference": "9012", "notified_on": "2026-11-02", "verified": False, "verified_on": None,
        "ended_on": None, "id": record_id, "deleted": False, "updated_at": "2026-11-23T10:00:00+00:00",
        "updated_by": "x",
    }  # fmt: skip
    mutation = {
        "id": str(uuid.uuid4()), "table": "notified_details", "record_id": record_id, "operation": "insert",
        "base_version": 0, "fields": fields,
    }  # fmt: skip
    entry = with_its_entry(laptop, "notified_details", record_id, "collection")
    (result,) = laptop.remote.push([mutation], entry)["results"]
    assert result["status"] == "rejected" and result["reason"].startswith("description:")
    assert "13 or more digits" in result["reason"]
