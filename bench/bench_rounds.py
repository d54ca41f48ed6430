"""Benchmark: a week of home-visit rounds for one pair, optimised beside today's order and nearest neighbour.

    .venv/bin/python bench/bench_rounds.py [VISITS] [SEED ...]      (default: 60 visits, five seeds)

One pair of officers, one week (Monday to Friday, the policy's day hours), VISITS visits due or overdue
in the pair's division: two of the demo force's areas (Northmere, a town, and Eastbrook Vale, rural by
the shipped policy), at demo addresses: random ZZ postcodes placed by demo/locations.py's synthetic points
(areas 30 km apart, each about 12 km across, neighbouring postcodes near each other), the base at
Northmere's station. Visit lengths are the policy's by risk level; straight-line travel by the policy's
road factor and speeds. The visits are in today's planner order (area, then postcode, by the planner's
own key).

For each seed (a different week) prints: visits placed and High or Very High visits placed by the
postcode-order round (what the planner gives today), the nearest-neighbour round and the optimised plan;
their driving hours on the whole week (each plan places what fits) and on the same visits (those the
postcode order places: like with like), with ratios to the postcode order; and the median time to
optimise the whole week (RUNS runs, wall clock and CPU). Goal (issue 23): optimised at most 0.8x the
postcode order's driving, in under 2 s.
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
from typing import NamedTuple

from somdesk.app.policy import default_policy
from somdesk.app.round_planning import (
    NEAREST_NEIGHBOUR,
    POSTCODE_ORDER,
    baseline,
    default_shifts,
    optimise,
    travel_matrix,
)
from somdesk.demo.locations import base_of_area, demo_point
from somdesk.demo.vocabulary import AREAS, UNIT_LETTERS
from somdesk.domain.model import RiskLevel
from somdesk.domain.planner import postcode_key
from somdesk.domain.rounds import RoundPlan, RoundProblem, RoundVisit, Team, TravelMatrix, VisitWindow

MONDAY = date(2026, 11, 30)
RUNS = 3
SEEDS = (23, 5, 7, 11, 13)
# The pair's division: two of the demo force's areas side by side (30 km apart, each about 12 km
# across), one a town, one rural by the shipped policy; their base is the town's station.
DIVISION = ("Northmere", "Eastbrook Vale")
RISK_MIX = {RiskLevel.LOW: 0.45, RiskLevel.MEDIUM: 0.35, RiskLevel.HIGH: 0.15, RiskLevel.VERY_HIGH: 0.05}


def week(visits: int, seed: int) -> RoundProblem:
    """VISITS visits at demo addresses (demo/locations.py's synthetic ZZ postcodes and points), in the
    planner's order (area, then postcode: domain/planner.py's own key)."""
    rules = default_policy().rounds
    rng = random.Random(seed)
    drawn = []
    for i in range(visits):
        area = rng.choice(DIVISION)
        district = AREAS.index(area) + 1
        postcode = f"ZZ{district} {rng.randint(1, 9)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"
        point = demo_point(postcode, seed)
        assert point is not None
        risk = rng.choices(list(RISK_MIX), weights=list(RISK_MIX.values()))[0]
        overdue = rng.choice([0, 0, 0, 3, 10, 30, 60])
        drawn.append((area, postcode_key(postcode), i, point, risk, overdue))
    drawn.sort(key=lambda d: (d[0], d[1], d[2]))
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
    _, base = base_of_area(DIVISION[0], seed)
    team = Team("Synthetic pair", ("SYN-O1", "SYN-O2"), base)
    return RoundProblem(MONDAY, (team,), default_shifts(1, MONDAY, rules), round_visits, rules)


def urgent_placed(problem: RoundProblem, plan: RoundPlan) -> int:
    urgent = {v.nominal_id for v in problem.visits if v.risk >= RiskLevel.HIGH}
    return sum(1 for d in plan.days for s in d.stops if s.nominal_id in urgent)


def timed(problem: RoundProblem, matrix: TravelMatrix) -> tuple[RoundPlan, list[float], list[float], bool]:
    walls, cpus, plans = [], [], []
    for _ in range(RUNS):
        w, c = time.perf_counter(), time.process_time()
        plans.append(optimise(problem, matrix))
        cpus.append(time.process_time() - c)
        walls.append(time.perf_counter() - w)
    return plans[0], walls, cpus, all(p == plans[0] for p in plans)


class Row(NamedTuple):
    seed: int
    placed: tuple[int, int, int]  # postcode order, nearest neighbour, optimised
    urgent: tuple[int, int, int, int]  # the same, and how many High and Very High were owed
    whole: tuple[float, float, float]  # driving hours
    same: tuple[float, float, float]  # driving hours on the visits the postcode order places
    wall: float  # median seconds to optimise the whole week
    cpu: float
    repeatable: bool


def measure(visits: int, seed: int) -> Row:
    problem = week(visits, seed)
    matrix = travel_matrix(problem)
    postcode = baseline(problem, matrix, POSTCODE_ORDER)
    nearest = baseline(problem, matrix, NEAREST_NEIGHBOUR)
    best, walls, cpus, repeatable = timed(problem, matrix)
    # The same visits: those the postcode order places, so the driving compares like with like.
    placed = {s.nominal_id for d in postcode.days for s in d.stops}
    same = replace(problem, visits=tuple(v for v in problem.visits if v.nominal_id in placed))
    same_matrix = travel_matrix(same)
    same_plans = (
        baseline(same, same_matrix, POSTCODE_ORDER),
        baseline(same, same_matrix, NEAREST_NEIGHBOUR),
        optimise(same, same_matrix),
    )
    owed = sum(1 for v in problem.visits if v.risk >= RiskLevel.HIGH)
    plans = (postcode, nearest, best)
    return Row(
        seed,
        (postcode.visits, nearest.visits, best.visits),
        (*(urgent_placed(problem, p) for p in plans), owed),  # type: ignore[arg-type]
        (postcode.drive_seconds / 3600, nearest.drive_seconds / 3600, best.drive_seconds / 3600),
        tuple(p.drive_seconds / 3600 for p in same_plans),  # type: ignore[arg-type]
        statistics.median(walls),
        statistics.median(cpus),
        repeatable,
    )


def main() -> None:
    visits = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    seeds = [int(a) for a in sys.argv[2:]] or list(SEEDS)
    load = os.getloadavg()
    rules = default_policy().rounds
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"{visits} visits owed a week, one pair, Monday-Friday 09:00-17:00, straight lines; seeds {seeds}")
    print(f"visit minutes by risk: {', '.join(f'{r.label} {m}' for r, m in rules.visit_minutes.items())}")
    print("placed and High/Very High placed: postcode order / nearest neighbour / optimised")
    print("driving: hours, then the ratio to the postcode order (nearest neighbour, optimised)")
    print()
    print("seed | placed     | urgent placed  | whole week driving  | same visits driving | optimise")
    rows = []
    for seed in seeds:
        r = measure(visits, seed)
        rows.append(r)
        w, sm = r.whole, r.same
        print(
            f"{r.seed:>4} | {r.placed[0]:>2} {r.placed[1]:>2} {r.placed[2]:>2}   | "
            f"{r.urgent[0]:>2} {r.urgent[1]:>2} {r.urgent[2]:>2} of {r.urgent[3]:>2} | "
            f"{w[0]:5.2f} h {w[1] / w[0]:4.2f}x {w[2] / w[0]:4.2f}x | "
            f"{sm[0]:5.2f} h {sm[1] / sm[0]:4.2f}x {sm[2] / sm[0]:4.2f}x | "
            f"{r.wall:.2f} s (CPU {r.cpu:.2f}){'' if r.repeatable else ' NOT REPEATABLE'}"
        )
    whole = statistics.median(r.whole[2] / r.whole[0] for r in rows)
    same_ratio = statistics.median(r.same[2] / r.same[0] for r in rows)
    slowest = max(r.wall for r in rows)
    print()
    print(f"median optimised/postcode order: whole week {whole:.2f}x, same visits {same_ratio:.2f}x")
    repeatable = all(r.repeatable for r in rows)
    print(f"slowest median time to optimise: {slowest:.2f} s; every plan repeatable: {repeatable}")
    for label, ratio in (("whole week", whole), ("same visits", same_ratio)):
        print(f"goal <= 0.8x, < 2 s ({label}): {'met' if ratio <= 0.8 and slowest < 2 else 'missed'}")


if __name__ == "__main__":
    main()
