"""Benchmark: a week of home-visit rounds for one pair, optimised beside today's order and nearest neighbour.

    .venv/bin/python bench/bench_rounds.py [VISITS] [SEED]      (default: 60 visits, seed 23)

One pair of officers, one week (Monday to Friday, the policy's day hours), VISITS visits due or overdue
from a demo-like division: six policing areas (the demo's names; three rural, spread wider), the points
clustered round each area's centre (seeded), the pair's base in the largest town. Visit lengths are the
policy's by risk level; straight-line travel by the policy's road factor and speeds. The visits are in
today's planner order (area, then postcode: here the distance east from the area's centre stands in
for the postcode, which is how postcode sectors run in a block).

Prints, for the postcode-order round (what the planner gives today), the nearest-neighbour round and the
optimised plan: visits placed, driving time and distance, each as a ratio of the postcode order's, and
the driving minutes per visit placed; then the time to optimise (median and best of RUNS runs, wall
clock and CPU). Goal (issue 23): optimised at most 0.8x the postcode order's driving time, in under 2 s.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import date

from somdesk.app.policy import default_policy
from somdesk.app.round_planning import (
    NEAREST_NEIGHBOUR,
    POSTCODE_ORDER,
    baseline,
    default_shifts,
    optimise,
    travel_matrix,
)
from somdesk.domain.model import RiskLevel
from somdesk.domain.rounds import GridPoint, RoundPlan, RoundProblem, RoundVisit, Team, VisitWindow

MONDAY = date(2026, 11, 30)
RUNS = 5
# Area centres (km east and north of the division's south-west corner) and spread (km, one standard
# deviation): towns tight, rural areas wide. The division is about 40 km across, as a rural one is.
AREAS = {
    "Northmere": ((20, 30), 2.0),
    "Kettleby": ((8, 18), 1.5),
    "Brindleford": ((30, 12), 1.5),
    "Eastbrook Vale": ((34, 28), 4.0),
    "Saltmarsh": ((6, 4), 4.0),
    "Ravensholt": ((18, 38), 4.0),
}
ORIGIN = (440_000, 280_000)  # the division's south-west corner on the National Grid
RISK_MIX = {RiskLevel.LOW: 0.45, RiskLevel.MEDIUM: 0.35, RiskLevel.HIGH: 0.15, RiskLevel.VERY_HIGH: 0.05}


def week(visits: int, seed: int) -> RoundProblem:
    policy = default_policy()
    rules = policy.rounds
    rng = random.Random(seed)
    drawn = []
    for i in range(visits):
        area = rng.choice(list(AREAS))
        (cx, cy), spread = AREAS[area]
        x = cx + rng.gauss(0, spread)
        y = cy + rng.gauss(0, spread)
        risk = rng.choices(list(RISK_MIX), weights=list(RISK_MIX.values()))[0]
        overdue = rng.choice([0, 0, 0, 3, 10, 30, 60])
        point = GridPoint(ORIGIN[0] + round(x * 1000), ORIGIN[1] + round(y * 1000))
        drawn.append((area, x - cx, i, point, risk, overdue))
    drawn.sort(key=lambda d: (d[0], d[1], d[2]))  # the planner's order: area, then "postcode"
    round_visits = tuple(
        RoundVisit(
            f"SYN-{i:04}",
            f"Synthetic person {i}",
            area,
            point,
            risk,
            None,
            overdue,
            None,
            None,
            VisitWindow.ANY,
            rules.visit_minutes[risk],
        )
        for area, _, i, point, risk, overdue in drawn
    )
    (bx, by), _ = AREAS["Northmere"]
    base = GridPoint(ORIGIN[0] + bx * 1000, ORIGIN[1] + by * 1000)
    team = Team("Synthetic pair", ("SYN-O1", "SYN-O2"), base)
    return RoundProblem(MONDAY, (team,), default_shifts(1, MONDAY, rules), round_visits, rules)


def line(name: str, plan: RoundPlan, reference: RoundPlan) -> str:
    ratio = plan.drive_seconds / reference.drive_seconds if reference.drive_seconds else float("nan")
    per_visit = plan.drive_seconds / 60 / plan.visits if plan.visits else float("nan")
    return (
        f"{name:<18} {plan.visits:>3} placed  {plan.drive_seconds / 3600:6.2f} h driving "
        f"({ratio:4.2f}x)  {plan.drive_metres / 1000:6.1f} km  {per_visit:5.1f} min a visit"
    )


def timed(problem: RoundProblem, matrix) -> tuple[RoundPlan, list[float], list[float], bool]:
    walls, cpus, plans = [], [], []
    for _ in range(RUNS):
        w, c = time.perf_counter(), time.process_time()
        plans.append(optimise(problem, matrix))
        cpus.append(time.process_time() - c)
        walls.append(time.perf_counter() - w)
    return plans[0], walls, cpus, all(p == plans[0] for p in plans)


def compare(title: str, problem: RoundProblem) -> tuple[float, float]:
    """Print the three plans of `problem`; give the optimised driving ratio and median seconds."""
    matrix = travel_matrix(problem)
    postcode = baseline(problem, matrix, POSTCODE_ORDER)
    nearest = baseline(problem, matrix, NEAREST_NEIGHBOUR)
    best, walls, cpus, same = timed(problem, matrix)
    print(f"\n{title}: {len(problem.visits)} visits offered")
    print(line(POSTCODE_ORDER, postcode, postcode))
    print(line(NEAREST_NEIGHBOUR, nearest, postcode))
    print(line("optimised", best, postcode))
    urgent = {v.nominal_id for v in problem.visits if v.risk >= RiskLevel.HIGH}
    for name, plan in ((POSTCODE_ORDER, postcode), (NEAREST_NEIGHBOUR, nearest), ("optimised", best)):
        placed = sum(1 for d in plan.days for s in d.stops if s.nominal_id in urgent)
        print(f"  {name}: {placed} of the {len(urgent)} High and Very High visits placed")
    print(
        f"optimise: median {statistics.median(walls):.2f} s (best {min(walls):.2f} s), "
        f"CPU median {statistics.median(cpus):.2f} s, {RUNS} runs, same plan every run: {same}"
    )
    ratio = best.drive_seconds / postcode.drive_seconds if postcode.drive_seconds else float("nan")
    return ratio, statistics.median(walls)


def main() -> None:
    visits = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 23
    problem = week(visits, seed)
    load = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"week: {visits} visits due (seed {seed}), one pair, {len(problem.shifts)} days, straight lines")
    minutes = ", ".join(f"{r.label} {m}" for r, m in problem.rules.visit_minutes.items())
    print(f"visit minutes by risk: {minutes}")
    _, whole_time = compare("The whole week (more is owed than a pair's 40 hours can hold)", problem)
    # The same visits: those the postcode order places, so the driving compares like with like.
    postcode = baseline(problem, travel_matrix(problem), POSTCODE_ORDER)
    placed = {s.nominal_id for d in postcode.days for s in d.stops}
    same = replace(problem, visits=tuple(v for v in problem.visits if v.nominal_id in placed))
    ratio, _ = compare("The same visits (those the postcode order places)", same)
    met = ratio <= 0.8 and whole_time < 2.0
    print(
        f"\ngoal: optimised <= 0.8x the postcode order's driving on the same visits ({ratio:.2f}x), "
        f"the whole week optimised in < 2 s ({whole_time:.2f} s): {'met' if met else 'missed'}"
    )


if __name__ == "__main__":
    main()
