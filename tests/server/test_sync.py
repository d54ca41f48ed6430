"""Sync between real encrypted devices and the central store on a real PostgreSQL, over real HTTP."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text, update

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.records import record_types
from somdesk.server import sync
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.scope import SYSTEM, Scope
from somdesk.server.tables import tokens, users
from somdesk.store.audit import Action
from somdesk.store.replica import RecordState, case_state
from somdesk.sync.client import DeviceRevoked, Refused, SignInNeeded, VersionMismatch

from .sync_helpers import Device, LiveServer, new_device, server_count

pytestmark = pytest.mark.postgres
TODAY = date(2026, 11, 23)


@pytest.fixture
def force(store):
    accounts = seed_demo(store, 300, 7, TODAY, soms=2)
    with store.engine.connect() as conn:
        rows = {r.username: r for r in conn.execute(select(users))}
        officer_team = {
            r.id: json.loads(r.data)["team_id"]
            for r in conn.execute(text("SELECT id, data FROM records WHERE table_name = 'officers'"))
        }
    som1_team = officer_team[rows["som1"].officer_id]
    supervisor = next(
        u for u, r in rows.items() if r.role == "supervisor" and som1_team in json.loads(r.team_ids)
    )
    return {"accounts": accounts, "users": rows, "supervisor": supervisor}


@pytest.fixture
def server(store):
    with LiveServer(store) as live:
        yield live


@pytest.fixture
def devices(tmp_path, server):
    made: list[Device] = []

    def make(username: str, name: str | None = None) -> Device:
        d = new_device(tmp_path / (name or f"{username}-{len(made)}"), server.url, username, DEMO_PASSWORD)
        made.append(d)
        return d

    yield make
    for d in made:
        d.close()


def logged(device: Device, nominal_id: str) -> list[Any]:
    """The device's audit log the central store lacks, with a new entry for a change to the offender
    (a change is accepted only with its own)."""
    with device.opened.unit_of_work(justification_required=False) as uow:
        uow.audit.entry(Action.ALTERATION, "nominals", nominal_id, uow.now)
    return device.local.outgoing(0).audit


def a_case_of(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())


def edit(device: Device, nominal_id: str, **changes) -> None:
    with device.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(nominal_id, changes)


def test_a_som_receives_exactly_their_own_caseload_and_nothing_else(store, force, devices):
    som = devices("som1")
    report = som.sync()
    officer = force["users"]["som1"].officer_id
    mine = server_count(store, f"table_name = 'nominals' AND officer_id = '{officer}'")
    assert mine > 0
    assert som.count("nominals") == mine
    assert som.count("nominals", f"officer_id != '{officer}'") == 0
    # history comes with the cases, and only theirs
    assert som.count("visits") == server_count(store, f"table_name = 'visits' AND officer_id = '{officer}'")
    assert som.count("visits", "nominal_id NOT IN (SELECT id FROM nominals)") == 0
    assert som.count("officers") == server_count(store, "table_name = 'officers'")
    # everything pulled was kept, of every record type (orders, breaches and the rest with their cases)
    assert report.pulled == sum(som.count(t.name) for t in record_types())
    assert som.count("civil_orders") > 0 and som.count("breaches") > 0
    # the dates the queues need are computed from the history that arrived
    assert som.count("nominals", "last_seen_visit IS NOT NULL") > 0


def test_offline_edits_merge_field_by_field_and_a_clash_becomes_a_conflict_on_both_until_resolved(
    force, devices
):
    a = devices("som1")
    b = devices(force["supervisor"])
    a.sync(), b.sync()
    case = a_case_of(a)
    assert b.value("nominals", case, "family_name") == a.value("nominals", case, "family_name")

    # offline: different fields on each side
    edit(a, case, plan_rationale="Seen weekly after the move")
    edit(b, case, town="Newbridge")
    a.sync(), b.sync(), a.sync()
    for d in (a, b):
        assert d.value("nominals", case, "plan_rationale") == "Seen weekly after the move"
        assert d.value("nominals", case, "town") == "Newbridge"
        assert d.local.conflicts() == []

    # offline: the same field, differently
    edit(b, case, mappa_actions="Panel: review the licence conditions")
    edit(a, case, mappa_actions="Panel: refer to the police lead")
    b.sync()
    report = a.sync()
    assert report.conflicts == 1
    b.sync()
    for d in (a, b):
        (conflict,) = d.local.conflicts()
        assert conflict.field == "mappa_actions" and conflict.record_id == case
        assert json.loads(conflict.theirs) == "Panel: review the licence conditions"
        assert json.loads(conflict.mine) == "Panel: refer to the police lead"
        with d.opened.engine.connect() as conn:
            assert case_state(conn, case) is RecordState.CONFLICT
    # nothing was silently overwritten: the central store kept the first value until someone decides
    assert a.value("nominals", case, "mappa_actions") == "Panel: review the licence conditions"

    (conflict,) = a.local.conflicts()
    with a.opened.unit_of_work(justification_required=False) as uow:
        uow.resolve_conflict(conflict.id, "nominals", case, "mappa_actions", "Panel: both actions agreed")
    a.sync(), b.sync()
    for d in (a, b):
        assert d.local.conflicts() == []
        assert d.value("nominals", case, "mappa_actions") == "Panel: both actions agreed"
        assert d.local.pending() == 0


def test_a_push_replayed_after_a_lost_answer_changes_nothing_twice(store, force, devices):
    a = devices("som1")
    a.sync()
    visits_before = server_count(store, "table_name = 'visits'")
    with a.opened.unit_of_work() as uow:
        visit_id = uow.add_visit(
            Visit(
                a_case_of(a), datetime(2026, 11, 20, 10, 0), VisitOutcome.SEEN, True, ("DC A", "DC B"), True
            )
        )
    out = a.local.outgoing(100)
    first = a.remote.push(out.mutations, out.audit)
    before = (server_count(store), store.latest())
    again = a.remote.push(out.mutations, out.audit)  # the answer was lost; the client sends it again
    assert again["results"] == first["results"]
    assert (server_count(store), store.latest()) == before
    a.local.acknowledge(out.mutations, again["results"], again["audit_seq"], TODAY_NOON)
    a.sync()
    assert a.local.pending() == 0
    assert server_count(store, "table_name = 'visits'") == visits_before + 1
    assert server_count(store, f"id = '{visit_id}'") == 1


TODAY_NOON = datetime(2026, 11, 23, 12, 0)
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def test_reallocating_a_case_moves_it_with_its_history_and_purges_it_from_the_old_officers_device(
    store, force, devices
):
    som1 = devices("som1")
    sup = devices(force["supervisor"])
    som1.sync(), sup.sync()
    # another SOM of the same team, given an account here
    me = force["users"]["som1"].officer_id
    with sup.opened.engine.connect() as conn:
        other = conn.exec_driver_sql(
            "SELECT o.id FROM officers o JOIN officers m ON m.team_id = o.team_id "
            "WHERE m.id = ? AND o.id != ? AND o.is_som = 1 ORDER BY o.name LIMIT 1",
            (me, me),
        ).scalar_one()
    store.add_user("dc.other", "DC Other", "som", DEMO_PASSWORD, officer_id=other)
    som2 = devices("dc.other")
    som2.sync()
    case = a_case_of(som1)
    visits = som1.count("visits", f"nominal_id = '{case}'")
    assert visits > 0 and som2.count("nominals", f"id = '{case}'") == 0

    edit(sup, case, officer_id=other)
    assert sup.sync().refused == 0
    som1.sync(), som2.sync()
    assert som1.count("nominals", f"id = '{case}'") == 0
    assert som1.count("visits", f"nominal_id = '{case}'") == 0
    assert som2.count("nominals", f"id = '{case}'") == 1
    assert som2.count("visits", f"nominal_id = '{case}'") == visits
    assert som2.value("nominals", case, "last_seen_visit") == som1_last_seen(sup, case)


def som1_last_seen(device: Device, case: str) -> object:
    return device.value("nominals", case, "last_seen_visit")


def test_a_som_cannot_reallocate_and_a_refused_change_is_undone_and_kept_for_the_user(force, devices):
    a = devices("som1")
    a.sync()
    case = a_case_of(a)
    before = a.value("nominals", case, "officer_id")
    edit(a, case, officer_id=force["users"]["som2"].officer_id)
    report = a.sync()
    assert report.refused == 1
    assert a.value("nominals", case, "officer_id") == before
    (refusal,) = a.local.rejections()
    assert refusal.record_id == case and "supervisor" in refusal.reason


def test_a_revoked_device_is_told_to_wipe(store, force, devices):
    a = devices("som1")
    a.sync()
    store.revoke_device(a.opened.device_id)
    with pytest.raises(DeviceRevoked, match="wiped"):
        a.sync()


def test_wrong_password_expired_token_and_old_version_each_get_a_clear_answer(
    store, force, devices, tmp_path, server
):
    with pytest.raises(SignInNeeded, match="wrong username or password"):
        new_device(tmp_path / "x", server.url, "som1", "not the password")
    a = devices("som1")
    a.sync()
    # the access token expires: refreshed without the user noticing
    with store.engine.begin() as conn:
        conn.execute(update(tokens).where(tokens.c.kind == "access").values(expires_at=LONG_AGO))
    spent = a.remote._access
    a.sync()
    assert a.remote._access != spent
    # the refresh token expires too: sign in again
    with store.engine.begin() as conn:
        conn.execute(update(tokens).values(expires_at=LONG_AGO))
    with pytest.raises(SignInNeeded, match="sign in again"):
        a.sync()
    b = devices("som1")
    b.remote.schema = "0002_planner"
    with pytest.raises(VersionMismatch, match="install the version your force provides"):
        b.sync()


def test_a_panel_chair_holds_level_2_and_3_cases_and_may_not_change_them(store, force, devices):
    chair = devices("chair")
    chair.sync()
    assert chair.count("nominals") == server_count(store, "table_name = 'nominals' AND mappa_level IN (2, 3)")
    assert chair.count("nominals", "mappa_level = 1") == 0
    case = a_case_of(chair)
    edit(chair, case, town="Elsewhere")
    assert chair.sync().refused == 1
    with pytest.raises(Refused):
        chair.remote.push(
            [{"id": "3f1d7a52-0000-4000-8000-000000000001", "table": "nope", "record_id": case,
              "operation": "update", "base_version": 0, "fields": {"Bad Name": 1}}], []
        )  # fmt: skip


def test_bad_scope_values_are_refused_not_stored(store, force, devices):
    sup = devices(force["supervisor"])
    sup.sync()
    case = a_case_of(sup)
    answer = sup.remote.push(
        [{"id": "3f1d7a52-0000-4000-8000-000000000002", "table": "nominals", "record_id": case,
          "operation": "update", "base_version": 0, "fields": {"mappa_level": 2**40}}],
        logged(sup, case),
    )  # fmt: skip
    (result,) = answer["results"]
    assert result["status"] == "rejected" and "mappa_level" in result["reason"]


def test_the_force_policy_set_on_the_central_store_reaches_each_device_and_a_bad_one_is_refused(
    store, force, devices, tmp_path
):
    from somdesk.app.policy import default_policy_text
    from somdesk.cli.server import main as server_main
    from somdesk.sync.device import synced_policy

    a = devices("som1")
    a.sync()
    assert synced_policy(a.opened) is None  # none set yet: the built-in policy applies
    text = default_policy_text().replace("idle_lock_minutes = 5", "idle_lock_minutes = 3")
    assert text != default_policy_text()
    good = tmp_path / "force.toml"
    good.write_text(text, encoding="utf-8")
    assert (
        server_main(["--database-url", store.engine.url.render_as_string(False), "policy", "set", str(good)])
        == 0
    )
    assert a.sync().policy_updated
    policy = synced_policy(a.opened)
    assert policy is not None and policy.security.idle_lock_minutes == 3
    assert not a.sync().policy_updated  # taken once

    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("idle_lock_minutes = 3", "idle_lock_minuts = 3"), encoding="utf-8")
    assert (
        server_main(["--database-url", store.engine.url.render_as_string(False), "policy", "set", str(bad)])
        == 2
    )
    assert store.policy()[0] == text  # the good one stays


def test_the_long_poll_answers_at_once_waits_for_a_change_and_wakes_when_one_comes(store, force, devices):
    import threading
    import time

    a, b = devices("som1"), devices("som1")
    a.sync(), b.sync()
    latest = store.latest()
    assert b.remote.wait(0, 5) == latest  # something newer than 0: at once
    started = time.perf_counter()
    assert b.remote.wait(latest, 0.5) == latest  # nothing new: the timeout
    assert time.perf_counter() - started >= 0.45

    woke: list[float] = []

    def listen() -> None:
        begun = time.perf_counter()
        b.remote.wait(latest, 20)
        woke.append(time.perf_counter() - begun)

    listener = threading.Thread(target=listen)
    listener.start()
    time.sleep(0.3)
    edit(a, a_case_of(a), town="Eastmere")
    a.sync()
    listener.join(10)
    assert woke and woke[0] < 10  # woken by the change, long before its 20 s timeout


def test_a_value_another_device_could_not_read_is_refused_with_the_field_named(force, devices):
    a = devices("som1")
    a.sync()
    case = a_case_of(a)
    bad = {
        "date_of_birth": "31/02/1980",
        "in_custody": "yes",
        "term_months": 2**40,
        "postcode": "Z" * 11,
        "family_name": None,
    }
    for n, (field, value) in enumerate(bad.items()):
        answer = a.remote.push(
            [{"id": f"3f1d7a52-0000-4000-8000-0000000001{n:02d}", "table": "nominals", "record_id": case,
              "operation": "update", "base_version": 0, "fields": {field: value}}],
            logged(a, case),
        )  # fmt: skip
        (result,) = answer["results"]
        assert result["status"] == "rejected" and result["reason"].startswith(field), (field, result)


def held_cases(device: Device) -> set[str]:
    with device.opened.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM nominals")}


def test_a_supervisor_moved_to_another_team_pulls_the_new_scope_and_keeps_nothing_of_the_old(
    store, force, devices
):
    sup = devices(force["supervisor"])
    sup.sync()
    old = held_cases(sup)
    # An administrator opens a second team and moves som2's officer into it.
    officer = force["users"]["som2"].officer_id
    with store.engine.begin() as conn:
        team = json.loads(conn.execute(text("SELECT data FROM records WHERE table_name = 'teams'")).scalar())
        base = conn.execute(text("SELECT version FROM records WHERE id = :i"), {"i": officer}).scalar_one()
        sync.push(
            conn, Scope(SYSTEM, "admin", None), str(uuid.uuid4()),
            [sync.Mutation(str(uuid.uuid4()), "teams", "team-new", "insert", 0, {**team, "id": "team-new"}),
             sync.Mutation(str(uuid.uuid4()), "officers", officer, "update", base, {"team_id": "team-new"})],
            [], datetime.now(UTC),
        )  # fmt: skip
    other = "team-new"
    store.set_scope(force["supervisor"], team_ids=(other,))
    moved = devices("som2")
    moved.sync()
    left = sorted(old - held_cases(moved))
    edit(sup, left[0], postcode="ZZ1 1ZZ")  # an unsent change to a case no longer theirs
    report = sup.sync()
    assert report.rescoped and report.refused == 1
    fresh = devices(force["supervisor"], "fresh")
    fresh.sync()
    assert held_cases(sup) == held_cases(fresh) == held_cases(moved)  # the moved officer's caseload
    assert held_cases(sup).isdisjoint(left)
    assert sup.count("visits") == fresh.count("visits")
    assert sup.sync().rescoped is False  # once is enough


def test_a_visor_reference_already_taken_is_refused_and_every_device_can_still_pull(force, devices):
    a, b = devices("som1"), devices("som2")
    a.sync(), b.sync()
    edit(a, a_case_of(a), visor_ref="SYNDUP0001")
    edit(b, a_case_of(b), visor_ref="SYNDUP0001")
    assert a.sync().refused == 0
    report = b.sync()
    assert report.refused == 1
    (refusal,) = b.local.rejections()
    assert "ViSOR reference is already used by another offender record" in refusal.reason
    assert "visor_ref" not in refusal.reason and "nominals" not in refusal.reason  # words, not names
    assert b.value("nominals", a_case_of(b), "visor_ref") != "SYNDUP0001"  # undone
    sup = devices(force["supervisor"])
    sup.sync()  # holds both cases: would fail on its UNIQUE column had the server taken both
    assert sup.count("nominals", "visor_ref = 'SYNDUP0001'") == 1
