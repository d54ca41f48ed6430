"""What the central store refuses, or cannot take, stays on the laptop until the user acts on it.

A refused new offender record keeps every field the user entered, its history and the reason in words;
it can be corrected and sent again, or discarded (audited). A change the central store keeps failing on
is set aside, with its reason, and the rest of the outbox and the pull go on.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Session
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.roles import Role
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.tables import users
from somdesk.store.audit import verify
from somdesk.store.replica import LocalSync, RecordState, case_state
from somdesk.sync.engine import SyncLoop, SyncState

from .sync_helpers import Device, LiveServer, new_device, server_count

pytestmark = pytest.mark.postgres
TODAY = date(2026, 11, 23)


@pytest.fixture
def force(store):
    seed_demo(store, 120, 7, TODAY, soms=2)
    with store.engine.connect() as conn:
        return {r.username: r for r in conn.execute(select(users))}


@pytest.fixture
def server(store):
    with LiveServer(store) as live:
        yield live


@pytest.fixture
def som(tmp_path, server, force):
    device = new_device(tmp_path / "som1", server.url, "som1", DEMO_PASSWORD)
    device.sync()
    yield device
    device.close()


def _one_case(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())


def _held_elsewhere(store, device: Device) -> str:
    """A ViSOR reference the central store holds for a case outside this device's scope."""
    with device.opened.engine.connect() as conn:
        mine = {r[0] for r in conn.execute(text("SELECT visor_ref FROM nominals"))}
    with store.engine.connect() as conn:
        refs = [
            json.loads(r[0])["visor_ref"]
            for r in conn.execute(text("SELECT data FROM records WHERE table_name = 'nominals'"))
        ]
    return next(ref for ref in refs if ref not in mine)


def _new_case(device: Device, visor_ref: str) -> str:
    """A new RSO imported on the laptop (a copy of one of the SOM's, under a new name) with a visit."""
    with device.opened.reader() as reader:
        model = reader.case(_one_case(device))
    made = dataclasses.replace(
        model.nominal,
        id=str(uuid.uuid4()), visor_ref=visor_ref, family_name="Quinlan", given_names="Rory Tomas",
    )  # fmt: skip
    visit = Visit(
        made.id,
        datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        VisitOutcome.SEEN,
        officers=("DC Shaw", "PC Partner"),
        notes="at home",
    )
    with device.opened.unit_of_work(justification_required=False) as uow:
        uow.import_force([], [], [model._replace(nominal=made)], [visit], [], "file new-cases.csv")
    return made.id


def _session(device: Device) -> Session:
    return Session(device.opened, Identity("som1", Role.SOM), default_policy(), lambda: TODAY)


def test_a_refused_new_record_stays_with_its_history_and_the_reason_in_words(store, som):
    taken = _held_elsewhere(store, som)
    made = _new_case(som, taken)
    report = som.sync()
    assert report.refused >= 1
    # Every field the user entered is still on the laptop, and so is its visit.
    assert som.value("nominals", made, "family_name") == "Quinlan"
    assert som.value("nominals", made, "visor_ref") == taken
    assert som.count("visits", f"nominal_id = '{made}'") == 1
    with som.opened.engine.connect() as conn:
        assert case_state(conn, made) is RecordState.REJECTED
    issues = _session(som).sync_issues()
    mine = [r for r in issues.refusals if r.record_id == made]
    assert mine, "the refusal of the new record is listed"
    assert "ViSOR reference" in mine[0].reason and "transfer" in mine[0].reason
    # A second sync changes nothing: the refusal is neither lost nor sent again.
    som.sync()
    assert som.value("nominals", made, "family_name") == "Quinlan"
    assert any(r.record_id == made for r in _session(som).sync_issues().refusals)


def test_a_refused_new_record_corrected_and_sent_again_reaches_the_central_store(store, som):
    made = _new_case(som, _held_elsewhere(store, som))
    som.sync()
    session = _session(som)
    session.update_nominal(made, {"visor_ref": "24/999999Z"}, "corrected after refusal")
    refusal = next(
        r for r in session.sync_issues().refusals if r.record_id == made and r.operation == "insert"
    )
    session.send_again(refusal.mutation_id)
    report = som.sync()
    assert report.refused == 0, [(r.name, r.reason) for r in session.sync_issues().refusals]
    assert server_count(store, f"id = '{made}' AND data::jsonb->>'visor_ref' = '24/999999Z'") == 1
    assert server_count(store, f"table_name = 'visits' AND data::jsonb->>'nominal_id' = '{made}'") == 1
    assert not [r for r in session.sync_issues().refusals if r.record_id == made]
    with som.opened.engine.connect() as conn:
        assert case_state(conn, made) is RecordState.SYNCED


