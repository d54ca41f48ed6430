"""The authorisation matrix: every API operation, for every role, in scope and out of scope, allowed or
refused as DESIGN.md §5 says; a refused change leaves the central store exactly as it was.

The expectations are written out here from the rules, not computed with the server's own scope code.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.contacts import Contact, ContactKind, contact_values
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
from somdesk.domain.device_checks import CheckResult, DeviceCheck, check_values
from somdesk.domain.devices import Device, DeviceType, device_values
from somdesk.domain.licences import ConditionKind, Licence, LicenceCondition, Monitoring
from somdesk.domain.model import ForeignTrip, RiskLevel
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.pre_visit import PreVisitCheck, pre_visit_values
from somdesk.domain.rosh import RoshAssessment, RoshSource
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.store import mapping
from somdesk.store.migrate import head_revision
from tests.conftest import TODAY

from .sync_helpers import audited, scratch_database

pytestmark = pytest.mark.postgres
ROLES = ("som", "supervisor", "panel_chair", "admin")
USERS = {"som": "som1", "supervisor": "sup1", "panel_chair": "chair", "admin": "admin"}


@dataclass
class Force:
    """The seeded force as plain data read straight from the records table."""

    rows: dict[str, dict[str, Any]]  # id -> {"t": table, "d": data, "v": version}
    som_officer: str
    team: str  # sup1's team
    other_team: str

    def of(self, table: str, where: Callable[[dict[str, Any]], bool] = lambda d: True) -> list[str]:
        return sorted(i for i, r in self.rows.items() if r["t"] == table and where(r["d"]))

    def officers_of(self, team: str) -> set[str]:
        return set(self.of("officers", lambda d: d["team_id"] == team))

    def area_of(self, team: str) -> str:
        return self.rows[team]["d"]["area"]

    def expected_cases(self, role: str) -> set[str]:
        """Who holds which case, from the rules in DESIGN.md §5."""
        mine = {
            "som": lambda d: d["officer_id"] == self.som_officer,
            "supervisor": lambda d: (
                d["officer_id"] in self.officers_of(self.team)
                if d["officer_id"]
                else d["area"] == self.area_of(self.team)
            ),
            "panel_chair": lambda d: d["mappa_level"] in (2, 3),
            "admin": lambda d: False,
        }[role]
        return set(self.of("nominals", mine))


def read_force(store) -> Force:
    with store.engine.connect() as conn:
        rows = {
            r.id: {"t": r.table_name, "d": json.loads(r.data), "v": r.version}
            for r in conn.execute(text("SELECT id, table_name, data, version FROM records WHERE NOT deleted"))
        }
        som_officer = conn.execute(text("SELECT officer_id FROM users WHERE username = 'som1'")).scalar_one()
        team = json.loads(
            conn.execute(text("SELECT team_ids FROM users WHERE username = 'sup1'")).scalar_one()
        )[0]
    teams = sorted(i for i, r in rows.items() if r["t"] == "teams")
    return Force(rows, som_officer, team, next(t for t in teams if t != team))


@pytest.fixture(scope="module")
def template() -> Iterator[str]:
    """A force of two teams seeded once; each test gets its own copy (CREATE DATABASE ... TEMPLATE)."""
    with scratch_database(os.environ["SOMDESK_TEST_PG_URL"], "tpl") as url:
        seeded = ServerStore(url)
        seeded.migrate()
        seed_demo(seeded, 1000, 11, TODAY, soms=1)
        seeded.engine.dispose()
        yield url


@pytest.fixture
def store(template) -> Iterator[ServerStore]:
    with scratch_database(os.environ["SOMDESK_TEST_PG_URL"], template=template) as url:
        copy = ServerStore(url)
        yield copy
        copy.engine.dispose()


_FORCES: dict[str, Force] = {}  # each template's force, read once: every copy starts the same


@pytest.fixture
def world(template, store):
    client = TestClient(create_app(store))
    tokens = {role: login(client, USERS[role]).json()["access_token"] for role in ROLES}
    if template not in _FORCES:
        _FORCES[template] = read_force(store)
    return client, tokens, _FORCES[template]


def login(client: TestClient, username: str, device: str | None = None, password: str = DEMO_PASSWORD):
    return client.post(
        "/v1/login",
        json={"username": username, "password": password, "device_id": device or str(uuid.uuid4()),
              "device_name": "matrix", "protocol": PROTOCOL},
    )  # fmt: skip


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def push(client: TestClient, token: str, *mutations: dict[str, Any]):
    """As a device sends it: each change with its audit entry."""
    entries, accepted = audited(client, token, list(mutations))
    answer = client.post(
        "/v1/push",
        json={"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": list(mutations),
              "audit": entries},
        headers=bearer(token),
    )  # fmt: skip
    if answer.status_code == 200:
        accepted()
    return answer


def mutation(table: str, record_id: str, operation: str, base: int = 0, **fields: Any) -> dict[str, Any]:
    """A change based on version `base` (the stored version, for a change made after the last pull)."""
    return {"id": str(uuid.uuid4()), "table": table, "record_id": record_id, "operation": operation,
            "base_version": base, "fields": fields}  # fmt: skip


def pulled(client: TestClient, token: str) -> dict[str, set[str]]:
    held: dict[str, set[str]] = {}
    cursor, more = 0, True
    while more:
        answer = client.get(
            "/v1/pull",
            params={"protocol": PROTOCOL, "schema_revision": head_revision(), "cursor": cursor},
            headers=bearer(token),
        )
        assert answer.status_code == 200
        page = answer.json()
        for r in page["records"]:
            held.setdefault(r["t"], set()).add(r["id"])
        cursor, more = page["cursor"], page["more"]
    return held


def snapshot(store) -> str:
    """Every record's id, version, data and deletion, as one digest worked out by PostgreSQL (reading
    the 1,000-RSO force into Python twice a test was most of the matrix's time)."""
    with store.engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT md5(string_agg(id || ' ' || version || ' ' || deleted || ' ' || data, E'\\n' "
                    "ORDER BY id)) FROM records"
                )
            ).scalar_one()
        )


