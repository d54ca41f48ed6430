"""The audit log on the central store, attacked as a device could (issue 16): a change with no audit entry
of its own, entries naming another user or another time, a chain sent again differently (forked), a
sequence jump, consultations without the justification the force policy requires. And a real device's
ordinary use still syncs, every entry accepted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from somdesk.app.policy import default_policy_text
from somdesk.cli.server import main as server_main
from somdesk.domain.audit import GENESIS, AuditEntry
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.server.tables import users
from somdesk.store import replica
from somdesk.sync import engine

from . import test_authorisation as matrix
from .sync_helpers import LiveServer, new_device
from .test_authorisation import PROTOCOL, bearer, head_revision, login, mutation, snapshot
from .test_invariants import a_visit

# The authorisation matrix's seeded force, one copy per test.
template, store, world = matrix.template, matrix.store, matrix.world

pytestmark = pytest.mark.postgres


def version(store: ServerStore, record_id: str) -> int:
    """The record's stored version: a change made after the last pull is based on it."""
    with store.engine.connect() as conn:
        found = conn.execute(text("SELECT version FROM records WHERE id = :i"), {"i": record_id}).scalar()
    return int(found or 0)


class Chain:
    """A device's audit log as a hostile device could write it: each entry hashed and linked."""

    def __init__(self, device: str, user: str = "som1") -> None:
        self.device, self.user, self.seq, self.prev = device, user, 0, GENESIS

    def entry(self, table: str, record_id: str, action: str = "alteration", **given: Any) -> dict[str, Any]:
        at = given.pop("at", datetime.now(UTC))
        values = {"user": self.user, "justification": "", "recipient": "", "detail": ""} | given
        row = AuditEntry(
            str(uuid.uuid4()), at, self.device, values["user"], action, table, record_id,
            values["justification"], values["recipient"], values["detail"], self.prev,
        ).row()  # fmt: skip
        self.seq += 1
        self.prev = row["hash"]
        return {**row, "at": at.isoformat(), "seq": self.seq}


def send(client, token: str, mutations: list[dict[str, Any]], entries: list[dict[str, Any]]):
    return client.post(
        "/v1/push",
        json={"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": mutations,
              "audit": entries},
        headers=bearer(token),
    )  # fmt: skip


def som1(client) -> tuple[str, str, Chain]:
    device = str(uuid.uuid4())
    return device, login(client, "som1", device).json()["access_token"], Chain(device)


def stored(store: ServerStore, device: str) -> list[Any]:
    with store.engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT seq, username, mutation_id, flags FROM audit_entries"
                    " WHERE device_id = :d ORDER BY seq"
                ),
                {"d": device},
            )
        )


