"""Benchmark: a saved visit reflected in every queue, incremental refresh against the full one.

    .venv/bin/python bench/bench_incremental.py [--keep FOLDER] [RSOS ...]      (default: 10000 100000)

--keep: make each size's demo profile in FOLDER/RSOS and use it again on the next run (making the
100,000-RSO one takes many minutes); without it, in a temporary folder.

For each size: a real encrypted demo profile (the demo generator's whole force: orders, breaches,
devices, meetings, missing people), a SOM's session. Then, 7 times, interleaved: one visit saved
through the Session, and the time until every queue reflects it by `Session.refreshed` (re-read the
touched case, `update_figures`, search texts, visit log); beside it today's full `Session.workspace()`
(read every case, compute everything). Median and best of 7 each, and the ratio of the medians.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path

from somdesk.app.policy import default_policy
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session, Workspace
from somdesk.domain.model import Visit, VisitOutcome

TODAY = date(2026, 11, 23)
NOW = day_time(18, 0)
RUNS = 7


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def summary(times: list[float]) -> str:
    return f"median {ms(statistics.median(times))}, best {ms(min(times))}"


def one_size(rsos: int, folder: Path) -> None:
    t = time.perf_counter()
    opened = open_demo_profile(TODAY, folder, rsos=rsos, seed=1)
    print(f"\n{rsos:,} RSOs: demo profile made in {time.perf_counter() - t:.1f} s", flush=True)
    session = Session(
        opened, demo_identity(opened, Role.SOM), default_policy(), lambda: TODAY, "bench", lambda: NOW
    )
    ws: Workspace = session.workspace()
    free = [s.case.nominal.id for s in ws.statuses]
    saved, incremental, full = [], [], []
    for run in range(RUNS):
        nid = free[(run * 7919) % len(free)]
        visit = Visit(
            nid,
            datetime.combine(TODAY, NOW) - timedelta(hours=run + 1),
            VisitOutcome.NOT_SEEN,
            officers=("DC Bench", "PC Bench"),
        )
        gc.collect()
        t = time.perf_counter()
        session.record_visit(visit)
        saved.append(time.perf_counter() - t)
        t = time.perf_counter()
        ws = session.refreshed(ws, {nid})
        incremental.append(time.perf_counter() - t)
        gc.collect()
        t = time.perf_counter()
        whole = session.workspace()
        full.append(time.perf_counter() - t)
        assert whole.figures.queues == ws.figures.queues, "the incremental refresh must equal the full one"
        del whole
    print(f"  visit saved (Session.record_visit):        {summary(saved)}")
    print(f"  incremental refresh (Session.refreshed):   {summary(incremental)}")
    print(f"  full refresh (Session.workspace):          {summary(full)}")
    ratio = statistics.median(full) / statistics.median(incremental)
    print(f"  full / incremental (medians): {ratio:,.0f}x; load average {os.getloadavg()[0]:.2f}", flush=True)
    opened.lock()


def main() -> None:
    args = sys.argv[1:]
    keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
    if keep is not None:
        del args[args.index("--keep") : args.index("--keep") + 2]
    sizes = [int(a) for a in args] or [10_000, 100_000]
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    for rsos in sizes:
        if keep is not None:
            (keep / str(rsos)).mkdir(parents=True, exist_ok=True)
            one_size(rsos, keep / str(rsos))
            continue
        with tempfile.TemporaryDirectory() as tmp:
            one_size(rsos, Path(tmp))


if __name__ == "__main__":
    main()
