"""Benchmark: sync with the central store on a real PostgreSQL, over HTTP on loopback.

    scripts/with-postgres .venv/bin/python bench/bench_sync.py [RSOS]      (default: 10000)

The central store runs as its own process (`somdesk-server run`), the client in this one, as they
would. Prints:
- initial sync of the whole force (a supervisor of every team) into an empty encrypted profile:
  records and records per second, end to end (sign-in, pull, write);
- one change saved on device A, shown on device B with no user action (B runs the background loop
  with its long poll): median, p95 and worst of 30, from A's save to the row in B's database;
- server time (Server-Timing) and round trip for a push of 100 mutations: p50, p95 of 50.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.sync_helpers import CentralStoreProcess, new_database, new_device  # noqa: E402

from somdesk.domain.audit import Action  # noqa: E402
from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402
from somdesk.sync.engine import SyncLoop, sync_once  # noqa: E402

TODAY = date(2026, 11, 23)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    rsos = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], "bench")
    store = ServerStore(url)
    store.migrate()
    started = time.perf_counter()
    seed_demo(store, rsos, 2026, TODAY, soms=1)
    with store.engine.connect() as conn:
        teams = [r[0] for r in conn.execute(text("SELECT id FROM records WHERE table_name = 'teams'"))]
        total = conn.execute(text("SELECT count(*) FROM records")).scalar_one()
    store.add_user("bench.all", "Supervisor of every team", "supervisor", DEMO_PASSWORD, None, tuple(teams))
    print(f"seeded {rsos:,} RSOs: {total:,} records in {time.perf_counter() - started:.1f} s")

    server = CentralStoreProcess(url)
    server.start()
    base = server.url
    folder = Path(tempfile.mkdtemp(prefix="somdesk-bench-sync-"))
    try:
        # 1. initial sync of the whole force
        started = time.perf_counter()
        whole = new_device(folder / "whole", base, "bench.all", DEMO_PASSWORD)
        report = whole.sync()
        took = time.perf_counter() - started
        print(
            f"initial sync: {report.pulled:,} records in {took:.2f} s = "
            f"{report.pulled / took:,.0f} records/s "
            f"(goal 20,000/s); {whole.count('nominals'):,} RSOs, {whole.count('visits'):,} visits"
        )
        whole.close()

        # 2. a change on A shown on B, no user action
        a = new_device(folder / "a", base, "som1", DEMO_PASSWORD)
        b = new_device(folder / "b", base, "som1", DEMO_PASSWORD)
        a.sync(), b.sync()
        arrived = threading.Event()
        loop = SyncLoop(b.local, b.remote, lambda _s: None, lambda _r: arrived.set(), every=600, long_poll=25)
        loop.start()
        time.sleep(1.0)
        with a.opened.engine.connect() as conn:
            case = conn.exec_driver_sql("SELECT id FROM nominals LIMIT 1").scalar_one()
        delays = []
        for n in range(30):
            value = f"bench change {n}"
            arrived.clear()
            started = time.perf_counter()
            with a.opened.unit_of_work(justification_required=False) as uow:
                uow.update_nominal(case, {"plan_rationale": value})
            sync_once(a.local, a.remote)
            while b.value("nominals", case, "plan_rationale") != value:
                arrived.wait(0.005)
            delays.append(time.perf_counter() - started)
            time.sleep(0.2)
        loop.stop()
        ms = [d * 1000 for d in delays]
        print(
            f"change on A shown on B: median {statistics.median(ms):.0f} ms, p95 {pct(ms, 0.95):.0f} ms, "
            f"worst {max(ms):.0f} ms (goal under 1 s)"
        )

        # 3. server time for a 100-mutation push
        with a.opened.engine.connect() as conn:
            cases = [r[0] for r in conn.exec_driver_sql("SELECT id FROM nominals LIMIT 100")]
        server_ms, round_ms = [], []
        client = httpx.Client(base_url=base)
        a.remote._fresh_access(None)
        for n in range(50):
            changed = (cases * 100)[:100]
            with a.opened.unit_of_work(justification_required=False) as uow:  # each change with its entry
                for c in changed:
                    uow.audit.entry(Action.ALTERATION, "nominals", c, uow.now)
            body = {
                "protocol": 1,
                "schema_revision": a.remote.schema,
                "mutations": [
                    {"id": str(uuid.uuid4()), "table": "nominals", "record_id": c, "operation": "update",
                     "base_version": 0, "fields": {"plan_rationale": f"push {n}"}}
                    for c in changed
                ],
                "audit": list(a.local.outgoing(0).audit),
            }  # fmt: skip
            started = time.perf_counter()
            answer = client.post(
                "/v1/push", json=body, headers={"Authorization": f"Bearer {a.remote._access}"}
            )
            round_ms.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200, answer.text
            a.local.acknowledge([], [], answer.json()["audit_seq"], datetime.now(UTC))  # entries stored
            server_ms.append(float(answer.headers["Server-Timing"].split("dur=")[1]))
        print(
            f"push of 100 mutations, server time: p50 {pct(server_ms, 0.5):.1f} ms, "
            f"p95 {pct(server_ms, 0.95):.1f} ms (goal p95 under 100 ms); "
            f"round trip p50 {pct(round_ms, 0.5):.1f} ms, p95 {pct(round_ms, 0.95):.1f} ms"
        )
        a.close(), b.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
