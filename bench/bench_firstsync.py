"""Benchmark: the first sync of a whole force beside its floors, on a real PostgreSQL, in one run.

    scripts/with-postgres .venv/bin/python bench/bench_firstsync.py [RSOS] [ROUNDS] [priority]   (10000, 3)

Seeds the demo force once, starts the central store as its own process (`somdesk-server run`), then, in
each round and interleaved (absolute times move with the machine's load; the ratios are the figures),
each into a new empty encrypted profile:
- first sync end to end (sign-in aside: pull every page over HTTP on loopback and write it), as now;
- the same with no page fetched ahead (each fetched after the last is written), to see what the
  fetching thread gives;
- the same through the per-row writer it replaced (tests/server/per_row_writer.py: rows bound from
  Python, triggers on, the page parsed in Python), the "before";
- plain copy: the same rows read straight from PostgreSQL and inserted into SQLCipher from Python
  (executemany per table, one transaction per 10,000 rows), no HTTP, no central store;
- lowest floor: the pages already in memory (fetched beforehand), written by SQLCipher from their JSON
  with the triggers replaced by one recompute per page (store/pulled.py alone), no HTTP;
- the same floor with the per-row triggers left on, to show what they cost.
Prints each in records per second, per round, then the medians and the ratios to the lowest floor.

Then (or alone, with `priority`) the prioritised first sync as a new laptop sees it: the seconds until it
holds every very high and high risk case (and those with a visit planned this week: the manifest's first
cases) beside the seconds for the whole first sync, for the supervisor of every team and for one SOM.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from unittest import mock

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.per_row_writer import PerRowSync  # noqa: E402
from tests.server.sync_helpers import PASSPHRASE, CentralStoreProcess, new_database, new_device  # noqa: E402

from somdesk.contract.sync import MAX_PAGE, received  # noqa: E402
from somdesk.domain.records import record_type, record_types  # noqa: E402
from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402
from somdesk.store import pulled  # noqa: E402
from somdesk.store.profile import OpenProfile, Profile  # noqa: E402
from somdesk.store.replica import LocalSync  # noqa: E402
from somdesk.sync import engine  # noqa: E402
from somdesk.sync.engine import sync_once  # noqa: E402

TODAY = date(2026, 11, 23)
USER = "bench.all"
HIGH = "SELECT count(*) FROM nominals WHERE risk_level >= 3"  # very high and high risk cases held


def _profile(folder: Path, name: str) -> OpenProfile:
    return Profile(folder / name).create(PASSPHRASE, USER, None, passphrase_only=True)


class InOrder(ThreadPoolExecutor):
    """An executor that runs each job as it is submitted: no page fetched while another is written."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        done: Future[object] = Future()
        done.set_result(fn(*args, **kwargs))
        return done


def first_sync(folder: Path, name: str, url: str, writer: type[LocalSync], ahead: bool = True) -> int:
    """Sign in, then time the pull of every page (each written as it comes) into a new profile;
    `ahead`: the next page fetched while one is written (as the engine does), else one after the other."""
    device = new_device(folder / name, url, USER, DEMO_PASSWORD)
    local = writer(device.opened)
    started = time.perf_counter()
    with mock.patch.object(engine, "ThreadPoolExecutor", ThreadPoolExecutor if ahead else InOrder):
        pulled_count = sync_once(local, device.remote).pulled
    took = time.perf_counter() - started
    device.close()
    return _rate(pulled_count, took)


def until_priority(folder: Path, name: str, url: str, user: str) -> tuple[float, float, int, int, int]:
    """A first sync into a new profile, timed from its start: (seconds until the priority cases were all
    written, seconds for the whole sync, priority cases, all cases, records). The very high and high risk
    cases are checked to be held at that moment."""
    device = new_device(folder / name, url, user, DEMO_PASSWORD)
    marks: dict[str, float] = {}
    counts: dict[str, int] = {}

    def progress(stage: str, count: int, total: int) -> None:
        if stage == "priority" and "priority" not in marks:
            marks["priority"] = time.perf_counter() - started
            counts["priority"], counts["total"] = count, total
            with device.opened.engine.connect() as conn:
                counts["high"] = conn.exec_driver_sql(
                    "SELECT count(*) FROM nominals WHERE risk_level >= 3"
                ).scalar()

    started = time.perf_counter()
    report = sync_once(device.local, device.remote, progress=progress)
    whole = time.perf_counter() - started
    with device.opened.engine.connect() as conn:
        high = conn.exec_driver_sql(HIGH).scalar()
    assert counts.get("high") == high, "a very high or high risk case came after the priority mark"
    device.close()
    return (
        marks.get("priority", whole),
        whole,
        counts.get("priority", 0),
        counts.get("total", 0),
        report.pulled,
    )


