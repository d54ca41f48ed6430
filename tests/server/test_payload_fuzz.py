"""Property-based fuzzing of push and pull payloads (hypothesis), on PostgreSQL and a real encrypted
device: whatever a device pushes, the central store answers each mutation (applied, conflict or
refused with a reason) without failing, and whatever it accepted every device in scope can write:
the pull applies in full and the device then holds exactly what the central store holds for it."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from somdesk.domain.records import record_types
from somdesk.server import sync
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.pull import pull
from somdesk.server.scope import scope_for
from somdesk.server.tables import records
from somdesk.store.profile import Profile
from somdesk.store.replica import LocalSync
from tests.conftest import TODAY

from .sync_helpers import PASSPHRASE, audit_entries_for

pytestmark = pytest.mark.postgres
SYNCED_TABLES = {r.name: r.synced for r in record_types()}

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.text(max_size=60),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["seen", "not_seen", "[]", "1", "ZZ9 9ZZ", "SYN0000001"]),
)


@pytest.fixture
def world(store, tmp_path):
    seed_demo(store, 120, 4, TODAY, soms=1)
    account = store.check_password("som1", DEMO_PASSWORD)
    opened = Profile(tmp_path / "device").create(PASSPHRASE, "som1", None, passphrase_only=True)
    local = LocalSync(opened)
    with store.engine.connect() as conn:
        templates = {
            t: json.loads(
                conn.execute(select(records.c.data).where(records.c.table_name == t)).scalars().first()
            )
            for t in ("nominals", "visits", "arms_assessments", "officers")
        }
        ids = {
            t: list(conn.execute(select(records.c.id).where(records.c.table_name == t).limit(20)).scalars())
            for t in templates
        }
    yield store, account, local, templates, ids
    opened.lock()


@st.composite
def batches(draw, templates, ids):
    out = []
    for _ in range(draw(st.integers(1, 6))):
        table = draw(st.sampled_from(sorted(templates)))
        operation = draw(st.sampled_from(["insert", "update", "delete", "resolve"]))
        record_id = str(uuid.uuid4()) if operation == "insert" else draw(st.sampled_from(ids[table]))
        fields = dict(templates[table]) if operation == "insert" else {}
        for name in draw(st.lists(st.sampled_from(sorted(SYNCED_TABLES[table])), max_size=4, unique=True)):
            if draw(st.booleans()) and operation == "insert":
                fields.pop(name, None)  # a field left out
            else:
                fields[name] = draw(values)
        if operation == "insert" and table == "nominals":
            fields["visor_ref"] = draw(
                st.sampled_from([f"SYNF{record_id[:8]}", templates[table]["visor_ref"]])
            )
        if operation == "resolve":
            fields = {"conflict_id": str(uuid.uuid4()), "value": draw(values)}
        base = draw(st.integers(0, 2**40))
        out.append(sync.Mutation(str(uuid.uuid4()), table, record_id, operation, base, fields))
    return out


def test_any_push_is_answered_and_whatever_is_accepted_every_device_can_write(world):
    store, account, local, templates, ids = world
    pushed = 0

    def pull_all() -> None:
        more = True
        while more:
            with store.engine.connect() as conn, conn.begin():
                page = json.loads(pull(conn, scope_for(conn, account), local.cursor(), 2000))
            local.apply_page(page)  # must never fail: the server only keeps what a device can write
            more = page["more"]

    pull_all()

    @given(batch=batches(templates, ids))
    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
    def fuzz(batch) -> None:
        nonlocal pushed
        device = str(uuid.uuid4())  # each change with its audit entry, as a device sends it
        entries, _ = audit_entries_for(device, account.username, [m.__dict__ for m in batch])
        with store.engine.begin() as conn:
            results, _ = sync.push(conn, scope_for(conn, account), device, batch, entries, datetime.now(UTC))
        assert len(results) == len(batch)
        for r in results:
            assert r["status"] in ("applied", "conflict", "rejected")
            assert r["status"] != "rejected" or r["reason"]
        pushed += len(batch)
        pull_all()

    fuzz()
    with store.engine.connect() as conn:
        expected = {
            (r.table_name, r.id)
            for r in conn.execute(
                select(records.c.table_name, records.c.id).where(scope_for(conn, account).clause())
            )
        }
    with local._opened.engine.connect() as conn:
        held = {(t, row[0]) for t in SYNCED_TABLES for row in conn.exec_driver_sql(f"SELECT id FROM {t}")}
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    assert held == expected
    assert pushed > 120
