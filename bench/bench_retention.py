"""Benchmark: the central store's bounded tables after a simulated year, on a real PostgreSQL.

    scripts/with-postgres .venv/bin/python bench/bench_retention.py [DEVICES] [PER_DAY] [MOVES] [DAYS]
                                                                     (2000, 20, 100, 365)

A year of a national force's sync, day by day, written straight into the tables a push writes (no HTTP:
the sizes are the figure, not the speed): each working day DEVICES devices push PER_DAY changes each
(one stored result per change, as server/sync.py stores it) and MOVES cases change holder (one departure
each); every day the purge runs as the central store runs it (server/retention.py, the policy's default
[sync] retention_days, 90), and autovacuum's part is played by a VACUUM once a simulated week. Prints the
rows and bytes (table and indexes) of `mutations` and `departures` at the end, and the rows an unbounded
table would hold.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.sync_helpers import new_database  # noqa: E402

from somdesk.domain.policy import SyncRules  # noqa: E402
from somdesk.server import retention  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402

# A stored result as a push stores it for an applied change (server/sync.py `applied`): its shape and
# about its length, the ids random.
RESULT = (
    "json_build_object('id', gen_random_uuid()::text, 'status', 'applied', 'version', g, 'conflicts', "
    "json_build_array(), 'reason', '', 'record', NULL)::text"
)


def main() -> None:
    devices = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    per_day = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    moves = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    days = int(sys.argv[4]) if len(sys.argv) > 4 else 365
    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], "bench")
    store = ServerStore(url)
    store.migrate()
    vacuum = create_engine(url, isolation_level="AUTOCOMMIT")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.platform()}")
    print(f"{devices:,} devices x {per_day} changes a working day, {moves} departures a working day, "
          f"{days} days, retention {SyncRules().retention_days} days", flush=True)  # fmt: skip
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    version, pushed, moved, began = 0, 0, 0, time.perf_counter()
    for day in range(days):
        now = start + timedelta(days=day)
        with store.engine.begin() as conn:
            if now.weekday() < 5:
                n = devices * per_day
                conn.execute(
                    text(
                        "INSERT INTO mutations (id, device_id, result, received_at) "
                        f"SELECT gen_random_uuid()::text, 'device-' || (g % :devices), {RESULT}, "
                        ":now + (g % 28800) * interval '1 second' FROM generate_series(:v + 1, :v + :n) g"
                    ),
                    {"devices": devices, "now": now, "v": version, "n": n},
                )
                conn.execute(
                    text(
                        "INSERT INTO departures "
                        "(version, nominal_id, officer_id, area, mappa_level, recorded_at) "
                        "SELECT :v + g * (:n / :m), gen_random_uuid()::text, gen_random_uuid()::text, "
                        "'Eastbrook Vale', 1, :now FROM generate_series(1, :m) g"
                    ),
                    {"v": version, "n": n, "m": moves, "now": now},
                )
                version += n
                pushed += n
                moved += moves
                conn.execute(text("UPDATE change_counter SET seq = :v WHERE id = 1"), {"v": version})
            retention.purge(conn, now + timedelta(hours=12))
        if day % 7 == 6:
            with vacuum.connect() as c:
                c.execute(text("VACUUM mutations, departures"))
        if day % 30 == 29:
            print(f"  day {day + 1}: {time.perf_counter() - began:.0f} s", flush=True)
    with vacuum.connect() as c:
        c.execute(text("VACUUM ANALYZE mutations, departures"))
        print(f"\nafter {days} days ({pushed:,} changes pushed, {moved:,} departures recorded):")
        for table in ("mutations", "departures"):
            rows = c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            size = c.execute(text(f"SELECT pg_total_relation_size('{table}')")).scalar_one()
            each = size / rows if rows else 0
            total = pushed if table == "mutations" else moved
            print(f"  {table}: {rows:,} rows, {size / 2**20:,.1f} MiB with indexes ({each:,.0f} bytes a "
                  f"row); unbounded: {total:,} rows, about {total * each / 2**20:,.0f} MiB")  # fmt: skip
        horizon = c.execute(text("SELECT purged_upto, seq FROM change_counter")).one()
        print(f"  departures purged up to change {horizon[0]:,} of {horizon[1]:,}")
    store.engine.dispose()
    vacuum.dispose()


if __name__ == "__main__":
    main()
