"""A synced record type is declared once (somdesk.domain.records): a throwaway type, declared here and
given its table as its migration would, syncs between two real devices through a real central store
(uvicorn on PostgreSQL), with nothing else in the code told about it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from somdesk.domain.records import Field, FieldKind, Holder, RecordType, field_label, register, unregister
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.store.read import RecordState
from somdesk.store.schema import forget_table, table_for
from somdesk.store.uow import InvalidValue

from .sync_helpers import Device, LiveServer, new_device, with_its_entry

pytestmark = pytest.mark.postgres
TODAY = date(2026, 11, 23)


@pytest.fixture
def notes() -> Iterator[RecordType]:
    record = register(
        RecordType(
            "test_case_notes",
            "case note",
            Holder.CHILD,
            (
                Field("nominal_id", FieldKind.ID, required=True),
                Field("written_on", FieldKind.DATE, required=True, label="Written on"),
                Field("body", FieldKind.TEXT, 200, required=True, label="Note"),
                Field("urgent", FieldKind.BOOLEAN, required=True, default=False),
            ),
        )
    )
    yield record
    unregister(record.name)
    forget_table(record.name)


@pytest.fixture
def devices(tmp_path, store, notes) -> Iterator[dict[str, Device]]:
    seed_demo(store, 120, 7, TODAY, soms=2)
    with LiveServer(store) as server:
        made = {
            name: new_device(tmp_path / name, server.url, account, DEMO_PASSWORD)
            for name, account in (("laptop", "som1"), ("desktop", "som1"), ("colleague", "som2"))
        }
        for device in made.values():  # what the type's migration does on every device
            with device.opened.in_use() as engine:
                table_for(notes).create(engine)
            device.sync()
        yield made
        for device in made.values():
            device.close()


def a_case_of(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())


def test_a_record_type_declared_once_syncs_between_devices_through_the_central_store(devices, notes):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    case = a_case_of(laptop)

    with laptop.opened.unit_of_work(justification_required=False) as uow:
        note = uow.add(notes, {"nominal_id": case, "written_on": TODAY, "body": "Seen at the address"})
    with laptop.opened.reader() as reader:
        assert reader.sync_state(case) is RecordState.PENDING  # the case's state counts its new child
    assert laptop.sync().pushed == 1
    with laptop.opened.reader() as reader:
        assert reader.sync_state(case) is RecordState.SYNCED

    desktop.sync()
    assert desktop.value(notes.name, note, "body") == "Seen at the address"
    assert desktop.value(notes.name, note, "urgent") in (0, False)  # the declared default travelled
    assert colleague.sync().pulled == 0
    assert colleague.count(notes.name) == 0  # held with its offender: not in another SOM's caseload

    # a change on the other device comes back, field by field
    with desktop.opened.unit_of_work(justification_required=False) as uow:
        uow.change(notes, note, {"urgent": True}, "follow up")
    desktop.sync()
    laptop.sync()
    assert laptop.value(notes.name, note, "urgent") in (1, True)
    assert laptop.value(notes.name, note, "body") == "Seen at the address"

    # the declared fields are checked on the device before anything is written or queued...
    with (
        pytest.raises(InvalidValue, match="body must be at most 200 characters"),
        laptop.opened.unit_of_work(justification_required=False) as uow,
    ):
        uow.add(notes, {"nominal_id": case, "written_on": TODAY, "body": "x" * 201})
    assert laptop.count(notes.name) == 1 and laptop.local.pending() == 0
    # ...and by the central store, for a client that skipped that check
    record_id = str(uuid.uuid4())
    fields = {
        "id": record_id, "nominal_id": case, "written_on": TODAY.isoformat(), "body": "x" * 201,
        "urgent": False, "deleted": False, "updated_at": "2026-11-23T10:00:00", "updated_by": "x",
    }  # fmt: skip
    answer = laptop.remote.push(
        [
            {
                "id": str(uuid.uuid4()),
                "table": notes.name,
                "record_id": record_id,
                "operation": "insert",
                "base_version": 0,
                "fields": fields,
            }
        ],
        with_its_entry(laptop, notes.name, record_id, "collection"),
    )
    (result,) = answer["results"]
    assert (result["status"], result["reason"]) == ("rejected", "body must be at most 200 characters")
    desktop.sync()
    assert desktop.count(notes.name) == 1

    assert field_label(notes.name, "body") == "Note"  # how the conflict view names it


def test_a_change_to_a_field_the_declaration_does_not_have_is_refused(devices, notes):
    laptop = devices["laptop"]
    case = a_case_of(laptop)
    with laptop.opened.unit_of_work(justification_required=False) as uow:
        note = uow.add(notes, {"nominal_id": case, "written_on": TODAY, "body": "first"})
        with pytest.raises(ValueError, match="not editable on case note: colour"):
            uow.change(notes, note, {"colour": "red"})
