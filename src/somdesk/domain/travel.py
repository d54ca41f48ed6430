"""Driving between the points of a week's rounds, by the force's straight-line rule.

A drive is the straight line between two British National Grid points times the policy's road
factor, at the average speed of the area type it is driven in. Between two areas of different
types (a town base to a rural address) half the drive is taken at each type's speed: the road
leaves one kind of country for the other somewhere between them, and taking the slower speed
for the whole drive would overstate such trips by up to the ratio of the speeds. A team's base
is taken as the policy's default area type.

The matrix is indexed as `layout(problem)` says: the teams' bases first (team k at k), then the
visits that have a point, in the problem's order. Visits without a point are not in it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from somdesk.domain.rounds import GridPoint, RoundProblem, RoundRules, TravelMatrix

__all__ = [
    "GRID_EASTING_MAX",
    "GRID_NORTHING_MAX",
    "STRAIGHT_LINE",
    "BadPoint",
    "MatrixLayout",
    "check_point",
    "drive",
    "layout",
    "straight_line_matrix",
]

# The National Grid covers Great Britain within these bounds (metres from its false origin).
GRID_EASTING_MAX = 700_000
GRID_NORTHING_MAX = 1_300_000
STRAIGHT_LINE = "straight line x road factor"


class BadPoint(ValueError):
    """A point that is not a place on the National Grid: `where` names whose point it is."""

    def __init__(self, where: str, point: object, why: str) -> None:
        shown = repr(point)
        super().__init__(f"{where}: {why}, got {shown if len(shown) <= 60 else shown[:57] + '...'}")
        self.where = where


def check_point(point: object, where: str) -> GridPoint:
    """`point` as a GridPoint, refused (naming `where`) unless it is whole metres inside the grid.

    NaN, infinities, floats, booleans and huge numbers all stop here, before any arithmetic or solver."""
    if not isinstance(point, tuple) or len(point) != 2:
        raise BadPoint(where, point, "a point is an easting and a northing")
    easting, northing = point
    for value, name, high in (
        (easting, "easting", GRID_EASTING_MAX),
        (northing, "northing", GRID_NORTHING_MAX),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadPoint(where, point, f"the {name} must be whole metres")
        if not 0 <= value <= high:
            raise BadPoint(where, point, f"the {name} must be from 0 to {high:,} metres (Great Britain)")
    return GridPoint(easting, northing)


class MatrixLayout(NamedTuple):
    """Which matrix row is which: bases first (team k at row k), then the visits with a point."""

    points: tuple[GridPoint, ...]
    area_types: tuple[str, ...]
    row: dict[str, int]  # nominal_id -> row, for the visits with a point


def layout(problem: RoundProblem) -> MatrixLayout:
    """The rows of `problem`'s matrix; every point checked (BadPoint names the team or visit)."""
    rules = problem.rules
    points = [check_point(t.base, f"the base of {t.name}") for t in problem.teams]
    kinds = [rules.default_area_type] * len(points)
    index: dict[str, int] = {}
    for v in problem.visits:
        if v.nominal_id in index:
            raise ValueError(f"visit {v.nominal_id}: listed twice in the week's visits")
        if v.point is None:
            continue
        index[v.nominal_id] = len(points)
        points.append(check_point(v.point, f"the point of visit {v.nominal_id}"))
        kinds.append(rules.area_type(v.area))
    return MatrixLayout(tuple(points), tuple(kinds), index)


def drive(a: GridPoint, b: GridPoint, type_a: str, type_b: str, rules: RoundRules) -> tuple[int, int]:
    """Seconds and metres from `a` to `b` by the straight-line rule."""
    metres = math.hypot(a.easting - b.easting, a.northing - b.northing) * rules.road_factor
    # Half the way at each end's speed (the same speed twice when both ends are of one type).
    seconds = (metres / 2) / (rules.speed_kmh[type_a] / 3.6) + (metres / 2) / (rules.speed_kmh[type_b] / 3.6)
    return round(seconds), round(metres)


def straight_line_matrix(
    points: Sequence[GridPoint], area_types: Sequence[str], rules: RoundRules
) -> TravelMatrix:
    """The matrix between `points` (each driven at its `area_types` entry's speed) by straight lines."""
    if len(points) != len(area_types):
        raise ValueError("one area type is needed for each point")
    unknown = sorted(set(area_types) - set(rules.speed_kmh))
    if unknown:
        raise ValueError(f"area type '{unknown[0]}' has no speed in the policy's [rounds] speed_kmh")
    n = len(points)
    seconds = [[0] * n for _ in range(n)]
    metres = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s, m = drive(points[i], points[j], area_types[i], area_types[j], rules)
            seconds[i][j] = seconds[j][i] = s
            metres[i][j] = metres[j][i] = m
    return TravelMatrix(tuple(points), tuple(map(tuple, seconds)), tuple(map(tuple, metres)), STRAIGHT_LINE)
