"""An import on a connected profile asks the central store first (POST /v1/sync/check, a dry run of a
push): an RSO it would refuse is reported at its row before anything is committed; offline, the import
goes on as before. On PostgreSQL, with a real central store over HTTP and a real encrypted profile."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
from sqlalchemy import func, select, text

from somdesk.app.connection import connect_account
from somdesk.app.session import start_session
from somdesk.contract.sync import MAX_BATCH, PROTOCOL
from somdesk.imports.fields import guess_mapping
from somdesk.imports.reading import Sheet
from somdesk.imports.service import import_caseload
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.tables import audit_entries, change_counter, conflicts, mutations, records
from somdesk.store.errors import NotFound
from somdesk.store.migrate import head_revision
from somdesk.store.profile import Profile
from somdesk.sync.client import Refused
from somdesk.sync.device import linked_store, local_sync
from somdesk.sync.engine import sync_once
from tests.conftest import TODAY

from .sync_helpers import PASSPHRASE, LiveServer

pytestmark = pytest.mark.postgres

HEADERS = [
    "ViSOR ref",
    "PNC",
    "Surname",
    "Forenames",
    "DOB",
    "Sex",
    "Address",
    "Conviction date",
    "Disposal",
    "Term",
]


def row(visor: str, i: int) -> list[str]:
    born, convicted = "14/03/1979", "02/05/2019"
    return [visor, f"CHK/{i:07d}X", "Zellquist", "Aldo", born, "M", "NFA", convicted, "Imprisonment", "30"]


def held_by_someone_else(store, officer_id: str) -> str:
    with store.engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT unique_key FROM records WHERE table_name = 'nominals' "
                    "AND officer_id IS NOT NULL AND officer_id <> :me LIMIT 1"
                ),
                {"me": officer_id},
            ).scalar_one()
        )


def central_state(store) -> tuple[int, ...]:
    with store.engine.connect() as conn:
        counts = [
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (records, audit_entries, mutations, conflicts)
        ]
        return (*counts, conn.execute(select(change_counter.c.seq)).scalar_one())


@pytest.fixture
def world(store, tmp_path, policy):
    seed_demo(store, 120, 3, TODAY, soms=2)
    with LiveServer(store) as server:
        made = []

        def session_of(username: str):
            opened = Profile(tmp_path / username).create(PASSPHRASE, username, None, passphrase_only=True)
            identity = connect_account(opened, server.url, username, DEMO_PASSWORD)
            remote = linked_store(opened)
            assert remote is not None
            sync_once(local_sync(opened), remote)  # the officers and cases it holds
            remote.close()
            made.append(opened)
            return start_session(opened, identity, policy, lambda: TODAY)

        yield store, server, session_of
        for opened in made:
            opened.lock()


def test_an_import_reports_what_the_central_store_would_refuse_before_committing_anything(world, tmp_path):
    store, _, session_of = world
    som = session_of("som1")
    taken = held_by_someone_else(store, som.identity.officer_id)
    sheet = Sheet(HEADERS, [row("CHK00000001", 1), row(taken, 2), row("CHK00000003", 3)])
    before = central_state(store)
    result = import_caseload(som, sheet, guess_mapping(HEADERS), tmp_path / "caseload.csv", commit=True)
    assert result.checked and result.imported == 0
    assert [(e.row, e.column, e.value) for e in result.plan.errors] == [(3, "ViSOR ref", taken)]
    reason = result.plan.errors[0].reason
    assert "ask your supervisor to arrange the transfer" in reason and "ViSOR reference" in reason
    with som.opened.reader() as reader, pytest.raises(NotFound):
        reader.find_by_visor("CHK00000001")  # nothing committed on the device
    assert central_state(store) == before  # nor anything written or logged on the central store
    # Without the taken row, the same file is checked, imported and then synced with nothing refused.
    sheet = Sheet(HEADERS, [row("CHK00000001", 1), row("CHK00000003", 3)])
    result = import_caseload(som, sheet, guess_mapping(HEADERS), tmp_path / "caseload.csv", commit=True)
    assert result.checked and result.imported == 2 and not result.plan.errors
    remote = linked_store(som.opened)
    assert remote is not None
    assert sync_once(local_sync(som.opened), remote).refused == 0
    remote.close()


def test_a_supervisors_import_with_no_officer_column_is_refused_out_of_scope_first(world, tmp_path):
    store, _, session_of = world
    supervisor = session_of("sup1")
    sheet = Sheet(HEADERS, [row("CHK00000001", 1)])
    before = central_state(store)
    result = import_caseload(supervisor, sheet, guess_mapping(HEADERS), tmp_path / "c.csv", commit=True)
    assert result.checked and result.imported == 0
    (problem,) = result.plan.errors
    assert problem.row == 2 and "the central store would refuse it" in problem.reason
    assert "caseload" in problem.reason
    assert central_state(store) == before


def test_offline_the_import_goes_on_as_before(world, tmp_path):
    store, server, session_of = world
    som = session_of("som1")
    server.__exit__(None, None, None)  # the central store stops answering
    taken = held_by_someone_else(store, som.identity.officer_id)
    sheet = Sheet(HEADERS, [row("CHK00000001", 1), row(taken, 2)])
    result = import_caseload(som, sheet, guess_mapping(HEADERS), tmp_path / "caseload.csv", commit=True)
    assert not result.checked and result.imported == 2  # the sync reports the refusal later


def test_the_check_endpoint_is_signed_in_size_limited_and_writes_nothing(world):
    store, server, session_of = world
    som = session_of("som1")
    body = {"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": []}
    assert httpx.post(f"{server.url}/v1/sync/check", json=body).status_code == 401
    remote = linked_store(som.opened)
    assert remote is not None
    one = {"table": "nominals", "record_id": str(uuid.uuid4()), "operation": "insert", "base_version": 0}
    too_many = [{**one, "id": str(uuid.uuid4()), "fields": {}} for _ in range(MAX_BATCH + 1)]
    with pytest.raises(Refused, match="at most 500"):
        remote.check(too_many)
    before = central_state(store)
    answer = remote.check([{**one, "id": str(uuid.uuid4()), "fields": {"visor_ref": "X"}}])
    assert answer["results"][0]["ok"] is False and answer["results"][0]["reason"]
    assert central_state(store) == before
    remote.close()
    assert json.dumps(answer)  # plain JSON


def test_the_command_line_import_reports_the_central_stores_refusal_before_committing(store, cli, tmp_path):
    seed_demo(store, 120, 3, TODAY, soms=2)
    with LiveServer(store) as server:
        assert cli("som1", "sync", "connect", server.url, "--username", "som1")[0] == 0
        assert cli("som1", "sync", "now")[0] == 0
        with store.engine.connect() as conn:
            mine = conn.execute(text("SELECT officer_id FROM users WHERE username = 'som1'")).scalar_one()
        taken = held_by_someone_else(store, mine)
        path = tmp_path / "caseload.csv"
        lines = [HEADERS, row("CHK00000001", 1), row(taken, 2)]
        path.write_text("\n".join(",".join(cells) for cells in lines) + "\n", encoding="utf-8")
        before = central_state(store)
        code, out, _ = cli("som1", "import", str(path), "--today", TODAY.isoformat(), "--commit")
        assert code == 1 and "nothing was imported" in out
        assert f"row 3, ViSOR ref '{taken}': the central store would refuse it" in out
        assert central_state(store) == before
        path.write_text("\n".join(",".join(cells) for cells in lines[:2]) + "\n", encoding="utf-8")
        code, out, _ = cli("som1", "import", str(path), "--today", TODAY.isoformat())
        assert code == 0 and "(the central store would take them all)" in out
