"""Planning a week of rounds for the window: what the officer asked for, and what came back (the
optimised plan beside today's postcode order and a nearest-neighbour round), on the worker thread.

The optimiser (app/round_planning.py, app/rounds_solver.py) and the locations (Session.points) do the
work; round_run.plan_week gathers the officer's choices into their inputs, and this module holds the
choices and the answer as the planner view, the day sheet and booking read them. No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from somdesk.domain.boundaries import Boundary
from somdesk.domain.round_booking import Booking, bookings_of
from somdesk.domain.rounds import GridPoint, RoundDay, RoundPlan, RoundProblem, RoundVisit

__all__ = ["PlannedWeek", "RoundRequest"]


@dataclass(frozen=True, slots=True)
class RoundRequest:
    """The officer's choices for a week of rounds."""

    monday: date
    pairs: tuple[tuple[str, ...], ...]  # officer ids, two (or more) to a pair
    start: str  # the base's postcode, where each day starts and ends
    weekdays: tuple[int, ...]  # days worked, Monday 0
    day_start: time
    day_end: time
    evening_days: tuple[date, ...] = ()  # days worked as an evening shift (unannounced evening visits)
    pins: Mapping[str, date] = field(default_factory=dict)  # nominal id -> the day it is kept on
    evening_requests: frozenset[str] = frozenset()  # nominal ids to visit unannounced in the evening slot


@dataclass(frozen=True, slots=True)
class PlannedWeek:
    """A planned week as the window shows it."""

    request: RoundRequest
    problem: RoundProblem
    plan: RoundPlan  # the optimised one
    before: RoundPlan  # today's planner: postcode order
    nearest: RoundPlan  # nearest neighbour, on the same visits
    base: GridPoint
    held: Mapping[str, tuple[date | None, time | None]]  # each visit's booking when planned
    travel: str  # where the driving times came from
    areas: tuple[Boundary, ...] = ()  # the force's area boundaries, for the map ([rounds] boundaries)
    areas_problem: str = ""  # why the boundaries named could not be drawn ("" if they were, or none)

    @property
    def visits(self) -> Mapping[str, RoundVisit]:
        return {v.nominal_id: v for v in self.problem.visits}

    def team_name(self, day: RoundDay) -> str:
        return self.problem.teams[day.shift.team].name

    def bookings(self) -> list[Booking]:
        """Every placed visit for its day and start, with its booking when planned."""
        return bookings_of(self.plan, self.held)

    @property
    def located(self) -> int:
        return sum(1 for v in self.problem.visits if v.point is not None)
