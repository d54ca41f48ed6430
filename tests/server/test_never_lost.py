"""A property: whatever a SOM does on the laptop, and whatever the network and the central store do to
it, every record the user saved ends on the central store, or on the laptop in a refused or set-aside
state they can act on, or was discarded by an audited action of theirs; no device stays stuck; every
audit chain verifies and every entry reaches the central store exactly once.

Hypothesis generates sequences of edits, imports (some refused: a ViSOR reference another team holds),
visits, changes the central store cannot read (a `fill-demo` id), syncs through a proxy that drops or
refuses connections, sending again and discarding, backups and restores (the troubleshooting page's
advice), against a real central store on PostgreSQL. The run's
figures are printed (RELIABILITY.md keeps them): `pytest -s -k never_lost`.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import uuid
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Session
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.records import record_type
from somdesk.domain.roles import Role
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.store.audit import verify
from somdesk.store.backup import check_backup
from somdesk.store.engine import sqlcipher_engine
from somdesk.store.keys import KeyFile
from somdesk.store.profile import Profile
from somdesk.store.replica import SERVER_URL, SERVER_USER, LocalSync
from somdesk.sync.client import CentralStore, MemoryTokens, SyncError
from somdesk.sync.rejoin import restore_profile

from .proxy import FaultyProxy
from .sync_helpers import PASSPHRASE, Device, LiveServer, new_device, scratch_database

pytestmark = pytest.mark.postgres
TODAY = date(2026, 11, 23)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
NAMES = st.builds(
    lambda first, rest: (first + rest).strip(),
    st.sampled_from(LETTERS),
    st.text(LETTERS + " -'", max_size=23),
)
EXAMPLES = int(os.environ.get("SOMDESK_NEVER_LOST_EXAMPLES", "25"))
figures: Counter[str] = Counter()


@dataclasses.dataclass
class Central:
    store: ServerStore
    proxy: FaultyProxy
    elsewhere: list[str]  # ViSOR references the central store holds for other teams
    folder: Path
    made = itertools.count()


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    base = os.environ.get("SOMDESK_TEST_PG_URL")
    if not base:
        pytest.fail("run PostgreSQL tests through scripts/with-postgres (SOMDESK_TEST_PG_URL is not set)")
    with scratch_database(base) as url:
        store = ServerStore(url)
        store.migrate()
        seed_demo(store, 120, 5, TODAY, soms=1)
        with store.engine.connect() as conn:
            som1 = conn.execute(text("SELECT officer_id FROM users WHERE username = 'som1'")).scalar_one()
            elsewhere = [
                json.loads(d)["visor_ref"]
                for (d,) in conn.execute(text("SELECT data FROM records WHERE table_name = 'nominals'"))
                if json.loads(d)["officer_id"] != som1
            ]
        with LiveServer(store) as live:
            proxy = FaultyProxy(live.port, seed=17, drop_chance=0.3)
            yield Central(store, proxy, elsewhere, tmp_path_factory.mktemp("never-lost"))
            proxy.close()
        store.engine.dispose()


class NeverLost(RuleBasedStateMachine):
    """One SOM's laptop, new for each sequence, syncing with the one central store through the proxy."""

    central: Central

    def __init__(self) -> None:
        super().__init__()
        c = self.central
        c.proxy.set_mode("pass")
        self.device = new_device(c.folder / f"laptop{next(c.made)}", c.proxy.url, "som1", DEMO_PASSWORD)
        # Where and as whom it syncs, as `sync connect` records it (a restore rejoins from these).
        self.device.local.set(SERVER_URL, c.proxy.url)
        self.device.local.set(SERVER_USER, "som1")
        self.device.sync()
        self.session = Session(
            self.device.opened, Identity("som1", Role.SOM), default_policy(), lambda: TODAY
        )
        # Cases whose whereabouts are known and who are at liberty: a visit at which a missing person,
        # or someone the registration holds in custody, was seen is refused (they must be recorded found
        # or released first), and this test is about never losing what was saved.
        self.cases = sorted(
            s.case.nominal.id
            for s in self.session.workspace().statuses
            if s.case.missing is None and not s.case.nominal.registration.in_custody
        )
        self.saved: dict[str, dict[str, Any]] = {}  # record id -> field -> the value the user saved last
        self.table: dict[str, str] = {}  # record id -> its table
        self.discarded: set[str] = set()
        self.refs = itertools.count(1)
        self.backups: list[Path] = []
        figures["sequences"] += 1

    # -- what the user does

    def _save(self, table: str, record_id: str, **values: Any) -> None:
        self.saved.setdefault(record_id, {}).update(values)
        self.table[record_id] = table
        self.discarded.discard(record_id)

    def _case(self, i: int) -> str:
        mine = [c for c in [*self.cases, *self._made_cases()] if c not in self.discarded]
        return mine[i % len(mine)]

    def _made_cases(self) -> list[str]:
        return [r for r, t in self.table.items() if t == "nominals" and r not in self.cases]

    @rule(i=st.integers(0, 10_000), name=NAMES)
    def edit(self, i: int, name: str) -> None:
        case = self._case(i)
        self.session.update_nominal(case, {"given_names": name}, "property test")
        self._save("nominals", case, given_names=name)

    @rule(taken=st.booleans(), i=st.integers(0, 10_000), name=NAMES)
    def import_new_case(self, taken: bool, i: int, name: str) -> None:
        """A new RSO from a caseload file: its ViSOR reference fresh, or one another team holds."""
        held = set(self.cases)  # copied from one at liberty, whose whereabouts are known
        model = [s.case for s in self.session.workspace().statuses if s.case.nominal.id in held][
            i % len(held)
        ]
        ref = self.central.elsewhere[i % len(self.central.elsewhere)] if taken else self._fresh_ref()
        if any(ref == v.get("visor_ref") for r, v in self.saved.items() if r not in self.discarded):
            return  # the import refuses a reference the laptop already holds
        nominal = dataclasses.replace(
            model.nominal, id=str(uuid.uuid4()), visor_ref=ref, family_name="Newman", given_names=name
        )
        with self.session.changes() as uow:
            uow.import_force([], [], [model._replace(nominal=nominal)], [], [], "file new-cases.csv")
        self._save("nominals", nominal.id, visor_ref=ref, given_names=name)

    def _fresh_ref(self) -> str:
        return f"26/{uuid.uuid4().int % 10**6:06d}{next(self.refs) % 10}N"

    @rule(i=st.integers(0, 10_000), notes=NAMES)
    def visit(self, i: int, notes: str) -> None:
        case = self._case(i)
        visit = Visit(
            case, datetime(2026, 11, 20, 10, 0), VisitOutcome.SEEN, officers=("DC Shaw", "PC B"), notes=notes
        )
        record_id = self.session.record_visit(visit)
        self._save("visits", record_id, notes=notes)

    @rule(i=st.integers(0, 10_000))
    def unreadable_change(self, i: int) -> None:
        """A visit whose id the central store cannot read (as `fill-demo` once wrote): set aside."""
        record = record_type("visits")
        assert record is not None
        record_id = f"demo-visit-{uuid.uuid4().hex[:8]}"
        with self.session.changes() as uow:
            uow.add(
                record,
                {"id": record_id, "nominal_id": self._case(i), "at": datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
                 "outcome": "seen", "announced": False, "address_checked": False,
                 "officers": '["DC Shaw", "PC Partner"]', "concerns": "", "notes": "filled"},
            )  # fmt: skip
        self._save("visits", record_id, notes="filled")

    @rule(fault=st.sampled_from(["pass", "pass", "drop", "down"]))
    def sync(self, fault: str) -> None:
        self.central.proxy.set_mode(fault)
        try:
            self.device.sync()
            figures["syncs"] += 1
        except SyncError:
            assert fault != "pass", "a sync with nothing wrong on the way failed"
            figures["syncs failed by the network"] += 1
        finally:
            self.central.proxy.set_mode("pass")

    @rule()
    def background_sync(self) -> None:
        """The background loop's sync after a save (so that syncs come as often as changes)."""
        self.sync("pass")

    @rule(i=st.integers(0, 10_000), discard=st.booleans())
    def act_on_a_kept_change(self, i: int, discard: bool) -> None:
        """As a SOM would: a new RSO refused for its ViSOR reference gets a corrected one and goes again,
        or is discarded; anything else kept is discarded."""
        kept = self.session.sync_issues().refusals
        if not kept:
            return
        change = kept[i % len(kept)]
        if (
            not discard
            and change.operation == "insert"
            and change.table == "nominals"
            and "ViSOR" in change.reason
        ):
            ref = self._fresh_ref()
            self.session.update_nominal(change.record_id, {"visor_ref": ref}, "corrected after refusal")
            self._save("nominals", change.record_id, visor_ref=ref)
            self.session.send_again(change.mutation_id)
            figures["sent again"] += 1
        else:
            gone = self._discard_takes(change)
            self.session.discard_refused(change.mutation_id)
            self.discarded |= gone
            figures["discarded"] += 1

    def _discard_takes(self, change: Any) -> set[str]:
        """What a discard removes from what the user saved: a new record with its history."""
        if change.operation != "insert":
            # The change is given up; the central store's copy stands for what it changed.
            saved = self.saved.get(change.record_id, {})
            for field, value in change.fields.items():
                if saved.get(field) == value:
                    del saved[field]
            return set()
        with self.device.opened.engine.connect() as conn:
            history = {
                r
                for t in ("visits", "arms_assessments", "rm2000_assessments")
                for (r,) in conn.execute(
                    text(f"SELECT id FROM {t} WHERE nominal_id = :n"), {"n": change.record_id}
                )
            }
        return {change.record_id} | (history if change.table == "nominals" else set())

    @rule()
    def back_up(self) -> None:
        """The profile's encrypted backup (as the window's File menu makes it)."""
        path = (
            self.device.opened.profile.folder.parent
            / f"{self.device.opened.profile.folder.name}-{len(self.backups)}.sdbk"
        )
        self.backups.append(self.device.opened.backup(path))
        figures["backups"] += 1

    @rule(j=st.integers(0, 100))
    def restore(self, j: int) -> None:
        """The troubleshooting page's advice for a damaged profile: sync, then restore the latest (or an
        older) backup, then sync. What the central store does not hold goes to an encrypted file."""
        if not self.backups:
            return
        self.sync("pass")
        kept = {r.record_id for r in self.session.sync_issues().refusals}
        profile = self.device.opened.profile
        self.device.close()
        try:
            done = restore_profile(
                profile, self.backups[j % len(self.backups)], PASSPHRASE, None,
                username="som1", password=DEMO_PASSWORD, discard_unsent=True,
            )  # fmt: skip
        finally:
            self._reopen(profile)
        figures["restores"] += 1
        self.device.sync()
        # An older backup brings back what the user discarded since: it is there again, as it was.
        for record_id in [r for r in self.discarded if self.device.count(self.table[r], f"id = '{r}'")]:
            self.discarded.discard(record_id)
            self.saved.pop(record_id, None)
            figures["discarded records back from a backup"] += 1
        if done.kept is not None:
            figures["restores that kept unsent changes in a file"] += 1
            in_file = _records_in(done.kept, self.device.opened.profile.folder)
            for record_id in kept - self._here_or_there():
                assert record_id in in_file, f"{record_id} was neither restored nor kept in {done.kept}"
                self.saved.pop(record_id, None)
                figures["records kept in the file"] += 1

    def _reopen(self, profile: Profile) -> None:
        opened = profile.unlock(PASSPHRASE, "som1", None)
        remote = CentralStore(self.central.proxy.url, opened.device_id, MemoryTokens(), opened.profile_id)
        remote.login("som1", DEMO_PASSWORD, profile.folder.name, key_mode="passphrase")
        self.device = Device(opened, LocalSync(opened), remote)
        self.session = Session(opened, Identity("som1", Role.SOM), default_policy(), lambda: TODAY)

    def _here_or_there(self) -> set[str]:
        """Records saved that this computer or the central store holds now."""
        found = set()
        with self.central.store.engine.connect() as conn:
            found |= set(conn.execute(text("SELECT id FROM records")).scalars())
        for record_id, table in self.table.items():
            if self.device.count(table, f"id = '{record_id}'"):
                found.add(record_id)
        return found

    # -- what must hold after every step

    @invariant()
    def the_audit_chain_verifies(self) -> None:
        figures["steps"] += 1
        with self.device.opened.reader() as reader:
            assert verify(reader.audit_rows())[1] is None

    @invariant()
    def nothing_saved_is_lost(self) -> None:
        """Every record saved is on the laptop (as saved, waiting or kept) unless the user discarded it."""
        for record_id, values in self.saved.items():
            if record_id in self.discarded:
                assert self.device.count(self.table[record_id], f"id = '{record_id}'") == 0
                continue
            figures["records checked"] += 1
            for field, value in values.items():
                here = self.device.value(self.table[record_id], record_id, field)
                if here != value:
                    kept = self._kept_values(record_id)
                    assert value in kept.get(field, []), (record_id, field, value, here)

    def _kept_values(self, record_id: str) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = {}
        for r in self.session.sync_issues().refusals:
            if r.record_id == record_id:
                for k, v in r.fields.items():
                    found.setdefault(k, []).append(v)
        return found

    def teardown(self) -> None:
        """The network back and two syncs: nothing stuck, everything on the central store or kept."""
        try:
            self.central.proxy.set_mode("pass")
            self.device.sync()
            self.device.sync()
            self._all_settled()
        finally:
            self.device.close()

    def _all_settled(self) -> None:
        assert self.device.local.pending() == 0, "a change is stuck in the outbox"
        kept = {r.record_id for r in self.session.sync_issues().refusals}
        with self.central.store.engine.connect() as conn:
            for record_id, values in self.saved.items():
                if record_id in self.discarded or record_id in kept:
                    continue
                row = conn.execute(text("SELECT data FROM records WHERE id = :i"), {"i": record_id}).scalar()
                assert row is not None, f"{record_id} is neither on the central store nor kept"
                data = json.loads(row)
                for field, value in values.items():
                    assert data[field] == value or record_id in self._conflicted(), (record_id, field)
                figures["records on the central store"] += 1
            figures["records kept on the laptop"] += len(kept)
            # Every entry of this device's log is on the central store, once.
            device = self.device.opened.device_id
            there = conn.execute(
                text("SELECT seq, hash FROM audit_entries WHERE device_id = :d ORDER BY seq"), {"d": device}
            ).all()
        with self.device.opened.reader() as reader:
            here = [(r.seq, r.hash) for r in reader.audit_rows() if r.device_id == device]
        assert [tuple(r) for r in there] == here
        figures["audit entries checked"] += len(here)
        if self.discarded:
            assert any("discarded" in json.loads(d)["detail"] for d in self._server_details(device))

    def _server_details(self, device: str) -> list[str]:
        with self.central.store.engine.connect() as conn:
            return [
                d
                for (d,) in conn.execute(
                    text("SELECT data FROM audit_entries WHERE device_id = :d"), {"d": device}
                )
            ]

    def _conflicted(self) -> set[str]:
        return {c.record_id for c in self.session.sync_issues().conflicts}


def test_never_lost_never_stuck(central) -> None:
    NeverLost.central = central
    run_state_machine_as_test(
        NeverLost,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=14,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        ),
    )
    print("\nnever lost:", dict(sorted(figures.items())), "lost 0, stuck 0")


def _records_in(backup: Path, folder: Path) -> set[str]:
    """Every record id in an encrypted backup, read with the profile's passphrase."""
    checked = check_backup(backup, PASSPHRASE, None, folder)
    try:
        key = KeyFile.load(checked.keys).unwrap(PASSPHRASE, None)
        engine = sqlcipher_engine(checked.db, key)
        try:
            with engine.connect() as conn:
                return {
                    str(i)
                    for t in ("nominals", "visits")
                    for i in conn.execute(text(f"SELECT id FROM {t}")).scalars()
                }
        finally:
            engine.dispose()
    finally:
        checked.db.unlink(missing_ok=True)
        checked.keys.unlink(missing_ok=True)