def verify_output(store: ServerStore, capsys) -> tuple[int, str]:
    code = server_main(
        ["--database-url", store.engine.url.render_as_string(hide_password=False), "audit", "verify"]
    )
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_change_is_accepted_only_with_an_audit_entry_of_its_own(store, world):
    client, _tokens, force = world
    device, token, chain = som1(client)
    case, other = sorted(force.expected_cases("som"))[:2]
    before = snapshot(store)

    # No entry at all; an entry naming another record: both refused, nothing changed.
    answer = send(
        client, token, [mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZZ")], []
    )
    assert answer.json()["results"][0]["status"] == "rejected"
    assert "audit entry" in answer.json()["results"][0]["reason"]
    answer = send(
        client,
        token,
        [mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZZ")],
        [chain.entry("nominals", other)],
    )
    assert answer.json()["results"][0]["status"] == "rejected"
    # The same for a delete (sibling operations go through the same check).
    answer = send(client, token, [mutation("nominals", case, "delete")], [])
    assert answer.json()["results"][0]["status"] == "rejected"
    assert snapshot(store) == before

    # One entry covers one change, not two.
    twice = [
        mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZZ"),
        mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZY"),
    ]
    answer = send(client, token, twice, [chain.entry("nominals", case)])
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "rejected"]

    # A device sends its log ahead of its outbox: an entry sent earlier covers a later change, once.
    assert send(client, token, [], [chain.entry("nominals", case)]).status_code == 200
    later = mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZX")
    assert send(client, token, [later], []).json()["results"][0]["status"] == "applied"
    again = mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZW")
    assert send(client, token, [again], []).json()["results"][0]["status"] == "rejected"
    # The replayed mutation returns its stored result without needing a new entry.
    assert send(client, token, [later], []).json()["results"][0]["status"] == "applied"
    used = {r.mutation_id for r in stored(store, device)} - {None}
    assert used == {twice[0]["id"], later["id"]}

    # A case's new row is covered by its own entry, or by its offender's collection (an import logs one
    # entry per offender), never by an entry of another kind about the offender.
    # (A person at liberty: a visit that saw someone the registration holds in custody is refused.)
    free = next(c for c in sorted(force.expected_cases("som")) if not force.rows[c]["d"].get("in_custody"))
    visit = a_visit(force, free)
    answer = send(client, token, [visit], [chain.entry("nominals", free, "consultation", justification="x")])
    assert answer.json()["results"][0]["status"] == "rejected"
    visit = visit | {"id": str(uuid.uuid4())}  # (the same mutation would get its stored answer)
    answer = send(client, token, [visit], [chain.entry("nominals", free, "collection")])
    assert answer.json()["results"][0]["status"] == "applied", answer.json()["results"][0]


def test_entries_are_stamped_with_the_account_and_doubtful_ones_listed_by_audit_verify(store, world, capsys):
    client, _tokens, force = world
    device, token, chain = som1(client)
    case = sorted(force.expected_cases("som"))[0]
    now = datetime.now(UTC)
    entries = [
        chain.entry("nominals", case, "consultation", justification="visit planning"),  # as it should be
        chain.entry("nominals", case, "consultation", justification="x", user="som2"),  # claims another user
        chain.entry("nominals", case, "consultation", justification="x", at=now + timedelta(days=2)),  # ahead
    ]
    assert send(client, token, [], entries).status_code == 200
    # A later push holding an entry older than those already sent: backdated.
    late = chain.entry("nominals", case, "consultation", justification="x", at=now - timedelta(hours=3))
    assert send(client, token, [], [late]).status_code == 200
    rows = stored(store, device)
    assert {r.username for r in rows} == {"som1"}  # the account, whatever the entry claims
    assert [bool(r.flags) for r in rows] == [False, True, True, True]
    code, out = verify_output(store, capsys)
    assert code == 1
    lines = out.splitlines()
    for seq, words in (
        (2, "names a user other than"),
        (3, "ahead of when it arrived"),
        (4, "before entries"),
    ):
        assert any(f"device {device}: entry {seq} (account som1)" in line and words in line for line in lines)
    assert "visit planning" not in out and "som2" not in out  # never what an entry says


def test_an_entry_naming_the_account_by_the_name_it_shows_is_not_flagged(store, world):
    """The window logs its user by the account's name (DC …), the command line by the username: both are
    the account; only another name is doubtful."""
    client, _tokens, force = world
    device, token, chain = som1(client)
    case = sorted(force.expected_cases("som"))[0]
    with store.engine.connect() as conn:
        shown = conn.execute(select(users.c.display_name).where(users.c.username == "som1")).scalar_one()
    entries = [
        chain.entry("nominals", case, "consultation", justification="x", user=shown),
        chain.entry("nominals", case, "consultation", justification="x", user="som1"),
        chain.entry("nominals", case, "consultation", justification="x", user="DC Someone Else"),
    ]
    assert send(client, token, [], entries).status_code == 200
    assert [bool(r.flags) for r in stored(store, device)] == [False, False, True]


def test_an_entry_sent_again_differently_is_a_fork_refused_and_listed(store, world, capsys):
    client, _tokens, force = world
    device, token, chain = som1(client)
    case = sorted(force.expected_cases("som"))[0]
    first = chain.entry("nominals", case, "consultation", justification="x")
    assert send(client, token, [], [first]).status_code == 200
    assert send(client, token, [], [first]).status_code == 200  # the same entry again: a lost answer
    other = Chain(device)
    forked = other.entry("nominals", case, "consultation", justification="y")
    before = snapshot(store)
    answer = send(
        client,
        token,
        [mutation("nominals", case, "update", version(store, case), postcode="ZZ9 9ZZ")],
        [forked, other.entry("nominals", case)],
    )
    assert answer.status_code == 409
    assert "forked" in answer.json()["detail"] and "Error" not in answer.json()["detail"]
    assert snapshot(store) == before and len(stored(store, device)) == 1
    code, out = verify_output(store, capsys)
    assert code == 1 and f"device {device}: entry 1 was sent again different" in out
    # Sent again and again, the fork is kept once (a device cannot flood the table).
    for _ in range(3):
        assert send(client, token, [], [forked]).status_code == 409
    assert verify_output(store, capsys)[1].count("was sent again different") == 1


def test_a_sequence_jump_is_refused_and_the_entries_between_still_arrive(store, world):
    client, _tokens, force = world
    device, token, chain = som1(client)
    case = sorted(force.expected_cases("som"))[0]
    one, two, three = (chain.entry("nominals", case, "consultation", justification="x") for _ in range(3))
    assert send(client, token, [], [one]).status_code == 200
    answer = send(client, token, [], [three])  # two left out: before, three was stored and two dropped
    assert answer.status_code == 409 and "missing" in answer.json()["detail"]
    assert len(stored(store, device)) == 1
    answer = send(client, token, [], [two, three])
    assert answer.status_code == 200 and answer.json()["audit_seq"] == 3
    # A jump past 2^31 from a new device is refused at the edge, naming the field (never reaches the column).
    _, token2, chain2 = som1(client)
    far = chain2.entry("nominals", case, "consultation", justification="x") | {"seq": 2**40}
    assert send(client, token2, [], [far]).status_code == 422


def policy_requiring_justification(store: ServerStore) -> None:
    """The built-in policy (justification required), letting the tests' passphrase-only devices in."""
    policy = default_policy_text()
    assert "justification_required = true" in policy
    store.set_policy(policy.replace("passphrase_only_allowed = false", "passphrase_only_allowed = true"))


def test_consultations_and_disclosures_need_a_justification_when_the_force_policy_asks(store, world):
    client, _tokens, force = world
    case = sorted(force.expected_cases("som"))[0]
    device, token, chain = som1(client)
    assert (
        send(
            client, token, [], [chain.entry("nominals", case, "consultation", justification="x")]
        ).status_code
        == 200
    )
    policy_requiring_justification(store)
    for action, extra in (("consultation", {}), ("disclosure", {"recipient": "MAPPA panel"})):
        for blank in ("", "   "):
            attempt = Chain(device)
            attempt.seq, attempt.prev = chain.seq, chain.prev
            answer = send(
                client, token, [], [attempt.entry("nominals", case, action, justification=blank, **extra)]
            )
            assert answer.status_code == 409 and "justification" in answer.json()["detail"]
    assert (
        send(
            client,
            token,
            [],
            [chain.entry("nominals", case, "disclosure", justification="court", recipient="court")],
        ).status_code
        == 200
    )
    # An entry logged before the policy asked (under the device's own policy): kept, and flagged.
    old = chain.entry("nominals", case, "consultation", at=datetime.now(UTC) - timedelta(minutes=5))
    assert send(client, token, [], [old]).status_code == 200
    assert "no justification" in stored(store, device)[-1].flags
    # A new device's backdated entry is the same: kept, and flagged (also as backdated, once it has a past).
    _, token2, chain2 = som1(client)
    backdated = chain2.entry("nominals", case, "consultation", at=datetime(2020, 1, 1, tzinfo=UTC))
    assert send(client, token2, [], [backdated]).status_code == 200
    assert sum("no justification" in f for f in (r.flags for r in stored(store, chain2.device))) == 1


def test_a_real_devices_ordinary_use_is_pushed_and_accepted_with_its_audit_log(
    tmp_path, pg_url, capsys, monkeypatch
):
    # Audit entries go 3 to a push here (2000 in use): a log longer than that is sent ahead of the
    # changes, which the central store accepts only with their entries.
    monkeypatch.setattr(replica, "AUDIT_BATCH", 3)
    monkeypatch.setattr(engine, "AUDIT_BATCH", 3)
    s = ServerStore(pg_url)
    s.migrate()
    seed_demo(s, 60, 3, datetime(2026, 11, 23).date(), soms=1)
    policy_requiring_justification(s)
    try:
        with LiveServer(s) as live:
            device = new_device(tmp_path / "som1", live.url, "som1", DEMO_PASSWORD)
            try:
                device.sync()
                with device.opened.engine.connect() as conn:
                    case = str(
                        conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one()
                    )
                for _ in range(7):
                    with device.opened.unit_of_work(justification_required=True) as uow:
                        uow.consult("nominals", case, "planning the visit")  # open = consultation
                with device.opened.unit_of_work(justification_required=True) as uow:
                    uow.add_visit(
                        Visit(
                            case,
                            datetime(2026, 11, 20, 10, 0),
                            VisitOutcome.SEEN,
                            True,
                            ("DC A", "DC B"),
                            True,
                        )
                    )
                with device.opened.unit_of_work(justification_required=True) as uow:
                    uow.update_nominal(case, {"postcode": "ZZ9 9ZZ"})
                with device.opened.unit_of_work(justification_required=True) as uow:
                    uow.disclose(
                        "nominals", case, "MAPPA panel", "panel meeting", detail="record: x.pdf"
                    )  # print
                report = device.sync()
                assert report.refused == 0 and device.local.pending() == 0
                assert report.pushed == 2
                with device.opened.engine.connect() as conn:
                    logged = int(conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one())
                assert len(stored(s, device.opened.device_id)) == logged
                assert all(not r.flags for r in stored(s, device.opened.device_id))
                assert sum(r.mutation_id is not None for r in stored(s, device.opened.device_id)) == 2
            finally:
                device.close()
        code, out = verify_output(s, capsys)
        assert code == 0 and "intact" in out
    finally:
        s.engine.dispose()
