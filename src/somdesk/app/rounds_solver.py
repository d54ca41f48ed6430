"""The optimiser: a week's visits placed into its shifts and ordered, by OR-Tools' vehicle routing.

Each shift (a team's working day) is a vehicle that starts and ends at its team's base. A time
dimension carries drives plus each visit's length; the shift's hours bound the vehicle, each visit's
window bounds when it starts. A visit planned or pinned to a day may only go on that day's shifts and
is as good as undroppable (a penalty above everything else: only a day too full for its fixed visits
drops one, and says so). Every other visit may be dropped at a penalty that grows tenfold with each
risk level and with the days overdue, so the most urgent are placed first. Overdue visits cost a
little more on later days, so they come early in the week when it costs little driving.

Same inputs, same plan: one search thread, and the search stops after a set number of solutions,
never on the wall clock (a wall-clock limit would let a busy machine change the plan). After the
search, a repair pass swaps in any dropped visit that would fit in place of a less urgent one, so a
more urgent visit is never left out for a less urgent one it could have replaced.

Times in the plan come from domain.round_days (the earliest start on the solver's order), the same
rule the baselines are timed by. A visit booked for a time starts within that minute (its window,
here and there alike), and the other visits are ordered around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from somdesk.domain.round_baselines import shift_order
from somdesk.domain.round_days import RoundWeek, seconds_of
from somdesk.domain.round_priority import priority
from somdesk.domain.rounds import (
    RoundDay,
    RoundPlan,
    RoundProblem,
    RoundVisit,
    TravelMatrix,
    Unplaced,
    VisitWindow,
)
from somdesk.domain.travel import layout

__all__ = ["OPTIMISED", "SearchLimits", "optimise", "penalty"]

OPTIMISED = "optimised"
DAY = 86_400
# An overdue visit costs this many seconds of driving more for each shift later in the week it goes
# on: enough to pull it forward when that costs little, never enough to drive far for it.
LATER_DAY_SECONDS = 60


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """How long the search runs, counted in solutions (never seconds, so the plan never depends on speed)."""

    solutions: int = 150  # local-search solutions after the first, for a week of up to `full_size` visits
    full_size: int = 120  # above this many visits the limit shrinks, so 500 visits still end in seconds
    overfill: float = 1.5  # the search sees the most urgent visits up to this many times the week's hours


def penalty(visit: RoundVisit, unit: int) -> int:
    """What leaving `visit` out costs: tenfold a risk level, up to ninefold for days overdue."""
    risk, overdue = priority(visit)
    return unit * int(10 ** (risk - 1)) * (30 + min(overdue, 240)) // 30


def optimise(problem: RoundProblem, matrix: TravelMatrix, limits: SearchLimits = SearchLimits()) -> RoundPlan:
    """The week's plan: each shift's visits in order, with times; what could not go in, and why."""
    rows = layout(problem)
    week = RoundWeek(problem, rows, matrix)
    candidates = _candidates(week, limits)
    orders: list[list[str]] = [[] for _ in problem.shifts]
    if candidates:
        orders = _solve(week, candidates, limits)
    orders = _repair(week, orders)
    days = []
    for k, order in enumerate(orders):
        day = week.time_day(k, order)
        if day is None:  # cannot happen: the solver's and the repair's days are feasible; be safe
            day = _empty(week, k)
        days.append(day)
    placed = {s.nominal_id for d in days for s in d.stops}
    unplaced = tuple(
        Unplaced(v.nominal_id, week.reason(v)) for v in problem.visits if v.nominal_id not in placed
    )
    notes = [f"Drives: {matrix.source}.", *week.missed_bookings()]
    placeable = sum(1 for v in problem.visits if week.placeable(v))
    if len(candidates) < placeable:
        notes.append(
            f"The {len(candidates)} most urgent of {placeable} visits that could go in were planned first "
            "(more than the week's hours hold); the rest went in only where room was left."
        )
    return RoundPlan(tuple(days), unplaced, OPTIMISED, tuple(notes))


def _candidates(week: RoundWeek, limits: SearchLimits) -> list[tuple[RoundVisit, tuple[int, ...]]]:
    """The visits the search places: every fixed one, then the most urgent until their visiting time
    alone is `limits.overfill` times the week's hours. The rest could not all go in anyway; leaving
    them to the repair pass (which still puts in any that fit) keeps 500 owed visits to seconds."""
    placeable = [(v, week.placeable(v)) for v in week.problem.visits]
    placeable = [(v, shifts) for v, shifts in placeable if shifts]
    hours = sum(seconds_of(s.end) - seconds_of(s.start) for s in week.problem.shifts)
    order = sorted(
        range(len(placeable)),
        key=lambda i: (
            week.fixed[placeable[i][0].nominal_id] is None,
            [-p for p in priority(placeable[i][0])],
            i,
        ),
    )
    chosen, booked = set(), 0
    for i in order:
        v = placeable[i][0]
        if week.fixed[v.nominal_id] is None and booked > limits.overfill * hours:
            break
        chosen.add(i)
        booked += week.service(v)
    return [placeable[i] for i in sorted(chosen)]


def _empty(week: RoundWeek, k: int) -> RoundDay:
    day = week.time_day(k, ())
    assert day is not None
    return day


def _solve(
    week: RoundWeek, candidates: Sequence[tuple[RoundVisit, tuple[int, ...]]], limits: SearchLimits
) -> list[list[str]]:
    problem = week.problem
    shifts = problem.shifts
    # A depot for each team that works a shift: the base of a team with none must not be a node, or
    # the routing model would have to visit it.
    depots = sorted({s.team for s in shifts})
    depot = {team: node for node, team in enumerate(depots)}
    teams = len(depots)
    node_rows = depots + [week.rows.row[v.nominal_id] for v, _ in candidates]
    n = len(node_rows)
    secs = week.matrix.seconds
    drive = [[secs[a][b] for b in node_rows] for a in node_rows]
    service = [0] * teams + [week.service(v) for v, _ in candidates]
    ends = [depot[s.team] for s in shifts]
    manager = pywrapcp.RoutingIndexManager(n, len(shifts), ends, ends)
    routing = pywrapcp.RoutingModel(manager)

    # Driving is the cost; an overdue visit costs a little more on each later shift of the week.
    rank = {k: r for r, k in enumerate(shift_order(week))}
    overdue = [False] * teams + [v.days_overdue > 0 for v, _ in candidates]
    for k in range(len(shifts)):
        extra = rank[k] * LATER_DAY_SECONDS
        cost = [[d + (extra if overdue[b] and extra else 0) for b, d in enumerate(row)] for row in drive]
        routing.SetArcCostEvaluatorOfVehicle(routing.RegisterTransitMatrix(cost), k)

    times = routing.RegisterTransitMatrix([[service[a] + d for d in row] for a, row in enumerate(drive)])
    routing.AddDimension(times, DAY, DAY, False, "time")
    clock = routing.GetDimensionOrDie("time")
    for k, s in enumerate(shifts):
        start, end = seconds_of(s.start), seconds_of(s.end)
        clock.CumulVar(routing.Start(k)).SetRange(start, end)
        clock.CumulVar(routing.End(k)).SetRange(start, end)
    rules = problem.rules
    # Above any visit's detour and its later-day cost, so placing a visit always beats dropping it.
    unit = 2 * max((max(r) for r in drive), default=0) + len(shifts) * LATER_DAY_SECONDS + 1
    fixed_penalty = unit * 10**6
    for i, (v, allowed) in enumerate(candidates):
        index = manager.NodeToIndex(teams + i)
        # A booked time met on its day's shifts is the visit's whole window there (the same rule as
        # round_days' timing, so the order found is timed as the solver saw it); it goes on no other shift.
        booked = [(w, k) for k in allowed if (w := week.booked_window(v, shifts[k])) is not None]
        if booked:
            window = booked[0][0]
            allowed = tuple(k for w, k in booked if w == window)  # its shifts of that one window
            clock.CumulVar(index).SetRange(*window)
        elif v.window is VisitWindow.DAYTIME:
            clock.CumulVar(index).SetRange(0, seconds_of(rules.evening_start) - 60)
        elif v.window is VisitWindow.EVENING:
            clock.CumulVar(index).SetRange(seconds_of(rules.evening_start), seconds_of(rules.evening_end))
        if len(allowed) < len(shifts):
            # SetAllowedVehiclesForIndex's Python wrapper refuses every list in 9.15 (absl::Span has
            # no typemap), so the vehicle variable is restricted directly; -1 keeps it droppable.
            routing.VehicleVar(index).SetValues([-1, *allowed])
        is_fixed = week.fixed[v.nominal_id] is not None
        routing.AddDisjunction([index], fixed_penalty if is_fixed else penalty(v, unit))

    params = _parameters(limits, len(candidates))
    # Guided local search stops at the solution limit, but a tiny week may have too few different
    # solutions ever to reach it: a limit on the search's branches (a count, not a time) ends that.
    routing.AddSearchMonitor(routing.solver().BranchesLimit(20 * params.solution_limit + 1000))
    solution = routing.SolveWithParameters(params)
    orders: list[list[str]] = [[] for _ in shifts]
    if solution is None:
        return orders
    for k in range(len(shifts)):
        index = solution.Value(routing.NextVar(routing.Start(k)))
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index)
            orders[k].append(candidates[node - teams][0].nominal_id)
            index = solution.Value(routing.NextVar(index))
    return orders


def _parameters(limits: SearchLimits, size: int) -> Any:
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.solution_limit = max(20, limits.solutions * min(limits.full_size, size) // max(size, 1))
    return params


def _repair(week: RoundWeek, orders: list[list[str]]) -> list[list[str]]:
    """Put in any dropped visit that fits (cheapest place), else in place of a less urgent free visit
    (a planned or pinned visit outranks every free one: it is kept on its day whatever the others)."""
    orders = [list(o) for o in orders]
    rounds = 0
    while rounds < 4 * len(week.problem.visits) + 4:  # each change places a more urgent visit: it ends
        rounds += 1
        placed = {nid for o in orders for nid in o}
        dropped = sorted(
            (v for v in week.problem.visits if v.nominal_id not in placed and week.placeable(v)),
            key=lambda v: (week.fixed[v.nominal_id] is None, tuple(-p for p in priority(v)), v.nominal_id),
        )
        changed = False
        for v in dropped:
            best = _best_insertion(week, orders, v)
            if best is None:
                best = _best_swap(week, orders, v)
            if best is not None:
                k, order = best
                orders[k] = order
                changed = True
                break
        if not changed:
            break
    return orders


def _best_insertion(week: RoundWeek, orders: list[list[str]], v: RoundVisit) -> tuple[int, list[str]] | None:
    best: tuple[int, int, list[str]] | None = None
    for k in week.placeable(v):
        for at in range(len(orders[k]) + 1):
            order = [*orders[k][:at], v.nominal_id, *orders[k][at:]]
            day = week.time_day(k, order)
            if day is not None and (best is None or day.drive_seconds < best[0]):
                best = (day.drive_seconds, k, order)
    return None if best is None else (best[1], best[2])


def _best_swap(week: RoundWeek, orders: list[list[str]], v: RoundVisit) -> tuple[int, list[str]] | None:
    """`v` in place of the least urgent free visit it can replace on a shift it may go on."""
    mine = priority(v)
    fixed = week.fixed[v.nominal_id] is not None
    best: tuple[tuple[int, int], int, int, list[str]] | None = None
    for k in week.placeable(v):
        for out in orders[k]:
            other = week.visit[out]
            if week.fixed[out] is not None or (not fixed and priority(other) >= mine):
                continue
            rest = [nid for nid in orders[k] if nid != out]
            for at in range(len(rest) + 1):
                order = [*rest[:at], v.nominal_id, *rest[at:]]
                day = week.time_day(k, order)
                if day is None:
                    continue
                key = (priority(other), day.drive_seconds)
                if best is None or key < (best[0], best[1]):
                    best = (priority(other), day.drive_seconds, k, order)
    return None if best is None else (best[2], best[3])
