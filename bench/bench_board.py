"""Benchmark: the oversight board for a synthetic force, domain only, from cases in memory.

    .venv/bin/python bench/bench_board.py [RSOS ...]      (default: 100000)

The board (`app.board.compute_board`: every case's days overdue, the backlog by risk, the ageing
histogram, lone and announced visits and attempts since the last seen visit over the policy's look-back,
the annual-report figures, three growth scenarios and the ARMS burn-down) is timed from the statuses
the workspace already holds, as the window computes it. Target: under 1 s for 100,000 RSOs on 2 cores.
Prints the median and best of several runs and the board's headline figures.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from datetime import date

from somdesk.app.board import compute_board
from somdesk.app.compute import gc_paused
from somdesk.app.policy import default_policy
from somdesk.demo import generate
from somdesk.demo.whole_case import case_records, with_case_records
from somdesk.domain.dates import add_months
from somdesk.domain.status import evaluate_all
from somdesk.domain.trend import snapshot_of

TODAY = date(2026, 11, 23)
RUNS = 5
TARGET_S = 1.0


def bench(rsos: int) -> None:
    policy = default_policy()
    data = generate(rsos, seed=1, today=TODAY)
    cases = with_case_records(data.cases, case_records(data.nominals, 1, TODAY))
    since = add_months(TODAY, -policy.oversight.lookback_months)
    visits = [v for v in data.visits if v.at.date() >= since]
    done = [a.completed_on for a in data.arms if a.completed_on >= since]
    with gc_paused():
        statuses = evaluate_all(cases, TODAY, policy)
    snapshots = [snapshot_of(statuses, TODAY)]
    soms = sum(1 for o in data.officers if o.is_som)
    gc.collect()
    gc.freeze()
    times, cpu = [], []
    for _ in range(RUNS):
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        board = compute_board(statuses, visits, done, snapshots, TODAY, policy, soms)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)  # drifts less than the clock on a shared machine
        del board
    t = time.perf_counter()
    snapshot_of(statuses, TODAY)
    snap_ms = (time.perf_counter() - t) * 1000
    board = compute_board(statuses, visits, done, snapshots, TODAY, policy, soms)
    median, best = statistics.median(times), min(times)
    cpu_median = statistics.median(cpu)
    # On a shared machine the clock counts the other processes' turns too: the verdict is on CPU time,
    # the clock is printed beside it with the load average.
    verdict = "within" if cpu_median < TARGET_S else "OVER"
    print(f"{rsos:>7,} RSOs, {len(visits):,} visits and {len(done):,} ARMS in the look-back")
    print(f"  board     clock median {median * 1000:7.1f} ms   best {best * 1000:7.1f} ms")
    print(
        f"  board     CPU   median {cpu_median * 1000:7.1f} ms   best {min(cpu) * 1000:7.1f} ms"
        f"   ({verdict} {TARGET_S:g} s)"
    )
    print(f"  snapshot  {snap_ms:7.1f} ms (taken on every refresh of a supervisor's figures)")
    o = board.oversight
    print(
        f"  figures   visits overdue {o.figure('visits').value:,}, ARMS backlog {o.figure('arms').value:,}, "
        f"lone {o.figure('lone').value:,}, announced {o.figure('announced').value:,}, "
        f"warrant decisions outstanding {o.figure('warrant').value:,}"
    )
    if o.oldest_visit is not None:
        days, risk = o.oldest_visit.visit_days_overdue, o.oldest_visit.risk.label
        print(f"  oldest    visit {days:,} days overdue ({risk} risk)")
    print("  ageing    " + ", ".join(f"{a.label}: {len(a.visits):,}" for a in o.ageing))
    for s in board.scenarios:
        last = s.years[-1]
        print(f"  {s.name:<17} {s.rate:6.2%}  +{last.year} yr: {last.rsos:,} RSOs, {last.soms_needed:,} SOMs")
    b = board.burn_down
    print(
        f"  burn-down {b.completed_per_month:.0f} a month done, {b.falling_due_per_month:.0f} falling due; "
        f"clears {b.clears_on or 'never'}; by {b.target}: {b.extra_per_month} more a month"
    )
    gc.unfreeze()


def main() -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load:.1f}; median and best of {RUNS} runs"
    )
    for rsos in [int(a) for a in sys.argv[1:]] or [100_000]:
        bench(rsos)


if __name__ == "__main__":
    main()
