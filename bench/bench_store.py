"""Benchmark: the encrypted store against plain SQLite on the same workload.

    .venv/bin/python bench/bench_store.py [RSOS ...]      (default: 10000 100000)
    .venv/bin/python bench/bench_store.py --writes [RSOS]  (the writes only; default 10000)

Prints: unlock time; visits written per second through the unit of work (one visit per transaction,
and batches of 100) and the pages each single-visit commit writes; and the time to read every case
from the store and compute all queues and the caseload, for each size. Each workload runs on
SQLCipher and on plain SQLite with the same pragmas, and the ratio is printed. The writes alternate
between the two stores round by round (medians of the rounds), so a change in the machine's load
moves both. Plain SQLite here is for comparison only; somdesk never stores data in it.
"""

from __future__ import annotations

import collections
import gc
import sqlite3
import statistics
import struct
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

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


def engines(folder: Path, before: bool = False) -> dict[str, Engine]:
    old: dict[str, Any] = {"statement_cache": 128, "new_hmac": "HMAC_SHA512"} if before else {}
    out = {
        "sqlcipher": sqlcipher_engine(folder / "cipher.db", new_database_key(), **old),
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


def write_visits(
    engine: Engine, nominal_ids: list[str], count: int, batch: int, first: int = 0, day: int = 23
) -> None:
    for start in range(first, first + count, batch):
        with uow(engine) as work:
            work.add_visits(
                Visit(
                    nominal_ids[(start + i) % len(nominal_ids)],
                    datetime(2026, 11, day, 10),
                    VisitOutcome.SEEN,
                    notes=f"bench {start + i}",
                )
                for i in range(batch)
            )


# Short turns, many rounds: the load of a shared machine changes within seconds.
WRITES = {"visits/s, 1 per transaction": (500, 1), "visits/s, 100 per transaction": (5000, 100)}
ROUNDS = 9


CPU = " (CPU time)"


def writes_interleaved(stores: dict[str, tuple[Engine, list[str]]]) -> dict[str, dict[str, float]]:
    """Visits per second on each store, the stores taking turns round by round (and swapping which
    goes first), median of the rounds: both see the same load. Each also by this process's CPU time
    (key + CPU), which moves less than wall time with what else runs on a shared machine."""
    keys = [key + clock for key in WRITES for clock in ("", CPU)]
    times: dict[str, dict[str, list[float]]] = {name: {key: [] for key in keys} for name in stores}
    order = list(stores)
    for round_ in range(ROUNDS):
        for key, (count, batch) in WRITES.items():
            for name in order if round_ % 2 == 0 else order[::-1]:
                engine, ids = stores[name]
                gc.collect()
                wall, cpu = time.perf_counter(), time.process_time()
                write_visits(engine, ids, count, batch, first=round_ * count)
                times[name][key].append(time.perf_counter() - wall)
                times[name][key + CPU].append(time.process_time() - cpu)
    return {
        name: {k: WRITES[k.removesuffix(CPU)][0] / statistics.median(runs) for k, runs in by_key.items()}
        for name, by_key in times.items()
    }


def wal_pages(wal: Path, page_size: int = 4096) -> tuple[list[int], int]:
    """The page number of every frame of the current WAL, and how many frames end a commit. Frames
    left from before the WAL last restarted carry another salt and are not counted."""
    data = wal.read_bytes()
    salt = data[16:24]
    pages, commits = [], 0
    for offset in range(32, len(data) - 24 - page_size + 1, 24 + page_size):  # after the 32-byte header
        page, size_after_commit = struct.unpack(">II", data[offset : offset + 8])
        if data[offset + 8 : offset + 16] != salt:
            break
        pages.append(page)
        commits += size_after_commit != 0
    return pages, commits


def pages_per_visit(engine: Engine, wal: Path, ids: list[str], commits: int) -> tuple[list[int], int]:
    """The pages (WAL frames) `commits` single-visit commits write, from an emptied WAL, and how
    many commits they are."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").all()
    # A day after the others: each visit moves its nominal's latest seen visit, as a new visit does.
    write_visits(engine, ids, commits, 1, day=24)
    return wal_pages(wal)


def pages_by_btree(plain_file: Path, pages: list[int], commits: int) -> dict[str, float]:
    """Which table or index each written page belongs to (SQLite's dbstat: the plain file only)."""
    with sqlite3.connect(plain_file) as conn:
        owner = dict(conn.execute("SELECT pageno, name FROM dbstat"))
    counted = collections.Counter(owner.get(page, "?") for page in pages)
    return {name: n / commits for name, n in counted.most_common()}


# What the last change to the write path removed, put back on a second pair of stores: the writes
# before and after it are measured in the same run. Before: the driver's default statement cache (128,
# not LRU in sqlcipher3), the audit chain's latest entry read with a bound `LIMIT ?`, which SQLCipher's
# SQLite compiles again at every run, and pages under HMAC-SHA512 (docs/PERFORMANCE.md, "Encrypted
# writes: statements compiled again, and the HMAC").
BEFORE = "sqlcipher3 cached_statements=128; latest audit entry with LIMIT ? OFFSET ?; HMAC-SHA512"
LATEST_NOW = "ORDER BY audit_log.seq DESC\n LIMIT 1 OFFSET ?"
LATEST_BEFORE = "ORDER BY audit_log.seq DESC\n LIMIT ? OFFSET ?"


def as_before(engine: Engine) -> None:
    """The latest-entry read as it was: `LIMIT ?` bound (its parameters: device, 1, 0)."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _bound_limit(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> Any:
        if sql.endswith(LATEST_NOW):
            return sql.replace(LATEST_NOW, LATEST_BEFORE), (params[0], 1, *params[1:])
        return sql, params


def writes_report(folder: Path, rsos: int) -> None:
    stores: dict[str, tuple[Engine, list[str]]] = {}
    files: dict[str, Path] = {}
    for when in ("before", "after"):
        (folder / when).mkdir()
        for name, engine in engines(folder / when, before=when == "before").items():
            if when == "before":
                as_before(engine)
            fill(engine, rsos)
            with engine.connect() as conn:
                ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM nominals")]
            stores[f"{name} {when}"] = engine, ids
            files[f"{name} {when}"] = folder / when / ("cipher.db" if name == "sqlcipher" else "plain.db")
    results = writes_interleaved(stores)
    print(f"\nwrites at {rsos:,} RSOs, {ROUNDS} interleaved rounds (medians); before: {BEFORE}")
    for when in ("before", "after"):
        for key in results[f"plain {when}"]:
            c, p = results[f"sqlcipher {when}"][key], results[f"plain {when}"][key]
            print(f"  {when:<6} {key:<43} sqlcipher {c:7,.0f}   plain {p:7,.0f}   plain/cipher {p / c:4.2f}x")
    written = {}
    for name, (engine, ids) in stores.items():
        # 50 commits: under 1000 frames, so no automatic checkpoint restarts the WAL meanwhile.
        written[name] = pages, commits = pages_per_visit(engine, Path(f"{files[name]}-wal"), ids, 50)
        print(f"  pages written per single-visit commit, {name}: {len(pages) / commits:.2f}")
        engine.dispose()
    for when in ("before", "after"):
        print(f"  by table and index, plain {when}:")
        for btree, n in pages_by_btree(files[f"plain {when}"], *written[f"plain {when}"]).items():
            print(f"    {btree:<36} {n:.2f}")


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
    args = sys.argv[1:]
    print(f"SQLCipher pragmas: {', '.join(CIPHER_PRAGMAS)}; WAL, synchronous=NORMAL, 32 MB cache on both")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args[:1] == ["--writes"]:
            writes_report(folder, int(args[1]) if args[1:] else 10_000)
            return
        sizes = [int(a) for a in args] or [10_000, 100_000]
        print(f"unlock (scrypt n=2^16 + AES-GCM unwrap + open + checks): {unlock_time(folder) * 1000:.0f} ms")
        for rsos in sizes:
            sub = folder / str(rsos)
            sub.mkdir()
            results: dict[str, dict[str, float]] = {}
            for name, engine in engines(sub).items():
                r = results[name] = {"fill": fill(engine, rsos)}
                r["queues"] = queues_from_store(engine)
                engine.dispose()
            print(f"\n{rsos:,} RSOs")
            for key in results["sqlcipher"]:
                c, p = results["sqlcipher"][key], results["plain"][key]
                label = key + " (s)"
                print(f"  {label:<32} sqlcipher {c:9.3f}   plain {p:9.3f}   cipher/plain {c / p:4.2f}x")
        (folder / "writes").mkdir()
        writes_report(folder / "writes", sizes[0])


if __name__ == "__main__":
    main()