def test_discarding_a_refused_new_record_is_audited_and_reaches_the_central_store(store, som):
    made = _new_case(som, _held_elsewhere(store, som))
    som.sync()
    session = _session(som)
    refusal = next(
        r for r in session.sync_issues().refusals if r.record_id == made and r.operation == "insert"
    )
    session.discard_refused(refusal.mutation_id)
    assert som.count("nominals", f"id = '{made}'") == 0
    assert som.count("visits", f"nominal_id = '{made}'") == 0
    assert not [r for r in session.sync_issues().refusals if r.record_id == made]
    som.sync()
    with store.engine.connect() as conn:
        logged = [
            json.loads(r[0])
            for r in conn.execute(
                text("SELECT data FROM audit_entries WHERE record_id = :r ORDER BY seq"), {"r": made}
            )
        ]
    assert logged[-1]["action"] == "erasure" and "refused" in logged[-1]["detail"]


def test_a_change_the_central_store_cannot_take_is_set_aside_and_sync_goes_on(store, som):
    case = _one_case(som)
    _unsendable_change(som, case)
    other = next(c for c in _all_cases(som) if c != case)
    with som.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(other, {"given_names": "Fine Name"})
    report = som.sync()
    assert server_count(store, f"id = '{other}' AND data::jsonb->>'given_names' = 'Fine Name'") == 1
    assert som.local.pending() == 0
    set_aside = [r for r in _session(som).sync_issues().refusals if r.record_id == "demo-visit-1"]
    assert set_aside and set_aside[0].kind == "set aside"
    assert set_aside[0].fields["notes"] == "from fill-demo"
    assert set_aside[0].nominal_id == case  # open it from the list
    assert som.count("visits", "id = 'demo-visit-1'") == 1  # the record stays as the user left it
    assert report.set_aside == 1
    # And the device is not stuck: the next change goes, and a colleague's change comes down.
    with som.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(other, {"given_names": "Finer Name"})
    som.sync()
    assert server_count(store, f"id = '{other}' AND data::jsonb->>'given_names' = 'Finer Name'") == 1


def test_the_background_loop_is_not_stuck_on_a_change_it_cannot_send(store, som):
    _unsendable_change(som, _one_case(som))
    states: list[SyncState] = []
    loop = SyncLoop(som.local, som.remote, lambda s: states.append(s.state), lambda _r: None, every=0.2)
    loop.start()
    try:
        import time

        deadline = time.monotonic() + 20
        while SyncState.IDLE not in states and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        loop.stop()
    assert SyncState.IDLE in states
    assert som.local.pending() == 0


def test_every_audit_chain_still_verifies_after_refusals_and_set_asides(store, som):
    made = _new_case(som, _held_elsewhere(store, som))
    som.sync()
    session = _session(som)
    for r in session.sync_issues().refusals:
        if r.record_id == made and r.operation == "insert":
            session.discard_refused(r.mutation_id)
    som.sync()
    with som.opened.reader() as reader:
        checked, broken = verify(reader.audit_rows())
    assert broken is None and checked > 0
    assert som.local.outgoing(0).audit == []  # every entry reached the central store
    assert store.verify_audit()[1] is None


def _all_cases(device: Device) -> list[str]:
    with device.opened.engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref"))]


def _unsendable_change(device: Device, case: str) -> None:
    """A visit whose id is not one the central store reads (as `fill-demo` once wrote), logged as any
    change is: the central store refuses the whole push that carries it."""
    from somdesk.domain.records import record_type

    with device.opened.unit_of_work(justification_required=False) as uow:
        visit = record_type("visits")
        assert visit is not None
        uow.add(
            visit,
            {"id": "demo-visit-1", "nominal_id": case, "at": datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
             "outcome": "seen", "announced": False, "officers": '["DC Shaw", "PC B"]',
             "address_checked": False,
             "concerns": "", "notes": "from fill-demo"},
        )  # fmt: skip


def test_a_kept_record_never_blocks_the_pull_of_the_record_that_holds_its_viso_r_reference(store, som, force):
    from somdesk.server import sync
    from somdesk.server.scope import SYSTEM, Scope

    taken = _held_elsewhere(store, som)
    made = _new_case(som, taken)
    som.sync()
    # The case that holds the reference is transferred to this SOM: it arrives at the next pull.
    with store.engine.begin() as conn:
        case, base = conn.execute(
            text(
                "SELECT id, version FROM records WHERE table_name = 'nominals' "
                "AND data::jsonb->>'visor_ref' = :r"
            ),
            {"r": taken},
        ).one()
        sync.push(
            conn, Scope(SYSTEM, "admin", None), str(uuid.uuid4()),
            [sync.Mutation(str(uuid.uuid4()), "nominals", case, "update", base,
                           {"officer_id": force["som1"].officer_id})],
            [], datetime.now(UTC),
        )  # fmt: skip
    som.sync()
    assert som.value("nominals", case, "visor_ref") == taken  # the central store's record arrived
    assert som.value("nominals", made, "family_name") == "Quinlan"  # and the kept one is still here
    kept = next(r for r in _session(som).sync_issues().refusals if r.record_id == made)
    assert kept.fields["visor_ref"] == taken  # with the value the user entered
    assert som.local.pending() == 0 and som.sync().pulled == 0  # nothing stuck


