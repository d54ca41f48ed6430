"""Benchmark: every queue and the caseload figures for a synthetic force, from cases in memory.

    .venv/bin/python bench/bench_domain.py [RSOS ...]      (default: 10000 100000)

Prints the generator's time and, for the rules, the median and best of several runs. The cases are
made once; the heap is then frozen (gc.freeze), as the application does after loading a caseload,
so the collector does not rescan 100,000 long-lived records on every pass. Each run starts from a
clean heap so runs do not pay for each other's garbage.

Each force is measured in two shapes, runs taken in turn so the machine's drift falls on both
(issue 19: "the 100,000-RSO queue figure with orders and breaches in it stays within 10% of
today's"): "bare", the cases with no civil orders, breaches or missing people (the shape of the
figures recorded before those records existed), and "whole", the demo generator's orders (an SHPO
or SOPO for most RSOs) with its breaches and missing and wanted people, as a demo profile holds
them. The last lines give the ratio whole / bare.
"""

from __future__ import annotations

import gc
import platform
import statistics
import sys
import time
from dataclasses import replace
from datetime import date

from somdesk.app.compute import compute_figures, gc_paused
from somdesk.app.policy import default_policy
from somdesk.demo import generate
from somdesk.demo.whole_case import case_records, with_case_records
from somdesk.domain.caseload import caseload, forecast
from somdesk.domain.orders import OrderKind, in_force
from somdesk.domain.queues import arms_queue, notification_queue, visit_queue
from somdesk.domain.status import evaluate_all

TODAY = date(2026, 11, 23)
RUNS = 7


def run_once(cases, data, policy) -> dict[str, float]:
    """The parts one by one (for the breakdown), then the service the application calls."""
    t0 = time.perf_counter()
    with gc_paused():
        statuses = evaluate_all(cases, TODAY, policy)
        t1 = time.perf_counter()
        c1 = time.process_time()  # CPU time too: on a shared machine it drifts less than the clock
        queues = (
            arms_queue(statuses, TODAY, policy),
            visit_queue(statuses, TODAY, policy),
            notification_queue(statuses, TODAY, policy),
        )
        c2 = time.process_time()
        t2 = time.perf_counter()
        report = caseload(statuses, data.officers, data.teams, policy.caseload)
        forecast(report.force.rsos, report.soms, policy.caseload)
        t3 = time.perf_counter()
    del statuses, queues, report
    gc.collect()
    t4, c4 = time.perf_counter(), time.process_time()
    figures = compute_figures(cases, data.officers, data.teams, TODAY, policy)
    t5, c5 = time.perf_counter(), time.process_time()
    del figures
    gc.collect()
    t6 = time.perf_counter()  # the same work with the collector running, to show what pausing it saves
    statuses = evaluate_all(cases, TODAY, policy)
    [q(statuses, TODAY, policy) for q in (arms_queue, visit_queue, notification_queue)]
    caseload(statuses, data.officers, data.teams, policy.caseload)
    t7 = time.perf_counter()
    return {
        "evaluate": t1 - t0,
        "queues": t2 - t1,
        "caseload": t3 - t2,
        "total": t5 - t4,
        "queues, CPU": c2 - c1,
        "total, CPU": c5 - c4,
        "total, gc running": t7 - t6,
    }


PARTS = ("evaluate", "queues", "caseload", "total", "total, gc running", "queues, CPU", "total, CPU")


def shapes(data) -> dict[str, list]:
    """The force without orders, breaches and missing people, and with them (see the module's note)."""
    # Both copied the same way, so neither has its records laid out in memory more compactly (a fresh
    # copy of 100,000 nominals reads measurably faster than the generator's, interleaved with visits).
    bare = [c._replace(nominal=replace(c.nominal, orders=())) for c in data.cases]
    copied = [c._replace(nominal=replace(c.nominal)) for c in data.cases]
    whole = with_case_records(copied, case_records(data.nominals, 1, TODAY))
    return {"bare": bare, "whole": whole}


def describe(cases) -> str:
    n = len(cases) or 1
    shpo = sum(
        1
        for c in cases
        if any(o.kind in (OrderKind.SHPO, OrderKind.SOPO) and in_force(o, TODAY) for o in c.nominal.orders)
    )
    ordered = sum(1 for c in cases if any(in_force(o, TODAY) for o in c.nominal.orders))
    breaches = sum(1 for c in cases if c.breaches_found)
    recent = sum(1 for c in cases if c.latest_breach and (TODAY - c.latest_breach.found_on).days < 90)
    missing = sum(1 for c in cases if c.missing is not None)
    return (
        f"order in force {ordered / n:.0%} (SHPO or SOPO {shpo / n:.0%}), a breach {breaches / n:.1%} "
        f"(found in the last 90 days {recent / n:.1%}), missing or wanted {missing / n:.1%}"
    )


def bench(rsos: int) -> None:
    policy = default_policy()
    t = time.perf_counter()
    data = generate(rsos, seed=1, today=TODAY)
    made = time.perf_counter() - t
    forces = shapes(data)
    gc.collect()
    gc.freeze()
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in forces}
    for _ in range(RUNS):
        for name, cases in forces.items():  # in turn, so drift falls on both shapes
            gc.collect()
            runs[name].append(run_once(cases, data, policy))
    print(f"{rsos:>7,} RSOs  generate {made:6.2f} s  ({len(data.visits):,} visits, {len(data.arms):,} ARMS)")
    medians: dict[str, dict[str, float]] = {}
    for name, cases in forces.items():
        print(f"  {name}: {describe(cases)}")
        medians[name] = {}
        for part in PARTS:
            values = [r[part] for r in runs[name]]
            median, best = statistics.median(values) * 1000, min(values) * 1000
            medians[name][part] = median
            print(f"         {part:<17} median {median:7.1f} ms   best {best:7.1f} ms")
    for part in ("queues", "total", "queues, CPU", "total, CPU"):
        ratio = medians["whole"][part] / medians["bare"][part]
        print(f"  whole / bare, {part:<11} {ratio:5.2f}x  ({(ratio - 1) * 100:+.1f}%)")
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
