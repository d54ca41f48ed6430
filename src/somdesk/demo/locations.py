"""Synthetic coordinates for the demo force's "ZZ" postcodes, so its rounds can be planned and drawn.

ZZ is no real postcode area, and these points are no real places: each policing area (vocabulary.AREAS,
district ZZ1 to ZZ6, as demo/people.py numbers them) is a cluster about 12 km across, the areas' centres
about 30 km apart in a 3 x 2 grid in the middle of England's part of the British National Grid. Inside an
area each sector (the inward code's digit) has a centre within 5 km of the area's, and each unit lies
within 800 m of its sector's centre: neighbouring postcodes are near each other, as real ones are. Every
point comes from the seed and the postcode alone, so the same force always has the same map.

Each area also has a base: a station at the area's centre with the postcode "ZZn 0AA" (sector 0, which
no demo address uses), where a team of that area starts its rounds.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator

from somdesk.demo.vocabulary import AREAS, UNIT_LETTERS
from somdesk.domain.rounds import GridPoint

__all__ = ["AREA_SPACING", "base_of_area", "base_postcode", "demo_centroids", "demo_point"]

AREA_SPACING = 30_000  # metres between neighbouring areas' centres
_ORIGIN = GridPoint(400_000, 280_000)  # the grid's first area, in the Midlands
_SECTOR_RADIUS = 5_000
_UNIT_RADIUS = 800
_SECTORS = range(1, 10)  # demo/people.py: rng.randint(1, 9)
_BASE_INWARD = "0AA"
_DEMO = re.compile(r"ZZ([0-9]+) ([0-9])([A-Z])([A-Z])")


def _around(rng: random.Random, centre: GridPoint, radius: int) -> GridPoint:
    """A point in the disc of `radius` around `centre`, evenly spread over its area."""
    r = radius * math.sqrt(rng.random())
    a = rng.random() * 2 * math.pi
    return GridPoint(centre.easting + round(r * math.cos(a)), centre.northing + round(r * math.sin(a)))


def _area_centre(district: int, seed: int) -> GridPoint:
    i = district - 1
    rng = random.Random(f"somdesk demo area {seed} {district}")
    grid = GridPoint(_ORIGIN.easting + (i % 3) * AREA_SPACING, _ORIGIN.northing + (i // 3) * AREA_SPACING)
    return _around(rng, grid, 3_000)  # not quite a grid


def _sector_centre(district: int, sector: int, seed: int) -> GridPoint:
    rng = random.Random(f"somdesk demo sector {seed} {district} {sector}")
    return _around(rng, _area_centre(district, seed), _SECTOR_RADIUS)


def demo_point(postcode: str, seed: int) -> GridPoint | None:
    """The synthetic point of a demo postcode ("ZZ3 4BX"; a base "ZZ3 0AA"); None for any other."""
    m = _DEMO.fullmatch(postcode)
    if m is None:
        return None
    district, sector = int(m.group(1)), int(m.group(2))
    if not 1 <= district <= len(AREAS):
        return None
    if f"{m.group(2)}{m.group(3)}{m.group(4)}" == _BASE_INWARD:
        return _area_centre(district, seed)
    if sector not in _SECTORS or m.group(3) not in UNIT_LETTERS or m.group(4) not in UNIT_LETTERS:
        return None
    rng = random.Random(f"somdesk demo unit {seed} {postcode}")
    return _around(rng, _sector_centre(district, sector, seed), _UNIT_RADIUS)


def base_postcode(area: str) -> str:
    """An area's base postcode, "ZZn 0AA" (KeyError for an area the demo force does not have): in the
    demo profile `Session.point_of_postcode` places it; a demo team starts from its area's."""
    if area not in AREAS:
        raise KeyError(area)
    return f"ZZ{AREAS.index(area) + 1} {_BASE_INWARD}"


def base_of_area(area: str, seed: int) -> tuple[str, GridPoint]:
    """An area's base: its postcode and point (KeyError for an area the demo force does not have)."""
    postcode = base_postcode(area)
    return postcode, _area_centre(AREAS.index(area) + 1, seed)


def demo_centroids(seed: int) -> Iterator[tuple[str, GridPoint]]:
    """Every postcode the demo generator can give an address, and each area's base, with its point,
    in postcode order within each area (as a centroid file lists them)."""
    for district in range(1, len(AREAS) + 1):
        yield base_of_area(AREAS[district - 1], seed)
        for sector in _SECTORS:
            centre = _sector_centre(district, sector, seed)
            for a in UNIT_LETTERS:
                for b in UNIT_LETTERS:
                    postcode = f"ZZ{district} {sector}{a}{b}"
                    rng = random.Random(f"somdesk demo unit {seed} {postcode}")
                    yield postcode, _around(rng, centre, _UNIT_RADIUS)
