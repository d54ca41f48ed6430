"""Area boundaries a force may supply for the rounds map: a GeoJSON FeatureCollection of polygons
whose coordinates are British National Grid eastings and northings in metres (EPSG:27700), the
same grid the locations use. Read from the decoded document; a file the map cannot use is refused
with where and why, never half drawn. No I/O.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

from somdesk.domain.records import text_problem
from somdesk.domain.rounds import GridPoint

__all__ = ["MAX_BOUNDARY_POINTS", "Boundary", "BoundaryError", "boundaries_from_document", "bounds"]

MAX_BOUNDARY_POINTS = 200_000  # every ring together: a division's areas drawn finely fit well within
# The grid covers Great Britain: eastings 0 to 700 km, northings 0 to 1,300 km.
_EAST, _NORTH = 700_000, 1_300_000


class Boundary(NamedTuple):
    name: str  # the area's name ("" when the feature has none)
    rings: tuple[tuple[GridPoint, ...], ...]  # outer rings of its polygons (holes are not drawn)


class BoundaryError(ValueError):
    """A boundaries document the map cannot use: `where` names the place in it."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


def _point(value: Any, where: str) -> GridPoint:
    if not isinstance(value, list) or len(value) < 2:
        raise BoundaryError(where, "a position is [easting, northing]")
    east, north = value[0], value[1]
    for v in (east, north):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise BoundaryError(where, f"a coordinate must be a finite number of metres, got {v!r:.40}")
    if not (0 <= east <= _EAST and 0 <= north <= _NORTH):
        raise BoundaryError(
            where,
            f"({east:.0f}, {north:.0f}) is off the British National Grid: the file must be in "
            "BNG metres (EPSG:27700), not longitude and latitude",
        )
    return GridPoint(round(east), round(north))


def _ring(value: Any, where: str, budget: list[int]) -> tuple[GridPoint, ...]:
    if not isinstance(value, list) or len(value) < 4:
        raise BoundaryError(where, "a ring is a list of at least 4 positions")
    budget[0] -= len(value)
    if budget[0] < 0:
        raise BoundaryError(where, f"more than {MAX_BOUNDARY_POINTS:,} positions in the file")
    return tuple(_point(p, f"{where}[{i}]") for i, p in enumerate(value))


def _polygons(geometry: Any, where: str, budget: list[int]) -> list[tuple[GridPoint, ...]]:
    if not isinstance(geometry, dict):
        raise BoundaryError(where, "a feature needs a geometry")
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    polygons: list[Any] | None
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = coords if isinstance(coords, list) else None
    else:
        raise BoundaryError(f"{where}.type", f"must be Polygon or MultiPolygon, got {kind!r:.40}")
    if not isinstance(polygons, list) or not all(isinstance(p, list) and p for p in polygons):
        raise BoundaryError(f"{where}.coordinates", "must be a list of polygons, each a list of rings")
    return [_ring(p[0], f"{where}.coordinates[{i}][0]", budget) for i, p in enumerate(polygons)]


def _name(properties: Any, where: str) -> str:
    if not isinstance(properties, dict):
        return ""
    name = properties.get("name", properties.get("area", ""))
    if not isinstance(name, str):
        return ""
    if len(name) > 100 or text_problem(name):
        raise BoundaryError(f"{where}.properties.name", "must be one line of at most 100 characters")
    return name


def boundaries_from_document(document: Any) -> list[Boundary]:
    """The areas of a GeoJSON FeatureCollection (a feature's name from its `name` or `area`
    property); raises BoundaryError naming the first thing wrong."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise BoundaryError("the file", "must be a GeoJSON FeatureCollection")
    features = document.get("features")
    if not isinstance(features, list):
        raise BoundaryError("features", "must be a list")
    budget = [MAX_BOUNDARY_POINTS]
    out = []
    for i, feature in enumerate(features):
        where = f"features[{i}]"
        if not isinstance(feature, dict):
            raise BoundaryError(where, "must be a Feature")
        rings = _polygons(feature.get("geometry"), f"{where}.geometry", budget)
        out.append(Boundary(_name(feature.get("properties"), where), tuple(rings)))
    return out


def bounds(points: Sequence[GridPoint]) -> tuple[int, int, int, int] | None:
    """(west, south, east, north) of `points`; None for none."""
    if not points:
        return None
    xs, ys = [p.easting for p in points], [p.northing for p in points]
    return min(xs), min(ys), max(xs), max(ys)
