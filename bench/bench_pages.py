"""Benchmark: the central store building pull pages, in Python (as before) against PostgreSQL assembling
the records' JSON itself (`string_agg` over the stored text, server/pull.py `_records`).

    scripts/with-postgres .venv/bin/python bench/bench_pages.py [RSOS] [COPIES] [ROUNDS] [COMMIT]
    (600, 5, 5, none)

Seeds the demo force (RSOS offenders), then copies its records COPIES - 1 times more in SQL (new ids, the
same officers and areas, later change numbers: a force COPIES times the size, seeded in seconds), and a
supervisor of every team. In each round, interleaved (the order turned round each round), each way
builds, in this process over one connection, as the central store's routes do:
- every cursor page from 0, 10,000 records each (`pull`);
- the first sync's cases pages: the manifest, then its cases 500 at a time, the first with the teams,
  officers and meetings (`cases`).
Ways: "before" (Python: a row object and an f-string per record, the code before this bench), "python"
(the Python path kept for SQLite: RECORD.format per record) and "sql" (PostgreSQL assembles the records).
Every way's pages are checked to be the same bytes. Prints wall seconds, this process's CPU seconds
(the central store's Python) and the PostgreSQL backend's CPU seconds (from /proc: same machine), per
round and their medians, with the load average before and after.

With COMMIT (one from before this change, e.g. 1d651d3), then the same first sync end to end as a new
laptop does it (sign-in aside: the manifest, the cases pages over loopback HTTP, written into a new
encrypted profile, then the cursor pull) against two central store processes on the same database,
`somdesk-server run` of this tree and of COMMIT (its src exported with `git archive`, first on
PYTHONPATH), interleaved: wall seconds, the central store process's CPU and the whole PostgreSQL
cluster's (its postmaster's children), medians.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import Connection, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.sync_helpers import CentralStoreProcess, new_database, new_device  # noqa: E402

from somdesk.contract.sync import MAX_PAGE  # noqa: E402
from somdesk.server import pull as pulling  # noqa: E402
from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.scope import Scope, scope_for  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402
from somdesk.sync.engine import CASES_AT_ONCE, sync_once  # noqa: E402

TODAY = date(2026, 11, 23)
USER = "bench.all"
TICK = os.sysconf("SC_CLK_TCK")


def _before(rows: Sequence[Any]) -> list[str]:
    """pull._served as it was: an f-string per record."""
    return [
        f'{{"t":"{r.table_name}","id":"{r.id}","v":{r.version},"x":{"true" if r.deleted else "false"},'
        f'"d":{r.data}}}'
        for r in rows
    ]


@contextmanager
def way(name: str) -> Iterator[None]:
    if name == "sql":
        yield
        return
    with mock.patch.object(pulling, "_in_database", return_value=False):
        if name == "before":
            with mock.patch.object(pulling, "_served", _before):
                yield
        else:
            yield


def cursor_pages(conn: Connection, scope: Scope) -> list[bytes]:
    out, cursor, more = [], 0, True
    while more:
        with conn.begin():
            page = pulling.pull(conn, scope, cursor, MAX_PAGE)
        out.append(page)
        tail = page[: page.index(b',"records":[')]
        cursor = int(tail.split(b'"cursor":')[1].split(b",")[0])
        more = b'"more":true' in tail
    return out


def cases_pages(conn: Connection, scope: Scope) -> list[bytes]:
    with conn.begin():
        held = pulling.manifest(conn, scope, TODAY)
    ids = held["cases"]
    out = []
    for n in range(0, max(len(ids), 1), CASES_AT_ONCE):
        with conn.begin():
            out.append(pulling.cases(conn, scope, ids[n : n + CASES_AT_ONCE], n == 0))
    return out


def _backend_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def measure(
    conn: Connection, backend: int, run: Callable[[], list[bytes]]
) -> tuple[float, float, float, list[bytes]]:
    cpu, pg, started = time.process_time(), _backend_cpu(backend), time.perf_counter()
    pages = run()
    return (time.perf_counter() - started, time.process_time() - cpu, _backend_cpu(backend) - pg, pages)


def _cluster_cpu(postmaster: int) -> float:
    """CPU seconds of the PostgreSQL cluster's processes alive now (the postmaster's children)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def end_to_end(store: ServerStore, url: str, commit: str, rounds: int) -> None:
    """First syncs against this tree's central store and COMMIT's, interleaved (see the docstring)."""
    old = Path(tempfile.mkdtemp(prefix="somdesk-bench-pages-"))
    archive = subprocess.run(["git", "archive", commit, "src"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    with store.engine.connect() as conn:
        folder = conn.execute(text("SHOW data_directory")).scalar_one()
    postmaster = int(Path(folder, "postmaster.pid").read_text().split()[0])
    where = subprocess.run(
        [sys.executable, "-c", "import somdesk; print(somdesk.__file__)"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(old / "src")}, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(old)), f"the central store before would run {where.stdout}"
    servers = {"before": CentralStoreProcess(url), "now": CentralStoreProcess(url)}
    os.environ["PYTHONPATH"] = str(old / "src")
    servers["before"].start()
    del os.environ["PYTHONPATH"]
    servers["now"].start()
    found: dict[str, list[tuple[float, float, float]]] = {name: [] for name in servers}
    try:
        for r in range(rounds):
            for name in ("before", "now") if r % 2 == 0 else ("now", "before"):
                server = servers[name]
                device = new_device(old / f"{name}-{r}", server.url, USER, DEMO_PASSWORD)
                cpu, pg, started = _backend_cpu(server.pid), _cluster_cpu(postmaster), time.perf_counter()
                pulled = sync_once(device.local, device.remote).pulled
                found[name].append(
                    (
                        time.perf_counter() - started,
                        _backend_cpu(server.pid) - cpu,
                        _cluster_cpu(postmaster) - pg,
                    )
                )
                device.close()
            print(
                f"first sync round {r + 1} ({pulled:,} records): "
                + "; ".join(f"{n} {'/'.join(f'{x:.2f}' for x in v[-1])}" for n, v in found.items()),
                flush=True,
            )
    finally:
        for server in servers.values():
            server.stop()
    print(
        f"load average after: {Path('/proc/loadavg').read_text().strip()}\n"
        f"first sync end to end, median of {rounds} (wall / central store CPU / PostgreSQL cluster CPU):"
    )
    base = statistics.median(w for w, _c, _p in found["before"])
    for name, runs in found.items():
        wall, cpu, pg = (statistics.median(x[i] for x in runs) for i in range(3))
        label = f"{commit} (before)" if name == "before" else "this tree"
        print(
            f"  {label}: wall {wall:.2f} s ({base / wall:.2f}x before's speed), "
            f"central store CPU {cpu:.2f} s, "
            f"PostgreSQL CPU {pg:.2f} s"
        )


def _copy(store: ServerStore, copies: int) -> None:
    """The seeded records copied copies - 1 times in SQL: new ids (the nominal's too), later versions."""
    with store.engine.begin() as conn:
        top = conn.execute(text("SELECT max(version) FROM records")).scalar_one()
        for k in range(1, copies):
            conn.execute(
                text(
                    "INSERT INTO records (id, table_name, nominal_id, officer_id, area, mappa_level, data, "
                    "field_meta, version, deleted, unique_key) "
                    "SELECT md5(id || :k)::uuid::text, table_name, md5(nominal_id || :k)::uuid::text, "
                    "officer_id, area, mappa_level, data, field_meta, version + :shift, deleted, "
                    "unique_key || '-' || :k FROM records WHERE version <= :top "
                    "AND table_name NOT IN ('teams', 'officers')"
                ),
                {"k": str(k), "top": top, "shift": k * top},
            )
        last = conn.execute(text("SELECT max(version) FROM records")).scalar_one()
        conn.execute(text("UPDATE change_counter SET seq = :last WHERE id = 1"), {"last": last})
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE records"))


def main() -> None:
    rsos = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    copies = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    commit = sys.argv[4] if len(sys.argv) > 4 else None
    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], "bench")
    store = ServerStore(url)
    store.migrate()
    started = time.perf_counter()
    seed_demo(store, rsos, 2026, TODAY, soms=1)
    _copy(store, copies)
    with store.engine.connect() as conn:
        teams = [r[0] for r in conn.execute(text("SELECT id FROM records WHERE table_name = 'teams'"))]
        total = conn.execute(text("SELECT count(*) FROM records")).scalar_one()
        size = conn.execute(text("SELECT sum(length(data)) FROM records")).scalar_one()
    store.add_user(USER, "Supervisor of every team", "supervisor", DEMO_PASSWORD, None, tuple(teams))
    account = store.check_password(USER, DEMO_PASSWORD)
    assert account is not None
    print(
        f"seeded {rsos:,} RSOs x {copies}: {total:,} records ({size / total:,.0f} characters of data each) "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.platform()}, "
        f"load average before: {Path('/proc/loadavg').read_text().strip()}",
        flush=True,
    )
    ways = ("before", "python", "sql")
    kinds: dict[str, Callable[[Connection, Scope], list[bytes]]] = {
        "cursor": cursor_pages,
        "cases": cases_pages,
    }
    found: dict[tuple[str, str], list[tuple[float, float, float]]] = {(k, w): [] for k in kinds for w in ways}
    with store.engine.connect() as conn:
        backend = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        conn.rollback()
        with conn.begin():
            scope = scope_for(conn, account)
        for r in range(rounds):
            order = ways if r % 2 == 0 else tuple(reversed(ways))
            for kind, build in kinds.items():
                pages: dict[str, list[bytes]] = {}
                for name in order:
                    with way(name):
                        wall, cpu, pg, pages[name] = measure(conn, backend, lambda b=build: b(conn, scope))
                    found[(kind, name)].append((wall, cpu, pg))
                assert pages["before"] == pages["python"] == pages["sql"], f"{kind}: the ways differ"
            print(
                f"round {r + 1}: "
                + "; ".join(
                    f"{kind} {name} {found[(kind, name)][-1][0]:.2f}/{found[(kind, name)][-1][1]:.2f}/"
                    f"{found[(kind, name)][-1][2]:.2f}"
                    for kind in kinds
                    for name in ways
                ),
                flush=True,
            )
        counts = {kind: len(build(conn, scope)) for kind, build in kinds.items()}
    print(f"load average after: {Path('/proc/loadavg').read_text().strip()}")
    print(
        f"\n{total:,} records, a supervisor of every team; median of {rounds} rounds, seconds "
        "(wall / this process's CPU / the PostgreSQL backend's CPU):"
    )
    for kind in kinds:
        base = statistics.median(w for w, _c, _p in found[(kind, "before")])
        for name in ways:
            wall, cpu, pg = (statistics.median(x[i] for x in found[(kind, name)]) for i in range(3))
            print(
                f"  {kind} pages ({counts[kind]}), {name}: wall {wall:.2f} s "
                f"({base / wall:.2f}x before's speed), "
                f"Python CPU {cpu:.2f} s, PostgreSQL CPU {pg:.2f} s, together {cpu + pg:.2f} s"
            )
    if commit:
        end_to_end(store, url, commit, rounds)


if __name__ == "__main__":
    main()