# -- reading


@pytest.mark.parametrize("role", ROLES)
def test_each_role_pulls_exactly_its_scope_with_its_history(world, role):
    client, tokens, force = world
    held = pulled(client, tokens[role])
    cases = force.expected_cases(role)
    assert held.get("nominals", set()) == cases
    children = {i for i, r in force.rows.items() if r["t"] == "visits" and r["d"]["nominal_id"] in cases}
    assert held.get("visits", set()) == children
    # Staff tables are everyone's: names of officers and teams, nothing about offenders.
    assert held["officers"] == set(force.of("officers")) and held["teams"] == set(force.of("teams"))
    if role != "admin":
        assert cases, "the seeded force gives every case-holding role something to hold"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_s_manifest_and_cases_hold_exactly_what_its_pull_does_whatever_ids_it_asks_for(world, role):
    client, tokens, force = world
    versions = {"protocol": PROTOCOL, "schema_revision": head_revision()}
    found = client.get("/v1/pull/manifest", params=versions, headers=bearer(tokens[role])).json()
    assert set(found["cases"]) == force.expected_cases(role)
    theirs = sorted(force.expected_cases(role))
    others = [c for c in force.of("nominals") if c not in found["cases"]]
    meetings = force.of("meetings")
    asked = {**versions, "ids": [*theirs, *meetings, *others][:1000], "loose": True}  # theirs or not
    assert len(theirs) + len(meetings) < 1000
    page = client.post("/v1/pull/cases", json=asked, headers=bearer(tokens[role])).json()
    held: dict[str, set[str]] = {}
    for r in page["records"]:
        held.setdefault(r["t"], set()).add(r["id"])
    assert held == pulled(client, tokens[role])


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("get", "/v1/pull/manifest", {"protocol": PROTOCOL, "schema_revision": "x"}),
        ("get", "/v1/me", {}),
        ("get", "/v1/policy", {}),
        ("get", "/v1/wait", {"timeout": 0}),
        ("get", "/v1/pull", {"protocol": PROTOCOL, "schema_revision": "x"}),
        ("post", "/v1/push", None),
    ],
)
def test_every_signed_in_operation_refuses_no_token_a_bad_token_and_a_revoked_device(
    store, world, method, path, params
):
    client, _tokens, _force = world
    device = str(uuid.uuid4())
    tokens = login(client, "som1", device).json()
    token = tokens["access_token"]
    body = {"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": []}

    def call(headers: dict[str, str]):
        if method == "get":
            return client.get(path, params=params, headers=headers)
        return client.post(path, json=body, headers=headers)

    assert call({}).status_code == 401
    assert call(bearer("not-a-token")).status_code == 401
    assert call({"Authorization": token}).status_code == 401  # not a bearer token
    assert call(bearer(token)).status_code in (200, 404, 426)  # 404: no policy set; 426: old schema
    store.revoke_device(device)
    assert call(bearer(token)).status_code == 401  # revoking ends its tokens at once
    again = {"refresh_token": tokens["refresh_token"], "device_id": device}
    assert client.post("/v1/refresh", json=again).status_code == 410  # and the device is told to wipe


