"""The force's own map tiles under the rounds map (`[rounds] tile_url`, "" = none: no tiles at all).

A force may run a tile server on its network (OpenStreetMap-style XYZ tiles in Web Mercator). The map is
drawn on the National Grid, so each tile is placed by its four corners converted to National Grid metres
(pyproj) and drawn into that quadrilateral: close enough at a tile's size anywhere in Great Britain. Only
tile numbers (zoom, x, y) go to the server: never an address or a person; the numbers do say which part
of the country the officer is looking at, which is why only the force's own server may be named.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

from pyproj import Transformer

from somdesk.domain.rounds import GridPoint

__all__ = ["MAX_TILES", "Tile", "tile_corners", "tile_url", "tiles_for"]

MAX_TILES = 64  # tiles a view asks for at most: a view needs 4-12; more means a wrong zoom
TILE_PX = 256


class Tile(NamedTuple):
    zoom: int
    x: int
    y: int


@cache
def _to_grid() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def _tile_of(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    n = 2**zoom
    lat = max(min(lat, 85.0511), -85.0511)
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return x, y


def _lonlat(x: float, y: float, zoom: int) -> tuple[float, float]:
    n = 2**zoom
    lon = x / n * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))
    return lon, lat


def tiles_for(west: float, south: float, east: float, north: float, metres_per_px: float) -> list[Tile]:
    """The tiles covering a National Grid box at about the map's scale (at most MAX_TILES)."""
    to_wgs = _to_wgs84()
    corners = [to_wgs.transform(e, n) for e in (west, east) for n in (south, north)]
    lons, lats = [c[0] for c in corners], [c[1] for c in corners]
    mid_lat = math.radians(sum(lats) / 4)
    # Web Mercator's metres a pixel at zoom z: 156543 x cos(latitude) / 2^z; the nearest zoom not coarser.
    wanted = math.log2(156_543.03 * math.cos(mid_lat) / max(metres_per_px, 0.01))
    zoom = max(1, min(19, math.ceil(wanted)))
    while True:
        x0, y0 = _tile_of(min(lons), max(lats), zoom)
        x1, y1 = _tile_of(max(lons), min(lats), zoom)
        found = [Tile(zoom, x, y) for x in range(int(x0), int(x1) + 1) for y in range(int(y0), int(y1) + 1)]
        if len(found) <= MAX_TILES or zoom == 1:
            return found[:MAX_TILES]
        zoom -= 1


@cache
def tile_corners(tile: Tile) -> tuple[GridPoint, GridPoint, GridPoint, GridPoint]:
    """The tile's top-left, top-right, bottom-right and bottom-left corners on the National Grid."""
    to_grid = _to_grid()

    def grid(x: int, y: int) -> GridPoint:
        e, n = to_grid.transform(*_lonlat(x, y, tile.zoom))
        return GridPoint(round(e), round(n))

    x, y = tile.x, tile.y
    return grid(x, y), grid(x + 1, y), grid(x + 1, y + 1), grid(x, y + 1)


def tile_url(template: str, tile: Tile) -> str:
    """The address of a tile: the policy's template with {z}, {x} and {y} filled in."""
    return template.replace("{z}", str(tile.zoom)).replace("{x}", str(tile.x)).replace("{y}", str(tile.y))
