"""The demo central store: a synthetic force (the demo generator's) and a handful of accounts, so the
demo client has something to sign in to. Never real people: surnames invented, identifiers SYN…."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib.resources import files
from typing import Any

from somdesk.demo import generate
from somdesk.demo.meetings import panel_meetings
from somdesk.demo.plans import risk_plans
from somdesk.demo.whole_case import case_records
from somdesk.domain.policy_text import parse_policy
from somdesk.domain.records import record_type
from somdesk.domain.rm2000 import Rm2000Instrument
from somdesk.domain.roles import Role
from somdesk.server import sync
from somdesk.server.scope import SYSTEM, Scope
from somdesk.server.store import ServerStore
from somdesk.store.ids import new_id
from somdesk.store.uow import force_rows

__all__ = ["DEMO_PASSWORD", "DemoAccount", "seed_demo"]

DEMO_PASSWORD = "somdesk-demo-password"  # synthetic data only; printed by `somdesk-server demo`
SEED_DEVICE = "00000000-0000-4000-8000-000000000000"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    display_name: str


def _fields(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row as a client would push it: synced fields only, dates as ISO text."""
    record = record_type(table)
    assert record is not None, table
    return {
        k: v.isoformat() if isinstance(v, date | datetime) else v
        for k, v in row.items()
        if k in record.synced
    }


def _instrument() -> Rm2000Instrument:
    """The RM2000 instrument of the shipped force policy, which the demo's devices score with."""
    text = files("somdesk.resources").joinpath("policy.toml").read_text(encoding="utf-8")
    return parse_policy(text, "default policy").rm2000


def seed_demo(store: ServerStore, rsos: int, seed: int, today: date, soms: int = 3) -> list[DemoAccount]:
    """Fill an empty central store with a force and accounts: the first `soms` SOMs, each team's
    supervisor, a panel chair and an administrator, all with DEMO_PASSWORD."""
    now = datetime.now(UTC)
    data = generate(rsos, seed, today)
    held, decided = panel_meetings(data.nominals, seed, today)
    records = case_records(data.nominals, seed, today, data.visits, _instrument())
    tables = force_rows(
        data.teams, data.officers, data.cases, data.visits, data.arms, risk_plans(data.nominals, seed, today),
        now, "demo generator", [*records, *decided], held,
    )  # fmt: skip
    batch = [
        sync.Mutation(new_id(), table.name, row["id"], "insert", 0, _fields(table.name, row))
        for table, rows in tables
        for row in rows
    ]
    with store.engine.begin() as conn:
        sync.push(conn, Scope(SYSTEM, "demo generator", None), SEED_DEVICE, batch, [], now, remember=False)
    accounts = []
    for n, officer in enumerate([o for o in data.officers if o.is_som][:soms], start=1):
        accounts.append(DemoAccount(f"som{n}", Role.SOM, officer.name))
        store.add_user(f"som{n}", officer.name, Role.SOM, DEMO_PASSWORD, officer_id=officer.id)
    for n, team in enumerate(data.teams, start=1):
        lead = next((o for o in data.officers if o.team_id == team.id and not o.is_som), None)
        name = lead.name if lead else f"Supervisor, {team.name}"
        accounts.append(DemoAccount(f"sup{n}", Role.SUPERVISOR, name))
        store.add_user(f"sup{n}", name, Role.SUPERVISOR, DEMO_PASSWORD, lead.id if lead else None, (team.id,))
    accounts.append(DemoAccount("chair", Role.PANEL_CHAIR, "Demo MAPPA panel chair"))
    store.add_user("chair", "Demo MAPPA panel chair", Role.PANEL_CHAIR, DEMO_PASSWORD)
    accounts.append(DemoAccount("admin", Role.ADMIN, "Demo administrator"))
    store.add_user("admin", "Demo administrator", Role.ADMIN, DEMO_PASSWORD)
    return accounts