def test_open_operations_and_sign_in_refusals(store, world):
    client, _tokens, _force = world
    assert client.get("/v1/version").status_code == 200
    for role in ROLES:
        assert login(client, USERS[role], password="wrong password").status_code == 401
    assert login(client, "nobody").status_code == 401
    device = str(uuid.uuid4())
    refresh = login(client, "sup1", device).json()["refresh_token"]
    # A refresh token works once, and only for the device it was given to.
    assert (
        client.post(
            "/v1/refresh", json={"refresh_token": refresh, "device_id": str(uuid.uuid4())}
        ).status_code
        == 401
    )
    assert client.post("/v1/refresh", json={"refresh_token": refresh, "device_id": device}).status_code == 200
    assert client.post("/v1/refresh", json={"refresh_token": refresh, "device_id": device}).status_code == 401
    # A device signed in by one user is not another user's to sign in with.
    assert login(client, "som1", device).status_code == 403


# -- changing

ALLOWED = {
    # operation, target: roles allowed; every other role is refused
    ("update case", "in"): {"som", "supervisor"},
    ("update case", "out"): set(),
    ("add visit", "in"): {"som", "supervisor"},
    ("add visit", "out"): set(),
    # Visits are append-only (DESIGN.md §3) and erasing a case is the administrator's on the central
    # store, never a device's: nobody deletes a case or its history by sync.
    ("delete visit", "in"): set(),
    ("delete visit", "out"): set(),
    ("delete case", "in"): set(),
    ("delete case", "out"): set(),
    ("reallocate", "in"): {"supervisor"},
    ("reallocate", "out"): set(),
    ("new case", "in"): {"som", "supervisor"},
    ("new case", "out"): set(),
    ("update officer", "in"): {"supervisor", "admin"},
    ("update officer", "out"): {"admin"},
    ("move officer", "in"): {"admin"},
    ("add team", "in"): {"admin"},
    # What defines a scope (a team's area, an officer's team or role) and adding or removing staff are
    # the administrator's: a supervisor who could change them could widen their own scope. (The demo's
    # team ids are not UUIDs, so no push names a team here: staff.py holds teams to the same rule.)
    ("officer role", "in"): {"admin"},
    ("add officer", "in"): {"admin"},
    # An officer still holding cases is never deleted (nobody would hold them), not even by the admin.
    ("delete officer with cases", "in"): set(),
    # An unallocated case moved to another area leaves the mover's scope: refused as an insert there is.
    ("area move", "in"): set(),
    # A change based on a version the central store never gave out would turn conflict detection off.
    ("update case ahead", "in"): set(),
    # A conflict's resolution is the update it makes, held to the same rules.
    ("resolve case field", "in"): {"som", "supervisor"},
    ("resolve case field", "out"): set(),
    ("resolve to an officer of another team", "in"): set(),
    ("resolve to no officer", "in"): set(),
    ("resolve to MAPPA level 9", "in"): set(),
    ("resolve officer team", "in"): {"admin"},
    # MAPPA meetings (issue 20): the panel's decisions and actions are the chair's alone, on cases they
    # hold; a case's next review (a panel field) is the chair's too, and still its SOM's and supervisor's.
    # (The demo's chair sits for every area: another area's chair is refused in test_meetings_sync.py.)
    ("record panel decision", "in"): {"panel_chair"},
    ("record panel decision", "out"): set(),
    ("add panel action", "in"): {"panel_chair"},
    ("add panel action", "out"): set(),
    ("add meeting", "in"): {"panel_chair"},
    ("set next panel review", "in"): {"som", "supervisor", "panel_chair"},
    ("set next panel review", "out"): set(),
}


