"""Benchmark: the encrypted store against plain SQLite on the same workload.

    .venv/bin/python bench/bench_store.py [RSOS ...]      (default: 10000 100000)

Prints: unlock time; visits written per second through the unit of work (one visit per transaction,
and batches of 100); and the time to read every case from the store and compute all queues and the
caseload, for each size. Each workload runs on SQLCipher and on plain SQLite with the same pragmas,
and the ratio is printed. Plain SQLite here is for comparison only; somdesk never stores data in it.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine

from somdesk.app.compute import compute_figures, gc_paused
from somdesk.app.policy import default_policy
from somdesk.demo import generate
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.store import migrate
from somdesk.store.engine import CIPHER_PRAGMAS, plain_engine, sqlcipher_engine
from somdesk.store.keys import new_database_key
from somdesk.store.profile import Profile
from somdesk.store.read import Reader
from somdesk.store.uow import UnitOfWork

TODAY = date(2026, 11, 23)
POLICY = default_policy()


def clock() -> datetime:
    return datetime.now(UTC)


def median_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        action()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def unlock_time(folder: Path) -> float:
    profile = Profile(folder / "unlock")
    profile.create("benchmark passphrase", "bench", None, passphrase_only=True).lock()
    return median_of(5, lambda: profile.unlock("benchmark passphrase", "bench", None).lock())


def engines(folder: Path) -> dict[str, Engine]:
    out = {
        "sqlcipher": sqlcipher_engine(folder / "cipher.db", new_database_key()),
        "plain": plain_engine(folder / "plain.db"),
    }
    for engine in out.values():
        migrate.upgrade(engine)
    return out


DEVICE = str(uuid.uuid4())  # one device, as on a laptop


def uow(engine: Engine) -> UnitOfWork:
    return UnitOfWork(engine, DEVICE, "bench", True, clock)


def fill(engine: Engine, rsos: int) -> float:
    data = generate(rsos, 1, TODAY)
    t = time.perf_counter()
    with gc_paused(), uow(engine) as work:
        work.import_force(data.teams, data.officers, data.cases, data.visits, data.arms, "benchmark")
    return time.perf_counter() - t


def visits_per_second(engine: Engine, nominal_ids: list[str], count: int, batch: int) -> float:
    def write() -> None:
        for start in range(0, count, batch):
            with uow(engine) as work:
                work.add_visits(
                    Visit(
                        nominal_ids[(start + i) % len(nominal_ids)],
                        datetime(2026, 11, 23, 10),
                        VisitOutcome.SEEN,
                        notes=f"bench {start + i}",
                    )
                    for i in range(batch)
                )

    return count / median_of(3, write)


def queues_from_store(engine: Engine) -> float:
    def run() -> None:
        with engine.connect() as conn:
            reader = Reader(conn)
            with gc_paused():
                cases = reader.cases()
            compute_figures(cases, reader.officers(), reader.teams(), TODAY, POLICY)

    run()  # warm the page cache, as a second refresh in the application would be
    return median_of(5, run)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print(f"SQLCipher pragmas: {', '.join(CIPHER_PRAGMAS)}; WAL, synchronous=NORMAL, 32 MB cache on both")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"unlock (scrypt n=2^16 + AES-GCM unwrap + open + checks): {unlock_time(folder) * 1000:.0f} ms")
        for rsos in sizes:
            sub = folder / str(rsos)
            sub.mkdir()
            results: dict[str, dict[str, float]] = {}
            for name, engine in engines(sub).items():
                r = results[name] = {"fill": fill(engine, rsos)}
                with engine.connect() as conn:
                    nominal_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM nominals")]
                r["queues"] = queues_from_store(engine)
                if rsos == sizes[0]:
                    r["visits/s, 1 per transaction"] = visits_per_second(engine, nominal_ids, 2000, 1)
                    r["visits/s, 100 per transaction"] = visits_per_second(engine, nominal_ids, 20_000, 100)
                engine.dispose()
            print(f"\n{rsos:,} RSOs")
            for key in results["sqlcipher"]:
                c, p = results["sqlcipher"][key], results["plain"][key]
                if key.startswith("visits/s"):
                    print(f"  {key:<32} sqlcipher {c:9,.0f}   plain {p:9,.0f}   plain/cipher {p / c:4.2f}x")
                else:
                    label = key + " (s)"
                    print(f"  {label:<32} sqlcipher {c:9.3f}   plain {p:9.3f}   cipher/plain {c / p:4.2f}x")


if __name__ == "__main__":
    main()
