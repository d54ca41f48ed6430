"""Small synthetic weeks of rounds for the travel, baseline and optimiser tests (no real places)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from somdesk.app.policy import default_policy
from somdesk.app.round_planning import default_shifts
from somdesk.domain.model import RiskLevel
from somdesk.domain.rounds import DayShift, GridPoint, RoundProblem, RoundRules, RoundVisit, Team, VisitWindow

RULES: RoundRules = default_policy().rounds
MONDAY = date(2026, 11, 30)
BASE = GridPoint(450_000, 300_000)
TEAM = Team("DC Holdale and DC Reyes", ("o-1", "o-2"), BASE)


def visit(
    nid: str,
    point: GridPoint | None,
    risk: RiskLevel = RiskLevel.MEDIUM,
    *,
    overdue: int = 0,
    area: str = "Northmere",
    planned: date | None = None,
    pinned: date | None = None,
    window: VisitWindow = VisitWindow.ANY,
    minutes: int | None = None,
    booked_at: time | None = None,
) -> RoundVisit:
    return RoundVisit(
        nid,
        f"Person {nid}",
        area,
        point,
        risk,
        None,
        overdue,
        planned,
        pinned,
        window,
        RULES.visit_minutes[risk] if minutes is None else minutes,
        booked_at,
    )


def week(
    visits: Sequence[RoundVisit],
    shifts: Sequence[DayShift] | None = None,
    teams: Sequence[Team] = (TEAM,),
    rules: RoundRules = RULES,
) -> RoundProblem:
    if shifts is None:
        shifts = default_shifts(len(teams), MONDAY, rules)
    return RoundProblem(MONDAY, tuple(teams), tuple(shifts), tuple(visits), rules)


def day(offset: int) -> date:
    return date.fromordinal(MONDAY.toordinal() + offset)


def shift(offset: int, start: time = time(9), end: time = time(17), team: int = 0) -> DayShift:
    return DayShift(team, day(offset), start, end)