# Every record type held with an offender that a SOM records on the record's tabs: the matrix holds
# each one to the rules of a visit (their case's officer and supervisor only; nobody else, and nobody
# outside the scope). Each sample is what a form would write, built from the domain's own objects.
_MADE = date(2025, 3, 1)
_RECENT = date(2026, 11, 20)  # after any demo case's relevant date
_AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
CASE_RECORD_SAMPLES: dict[str, dict[str, Any]] = {
    "foreign_trips": mapping.trip_row(
        "n",
        "i",
        ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 20), "", date(2026, 12, 27)),
        _AT,
        "x",
    ),
    "civil_orders": mapping.order_row(
        "n", "i", CivilOrder(OrderKind.SHPO, "Northmere Crown Court", _MADE, None, True), _AT, "x"
    ),
    "licences": mapping.licence_row(
        "n",
        "i",
        Licence(
            _MADE,
            date(2027, 3, 1),
            "PO Synth",
            "",
            Monitoring.NONE,
            "",
            (LicenceCondition(ConditionKind.STANDARD, "Be well behaved"),),
        ),
        _AT,
        "x",
    ),
    "breaches": mapping.breach_values(
        Breach(BreachKind.NOTIFICATION, _RECENT, "DC Synth", BreachAction.WARNING)
    ),
    "whereabouts": mapping.whereabouts_values(Whereabouts(WhereaboutsStatus.MISSING, _RECENT, "SYN/1")),
    "rosh_assessments": mapping.rosh_values(RoshAssessment(_MADE, RoshSource.OASYS, *[RiskLevel.LOW] * 5)),
    "notified_details": mapping.detail_values(
        NotifiedDetail(DetailKind.VEHICLE, "Blue van", _MADE, "SY12 ABC")
    ),
    "names": mapping.name_values(RecordedName("Jon SYNTH", NameKind.ALIAS, "PNC")),
    "contacts": contact_values(Contact(ContactKind.EMAIL, _MADE, identity="synth@example.invalid")),
    "devices": device_values(Device(DeviceType.TABLET, "Synth Tab 8", _MADE, identifier="SYN-TAB-0001")),
    "device_checks": check_values(
        DeviceCheck(str(uuid.uuid4()), _MADE, CheckResult.NOT_EXAMINED, findings="Phone not at the address")
    ),
    "pre_visit_checks": pre_visit_values(PreVisitCheck(datetime(2025, 3, 1, 9, 0), "DC Synth", ("PNC",))),
}
for _record in CASE_RECORD_SAMPLES:
    ALLOWED[(f"add {_record}", "in")] = {"som", "supervisor"}
    ALLOWED[(f"add {_record}", "out")] = set()


def case_record(table: str, case: str) -> dict[str, Any]:
    """A new record of `table` for `case`, as a device sends it (dates as ISO text)."""
    fields = {k: v for k, v in CASE_RECORD_SAMPLES[table].items() if k not in ("id", "version", "deleted")}
    fields = json.loads(json.dumps({**fields, "nominal_id": case}, default=str))
    fields.setdefault("updated_at", "2026-11-23T10:00:00+00:00")
    fields.setdefault("updated_by", "x")
    return mutation(table, str(uuid.uuid4()), "insert", **fields)


def targets(force: Force, role: str, where: str) -> dict[str, Any]:
    """A case (and one of its visits) that the role holds ("in") or does not ("out"); admin holds none,
    so its "in" is the SOM's case. Officers: of the supervisor's team ("in") or another ("out")."""
    held = force.expected_cases(role) or force.expected_cases("som")
    everyone = set(force.of("nominals"))
    pool = sorted(
        held if where == "in" else everyone - force.expected_cases(role) - force.expected_cases("som")
    )
    with_visits = [c for c in pool if force.of("visits", lambda d, c=c: d["nominal_id"] == c)]
    case = with_visits[0]
    visit = force.of("visits", lambda d: d["nominal_id"] == case)[0]
    team = force.team if where == "in" else force.other_team
    officer = sorted(force.officers_of(team))[0]
    # Reallocation stays inside the supervisor's teams ("in") or leaves them ("out").
    into = sorted(
        force.officers_of(force.team) - {force.rows[case]["d"]["officer_id"]}
        if where == "in"
        else force.officers_of(force.other_team)
    )[0]
    # A new case for an officer whose cases the role holds ("in"), or for one it does not ("out").
    outsider = sorted(force.officers_of(force.other_team) - {force.som_officer})[0]
    owner = sorted(force.officers_of(force.team))[0] if role == "supervisor" else force.som_officer
    return {"case": case, "visit": visit, "officer": officer, "into": into,
            "new_owner": owner if where == "in" else outsider}  # fmt: skip


