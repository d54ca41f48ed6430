"""Soak: many simulated devices syncing with one central store on PostgreSQL for a while.

    scripts/with-postgres .venv/bin/python bench/soak.py [CLIENTS] [SECONDS]     (default: 50 180)

The central store runs as its own process (`somdesk-server run`), as in production but on loopback.
Each simulated device signs in as one of the force's SOMs (several devices per SOM), pulls its
caseload once, then loops as the application does: pushes a few new visits and edits on its own
cases, pulls what changed after its cursor, and now and then asks for the force policy. Prints
requests, requests per second, p50/p95/p99 latency (round trip), errors (any answer that is not a
success, any dropped connection; goal none), changes applied, and the central store's resident
memory after the warm-up and at the end.
"""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_sync import pct  # noqa: E402
from tests.server.sync_helpers import CentralStoreProcess, audit_entries_for, new_database  # noqa: E402

from somdesk.app.policy import default_policy_text  # noqa: E402
from somdesk.contract.sync import PROTOCOL  # noqa: E402
from somdesk.domain.audit import GENESIS  # noqa: E402
from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402
from somdesk.store.migrate import head_revision  # noqa: E402

TODAY = date(2026, 11, 23)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    applied: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None = None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors.append(error)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class SimulatedDevice(threading.Thread):
    def __init__(self, base: str, username: str, seed: int, stop: threading.Event, tally: Tally) -> None:
        super().__init__(daemon=True)
        self.http = httpx.Client(base_url=base, timeout=30)
        self.username, self.rng, self.stop, self.tally = username, random.Random(seed), stop, tally
        self.last_status = 0  # the status of the last answer (a sign-in turned away is 503)
        self.device = str(uuid.uuid4())
        self.cursor = 0
        self.chain = (0, GENESIS)  # this device's audit log: each change goes with its own entry
        self.cases: list[str] = []
        self.ready = threading.Event()

    def call(self, method: str, path: str, count: bool = True, **kwargs: Any) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            answer = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as e:
            if count:
                self.tally.add(time.perf_counter() - started, f"{path}: {type(e).__name__}")
            return None
        self.last_status = answer.status_code
        error = None if answer.is_success else f"{path}: {answer.status_code} {answer.text[:200]}"
        if count:
            self.tally.add(time.perf_counter() - started, error)
        return answer if error is None else None

    def pull(self, count: bool = True) -> None:
        more = True
        while more:
            answer = self.call(
                "GET", "/v1/pull", count,
                params={"protocol": PROTOCOL, "schema_revision": head_revision(), "cursor": self.cursor},
            )  # fmt: skip
            if answer is None:
                return
            page = answer.json()
            self.cases += [
                r["id"] for r in page["records"] if r["t"] == "nominals" and r["id"] not in self.cases
            ]
            self.cursor, more = page["cursor"], page["more"]

    def push(self) -> None:
        mutations = []
        for _ in range(self.rng.randint(1, 3)):
            case = self.rng.choice(self.cases)
            if self.rng.random() < 0.7:
                at = datetime(2026, 11, 1, 8) + timedelta(minutes=self.rng.randrange(40_000))
                fields = {"nominal_id": case, "at": at.isoformat(), "outcome": "seen", "announced": True,
                          "officers": json.dumps(["DC Soak", "DC Second"]), "address_checked": True,
                          "concerns": "", "notes": "soak", "deleted": False, "updated_by": self.username,
                          "updated_at": datetime.now(UTC).isoformat()}  # fmt: skip
                mutations.append(self.mutation("visits", str(uuid.uuid4()), "insert", 0, fields))
            else:
                town = f"Town {self.rng.randrange(1000)}"
                mutations.append(self.mutation("nominals", case, "update", self.cursor, {"town": town}))
        entries, chain = audit_entries_for(self.device, self.username, mutations, *self.chain)
        body = {
            "protocol": PROTOCOL,
            "schema_revision": head_revision(),
            "mutations": mutations,
            "audit": entries,
        }
        answer = self.call("POST", "/v1/push", json=body)
        if answer is not None:
            self.chain = chain
            with self.tally.lock:
                self.tally.applied += sum(r["status"] != "rejected" for r in answer.json()["results"])

    @staticmethod
    def mutation(
        table: str, record_id: str, operation: str, base: int, fields: dict[str, Any]
    ) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "table": table, "record_id": record_id, "operation": operation,
                "base_version": base, "fields": fields}  # fmt: skip

    def run(self) -> None:
        login = {"username": self.username, "password": DEMO_PASSWORD, "device_id": self.device,
                 "device_name": "soak", "protocol": PROTOCOL, "key_mode": "keychain"}  # fmt: skip
        # Turned away while the instance checks others' passwords: sign in again when told.
        for _ in range(30):
            answer = self.call("POST", "/v1/login", count=False, json=login)
            if answer is not None or self.last_status != 503:
                break
            time.sleep(5)
        if answer is None:
            self.tally.add(0.0, f"login failed for {self.username}")
            self.ready.set()
            return
        self.http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        self.pull(count=False)  # the first sync of the caseload is the warm-up, not the soak
        self.ready.set()
        while not self.stop.is_set():
            if self.cases:
                self.push()
            self.pull()
            if self.rng.random() < 0.05:
                self.call("GET", "/v1/policy")
            time.sleep(self.rng.uniform(0.05, 0.3))  # a device does other things between syncs
        self.http.close()


def soak(
    base: str, server_pid: int, usernames: list[str], clients: int, seconds: float, seed: int = 1
) -> dict[str, Any]:
    """Run `clients` simulated devices for `seconds` against a running central store."""
    tally, stop = Tally(), threading.Event()
    devices = [
        SimulatedDevice(base, usernames[i % len(usernames)], seed + i, stop, tally) for i in range(clients)
    ]
    for d in devices:
        d.start()
    for d in devices:
        d.ready.wait(300)
    memory_start = rss_kb(server_pid)
    started = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for d in devices:
        d.join(60)
    took = time.perf_counter() - started
    memory_end = rss_kb(server_pid)
    lat = tally.latencies
    return {
        "clients": clients, "seconds": round(took, 1), "requests": len(lat),
        "requests_per_second": round(len(lat) / took, 1),
        "p50_ms": round(pct(lat, 0.50) * 1000, 1), "p95_ms": round(pct(lat, 0.95) * 1000, 1),
        "p99_ms": round(pct(lat, 0.99) * 1000, 1),
        "errors": len(tally.errors), "first_errors": tally.errors[:5],
        "changes_applied": tally.applied, "server_rss_start_mb": round(memory_start / 1024, 1),
        "server_rss_end_mb": round(memory_end / 1024, 1),
        "server_rss_growth_mb": round((memory_end - memory_start) / 1024, 1),
    }  # fmt: skip


def prepare(base_url: str, rsos: int, soms: int) -> tuple[str, list[str]]:
    url = new_database(base_url, "soak")
    store = ServerStore(url)
    store.migrate()
    accounts = seed_demo(store, rsos, 2026, TODAY, soms=soms)
    store.set_policy(default_policy_text())
    store.engine.dispose()
    return url, [a.username for a in accounts if a.role == "som"]


def main() -> None:
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 180
    url, soms = prepare(os.environ["SOMDESK_TEST_PG_URL"], 2000, 25)
    server = CentralStoreProcess(url)
    server.start()
    try:
        result = soak(server.url, server.pid, soms, clients, seconds)
    finally:
        server.stop()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
