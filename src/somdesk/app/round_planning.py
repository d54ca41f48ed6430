"""A week of home-visit rounds from the workspace: the problem, its travel times, and its plans.

`round_problem` takes the week's owed visits as today's planner picks them (domain.planner.visit_round:
due in the week, overdue, or planned in it; in its area-then-postcode order, which the postcode-order
baseline drives), their points (given by the caller: the locations store), the teams and their shifts.
`travel_matrix` gives the drives: the force's own routing server when the policy names one and it
answers, else straight lines. `optimise` and `baseline` give the plans to set side by side.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, time, timedelta
from typing import Protocol

from somdesk.app.rounds_solver import OPTIMISED, SearchLimits, optimise
from somdesk.app.routing_server import RouteTimes, RoutingServer
from somdesk.domain.model import Visit
from somdesk.domain.planner import visit_round
from somdesk.domain.policy import Policy
from somdesk.domain.round_baselines import BASELINES, NEAREST_NEIGHBOUR, POSTCODE_ORDER, baseline_plan
from somdesk.domain.round_days import RoundWeek, clock, seconds_of
from somdesk.domain.round_windows import visit_window
from somdesk.domain.rounds import (
    DayShift,
    GridPoint,
    RoundPlan,
    RoundProblem,
    RoundRules,
    RoundVisit,
    Team,
    TravelMatrix,
)
from somdesk.domain.status import CaseStatus
from somdesk.domain.travel import check_point, layout, straight_line_matrix

__all__ = [
    "BASELINES",
    "NEAREST_NEIGHBOUR",
    "OPTIMISED",
    "POSTCODE_ORDER",
    "SearchLimits",
    "baseline",
    "default_shifts",
    "force_routing",
    "optimise",
    "round_problem",
    "travel_matrix",
]


class HasPoint(Protocol):
    """A located address as the locations store gives it (Located: point and source)."""

    @property
    def point(self) -> GridPoint: ...


class TravelTables(Protocol):
    """Driving times from the force's routing server (app.routing_server.RoutingServer)."""

    def matrix(self, points: Sequence[GridPoint]) -> TravelMatrix | None: ...


def default_shifts(
    teams: int, monday: date, rules: RoundRules, evening_days: Collection[date] = ()
) -> tuple[DayShift, ...]:
    """Every working day of the week for each team, in day hours; on `evening_days` an evening shift:
    as long as a day shift, ending with the evening slot (so the pair works no longer that day)."""
    length = seconds_of(rules.day_end) - seconds_of(rules.day_start)
    late_start = clock(max(0, seconds_of(rules.evening_end) - length))
    shifts = []
    for weekday in sorted(rules.working_days):
        day = monday + timedelta(days=weekday)
        for team in range(teams):
            if day in evening_days:
                shifts.append(DayShift(team, day, late_start, rules.evening_end))
            else:
                shifts.append(DayShift(team, day, rules.day_start, rules.day_end))
    return tuple(shifts)


def _point(value: GridPoint | HasPoint | None, nominal_id: str) -> GridPoint | None:
    if value is None:
        return None
    raw = value if isinstance(value, GridPoint) else getattr(value, "point", value)
    return check_point(raw, f"the point of visit {nominal_id}")