def operation(name: str, force: Force, t: dict[str, Any], store: ServerStore) -> dict[str, Any]:
    if name.startswith("resolve"):
        return resolution(name, force, t, store)
    if name == "officer role":
        return mutation("officers", t["officer"], "update", force.rows[t["officer"]]["v"], is_som=False)
    if name == "add officer":
        return mutation("officers", str(uuid.uuid4()), "insert", name="DC New", team_id=force.team,
                        is_som=True, updated_at="2026-11-23T10:00:00+00:00", updated_by="x")  # fmt: skip
    if name == "delete officer with cases":
        return mutation("officers", force.som_officer, "delete", force.rows[force.som_officer]["v"])
    if name == "area move":
        case = unallocated(force, store)
        return mutation(
            "nominals", case, "update", force.rows[case]["v"], area=force.area_of(force.other_team)
        )
    if name == "update case ahead":
        return mutation("nominals", t["case"], "update", 2**62, postcode="ZZ9 9ZZ")
    if name == "update case":
        return mutation("nominals", t["case"], "update", force.rows[t["case"]]["v"], postcode="ZZ9 9ZZ")
    if name == "add visit":
        data = {**force.rows[t["visit"]]["d"], "id": None}
        data.pop("id")
        return mutation("visits", str(uuid.uuid4()), "insert", **data)
    if name.startswith("add ") and name[4:] in CASE_RECORD_SAMPLES:
        return case_record(name[4:], t["case"])
    if name in PANEL_OPERATIONS:
        return PANEL_OPERATIONS[name](force, t["case"])
    if name == "delete visit":
        return mutation("visits", t["visit"], "delete", force.rows[t["visit"]]["v"])
    if name == "delete case":
        return mutation("nominals", t["case"], "delete", force.rows[t["case"]]["v"])
    if name == "reallocate":
        return mutation("nominals", t["case"], "update", force.rows[t["case"]]["v"], officer_id=t["into"])
    if name == "new case":
        new_id = str(uuid.uuid4())
        data = {
            **force.rows[t["case"]]["d"],
            "officer_id": t["new_owner"],
            "visor_ref": f"SYNNEW{new_id[:8]}",
        }
        return mutation("nominals", new_id, "insert", **{k: v for k, v in data.items() if k != "id"})
    if name == "update officer":
        return mutation("officers", t["officer"], "update", force.rows[t["officer"]]["v"], name="DC Renamed")
    if name == "move officer":
        moved = sorted(force.officers_of(force.other_team))[0]
        return mutation("officers", moved, "update", force.rows[moved]["v"], team_id=force.team)
    if name == "add team":
        team = {**force.rows[force.team]["d"], "name": "New team"}
        return mutation("teams", str(uuid.uuid4()), "insert", **{k: v for k, v in team.items() if k != "id"})
    raise AssertionError(name)


_STAMP = {"updated_at": "2026-11-23T10:00:00+00:00", "updated_by": "x"}


def _decision(force: Force, case: str) -> dict[str, Any]:
    """The panel's decision to keep the case at its level, as a chair's device sends it."""
    level = force.rows[case]["d"]["mappa_level"]
    return mutation("panel_decisions", str(uuid.uuid4()), "insert", nominal_id=case,
                    meeting_id=str(uuid.uuid4()), held_on="2026-11-16", level=level,
                    rationale="Risk unchanged", supervision="", monitoring="",
                    interventions="", victim_safety="", next_review="2027-03-08" if level > 1 else None,
                    **_STAMP)  # fmt: skip


def _action(force: Force, case: str) -> dict[str, Any]:
    return mutation("panel_actions", str(uuid.uuid4()), "insert", nominal_id=case,
                    meeting_id=str(uuid.uuid4()), what="Joint visit", agency="Police", owner="DC Synth",
                    due_on="2026-12-01", status="open",
                    **_STAMP)  # fmt: skip


def _meeting(force: Force, case: str) -> dict[str, Any]:
    area = force.rows[case]["d"]["area"] or force.area_of(force.team)
    return mutation("meetings", str(uuid.uuid4()), "insert", area=area, mappa_level=2, held_on="2026-11-16",
                    venue="Northmere police station", chair="DI Synth", invited="[]", attending="[]",
                    cases=json.dumps([case]), **_STAMP)  # fmt: skip


