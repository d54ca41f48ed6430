"""Bounded tables and syncing only the difference (issue 25), on a real PostgreSQL over real HTTP: old push
results and departures purged after the policy's retention, a device offline longer than that resyncing
in full without losing its unsent changes, a changed scope costing only the cases that entered it, and a
new device receiving its highest-risk cases first."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from somdesk.app.policy import default_policy_text
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.server import retention, sync
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.scope import SYSTEM, Scope
from somdesk.server.tables import departures, mutations, users
from somdesk.sync.engine import sync_once

from .sync_helpers import Device, LiveServer, new_device, server_count, with_its_entry
from .test_sync import TODAY, a_case_of, edit, held_cases

pytestmark = pytest.mark.postgres
TABLES = ("nominals", "visits", "arms_assessments", "officers", "teams")


@pytest.fixture
def server(store):
    seed_demo(store, 120, 11, TODAY, soms=2)
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


def reallocate(store, case: str, officer: str | None) -> None:
    """The administrator moves a case to another officer, straight on the central store."""
    with store.engine.begin() as conn:
        base = conn.execute(text("SELECT version FROM records WHERE id = :i"), {"i": case}).scalar_one()
        sync.push(
            conn, Scope(SYSTEM, "admin", None), str(uuid.uuid4()),
            [sync.Mutation(str(uuid.uuid4()), "nominals", case, "update", base, {"officer_id": officer})],
            [], datetime.now(UTC),
        )  # fmt: skip


def officer_of(store, username: str) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(select(users.c.officer_id).where(users.c.username == username)).scalar_one())


def contents(device: Device) -> dict[str, list[tuple[object, ...]]]:
    """What a device holds of each table, row by row (the version and fields as pulled)."""
    with device.opened.engine.connect() as conn:
        return {t: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY id"))) for t in TABLES}


def test_a_device_offline_longer_than_the_retention_resyncs_in_full_and_keeps_its_unsent_changes(
    store, devices
):
    laptop = devices("som1", "laptop")
    laptop.sync()
    mine = sorted(held_cases(laptop))
    # Offline for a long time: an edit waits on the laptop; meanwhile one of its cases goes to som2.
    edit(laptop, mine[0], town="Offlinebury")
    reallocate(store, mine[1], officer_of(store, "som2"))
    later = datetime.now(UTC) + timedelta(days=91)
    with store.engine.begin() as conn:
        assert conn.execute(select(departures)).first() is not None
        purged = retention.purge(conn, later)  # the policy's 90 days have passed
        assert purged.departures >= 1 and purged.mutations >= 1  # every push so far is past it
        assert conn.execute(select(departures)).first() is None
        assert conn.execute(select(mutations)).first() is None

    report = laptop.sync()
    assert report.resynced and report.pushed == 1 and report.refused == 0
    assert laptop.local.pending() == 0
    assert server_count(store, f"id = '{mine[0]}' AND data LIKE '%Offlinebury%'") == 1
    fresh = devices("som1", "fresh")
    fresh.sync()
    assert mine[1] not in held_cases(laptop)  # the departure it never saw did not leave the case behind
    assert contents(laptop) == contents(fresh)
    assert laptop.sync().resynced is False  # once


def test_a_new_record_sent_again_after_its_stored_result_was_purged_is_taken_not_refused(store, devices):
    laptop = devices("som1")
    laptop.sync()
    with laptop.opened.unit_of_work(justification_required=False) as uow:
        visit = uow.add_visit(
            Visit(
                a_case_of(laptop), datetime(2026, 11, 20, 10), VisitOutcome.SEEN, True, ("DC A", "DC B"), True
            )
        )
    sent = laptop.local.outgoing(10).mutations
    laptop.sync()  # taken; suppose its answer never arrived, and the laptop was away for months
    with store.engine.begin() as conn:
        retention.purge(conn, datetime.now(UTC) + timedelta(days=91))
    (result,) = laptop.remote.push(sent, [])["results"]
    assert result["status"] == "applied", result
    assert server_count(store, f"id = '{visit}'") == 1
    other = devices("som1", "other")  # the same id from another device is still refused
    (refused,) = other.remote.push(sent, with_its_entry(other, "visits", visit, "collection"))["results"]
    assert refused["status"] == "rejected" and "already in use" in refused["reason"]


def test_a_rescoped_supervisor_receives_only_the_cases_that_entered_and_purges_those_that_left(
    store, devices
):
    sup = devices("sup1")
    sup.sync()
    own = held_cases(sup)
    # The administrator opens a second team and moves som2's officer into it: sup1 no longer holds them.
    officer = officer_of(store, "som2")
    with store.engine.begin() as conn:
        team = json.loads(conn.execute(text("SELECT data FROM records WHERE table_name = 'teams'")).scalar())
        base = conn.execute(text("SELECT version FROM records WHERE id = :i"), {"i": officer}).scalar_one()
        sync.push(
            conn, Scope(SYSTEM, "admin", None), str(uuid.uuid4()),
            [sync.Mutation(str(uuid.uuid4()), "teams", "team-new", "insert", 0, {**team, "id": "team-new"}),
             sync.Mutation(str(uuid.uuid4()), "officers", officer, "update", base, {"team_id": "team-new"})],
            [], datetime.now(UTC),
        )  # fmt: skip
        teams = json.loads(conn.execute(text("SELECT team_ids FROM users WHERE username = 'sup1'")).scalar())
    theirs = {c for c in own if server_count(store, f"id = '{c}' AND officer_id = '{officer}'")}
    left = sup.sync()
    assert left.rescoped and left.purged == len(theirs) and held_cases(sup) == own - theirs
    assert left.pulled == 2  # the new team and the moved officer, nothing else
    store.set_scope("sup1", team_ids=(*teams, "team-new"))  # given the new team as well
    came = sup.sync()
    ids = ", ".join(f"'{c}'" for c in theirs)
    assert came.rescoped and came.purged == 0 and held_cases(sup) == own
    assert came.pulled == server_count(store, f"nominal_id IN ({ids})")  # only what entered
    text_ = default_policy_text().replace("passphrase_only_allowed = false", "passphrase_only_allowed = true")
    store.set_policy(text_.replace("retention_days = 90", "retention_days = 60"))
    policy = sup.sync()  # a new force policy costs its text: no record comes again
    assert policy.policy_updated and policy.pulled == 0 and not policy.rescoped
    fresh = devices("sup1", "fresh")
    fresh.sync()
    assert contents(sup) == contents(fresh)


def test_a_reallocated_case_reaches_its_new_officer_alone_and_leaves_the_old_one(store, devices):
    som1, som2 = devices("som1"), devices("som2")
    som1.sync(), som2.sync()
    case = a_case_of(som2)
    reallocate(store, case, officer_of(store, "som1"))
    got = som1.sync()
    assert got.pulled == server_count(store, f"nominal_id = '{case}'") and not got.rescoped
    left = som2.sync()
    assert left.pulled == 0 and case not in held_cases(som2)


def test_a_new_device_holds_its_very_high_and_high_risk_cases_before_the_rest(store, devices):
    with store.engine.connect() as conn:
        officer = conn.execute(select(users.c.officer_id).where(users.c.username == "sup1")).scalar()
    assert officer is not None
    sup = devices("sup1")
    seen: dict[str, object] = {}

    def progress(stage: str, count: int, total: int) -> None:
        if stage == "priority" and "held" not in seen:
            seen["held"], seen["total"] = held_cases(sup), total

    sync_once(sup.local, sup.remote, progress=progress)
    everything = held_cases(sup)
    with sup.opened.engine.connect() as conn:
        high = {r[0] for r in conn.exec_driver_sql("SELECT id FROM nominals WHERE risk_level >= 3")}
    assert high and high <= seen["held"]  # type: ignore[operator]
    assert len(seen["held"]) < len(everything) == seen["total"]  # type: ignore[arg-type]
