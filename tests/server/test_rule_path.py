"""What a device cannot make the central store say or keep: who changed a record and when, whether a
record outside its scope exists, and another account's stored mutation results."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from .sync_helpers import audit_entries_for
from .test_authorisation import login, mutation, push, store, template, world  # noqa: F401 (fixtures)


def logged(device: str, user: str, change) -> list:
    """The audit entry a device logs with a change it pushes (the central store takes none without)."""
    wire = {"table": change.table, "record_id": change.record_id, "operation": change.operation}
    return audit_entries_for(device, user, [wire])[0]


pytestmark = pytest.mark.postgres


def stored(store, record_id: str) -> dict:  # noqa: F811
    with store.engine.connect() as conn:
        return json.loads(
            conn.execute(text("SELECT data FROM records WHERE id = :i"), {"i": record_id}).scalar()
        )


def test_who_changed_a_record_and_when_are_the_central_store_s_own(store, world):  # noqa: F811
    client, tokens, force = world
    case = sorted(force.expected_cases("som"))[0]
    change = mutation("nominals", case, "update", force.rows[case]["v"], postcode="ZZ9 9ZZ",
                      updated_by="sup1", updated_at="2001-01-01T00:00:00+00:00")  # fmt: skip
    result = push(client, tokens["som"], change).json()["results"][0]
    assert result["status"] == "applied", result
    data = stored(store, case)
    assert data["updated_by"] == "som1"
    assert abs(datetime.fromisoformat(data["updated_at"]) - datetime.now(UTC)) < timedelta(minutes=1)


def test_a_record_outside_the_scope_is_refused_in_the_words_for_one_that_does_not_exist(store, world):  # noqa: F811
    client, tokens, force = world
    outside = sorted(set(force.of("nominals")) - force.expected_cases("som"))[0]
    missing = str(uuid.uuid4())

    def reasons(record_id: str) -> list[str]:
        visit = {**force.rows[force.of("visits")[0]]["d"], "nominal_id": record_id}
        visit.pop("id")
        changes = [
            mutation("nominals", record_id, "update", 0, postcode="ZZ9 9ZZ"),
            mutation("nominals", record_id, "delete", 0),
            mutation("nominals", record_id, "resolve", 0, conflict_id=str(uuid.uuid4()), value="x"),
            mutation("visits", str(uuid.uuid4()), "insert", **visit),
        ]
        results = push(client, tokens["som"], *changes).json()["results"]
        assert all(r["status"] == "rejected" and r["record"] is None for r in results)
        return [r["reason"].replace(record_id, "ID") for r in results]

    assert reasons(outside) == reasons(missing)


def test_a_mutation_id_is_the_account_s_own(store, world):  # noqa: F811
    client, tokens, force = world
    som_case = sorted(force.expected_cases("som"))[0]
    mine = mutation("nominals", som_case, "update", force.rows[som_case]["v"], postcode="AB1 2CD")
    assert push(client, tokens["som"], mine).json()["results"][0]["status"] == "applied"
    # Another account replays the SOM's mutation id with a change of its own: it gets its own result.
    sup_case = sorted(force.expected_cases("supervisor") - {som_case})[0]
    theirs = {**mutation("nominals", sup_case, "update", force.rows[sup_case]["v"], postcode="EF3 4GH"),
              "id": mine["id"]}  # fmt: skip
    result = push(client, tokens["supervisor"], theirs).json()["results"][0]
    assert result["status"] == "applied" and stored(store, sup_case)["postcode"] == "EF3 4GH"
    # The SOM's own replay still returns its stored result and changes nothing twice.
    again = push(client, tokens["som"], mine).json()["results"][0]
    assert again["status"] == "applied" and stored(store, som_case)["postcode"] == "AB1 2CD"
    assert login(client, "som1").status_code == 200


def test_an_officer_still_holding_cases_is_not_deleted_and_the_refusal_says_how_many(store, world):  # noqa: F811
    client, tokens, force = world
    officer = force.som_officer
    held = len(force.of("nominals", lambda d: d["officer_id"] == officer))
    result = push(client, tokens["admin"], mutation("officers", officer, "delete", force.rows[officer]["v"]))
    reason = result.json()["results"][0]["reason"]
    assert re.search(rf"still has {held:,} cases?\b", reason), reason


def test_an_administrator_deletes_an_officer_with_no_cases_and_undoes_it_with_a_command(store, world, capsys):  # noqa: F811
    from somdesk.cli.server import main

    client, tokens, force = world
    idle = next(
        o for o in force.of("officers") if not force.of("nominals", lambda d, o=o: d["officer_id"] == o)
    )
    gone = mutation("officers", idle, "delete", force.rows[idle]["v"])
    assert push(client, tokens["admin"], gone).json()["results"][0]["status"] == "applied"
    url = store.engine.url.render_as_string(hide_password=False)
    assert main(["--database-url", url, "teams", "restore", idle]) == 0
    assert "restored" in capsys.readouterr().out
    with store.engine.connect() as conn:
        deleted, version = conn.execute(
            text("SELECT deleted, version FROM records WHERE id = :i"), {"i": idle}
        ).one()
    assert not deleted and version > force.rows[idle]["v"]
    # Nothing to restore twice, and an unknown id is refused in words.
    assert main(["--database-url", url, "teams", "restore", idle]) == 2
    assert main(["--database-url", url, "teams", "restore", str(uuid.uuid4())]) == 2
    err = capsys.readouterr().err
    assert "not deleted" in err and "no team or officer" in err


def test_a_conflict_on_a_staff_record_goes_to_the_administrator_alone(store, world):  # noqa: F811
    from somdesk.server.app import PROTOCOL
    from somdesk.store.migrate import head_revision

    from .test_authorisation import bearer, resolution, targets

    client, tokens, force = world
    change = resolution("resolve officer team", force, targets(force, "admin", "in"), store)
    conflict = change["fields"]["conflict_id"]

    def conflicts_of(role: str) -> set[str]:
        params = {"protocol": PROTOCOL, "schema_revision": head_revision(), "cursor": 0, "limit": 10**4}
        page = client.get("/v1/pull", params=params, headers=bearer(tokens[role])).json()
        while page["more"]:
            params["cursor"] = page["cursor"]
            page = client.get("/v1/pull", params=params, headers=bearer(tokens[role])).json()
        return {c["id"] for c in page["conflicts"]}

    assert conflict in conflicts_of("admin")
    assert all(conflict not in conflicts_of(role) for role in ("som", "supervisor", "panel_chair"))


def test_a_case_is_never_allocated_to_an_officer_deleted_just_before(store, world):  # noqa: F811
    """The supervisor's scope was read before the administrator's delete committed (as a push reads it,
    before it takes the change counter's lock): the central store still refuses the deleted officer."""
    from somdesk.server import sync
    from somdesk.server.scope import scope_for
    from somdesk.server.store import _account

    client, tokens, force = world
    idle = next(
        o
        for o in sorted(force.officers_of(force.team))
        if not force.of("nominals", lambda d, o=o: d["officer_id"] == o)
    )
    with store.engine.connect() as conn:
        account = _account(conn.execute(text("SELECT * FROM users WHERE username = 'sup1'")).one())
        stale = scope_for(conn, account)
    gone = mutation("officers", idle, "delete", force.rows[idle]["v"])
    assert push(client, tokens["admin"], gone).json()["results"][0]["status"] == "applied"
    case = sorted(force.expected_cases("supervisor"))[0]
    move = sync.Mutation(str(uuid.uuid4()), "nominals", case, "update", force.rows[case]["v"],
                         {"officer_id": idle})  # fmt: skip
    with store.engine.begin() as conn:
        device = str(uuid.uuid4())
        results, _ = sync.push(conn, stale, device, [move], logged(device, "sup1", move), datetime.now(UTC))
    assert results[0]["status"] == "rejected" and "no officer" in results[0]["reason"]
    assert stored(store, case)["officer_id"] != idle


def test_staff_cannot_be_flooded_an_account_adds_a_bounded_number_a_day(store, world, monkeypatch):  # noqa: F811
    from somdesk.server import staff

    monkeypatch.setattr(staff, "STAFF_ADDED_PER_DAY", 3, raising=False)
    client, tokens, force = world

    def officer() -> dict:
        return mutation("officers", str(uuid.uuid4()), "insert", name="DC New", team_id=force.team,
                        is_som=True, updated_at="2026-11-23T10:00:00+00:00", updated_by="x")  # fmt: skip

    first = push(client, tokens["admin"], *[officer() for _ in range(5)]).json()["results"]
    assert [r["status"] for r in first] == ["applied"] * 3 + ["rejected"] * 2
    assert first[-1]["reason"] == "an account adds at most 3 teams and officers a day: add the rest tomorrow"
    # The next push counts what the account already made (stamped by the central store, not the device).
    assert push(client, tokens["admin"], officer()).json()["results"][0]["status"] == "rejected"
    # A supervisor adds none at all.
    assert push(client, tokens["supervisor"], officer()).json()["results"][0]["status"] == "rejected"


def test_a_supervisor_cannot_widen_their_scope_through_their_team_s_area(store, world):  # noqa: F811
    """Straight through sync.push: the demo's team ids are not UUIDs, so no HTTP push can name a team."""
    from somdesk.server import sync
    from somdesk.server.scope import scope_for
    from somdesk.server.store import _account

    _client, _tokens, force = world
    with store.engine.connect() as conn:
        account = _account(conn.execute(text("SELECT * FROM users WHERE username = 'sup1'")).one())

    def as_supervisor(operation: str, **fields) -> dict:
        change = sync.Mutation(str(uuid.uuid4()), "teams", force.team, operation, force.rows[force.team]["v"],
                               fields)  # fmt: skip
        device = str(uuid.uuid4())
        with store.engine.begin() as conn:
            return sync.push(
                conn,
                scope_for(conn, account),
                device,
                [change],
                logged(device, "sup1", change),
                datetime.now(UTC),
            )[0][0]

    elsewhere = "Elsewhere"
    assert as_supervisor("update", area=elsewhere)["status"] == "rejected"
    assert as_supervisor("update", name="Renamed", area=elsewhere)["status"] == "rejected"
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conflicts (id, table_name, record_id, field, base_version, theirs, mine,"
                " username, device_id, created_at)"
                " VALUES (:i, 'teams', :r, 'area', 0, 'null', :m, 'sup1', :d, now())"
            ),
            {
                "i": (cid := str(uuid.uuid4())),
                "r": force.team,
                "m": json.dumps(elsewhere),
                "d": str(uuid.uuid4()),
            },
        )
    assert as_supervisor("resolve", conflict_id=cid, value=elsewhere)["status"] == "rejected"
    assert stored(store, force.team)["area"] == force.area_of(force.team)
    # What does not define a scope stays theirs.
    assert as_supervisor("update", name="Renamed team")["status"] == "applied"
    # A conflict on a team is the administrator's to settle, even on a field the supervisor may change.
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conflicts (id, table_name, record_id, field, base_version, theirs, mine,"
                " username, device_id, created_at)"
                " VALUES (:i, 'teams', :r, 'name', 0, 'null', :m, 'sup1', :d, now())"
            ),
            {
                "i": (named := str(uuid.uuid4())),
                "r": force.team,
                "m": json.dumps("B"),
                "d": str(uuid.uuid4()),
            },
        )
    settled = as_supervisor("resolve", conflict_id=named, value="B wins")
    assert settled["status"] == "rejected" and "only an administrator settles" in settled["reason"]
