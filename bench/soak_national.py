"""Soak at national shape: thousands of simulated laptops (Locust, headless, bounded in time) holding long
polls, pulling on change and every minute, pushing visits at field rates, a few supervisors reallocating,
through HAProxy in front of two central store instances on one PostgreSQL, all on loopback.

    scripts/with-postgres .venv/bin/python bench/soak_national.py [--users 2000] [--rate 20]
        [--seconds 300] [--rsos 3000] [--instances 2] [--push-every 600] [--supervisors 4] [--out DIR]

1. A fresh database with the demo force (somdesk.server.demo.seed_demo: `--rsos` RSOs, each team's
   supervisor) and the shipped force policy; a SOM account for every two devices (two laptops per SOM,
   as 2,000 devices for 1,000 SOMs), each managing the caseload of one of the force's SOMs. Each device
   starts holding its caseload (the ids are handed to it), so the soak is a working day, not a first
   sync.
2. `--instances` `somdesk-server run` processes and HAProxy with packaging/haproxy/somdesk.cfg
   (tests/server/balancer.py).
3. `locust -f bench/locustfile.py --headless -u USERS -r RATE -t SECONDS --host <HAProxy> --csv ...`
   (one Locust process: gevent holds thousands of idle long polls; its CPU is sampled and printed, since it
   shares the machine's cores with the central store).
4. Every 2 s: each instance's resident memory, PostgreSQL's (the proportional set size of the postmaster
   and all its children, so shared buffers count once), Locust's CPU and the load average.

Prints a table and the figures as JSON (also in OUT/result.json; Locust's CSV files beside it):
requests per second, p50/p95/p99 by kind and over everything but the long polls, the sign-ins and the
supervisors' first sync (the long polls wait by design; the sign-ins cost scrypt by design), errors
(any request Locust counts failed), and whether every visit the central store said it applied is
stored. tests/server/test_soak_national.py runs it shortened in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tests.server.balancer as balancing  # noqa: E402
from tests.server.balancer import Balancer  # noqa: E402
from tests.server.sync_helpers import new_database  # noqa: E402

from somdesk.app.policy import default_policy_text  # noqa: E402
from somdesk.contract.sync import PROTOCOL  # noqa: E402
from somdesk.domain.records import record_type  # noqa: E402
from somdesk.server import signin, sync  # noqa: E402
from somdesk.server.app import ACCESS_LIFETIME, REFRESH_LIFETIME  # noqa: E402
from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.scope import SYSTEM, Scope  # noqa: E402
from somdesk.server.store import ServerStore, _account  # noqa: E402
from somdesk.store.migrate import head_revision  # noqa: E402

TODAY = date(2026, 11, 23)
UNMEASURED = ("wait (long poll)", "login (sign-in)", "first sync (pull)")  # as bench/locustfile.py


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def prepare(base_url: str, rsos: int, accounts: int) -> tuple[str, dict[str, Any]]:
    """A database with the demo force and `accounts` SOM accounts, each managing a caseload of its own
    (`national_caseloads`: as a national force's 1,000 SOMs each hold theirs, so a push wakes that SOM's
    two laptops and their team's supervisor, not every account that shared a caseload), all with
    DEMO_PASSWORD; the accounts for Locust (SOMs with their cases, supervisors)."""
    url = new_database(base_url, "national")
    store = ServerStore(url)
    store.migrate()
    seed_demo(store, rsos, 2026, TODAY, soms=1)
    store.set_policy(default_policy_text())
    national_caseloads(store, accounts)
    with store.engine.begin() as conn:
        held = conn.execute(
            text("SELECT officer_id, id FROM records WHERE table_name = 'nominals' AND NOT deleted")
        ).all()
        cases: dict[str, list[str]] = defaultdict(list)
        for officer, case in held:
            cases[officer].append(case)
        officers = sorted(cases)
        # One scrypt hash (som1's, the same password) for them all: hashing thousands costs minutes.
        hashed = conn.execute(text("SELECT password_hash FROM users WHERE username = 'som1'")).scalar_one()
        now = datetime.now(UTC)
        rows = [
            {"username": f"field{n}", "display_name": f"DC Field {n}", "role": "som",
             "officer_id": officers[n % len(officers)], "password_hash": hashed, "created_at": now}
            for n in range(accounts)
        ]  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO users (username, display_name, role, officer_id, password_hash, disabled, "
                "created_at, team_ids) VALUES (:username, :display_name, :role, :officer_id, :password_hash, "
                "false, :created_at, '[]')"
            ),
            rows,
        )
        supervisors = conn.execute(text("SELECT username FROM users WHERE role = 'supervisor'")).scalars()
        supervisors = sorted(supervisors)
    soms = [{"username": r["username"], "cases": cases[r["officer_id"]]} for r in rows]
    started = time.perf_counter()
    for som in soms:
        som["devices"] = [signed_in(store, som["username"]) for _ in range(2)]
    print(f"{2 * len(soms)} devices signed in in {time.perf_counter() - started:.1f} s", flush=True)
    store.engine.dispose()
    return url, {"password": DEMO_PASSWORD, "protocol": PROTOCOL, "schema_revision": head_revision(),
                 "soms": soms, "supervisors": [{"username": u} for u in supervisors]}  # fmt: skip


def national_caseloads(store: ServerStore, soms: int) -> None:
    """`soms` SOMs in the force's teams, the cases dealt out among them (a few each at this force's size),
    through the central store's own push: the demo force has one SOM for every 50-100 cases, so a soak of
    2,000 devices on its 3,000 cases would put 25 accounts on each caseload and wake 50 laptops at each
    push, 25 times the fan-out of a national force seeded whole (70,000 cases: an hour to seed here)."""
    with store.engine.connect() as conn:
        template = json.loads(
            conn.execute(
                text("SELECT data FROM records WHERE table_name = 'officers' AND NOT deleted "
                     "AND data::jsonb ->> 'is_som' = 'true' ORDER BY id LIMIT 1")
            ).scalar_one()
        )  # fmt: skip
        teams = sorted(conn.execute(text("SELECT id FROM records WHERE table_name = 'teams'")).scalars())
        cases = sorted(
            conn.execute(
                text("SELECT id FROM records WHERE table_name = 'nominals' AND NOT deleted")
            ).scalars()
        )
    synced = record_type("officers").synced  # type: ignore[union-attr]
    officers = [str(uuid.uuid4()) for _ in range(soms)]
    changes = [
        sync.Mutation(str(uuid.uuid4()), "officers", officer, "insert", 0, {
            **{k: v for k, v in template.items() if k in synced and k != "id"},
            "name": f"DC Caseload {n}", "team_id": teams[n % len(teams)],
        })
        for n, officer in enumerate(officers)
    ]  # fmt: skip
    with store.engine.connect() as conn:
        versions = {
            str(case): int(version)
            for case, version in conn.execute(
                text("SELECT id, version FROM records WHERE table_name = 'nominals'")
            )
        }
    changes += [
        sync.Mutation(str(uuid.uuid4()), "nominals", case, "update", versions[case],
                      {"officer_id": officers[n % soms]})
        for n, case in enumerate(cases)
    ]  # fmt: skip
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        results, _ = sync.push(
            conn, Scope(SYSTEM, "soak", None), "soak-setup", changes, [], now, remember=False
        )
    refused = [r for r in results if r["status"] != "applied"]
    if refused:
        raise SystemExit(f"the soak's caseloads were refused: {refused[:3]}")


def signed_in(store: ServerStore, username: str) -> dict[str, str]:
    """A laptop registered and signed in to `username`, as after its password sign-in: its device id
    and tokens. Laptops sign in once a fortnight (then refresh): the soak is a working day, so the
    devices start signed in, without a scrypt each (`--sign-in` has them sign in through the API)."""
    device = str(uuid.uuid4())
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM users WHERE username = :u"), {"u": username}).one()
    account = _account(row)
    store.register_device(account, device, "locust")
    pair = signin.start(store.engine, signin.SignedIn(account, row.password_hash), device,
                        (ACCESS_LIFETIME, REFRESH_LIFETIME))  # fmt: skip
    assert isinstance(pair, tuple), pair
    return {"device_id": device, "access_token": pair[0], "refresh_token": pair[1]}


def postmaster(url: str) -> psutil.Process:
    """The PostgreSQL server process of the database at `url` (a backend's parent)."""
    store = ServerStore(url)
    with store.engine.connect() as conn:
        backend = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        parent = psutil.Process(backend).parent()
    store.engine.dispose()
    assert parent is not None
    return parent


def _memory(process: psutil.Process) -> int:
    """Proportional set size where it can be read (shared pages split between their holders), else RSS."""
    try:
        return int(process.memory_full_info().pss)
    except (psutil.AccessDenied, AttributeError):
        return int(process.memory_info().rss)


class Sampler(threading.Thread):
    """Memory of each instance and of PostgreSQL, Locust's CPU and the load average, every 2 s."""

    def __init__(self, instances: list[int], pg: psutil.Process) -> None:
        super().__init__(daemon=True)
        self.instances = [psutil.Process(pid) for pid in instances]
        self.pg = pg
        self.locust: psutil.Process | None = None
        self.samples: list[dict[str, float]] = []
        self.stop = threading.Event()

    def sample(self) -> dict[str, float]:
        found: dict[str, float] = {"t": time.monotonic(), "load": os.getloadavg()[0]}
        for n, p in enumerate(self.instances, start=1):
            try:
                found[f"instance{n}_mb"] = p.memory_info().rss / 2**20
            except psutil.NoSuchProcess:
                found[f"instance{n}_mb"] = 0.0
        total = 0
        for p in [self.pg, *self.pg.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess):
                total += _memory(p)
        found["postgres_mb"] = total / 2**20
        if self.locust is not None:
            try:
                cpu = self.locust.cpu_times()
                found["locust_cpu_s"] = cpu.user + cpu.system
            except psutil.NoSuchProcess:
                pass
        return found

    def run(self) -> None:
        while not self.stop.wait(2.0):
            self.samples.append(self.sample())


def summarise(outputs: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    times: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    visits: list[str] = []
    reasons: list[str] = []
    for out in outputs:
        for name, values in out["times"].items():
            times[name] += values
        for name, values in out["failures"].items():
            failures[name] += values
        visits += out["applied_visits"]
        reasons += out["reasons"]
        for key in ("rejected", "conflicts", "news", "pages with news", "reallocated"):
            counts[key] += out[key]
    measured = [t for name, values in times.items() if name not in UNMEASURED for t in values]
    kinds = {
        name: {"requests": len(v), "per_second": round(len(v) / seconds, 1),
               "p50_ms": round(pct(v, 0.50)), "p95_ms": round(pct(v, 0.95)), "p99_ms": round(pct(v, 0.99)),
               "errors": len(failures.get(name, []))}
        for name, v in sorted(times.items())
    }  # fmt: skip
    return {
        "requests": sum(len(v) for v in times.values()),
        "requests_per_second": round(sum(len(v) for v in times.values()) / seconds, 1),
        "measured_requests": len(measured),
        "measured_per_second": round(len(measured) / seconds, 1),
        "p50_ms": round(pct(measured, 0.50)), "p95_ms": round(pct(measured, 0.95)),
        "p99_ms": round(pct(measured, 0.99)),
        "errors": sum(len(v) for v in failures.values()),
        "measured_errors": sum(len(v) for name, v in failures.items() if name not in UNMEASURED),
        "first_errors": [f"{name}: {e}" for name, v in failures.items() for e in v[:3]][:10],
        "kinds": kinds, "applied_visits": visits, "refusals": reasons[:5], **counts,
    }  # fmt: skip


def run(
    base_url: str, folder: Path, users: int, rate: float, seconds: int, rsos: int = 3000,
    instances: int = 2, push_every: float = 600, supervisors: int = 4, sign_in: bool = False,
    reallocate_every: float = 60, check_timeout: float | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The whole soak; returns the figures (see the module's docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("locust-out.*.json"):  # an earlier run's in the same folder would be summed in
        stale.unlink()
    began = time.perf_counter()
    url, accounts = prepare(base_url, rsos, max(1, (users + 1) // 2))
    seeded = time.perf_counter() - began
    (folder / "accounts.json").write_text(json.dumps(accounts))
    env = {
        **os.environ,
        "SOMDESK_SOAK_ACCOUNTS": str(folder / "accounts.json"),
        "SOMDESK_SOAK_OUT": str(folder / "locust-out"),
        "SOMDESK_SOAK_PUSH_EVERY": str(push_every),
        "SOMDESK_SOAK_SUPERVISORS": str(supervisors),
        "SOMDESK_SOAK_SIGN_IN": "1" if sign_in else "0",
        "SOMDESK_SOAK_REALLOCATE_EVERY": str(reallocate_every),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }
    locust = Path(sys.executable).with_name("locust")
    shipped = balancing.CONFIG
    if check_timeout is not None:  # an experiment: the shipped configuration with `timeout check` added
        changed = shipped.read_text(encoding="utf-8").replace(
            "    timeout connect 2s\n", f"    timeout connect 2s\n    timeout check {check_timeout:g}s\n"
        )
        balancing.CONFIG = folder / "somdesk-check.cfg"
        balancing.CONFIG.write_text(changed, encoding="utf-8")
    with contextlib.ExitStack() as stack:
        try:
            balancer = stack.enter_context(Balancer(url, instances, folder))
        finally:
            balancing.CONFIG = shipped
        sampler = Sampler([i.pid for i in balancer.instances], postmaster(url))
        before = sampler.sample()
        sampler.start()
        command = [
            str(locust), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(users),
            "-r", str(rate), "-t", f"{seconds}s", "--host", balancer.url, "--csv", str(folder / "locust"),
            "--only-summary", "--stop-timeout", "0", "--loglevel", "WARNING",
        ]  # fmt: skip
        started = time.perf_counter()
        with (folder / "locust.log").open("wb") as log:
            proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
            sampler.locust = psutil.Process(proc.pid)
            proc.wait(seconds + 120)
        took = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
        after = sampler.sample()
        store = ServerStore(url)
        outputs = [json.loads(p.read_text()) for p in folder.glob("locust-out.*.json")]
        result = summarise(outputs, seconds)
        ids = result.pop("applied_visits")
        with store.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT count(*) FROM records WHERE table_name = 'visits' AND id = ANY(:ids)"),
                {"ids": ids},
            ).scalar_one()
        store.engine.dispose()
    samples = sampler.samples or [after]
    mem = {
        key: {"start": round(before[key]), "peak": round(max(s.get(key, 0) for s in samples)),
              "end": round(samples[-1].get(key, 0))}
        for key in before if key.endswith("_mb")
    }  # fmt: skip
    locust_cpu = samples[-1].get("locust_cpu_s", 0.0)
    result.update(
        users=users, rate=rate, seconds=seconds, rsos=rsos, instances=instances, push_every=push_every,
        supervisors=supervisors, sign_in=sign_in, check_timeout=check_timeout, soms=len(accounts["soms"]),
        seed_seconds=round(seeded),
        locust_exit=proc.returncode, locust_wall_s=round(took), locust_cpu_share=round(locust_cpu / took, 2),
        visits_applied=len(ids), visits_stored=int(stored), memory_mb=mem,
        load=[round(before["load"], 1), round(max(s["load"] for s in samples), 1)],
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=f"{os.cpu_count()} cores, Python {platform.python_version()}",
    )  # fmt: skip
    (folder / "result.json").write_text(json.dumps(result, indent=1))
    return result


def table(result: dict[str, Any]) -> str:
    lines = [
        f"{result['users']} devices ({result['supervisors']} supervisors) on {result['soms']} SOM accounts, "
        f"{result['rsos']:,} RSOs, {result['instances']} instances behind HAProxy, {result['seconds']} s "
        f"(ramp {result['rate']}/s), a push per device every {result['push_every']:g} s on average; "
        f"load {result['load'][0]} -> peak {result['load'][1]}; {result['when']}",
        "",
        f"{'request':<22}{'count':>9}{'per s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}",
    ]
    for name, k in result["kinds"].items():
        lines.append(
            f"{name:<22}{k['requests']:>9}{k['per_second']:>8}{k['p50_ms']:>8}{k['p95_ms']:>8}"
            f"{k['p99_ms']:>8}{k['errors']:>8}"
        )
    lines += [
        f"{'all but long polls,':<22}{result['measured_requests']:>9}{result['measured_per_second']:>8}"
        f"{result['p50_ms']:>8}{result['p95_ms']:>8}{result['p99_ms']:>8}{result['measured_errors']:>8}",
        "  sign-ins, first sync",
        "",
        f"errors, all requests: {result['errors']}",
        f"visits applied {result['visits_applied']}, stored {result['visits_stored']}; refused "
        f"{result['rejected']}; conflicts {result['conflicts']}; cases reallocated {result['reallocated']}; "
        f"news heard {result['news']} ({result['pages with news']} with their page)",
        f"Locust used {result['locust_cpu_share']:.0%} of a core; exit code {result['locust_exit']}",
        "memory (MB)        start    peak     end",
    ]
    for key, m in result["memory_mb"].items():
        lines.append(f"  {key.removesuffix('_mb'):<15}{m['start']:>8}{m['peak']:>8}{m['end']:>8}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--rsos", type=int, default=3000)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--push-every", type=float, default=600)
    parser.add_argument("--supervisors", type=int, default=4)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--sign-in", action="store_true", help="devices sign in through the API (scrypt)")
    parser.add_argument("--check-timeout", type=float, default=None, help="HAProxy's `timeout check`, s")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.out or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        result = run(
            os.environ["SOMDESK_TEST_PG_URL"], folder, args.users, args.rate, args.seconds, args.rsos,
            args.instances, args.push_every, args.supervisors, args.sign_in, check_timeout=args.check_timeout,
        )  # fmt: skip
    print(table(result))
    print(json.dumps({k: v for k, v in result.items() if k != "kinds"}))


if __name__ == "__main__":
    main()