def test_an_import_from_a_file_named_in_a_foreign_encoding_does_not_hold_back_the_audit_log(store, som):
    # A file name with bytes that are not UTF-8 reaches Python as lone surrogates; logged as they are,
    # the entry could never reach the central store, and no entry after it either.
    made = _new_case(som, "24/555555A")
    with som.opened.unit_of_work(justification_required=False) as uow:
        uow.consult("nominals", made, "checking the import of caseload-\udcff\udcfe.csv\x00")
    som.sync()
    assert som.local.outgoing(0).audit == []
    assert server_count(store, f"id = '{made}'") == 1
    with store.engine.connect() as conn:
        logged = conn.execute(
            text("SELECT data FROM audit_entries WHERE record_id = :r ORDER BY seq DESC LIMIT 1"), {"r": made}
        ).scalar_one()
    assert "caseload-\ufffd\ufffd.csv\ufffd" in json.loads(logged)["justification"]
    with som.opened.reader() as reader:
        assert verify(reader.audit_rows())[1] is None


def test_an_audit_log_the_central_store_refuses_is_said_in_its_words_and_the_pull_still_runs(store, som):
    from somdesk.app.policy import default_policy_text
    from somdesk.server import sync
    from somdesk.server.scope import SYSTEM, Scope

    case = _one_case(som)
    # The force now asks for a justification; this laptop logged a consultation without one, after.
    store.set_policy(
        default_policy_text().replace("passphrase_only_allowed = false", "passphrase_only_allowed = true")
    )
    with som.opened.unit_of_work(justification_required=False) as uow:
        uow.consult("nominals", case, "")
    other = next(c for c in _all_cases(som) if c != case)
    with store.engine.begin() as conn:  # meanwhile a colleague's change lands on one of the SOM's cases
        base = conn.execute(text("SELECT version FROM records WHERE id = :i"), {"i": other}).scalar_one()
        sync.push(
            conn, Scope(SYSTEM, "admin", None), str(uuid.uuid4()),
            [sync.Mutation(str(uuid.uuid4()), "nominals", other, "update", base, {"town": "Lowmoor"})],
            [], datetime.now(UTC),
        )  # fmt: skip
    statuses: list[tuple[SyncState, str]] = []
    loop = SyncLoop(som.local, som.remote, lambda s: statuses.append((s.state, s.message)), lambda _r: None)
    loop.start()
    try:
        import time

        deadline = time.monotonic() + 20
        while not any(state is SyncState.ERROR for state, _ in statuses) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        loop.stop()
    message = next(m for state, m in statuses if state is SyncState.ERROR)
    assert "justification" in message and "kept here" in message
    assert "did not expect" not in message
    assert som.value("nominals", other, "town") == "Lowmoor"  # the pull ran although the push could not


def test_the_command_line_lists_corrects_and_sends_again_a_refused_new_record(
    store, server, force, tmp_path, capsys, monkeypatch
):
    from somdesk.cli.main import main
    from somdesk.store.profile import Profile
    from somdesk.sync.device import connect

    from .sync_helpers import PASSPHRASE

    folder = tmp_path / "profiles" / "work"
    opened = Profile(folder).create(PASSPHRASE, "som1", None, passphrase_only=True)
    connect(opened, server.url, "som1", DEMO_PASSWORD).close()
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    profile = ["--profile", "work", "--profiles", str(folder.parent)]
    opened.lock()
    assert main(["sync", "now", *profile]) == 0
    opened = Profile(folder).unlock(PASSPHRASE, "som1", None)
    laptop = Device(opened, LocalSync(opened), None)  # type: ignore[arg-type]
    made = _new_case(laptop, _held_elsewhere(store, laptop))
    opened.lock()
    assert main(["sync", "now", *profile]) == 0
    capsys.readouterr()
    assert main(["sync", "status", *profile]) == 0
    out = capsys.readouterr().out.splitlines()
    listed = [line for line in out if line.startswith("refused") and f"Rory Tomas {made}:" in line]
    assert len(listed) == 1 and "ViSOR reference" in listed[0], "\n".join(out)
    change = listed[0].split()[1].rstrip(":")
    assert main(["sync", "send-again", change, "--set", "visor_ref=24/777777Z", *profile]) == 0
    assert main(["sync", "now", *profile]) == 0
    assert server_count(store, f"id = '{made}' AND data::jsonb->>'visor_ref' = '24/777777Z'") == 1
