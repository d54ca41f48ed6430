"""A planned week made by hand from real cases, for the window's and the day sheet's tests: the
optimiser's own tests hold it to its rules; these hold what is shown, printed and booked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

from somdesk.app.round_work import PlannedWeek, RoundRequest
from somdesk.domain.model import RiskLevel
from somdesk.domain.rounds import (
    DayShift,
    GridPoint,
    PlacedStop,
    RoundDay,
    RoundPlan,
    RoundProblem,
    RoundRules,
    RoundVisit,
    Team,
    Unplaced,
    UnplacedReason,
    VisitWindow,
)
from somdesk.domain.status import CaseStatus

BASE = GridPoint(451_000, 200_000)
MINUTES = {RiskLevel.VERY_HIGH: 60, RiskLevel.HIGH: 50, RiskLevel.MEDIUM: 40, RiskLevel.LOW: 30}
RULES = RoundRules(
    road_factor=1.3,
    speed_kmh={"urban": 25.0},
    area_types={},
    default_area_type="urban",
    visit_minutes=MINUTES,
    day_start=time(9),
    day_end=time(17),
    evening_start=time(17),
    evening_end=time(21),
    working_days=(0, 1, 2, 3, 4),
    routing_url="",
)


def _visit(s: CaseStatus, i: int, located: bool = True) -> RoundVisit:
    n = s.case.nominal
    point = (
        GridPoint(BASE.easting + 1500 * (i % 4) + 300 * i, BASE.northing + 1200 * (i // 4) + 200)
        if located
        else None
    )
    return RoundVisit(
        n.id, f"{n.display_name} ({n.visor_ref})", n.area, point, s.risk, s.visit.due, 0, None, None,
        VisitWindow.ANY, MINUTES[s.risk],
    )  # fmt: skip


def _day(shift: DayShift, visits: Sequence[RoundVisit], fixed: frozenset[str] = frozenset()) -> RoundDay:
    stops, at = [], 9 * 60
    for number, v in enumerate(visits, 1):
        at += 12
        arrive, leave = time(at // 60, at % 60), time((at + v.minutes) // 60, (at + v.minutes) % 60)
        stops.append(PlacedStop(v.nominal_id, number, arrive, leave, 720, 5200, v.nominal_id in fixed))
        at += v.minutes
    return RoundDay(shift, tuple(stops), 720 * (len(stops) + 1), 5200 * (len(stops) + 1))


def made_week(
    statuses: Sequence[CaseStatus], monday: date, pairs: tuple[tuple[str, ...], ...] = (("a", "b"),)
) -> PlannedWeek:
    """Mon: four stops (the third fixed); Wed: three; Tue, Thu, Fri: none; two visits not placed."""
    chosen = [s for s in statuses if s.case.nominal.address is not None][:9]
    assert len(chosen) == 9, "the demo has nine cases with an address"
    visits = [_visit(s, i, located=i != 7) for i, s in enumerate(chosen)]
    shifts = tuple(DayShift(0, monday + timedelta(days=d), time(9), time(17)) for d in range(5))
    days = (
        _day(shifts[0], visits[:4], frozenset({visits[2].nominal_id})),
        _day(shifts[1], []),
        _day(shifts[2], visits[4:7]),
        _day(shifts[3], []),
        _day(shifts[4], []),
    )
    unplaced = (
        Unplaced(visits[7].nominal_id, UnplacedReason.NO_LOCATION),
        Unplaced(visits[8].nominal_id, UnplacedReason.NO_TIME),
    )
    plan = RoundPlan(days, unplaced, "optimised")
    longer = tuple(
        d._replace(drive_seconds=d.drive_seconds * 2, drive_metres=d.drive_metres * 2) for d in days
    )
    problem = RoundProblem(
        monday, (Team("DC One and DC Two", ("a", "b"), BASE),), shifts, tuple(visits), RULES
    )
    request = RoundRequest(monday, pairs, "ZZ1 1AA", (0, 1, 2, 3, 4), time(9), time(17))
    return PlannedWeek(
        request,
        problem,
        plan,
        RoundPlan(longer, unplaced, "postcode order"),
        RoundPlan(
            tuple(d._replace(drive_seconds=int(d.drive_seconds * 1.5)) for d in days),
            unplaced,
            "nearest neighbour",
        ),
        BASE,
        {s.case.nominal.id: (s.case.planned_visit, s.case.planned_time) for s in chosen},
        "straight line x road factor",
    )
