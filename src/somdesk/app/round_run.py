"""Planning a week of rounds on the worker: the officer's choices (RoundRequest) into the optimiser's
inputs (the visits of the pairs' caseloads, their points, the teams and their shifts), and its plans
beside the two baselines (PlannedWeek). No Qt."""

from __future__ import annotations

from dataclasses import replace

from somdesk.app.boundary_file import read_boundaries
from somdesk.app.round_planning import (
    NEAREST_NEIGHBOUR,
    POSTCODE_ORDER,
    baseline,
    default_shifts,
    force_routing,
    optimise,
    round_problem,
    travel_matrix,
)
from somdesk.app.round_work import PlannedWeek, RoundRequest
from somdesk.app.session import Session, Workspace
from somdesk.domain.rounds import Team

__all__ = ["plan_week"]


def plan_week(session: Session, workspace: Workspace, request: RoundRequest) -> PlannedWeek:
    """Plan `request`'s week from the caseload `workspace` shows (on the worker: the optimiser takes up
    to a few seconds). Raises ValueError, in words, when the start point cannot be placed."""
    base = session.point_of_postcode(request.start)
    if base is None:
        raise ValueError(
            f"the start point {request.start} is not in the postcode file loaded: check the postcode, "
            "or load the file (File › Import postcode locations…)"
        )
    names = {**workspace.officer_names, **{o.id: o.name for o in workspace.officers}}
    members = {i for pair in request.pairs for i in pair}
    statuses = [s for s in workspace.statuses if s.case.nominal.officer_id in members]
    teams = [Team(" and ".join(names.get(i, i) for i in pair), pair, base) for pair in request.pairs]
    # The officer's hours and days for this week, within the force's rules for the rest.
    rules = replace(
        workspace.policy.rounds,
        day_start=request.day_start,
        day_end=request.day_end,
        working_days=request.weekdays,
    )
    shifts = default_shifts(len(teams), request.monday, rules, request.evening_days)
    points = session.points([s.case.nominal.id for s in statuses])
    now = session.now()  # today's shift starts no earlier than this
    problem = round_problem(
        statuses,
        points,
        teams,
        request.monday,
        workspace.today,
        workspace.policy,
        pins=request.pins,
        evening_requests=request.evening_requests,
        shifts=shifts,
        recent_visits=workspace.visit_index,
        now=now.time() if workspace.today == now.date() else None,
    )
    # The force's own routing server when the policy names one (its answers cached in the profile; a
    # server that does not answer in the policy's time: straight lines, and the reason said).
    server = force_routing(rules, session.opened.route_times())
    matrix = travel_matrix(problem, server)
    travel = matrix.source + (f" ({server.problem})" if server is not None and server.problem else "")
    areas, areas_problem = read_boundaries(rules.boundaries, session.opened.profile.folder.parent)
    return PlannedWeek(
        request,
        problem,
        optimise(problem, matrix),
        baseline(problem, matrix, POSTCODE_ORDER),
        baseline(problem, matrix, NEAREST_NEIGHBOUR),
        base,
        {s.case.nominal.id: (s.case.planned_visit, s.case.planned_time) for s in statuses},
        travel,
        tuple(areas),
        areas_problem,
    )
