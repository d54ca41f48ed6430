"""Fault injection, end to end: the central store on PostgreSQL in its own process behind a faulty proxy,
three devices (two SOMs and their supervisor) in their own processes making changes and syncing, while
the test kills devices and the central store at random moments, cuts, delays and refuses connections
and fills a device's disk. Then everything settles and the test checks: every committed change is on
the central store exactly once and on every device in scope, the devices agree with the central store
record by record, every audit chain verifies and every profile passes its integrity check.

Seeded and bounded: SOMDESK_CHAOS_SEED replays a run, SOMDESK_CHAOS_ROUNDS makes it longer (figures
for docs/RELIABILITY.md come from `scripts/with-postgres .venv/bin/python -m pytest -m postgres
tests/server/test_chaos.py` with SOMDESK_CHAOS_ROUNDS=40).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from somdesk.domain.records import record_types
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.scope import scope_for
from somdesk.server.tables import audit_entries, records
from somdesk.store.audit import verify
from somdesk.store.profile import Profile
from tests.conftest import TODAY

from .proxy import FaultyProxy
from .sync_helpers import PASSPHRASE, ROOT, CentralStoreProcess, new_device

pytestmark = pytest.mark.postgres
SYNCED_TABLES = {r.name: r.synced for r in record_types()}
SEED = int(os.environ.get("SOMDESK_CHAOS_SEED", "20261123"))
ROUNDS = int(os.environ.get("SOMDESK_CHAOS_ROUNDS", "8"))
CHANGES = 20  # per device and round
USERS = ("som1", "som2", "sup1")
FAULTS = ("kill device", "kill central store", "cut connections", "delay", "refuse connections", "disk full")


class Disks:
    """Each device's profile on a filesystem of its own (a small tmpfs), so the test can fill it for
    real: writes then fail with ENOSPC, as on a laptop whose disk is full. Where mounting is not
    allowed (not root), the device runs under a file size limit instead (writes fail with EFBIG)."""

    SIZE = "64m"

    def __init__(self, folders: list[Path]) -> None:
        self.mounted: list[Path] = []
        for folder in folders:
            folder.mkdir(parents=True)
            options = f"size={self.SIZE},mode=0700"
            done = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
            )
            if done.returncode == 0:
                self.mounted.append(folder)
        self.real = len(self.mounted) == len(folders)

    def fill(self, folder: Path, leave: int) -> None:
        """Fill the device's disk, leaving `leave` bytes free."""
        with open(folder / "filler", "wb") as f:
            try:
                while True:
                    f.write(b"\0" * (1 << 20))
                    f.flush()
            except OSError:
                pass
        with open(folder / "filler", "r+b") as f:
            while True:  # the last chunk may have been written in part: free exactly `leave` bytes
                try:
                    f.seek(0, 2)
                    f.truncate(max(0, f.tell() - leave))
                    break
                except OSError:
                    continue

    def free(self, folder: Path) -> None:
        (folder / "filler").unlink(missing_ok=True)

    def close(self) -> None:
        for folder in self.mounted:
            subprocess.run(["umount", "--lazy", str(folder)], check=True)


