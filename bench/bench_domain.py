"""Benchmark: every queue and the caseload figures for a synthetic force, from cases in memory.

    .venv/bin/python bench/bench_domain.py [RSOS ...]      (default: 10000 100000)

Prints the generator's time and, for the rules, the median and best of several runs. The cases are
made once; the heap is then frozen (gc.freeze), as the application does after loading a caseload,
so the collector does not rescan 100,000 long-lived records on every pass. Each run starts from a
clean heap so runs do not pay for each other's garbage.
"""

from __future__ import annotations

import gc
import platform
import statistics
import sys
import time
from datetime import date

from somdesk.app.compute import compute_figures, gc_paused
from somdesk.app.policy import default_policy
from somdesk.demo import generate
from somdesk.domain.caseload import caseload, forecast
from somdesk.domain.queues import arms_queue, notification_queue, visit_queue
from somdesk.domain.status import evaluate_all

TODAY = date(2026, 11, 23)
RUNS = 7


def run_once(data, policy) -> dict[str, float]:
    """The parts one by one (for the breakdown), then the service the application calls."""
    t0 = time.perf_counter()
    with gc_paused():
        statuses = evaluate_all(data.cases, TODAY, policy)
        t1 = time.perf_counter()
        queues = (
            arms_queue(statuses, TODAY, policy),
            visit_queue(statuses, TODAY, policy),
            notification_queue(statuses, TODAY, policy),
        )
        t2 = time.perf_counter()
        report = caseload(statuses, data.officers, data.teams, policy.caseload)
        forecast(report.force.rsos, report.soms, policy.caseload)
        t3 = time.perf_counter()
    del statuses, queues, report
    gc.collect()
    t4 = time.perf_counter()
    figures = compute_figures(data.cases, data.officers, data.teams, TODAY, policy)
    t5 = time.perf_counter()
    del figures
    gc.collect()
    t6 = time.perf_counter()  # the same work with the collector running, to show what pausing it saves
    statuses = evaluate_all(data.cases, TODAY, policy)
    [q(statuses, TODAY, policy) for q in (arms_queue, visit_queue, notification_queue)]
    caseload(statuses, data.officers, data.teams, policy.caseload)
    t7 = time.perf_counter()
    return {
        "evaluate": t1 - t0,
        "queues": t2 - t1,
        "caseload": t3 - t2,
        "total": t5 - t4,
        "total, gc running": t7 - t6,
    }


def bench(rsos: int) -> None:
    policy = default_policy()
    t = time.perf_counter()
    data = generate(rsos, seed=1, today=TODAY)
    made = time.perf_counter() - t
    gc.collect()
    gc.freeze()
    runs = []
    for _ in range(RUNS):
        gc.collect()
        runs.append(run_once(data, policy))
    print(f"{rsos:>7,} RSOs  generate {made:6.2f} s  ({len(data.visits):,} visits, {len(data.arms):,} ARMS)")
    for part in ("evaluate", "queues", "caseload", "total", "total, gc running"):
        values = [r[part] for r in runs]
        median, best = statistics.median(values) * 1000, min(values) * 1000
        print(f"         {part:<17} median {median:7.1f} ms   best {best:7.1f} ms")
    gc.unfreeze()


def main() -> None:
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}; "
        f"median and best of {RUNS} runs"
    )
    for rsos in [int(a) for a in sys.argv[1:]] or [10_000, 100_000]:
        bench(rsos)


if __name__ == "__main__":
    main()