def plain_copy(folder: Path, name: str, store: ServerStore) -> int:
    """The rows straight from PostgreSQL into SQLCipher, bound from Python, 10,000 per transaction."""
    opened = _profile(folder, name)
    started = time.perf_counter()
    count = 0
    with store.engine.connect() as pg:
        result = pg.execution_options(stream_results=True, yield_per=MAX_PAGE).execute(
            text("SELECT table_name, version, deleted, data FROM records ORDER BY version")
        )
        for chunk in result.partitions():
            by_table: dict[str, list[tuple[object, ...]]] = {}
            for table, version, deleted, data in chunk:
                record = record_type(table)
                assert record is not None
                d = json.loads(data) if isinstance(data, str) else dict(data)
                d["deleted"], d["version"] = deleted, version
                names = [*sorted(record.synced), "version"]
                by_table.setdefault(table, []).append(tuple(d.get(c) for c in names))
            with LocalSync(opened)._foreign_keys_off() as conn, conn.begin():  # parents may come later
                for record in record_types():
                    rows = by_table.get(record.name)
                    if rows:
                        names = [*sorted(record.synced), "version"]
                        conn.exec_driver_sql(
                            f"INSERT OR REPLACE INTO {record.name} ({', '.join(names)}) "
                            f"VALUES ({', '.join('?' * len(names))})",
                            rows,
                        )
                        count += len(rows)
    took = time.perf_counter() - started
    opened.lock()
    return _rate(count, took)


def floor(folder: Path, name: str, pages: list[str], keep_triggers: bool) -> int:
    """The pages from memory, written by SQLCipher from their JSON, one transaction each."""
    opened = _profile(folder, name)
    local = LocalSync(opened)
    started = time.perf_counter()
    count = 0
    with local._foreign_keys_off() as conn:
        for page in pages:
            with conn.begin():
                count += pulled.load(conn, page)
                written = pulled.tables(conn)
                if keep_triggers:
                    for record in record_types():
                        if record.name in written:
                            conn.exec_driver_sql(pulled._insert_sql(record), (record.name,))
                else:
                    pulled.write_rows(conn, written)
    took = time.perf_counter() - started
    opened.lock()
    return _rate(count, took)


def _rate(count: int, seconds: float) -> int:
    return round(count / seconds)


def _fetch_all(url: str, folder: Path) -> list[str]:
    device = new_device(folder / "fetch", url, USER, DEMO_PASSWORD)
    out, cursor, more = [], 0, True
    while more:
        page = device.remote.pull(cursor, MAX_PAGE)
        out.append(page.text)
        cursor, more = page.cursor, page.more
    device.close()
    return out


def priority_runs(folder: Path, url: str, store: ServerStore, rounds: int) -> None:
    with store.engine.connect() as conn:
        som = conn.execute(text("SELECT username FROM users WHERE role = 'som' ORDER BY username")).scalar()
    for user in (USER, som):
        for r in range(rounds):
            first, whole, n, total, records = until_priority(folder, f"p{r}-{user}", url, user)
            print(
                f"{user}: priority cases ({n:,} of {total:,}: very high and high risk, visits planned this "
                f"week) held after {first:.2f} s; whole first sync {whole:.2f} s ({records:,} records)",
                flush=True,
            )


def main() -> None:
    rsos = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    only_priority = len(sys.argv) > 3 and sys.argv[3] == "priority"
    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], "bench")
    store = ServerStore(url)
    store.migrate()
    started = time.perf_counter()
    seed_demo(store, rsos, 2026, TODAY, soms=1)
    with store.engine.connect() as conn:
        teams = [r[0] for r in conn.execute(text("SELECT id FROM records WHERE table_name = 'teams'"))]
        total = conn.execute(text("SELECT count(*) FROM records")).scalar_one()
    store.add_user(USER, "Supervisor of every team", "supervisor", DEMO_PASSWORD, None, tuple(teams))
    print(f"seeded {rsos:,} RSOs: {total:,} records in {time.perf_counter() - started:.0f} s", flush=True)
    server = CentralStoreProcess(url)
    server.start()
    folder = Path(tempfile.mkdtemp(prefix="somdesk-bench-firstsync-"))
    try:
        print(
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.platform()}",
            flush=True,
        )
        priority_runs(folder, server.url, store, rounds)
        if only_priority:
            return
        pages = _fetch_all(server.url, folder)
        assert sum(received(p).more is False for p in pages) == 1
        runs: dict[str, Callable[[str], int]] = {
            "first sync, now (end to end)": lambda n: first_sync(folder, n, server.url, LocalSync),
            "first sync, now, no page fetched ahead (end to end)": lambda n: first_sync(
                folder, n, server.url, LocalSync, ahead=False
            ),
            "first sync, per-row writer before (end to end)": lambda n: first_sync(
                folder, n, server.url, PerRowSync
            ),
            "plain copy from PostgreSQL (floor)": lambda n: plain_copy(folder, n, store),
            "pages from memory by SQLCipher, one recompute per page (lowest floor)": lambda n: floor(
                folder, n, pages, keep_triggers=False
            ),
            "pages from memory by SQLCipher, per-row triggers on": lambda n: floor(
                folder, n, pages, keep_triggers=True
            ),
        }
        found: dict[str, list[int]] = {what: [] for what in runs}
        for r in range(rounds):
            for n, (what, run) in enumerate(runs.items()):
                found[what].append(run(f"r{r}-{n}"))
            load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
            print(
                f"round {r + 1}: " + ", ".join(f"{v[-1]:,}" for v in found.values()) + f" ({load})",
                flush=True,
            )
        lowest = statistics.median(found[next(k for k in runs if "lowest" in k)])
        print(
            f"\n{total:,} records, median of {rounds} rounds, records/s "
            "(time as a multiple of the lowest floor's):"
        )
        for what, rates in found.items():
            median = statistics.median(rates)
            print(f"  {what}: {median:,.0f}/s ({lowest / median:.2f}x)")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
