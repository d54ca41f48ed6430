"""Home-visit rounds: the week's visits for a pair of officers (or several pairs) as ordered days.

This module holds what a round *is* and the rules that do not need a solver: where a stop is, how long
the drive between two points is by the force's straight-line rule, how urgent a visit is, and the two
rounds a planner without an optimiser would drive (today's postcode order, and nearest neighbour), so
an optimised plan can be set beside them. The optimiser itself (app/rounds_solver.py, OR-Tools) takes a
`RoundProblem` and a `TravelMatrix` and gives a `RoundPlan` of these same types. No clock, no I/O.

Points are British National Grid eastings and northings in metres (what Code-Point Open and the ONS
Postcode Directory carry), so a straight-line distance is Pythagoras and no projection is needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum
from typing import NamedTuple

from somdesk.domain.model import RiskLevel
from somdesk.domain.text import QT_TR_NOOP

__all__ = [
    "DayShift",
    "GridPoint",
    "PlacedStop",
    "RoundDay",
    "RoundPlan",
    "RoundProblem",
    "RoundRules",
    "RoundVisit",
    "Team",
    "TravelMatrix",
    "Unplaced",
    "UnplacedReason",
    "VisitWindow",
    "stops_by_id",
]


class GridPoint(NamedTuple):
    """A place on the British National Grid, in metres."""

    easting: int
    northing: int


class VisitWindow(Enum):
    """When in the day a visit may start."""

    ANY = "any"  # within the pair's working hours
    DAYTIME = "daytime"  # before the evening (the variety rules asked for a daytime visit)
    EVENING = "evening"  # in the evening slot (unannounced evening visits; the variety rules asked)


@dataclass(frozen=True, slots=True)
class RoundRules:
    """The force's rules for rounds ([rounds] in the policy: every value there, none a literal)."""

    road_factor: float  # road distance over straight-line distance
    speed_kmh: Mapping[str, float]  # average speed by area type ("urban", "rural", ...)
    area_types: Mapping[str, str]  # policing area -> area type; areas not named take `default_area_type`
    default_area_type: str
    visit_minutes: Mapping[RiskLevel, int]  # time at the door and inside, by risk level
    day_start: time  # working hours of a day shift
    day_end: time
    evening_start: time  # the evening slot, for unannounced evening visits
    evening_end: time
    working_days: tuple[int, ...]  # weekdays worked, Monday 0
    routing_url: str  # the force's own OSRM or Valhalla server ("" = none): straight lines then
    routing_kind: str = "osrm"  # "osrm" or "valhalla": which table service routing_url speaks
    routing_timeout_seconds: float = 3.0  # a slower server is not waited for (straight lines then)
    # Where each policing area's teams start and end their rounds: area -> postcode (the planner's default
    # start point); an area not named: the officer types it.
    bases: Mapping[str, str] = field(default_factory=dict)
    # A GeoJSON file of the force's area boundaries in BNG metres, drawn on the rounds map ("" = none);
    # a relative path is from the profiles' folder.
    boundaries: str = ""
    # The force's own XYZ tile server under the rounds map, "https://…/{z}/{x}/{y}.png" ("" = no tiles:
    # somdesk never asks anyone else's); only tile numbers are sent (app/map_tiles.py).
    tile_url: str = ""

    def area_type(self, area: str) -> str:
        """The area type ("urban", "rural", ...) whose speed a drive in `area` is taken at."""
        return self.area_types.get(area, self.default_area_type)


class RoundVisit(NamedTuple):
    """One visit owed in the week, as the optimiser sees it."""

    nominal_id: str
    label: str  # what a sheet and the map call it (name and reference)
    area: str
    point: GridPoint | None  # None: no location known, cannot be placed (said so)
    risk: RiskLevel
    due: date | None
    days_overdue: int  # 0 when not overdue
    planned: date | None  # a visit already planned for a day of the week: kept on that day
    pinned: date | None  # the officer pinned it to this day (kept there, like a planned one)
    window: VisitWindow
    minutes: int  # the visit's length (from the rules by risk level)
    # The start a booking gave it on its planned day: it starts then in every plan (the others are
    # ordered around it), so a later plan never contradicts the booking, the calendar or the sheet.
    booked_at: time | None = None


class Team(NamedTuple):
    """Officers who visit together (two at least, DOMAIN.md §4), from one base."""

    name: str  # "DC Holdale and DC Reyes"
    officer_ids: tuple[str, ...]
    base: GridPoint  # where each day starts and ends


class DayShift(NamedTuple):
    """One day a team works in the week, and its hours (an evening shift runs to the evening slot)."""

    team: int  # index into RoundProblem.teams
    day: date
    start: time
    end: time


@dataclass(frozen=True, slots=True)
class RoundProblem:
    """Everything the optimiser needs for one week."""

    monday: date
    teams: tuple[Team, ...]
    shifts: tuple[DayShift, ...]
    visits: tuple[RoundVisit, ...]
    rules: RoundRules


@dataclass(frozen=True, slots=True)
class TravelMatrix:
    """Driving seconds and metres between points, indexed as `points` (bases first, then visits)."""

    points: tuple[GridPoint, ...]
    seconds: tuple[tuple[int, ...], ...]
    metres: tuple[tuple[int, ...], ...]
    source: str  # "straight line x road factor" or the routing server that gave it


class PlacedStop(NamedTuple):
    nominal_id: str
    number: int  # place in the day's round, from 1
    arrive: time
    leave: time
    drive_seconds: int  # from the previous stop (or the base)
    drive_metres: int
    fixed: bool  # planned or pinned: the optimiser did not choose its day


class RoundDay(NamedTuple):
    shift: DayShift
    stops: tuple[PlacedStop, ...]
    drive_seconds: int  # base to base
    drive_metres: int


class UnplacedReason(Enum):
    NO_LOCATION = QT_TR_NOOP("no location: set a point by hand or load the postcode file")
    NO_TIME = QT_TR_NOOP("no room in the working hours this week")
    PINNED_DAY_FULL = QT_TR_NOOP("no room on the day it is pinned or planned to")
    TOO_FAR = QT_TR_NOOP("the drive from the base and back and the visit take longer than a day's hours")
    WINDOW = QT_TR_NOOP("its time window cannot be met on any day worked")
    PINNED_DAY_NOT_WORKED = QT_TR_NOOP("pinned or planned to a day no team works")


class Unplaced(NamedTuple):
    nominal_id: str
    reason: UnplacedReason


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """A week of rounds: each shift's ordered stops, what could not fit and why, and the totals."""

    days: tuple[RoundDay, ...]
    unplaced: tuple[Unplaced, ...]
    how: str  # "optimised", "postcode order", "nearest neighbour"
    notes: tuple[str, ...] = field(default=())

    @property
    def visits(self) -> int:
        return sum(len(d.stops) for d in self.days)

    @property
    def drive_seconds(self) -> int:
        return sum(d.drive_seconds for d in self.days)

    @property
    def drive_metres(self) -> int:
        return sum(d.drive_metres for d in self.days)


def stops_by_id(plan: RoundPlan) -> Mapping[str, tuple[RoundDay, PlacedStop]]:
    """Where each placed visit is."""
    return {s.nominal_id: (d, s) for d in plan.days for s in d.stops}