PANEL_OPERATIONS: dict[str, Callable[[Force, str], dict[str, Any]]] = {
    "record panel decision": _decision,
    "add panel action": _action,
    "add meeting": _meeting,
    "set next panel review": lambda force, case: mutation(
        "nominals", case, "update", force.rows[case]["v"], mappa_next_review="2027-03-08"
    ),
}


def unallocated(force: Force, store: ServerStore) -> str:
    """A case of the supervisor's team made unallocated (in the team's area) straight in the store."""
    case = sorted(force.expected_cases("supervisor"))[0]
    data = {**force.rows[case]["d"], "officer_id": None, "area": force.area_of(force.team)}
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE records SET officer_id = NULL, area = :a, data = :d WHERE id = :i"),
            {"a": data["area"], "d": json.dumps(data), "i": case},
        )
    return case


def resolution(name: str, force: Force, t: dict[str, Any], store: ServerStore) -> dict[str, Any]:
    """An open conflict on the target (written straight into the central store), and its resolution."""
    record, field, value = {
        "resolve case field": (t["case"], "postcode", "ZZ9 9ZZ"),
        "resolve to an officer of another team": (t["case"], "officer_id", t["new_owner"]),
        "resolve to no officer": (t["case"], "officer_id", str(uuid.uuid4())),
        "resolve to MAPPA level 9": (t["case"], "mappa_level", 9),
        "resolve officer team": (sorted(force.officers_of(force.other_team))[0], "team_id", force.team),
    }[name]
    if name == "resolve to an officer of another team":
        value = sorted(force.officers_of(force.other_team) - {force.som_officer})[0]
    conflict = str(uuid.uuid4())
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conflicts (id, table_name, record_id, field, base_version, theirs, mine,"
                " username, device_id, created_at)"
                " VALUES (:i, :t, :r, :f, 0, 'null', :m, 'som1', :d, now())"
            ),
            {"i": conflict, "t": force.rows[record]["t"], "r": record, "f": field, "m": json.dumps(value),
             "d": str(uuid.uuid4())},
        )  # fmt: skip
    return mutation(
        force.rows[record]["t"], record, "resolve", force.rows[record]["v"], conflict_id=conflict, value=value
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "where"), sorted(ALLOWED))
def test_each_change_is_allowed_or_refused_by_role_and_scope(store, world, role, name, where):
    client, tokens, force = world
    change = operation(name, force, targets(force, role, where), store)
    before = snapshot(store)
    answer = push(client, tokens[role], change)
    assert answer.status_code == 200, answer.text
    result = answer.json()["results"][0]
    if role in ALLOWED[(name, where)]:
        assert result["status"] == "applied", (role, name, where, result["reason"])
        assert snapshot(store) != before
    else:
        assert result["status"] == "rejected", (role, name, where)
        assert result["reason"]
        assert snapshot(store) == before, "a refused change left a trace"
        # The refusal gives back the server's copy only of a record the user may hold.
        if result["record"] is not None:
            record = result["record"]
            assert (
                record["t"] in ("officers", "teams")
                or record["id"] in force.expected_cases(role)
                or (record["d"].get("nominal_id") in force.expected_cases(role))
            )


def test_a_push_whose_audit_chain_does_not_continue_is_refused_whole(store, world):
    client, _tokens, force = world
    device = str(uuid.uuid4())
    token = login(client, "som1", device).json()["access_token"]
    case = sorted(force.expected_cases("som"))[0]
    entry = {"seq": 1, "id": str(uuid.uuid4()), "at": "2026-11-23T10:00:00+00:00", "device_id": device,
             "user": "som1", "action": "alteration", "table_name": "nominals", "record_id": case,
             "justification": "", "recipient": "", "detail": "",
             "prev_hash": "0" * 64, "hash": "f" * 64}  # fmt: skip
    before = snapshot(store)
    answer = client.post(
        "/v1/push",
        json={"protocol": PROTOCOL, "schema_revision": head_revision(),
              "mutations": [mutation("nominals", case, "update", 0, postcode="ZZ9 9ZZ")], "audit": [entry]},
        headers=bearer(token),
    )  # fmt: skip
    assert answer.status_code == 409 and "audit" in answer.json()["detail"]
    assert snapshot(store) == before