def round_problem(
    statuses: Iterable[CaseStatus],
    points: Mapping[str, GridPoint | HasPoint | None],
    teams: Sequence[Team],
    monday: date,
    today: date,
    policy: Policy,
    *,
    pins: Mapping[str, date] | None = None,
    shifts: Sequence[DayShift] | None = None,
    evening_days: Collection[date] = (),
    evening_requests: Collection[str] = (),
    recent_visits: Mapping[str, Sequence[Visit]] | None = None,
    officer_id: str | None = None,
    now: time | None = None,
) -> RoundProblem:
    """The week starting `monday` as the optimiser sees it.

    `points`: nominal_id -> point (or a Located), missing or None when not known. `pins`: nominal_id ->
    a day of the week the officer keeps it on. `shifts`: None for `default_shifts` (with
    `evening_days`). `evening_requests`: nominal_ids the officer wants visited in the evening slot
    (unannounced evening visits). `recent_visits`: each person's recorded visits, for the variety rules.
    `officer_id` keeps one SOM's caseload, as the planner does. Days before `today` are not worked, and
    with `now` today's shift starts no earlier than now. A visit booked for a day still to come in
    another week is left to that week (planning this week never moves it); one booked for a day of this
    week and a time starts at that time there (unless pinned to another day).
    Bad input raises ValueError naming it.
    """
    if monday.weekday() != 0:
        raise ValueError(f"the week must start on a Monday, got {monday:%A %d %B %Y}")
    if not teams:
        raise ValueError("at least one team (a pair of officers) is needed to plan rounds")
    for t in teams:
        check_point(t.base, f"the base of {t.name}")
    sunday = monday + timedelta(days=6)
    pins = dict(pins or {})
    for nid, day in pins.items():
        if not monday <= day <= sunday:
            raise ValueError(
                f"visit {nid}: pinned to {day:%a %d %b %Y}, outside the week of {monday:%d %b %Y}"
            )
    rules = policy.rounds
    week_shifts = (
        tuple(shifts) if shifts is not None else default_shifts(len(teams), monday, rules, evening_days)
    )
    # A day already gone cannot be worked: this week's past days are no shifts (a visit pinned or
    # planned to one is then said to be on a day not worked, and the officer moves it).
    week_shifts = tuple(s for s in week_shifts if s.day >= today)
    if now is not None:  # today's shift starts no earlier than now, to the next five minutes
        minutes = now.hour * 60 + now.minute
        start = clock(min(((minutes + 4) // 5) * 5 * 60, 24 * 3600 - 60))
        week_shifts = tuple(
            s._replace(start=max(s.start, start)) if s.day == today else s
            for s in week_shifts
            if s.day != today or max(s.start, start) < s.end
        )
    for s in week_shifts:
        if not 0 <= s.team < len(teams):
            raise ValueError(f"a shift on {s.day:%a %d %b} names team {s.team}, but there are {len(teams)}")
        if not monday <= s.day <= sunday:
            raise ValueError(f"a shift on {s.day:%a %d %b %Y} is outside the week of {monday:%d %b %Y}")
        if s.end < s.start:
            raise ValueError(
                f"the shift on {s.day:%a %d %b} ends ({s.end:%H:%M}) before it starts ({s.start:%H:%M})"
            )
    recent = recent_visits or {}
    variety = policy.visits.variety
    visits = []
    for stop in visit_round(statuses, monday, today, officer_id):
        status = stop.status
        booked = status.case.planned_visit
        if booked is not None and booked >= today and not monday <= booked <= sunday:
            continue  # booked for a day still to come in another week: that week's plan holds it
        nominal = status.case.nominal
        due = stop.due
        overdue = (today - due).days if due is not None and due < today else 0
        planned = stop.planned if stop.planned is not None and stop.planned >= monday else None
        pinned = pins.get(nominal.id)
        # The booked time holds on the booked day only: a visit the officer pins elsewhere is moved.
        at = status.case.planned_time if planned is not None and pinned in (None, planned) else None
        visits.append(
            RoundVisit(
                nominal_id=nominal.id,
                label=f"{nominal.display_name} ({nominal.visor_ref})",
                area=stop.area,
                point=_point(points.get(nominal.id), nominal.id),
                risk=status.risk,
                due=due,
                days_overdue=overdue,
                planned=planned,
                pinned=pinned,
                window=visit_window(recent.get(nominal.id, ()), variety, nominal.id in evening_requests),
                minutes=rules.visit_minutes[status.risk],
                booked_at=at,
            )
        )
    return RoundProblem(monday, tuple(teams), week_shifts, tuple(visits), rules)


def force_routing(rules: RoundRules, cache: RouteTimes | None = None) -> RoutingServer | None:
    """The force's routing server as the policy names it (None when it names none), with a cache of its
    answers (store.route_cache.RouteCache on the open profile's engine). It may wait up to the policy's
    timeout for the network: call it off the window's thread."""
    return RoutingServer(rules, cache) if rules.routing_url else None


def travel_matrix(problem: RoundProblem, server: TravelTables | None = None) -> TravelMatrix:
    """Drives between the problem's points: `server`'s when given and it answers, else straight lines."""
    rows = layout(problem)
    if server is not None:
        got = server.matrix(rows.points)
        if got is not None:
            return got
    return straight_line_matrix(rows.points, rows.area_types, problem.rules)


def baseline(problem: RoundProblem, matrix: TravelMatrix, how: str) -> RoundPlan:
    """The week driven without the optimiser: `how` is POSTCODE_ORDER or NEAREST_NEIGHBOUR."""
    return baseline_plan(RoundWeek(problem, layout(problem), matrix), how)