def device(
    folder: Path, url: str, user: str, run: int, changes: int, settle: int = 120, limit: int | None = None
):
    args = [sys.executable, "-m", "tests.server.chaos_client", str(folder), url, user, DEMO_PASSWORD,
            str(SEED), str(run), str(changes), str(settle)] + ([str(limit)] if limit else [])  # fmt: skip
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_devices_and_the_central_store_survive_kills_network_faults_and_a_full_disk(store, pg_url, tmp_path):
    rng = random.Random(SEED)
    seed_demo(store, 300, 5, TODAY, soms=2)
    central = CentralStoreProcess(pg_url)
    central.start()
    proxy = FaultyProxy(central.port, SEED, drop_chance=0.2)
    folders = {u: tmp_path / u for u in USERS}
    disks = Disks(list(folders.values()))
    for user, folder in folders.items():
        d = new_device(folder, proxy.url, user, DEMO_PASSWORD)
        d.sync()
        d.close()
    running: dict[str, subprocess.Popen[str]] = {}
    # Every kind of fault once (in a seeded order), then at random.
    schedule = rng.sample(FAULTS, len(FAULTS)) + [rng.choice(FAULTS) for _ in range(ROUNDS)]
    injected: Counter[str] = Counter()
    ridden: Counter[str] = Counter()  # failures the devices saw and rode out
    committed: dict[str, set[str]] = defaultdict(set)  # visits each device reported committed
    try:
        for run in range(ROUNDS):
            started = time.monotonic()
            fault, victim = schedule[run], rng.choice(USERS)
            injected[fault] += 1
            leave = rng.randrange(0, 256) * 1024  # bytes left free on a full disk
            limit, disk_run = None, fault == "disk full"
            if fault == "disk full" and disks.real:
                disks.fill(folders[victim], leave)
            elif fault == "disk full":
                limit = (folders[victim] / "somdesk.db").stat().st_size + leave
            procs = {
                u: device(
                    folders[u], proxy.url, u, run, CHANGES, *((5, limit) if u == victim and disk_run else ())
                )
                for u in USERS
            }
            running = procs
            network = {"cut connections": "drop", "delay": "delay", "refuse connections": "down"}.get(fault)
            if network:  # from the start of the run, for a while
                proxy.set_mode(network)
                time.sleep(rng.uniform(2.0, 6.0))
                proxy.set_mode("pass")
            else:
                time.sleep(rng.uniform(0.5, 2.5))  # into the run: unlocking, changing, syncing
            if fault == "kill device":
                procs[victim].send_signal(signal.SIGKILL)
            elif fault == "kill central store":
                central.kill()
                time.sleep(rng.uniform(0.2, 2.0))
                central.start()
            for user, proc in procs.items():
                out, err = proc.communicate(timeout=240)
                lines = out.splitlines()
                committed[user] |= {
                    line.removeprefix("committed visit ")
                    for line in lines
                    if line.startswith("committed visit ")
                }
                ridden.update(line.removeprefix("fault ") for line in lines if line.startswith("fault "))
                killed = fault == "kill device" and user == victim and proc.returncode == -signal.SIGKILL
                disk = fault == "disk full" and user == victim
                assert killed or disk or (proc.returncode == 0 and lines[-1] == "done"), (
                    run,
                    user,
                    err[-3000:],
                )
                if disk and proc.returncode != 0:  # gave up its last sync, or could not even open
                    assert "fault disk database or disk is full" in lines or "disk is full" in err, (
                        out,
                        err[-3000:],
                    )
            disks.free(folders[victim])
            print(f"round {run}: {fault} ({victim}) {time.monotonic() - started:.1f} s", flush=True)
        # Calm: everyone syncs twice (the second brings the others' last changes).
        for _ in range(2):
            for user in USERS:
                proc = device(folders[user], proxy.url, user, ROUNDS, 0)
                running = {user: proc}
                out, err = proc.communicate(timeout=240)
                assert proc.returncode == 0 and out.splitlines()[-1] == "done", err[-3000:]
        held = {user: local_state(folders[user]) for user in USERS}
    finally:
        for proc in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
        proxy.close()
        central.stop()
        disks.close()

    stored = server_state(store)
    # Every visit a device committed is on the central store exactly once; nothing else arrived.
    marked = Counter(
        d.get("notes", "")
        for t, d in stored.values()
        if t == "visits"
        if d.get("notes", "").startswith("chaos ")
    )
    own = set().union(*({m for m in held[u]["markers"] if m.startswith(f"chaos {u} ")} for u in USERS))
    assert set(marked) == own and all(n == 1 for n in marked.values()), "lost or duplicated visits"
    for user in USERS:
        assert committed[user] <= held[user]["markers"], f"{user}: a committed change was lost on the device"
        # The device agrees with the central store on every record its scope holds, version by version.
        assert held[user]["outbox"] == 0
        assert held[user]["versions"] == in_scope(store, user), f"{user} disagrees with the central store"
        assert held[user]["integrity"] == "ok" and held[user]["chain_broken"] is None
        assert held[user]["audit_seq"] == server_audit_seq(store, held[user]["device"])
    checked, broken = store.verify_audit()
    assert broken is None and checked > 0
    assert injected and sum(injected.values()) == ROUNDS
    report = {
        "seed": SEED, "rounds": ROUNDS, "full disk": "tmpfs" if disks.real else "file size limit",
        "faults injected": dict(injected), "faults ridden out": dict(ridden),
        "proxy cuts": proxy.cut, "proxy delays": proxy.delayed, "visits committed": len(own),
        "records checked": sum(len(h["versions"]) for h in held.values()), "lost": 0, "duplicated": 0,
        "audit entries verified": checked,
    }  # fmt: skip
    print("\nchaos report:", json.dumps(report, indent=1))


def local_state(folder: Path) -> dict[str, Any]:
    with Profile(folder).unlock(PASSPHRASE, "check", None) as opened, opened.engine.connect() as conn:
        versions = {
            (table, row[0]): row[1]
            for table in SYNCED_TABLES
            for row in conn.exec_driver_sql(f"SELECT id, version FROM {table}")
        }
        markers = {r[0] for r in conn.exec_driver_sql("SELECT notes FROM visits WHERE notes LIKE 'chaos %'")}
        with opened.reader() as reader:
            rows = list(reader.audit_rows())
        _, broken = verify(rows)
        return {
            "versions": versions,
            "markers": markers,
            "outbox": conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one(),
            "integrity": conn.exec_driver_sql("PRAGMA integrity_check").scalar_one(),
            "chain_broken": broken,
            "device": opened.device_id,
            "audit_seq": max((r.seq for r in rows if r.device_id == opened.device_id), default=0),
        }


def server_state(store) -> dict[str, tuple[str, dict[str, Any]]]:
    with store.engine.connect() as conn:
        return {
            r.id: (r.table_name, json.loads(r.data))
            for r in conn.execute(select(records.c.id, records.c.table_name, records.c.data))
        }


def in_scope(store, username: str) -> dict[tuple[str, str], int]:
    account = store.check_password(username, DEMO_PASSWORD)
    with store.engine.connect() as conn:
        scope = scope_for(conn, account)
        return {
            (r.table_name, r.id): r.version
            for r in conn.execute(
                select(records.c.table_name, records.c.id, records.c.version).where(scope.clause())
            )
        }


def server_audit_seq(store, device_id: str) -> int:
    with store.engine.connect() as conn:
        found = conn.execute(
            select(audit_entries.c.seq)
            .where(audit_entries.c.device_id == device_id)
            .order_by(audit_entries.c.seq.desc())
        ).first()
        return found.seq if found else 0
