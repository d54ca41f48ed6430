"""Driving times from the force's own routing server (OSRM or Valhalla on its network), when it answers.

Only coordinates leave the machine, and only to the server the force policy names ([rounds]
routing_url): the National Grid points are converted to longitude and latitude (pyproj, EPSG:27700 to
EPSG:4326) and sent as a table request; never a name, an address or a postcode. A short timeout
(routing_timeout_seconds) keeps planning quick when the server is down or slow; then `matrix` gives
None and the caller uses straight lines (round_planning.travel_matrix). Answers are cached in the
profile (store.route_cache), so planning again asks only for pairs not yet known and works offline.

- OSRM: GET {url}/table/v1/driving/{lon,lat;...}?annotations=duration,distance (&sources=&destinations=
  for a block of a larger table: OSRM's default limit is 100 locations a request).
- Valhalla: POST {url}/sources_to_targets {"sources": [...], "targets": [...], "costing": "auto"}.

Whatever comes back is checked: the right shape, finite non-negative numbers no larger than a day's
drive; a pair the server cannot route takes the straight-line rule, and the matrix's source says so.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Protocol

import httpx
from pyproj import Transformer

from somdesk.domain.rounds import GridPoint, RoundRules, TravelMatrix

__all__ = ["BLOCK", "RouteTimes", "RoutingServer", "to_wgs84"]

Pair = tuple[GridPoint, GridPoint]
BLOCK = 50  # points a side in one request: 50 x 50 stays within OSRM's default table limit of 100
MAX_SECONDS = 86_400  # a longer answer is not a drive within one day: treated as unroutable
MAX_METRES = 2_000_000
MAX_ANSWER_BYTES = 8_000_000


class RouteTimes(Protocol):
    """Where answers are kept (store.route_cache.RouteCache)."""

    def get(self, server: str, pairs: Sequence[Pair]) -> dict[Pair, tuple[int, int]]: ...

    def put(self, server: str, times: Mapping[Pair, tuple[int, int]]) -> None: ...


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def to_wgs84(point: GridPoint) -> tuple[float, float]:
    """Longitude and latitude (degrees, six decimals: about 10 cm) of a National Grid point."""
    lon, lat = _transformer().transform(point.easting, point.northing)
    return round(lon, 6), round(lat, 6)


class RoutingServer:
    """The force's OSRM or Valhalla server, as the policy names it, with the profile's cache."""

    def __init__(
        self,
        rules: RoundRules,
        cache: RouteTimes | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.rules = rules
        self.url = rules.routing_url.rstrip("/")
        self.kind = rules.routing_kind
        self.cache = cache
        self._transport = transport
        self.problem = ""  # why the last `matrix` fell back to straight lines, in words ("" if it did not)

    def matrix(self, points: Sequence[GridPoint]) -> TravelMatrix | None:
        """Drives between `points` from the cache and the server; None when the server cannot answer."""
        self.problem = ""
        if not self.url:
            self.problem = "no routing server in the policy"
            return None
        n = len(points)
        pairs = [(a, b) for a in points for b in points if a != b]
        known = dict(self.cache.get(self.url, pairs)) if self.cache is not None and pairs else {}
        missing = sorted(
            {a for a, b in pairs if (a, b) not in known} | {b for a, b in pairs if (a, b) not in known}
        )
        if missing:
            try:
                fetched = self._fetch(missing)
            except (httpx.HTTPError, ValueError, KeyError, TypeError, IndexError) as e:
                self.problem = f"the routing server at {self.url} did not answer usably ({_short(e)})"
                return None
            if self.cache is not None:
                self.cache.put(self.url, fetched)
            known.update(fetched)
        unrouted = sum(1 for a, b in pairs if (a, b) not in known)
        if unrouted:
            # Server times beside straight-line guesses would time the week by two rules (a guess at one
            # speed beside real roads): the whole week takes the straight-line rule instead, said so.
            self.problem = (
                f"the routing server at {self.url} could not route {unrouted} of {len(pairs)} pairs, "
                "so every drive is timed by straight lines"
            )
            return None
        seconds = [[0] * n for _ in range(n)]
        metres = [[0] * n for _ in range(n)]
        for i, a in enumerate(points):
            for j, b in enumerate(points):
                if a != b:
                    seconds[i][j], metres[i][j] = known[(a, b)]
        source = f"{'OSRM' if self.kind == 'osrm' else 'Valhalla'} at {self.url}"
        return TravelMatrix(tuple(points), tuple(map(tuple, seconds)), tuple(map(tuple, metres)), source)

    def _fetch(self, points: Sequence[GridPoint]) -> dict[Pair, tuple[int, int]]:
        found: dict[Pair, tuple[int, int]] = {}
        timeout = httpx.Timeout(self.rules.routing_timeout_seconds)
        with httpx.Client(timeout=timeout, transport=self._transport, follow_redirects=False) as client:
            for i in range(0, len(points), BLOCK):
                for j in range(0, len(points), BLOCK):
                    sources, targets = list(points[i : i + BLOCK]), list(points[j : j + BLOCK])
                    if self.kind == "osrm":
                        block = self._osrm(client, sources, targets)
                    else:
                        block = self._valhalla(client, sources, targets)
                    found.update(block)
        return found

    def _osrm(
        self, client: httpx.Client, sources: list[GridPoint], targets: list[GridPoint]
    ) -> dict[Pair, tuple[int, int]]:
        places = list(dict.fromkeys([*sources, *targets]))
        at = {p: k for k, p in enumerate(places)}
        coords = ";".join(f"{lon:.6f},{lat:.6f}" for lon, lat in map(to_wgs84, places))
        # OSRM reads ";" and "," literally: the query is written out rather than percent-encoded.
        query = (
            "annotations=duration,distance"
            f"&sources={';'.join(str(at[p]) for p in sources)}"
            f"&destinations={';'.join(str(at[p]) for p in targets)}"
        )
        body = _answer(client, "GET", f"{self.url}/table/v1/driving/{coords}?{query}")
        if body.get("code") != "Ok":
            raise ValueError(f"OSRM said {str(body.get('code'))[:40]!r}")
        durations, distances = body["durations"], body["distances"]
        return _read_table(sources, targets, durations, distances, 1.0)

    def _valhalla(
        self, client: httpx.Client, sources: list[GridPoint], targets: list[GridPoint]
    ) -> dict[Pair, tuple[int, int]]:
        def places(points: list[GridPoint]) -> list[dict[str, float]]:
            return [{"lon": lon, "lat": lat} for lon, lat in map(to_wgs84, points)]

        request = {"sources": places(sources), "targets": places(targets), "costing": "auto", "units": "km"}
        rows = _answer(client, "POST", f"{self.url}/sources_to_targets", request)["sources_to_targets"]
        durations = [[cell.get("time") for cell in row] for row in rows]
        distances = [[cell.get("distance") for cell in row] for row in rows]
        return _read_table(sources, targets, durations, distances, 1000.0)


def _answer(client: httpx.Client, method: str, url: str, request: object = None) -> Any:
    """The server's JSON answer, read no further than MAX_ANSWER_BYTES (a 50 x 50 table is ~100 KB)."""
    with client.stream(method, url, json=request) as response:
        response.raise_for_status()
        data = bytearray()
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > MAX_ANSWER_BYTES:
                raise ValueError(f"an answer larger than {MAX_ANSWER_BYTES // 1_000_000} MB")
    return json.loads(data)


def _read_table(
    sources: list[GridPoint], targets: list[GridPoint], durations: Any, distances: Any, metres_per_unit: float
) -> dict[Pair, tuple[int, int]]:
    if len(durations) != len(sources) or len(distances) != len(sources):
        raise ValueError(f"a table of {len(durations)} rows for {len(sources)} places")
    found: dict[Pair, tuple[int, int]] = {}
    for a, times, lengths in zip(sources, durations, distances, strict=True):
        if len(times) != len(targets) or len(lengths) != len(targets):
            raise ValueError(f"a row of {len(times)} for {len(targets)} places")
        for b, s, m in zip(targets, times, lengths, strict=True):
            if a == b or not _usable(s, MAX_SECONDS) or not _usable(m, MAX_METRES / metres_per_unit):
                continue  # unroutable (null) or nonsense: the straight-line rule takes the pair
            found[(a, b)] = (round(s), round(m * metres_per_unit))
    return found


def _usable(value: object, high: float) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= high
    )


def _short(error: Exception) -> str:
    """What went wrong, in words an officer or an administrator can act on (no Python internals)."""
    if isinstance(error, httpx.TimeoutException):
        return "it did not answer in time"
    if isinstance(error, httpx.ConnectError):
        return "it could not be reached: is it running, and is the address right?"
    if isinstance(error, httpx.HTTPStatusError):
        return f"it answered with HTTP status {error.response.status_code}"
    if isinstance(error, httpx.HTTPError):
        return "the connection to it failed"
    if isinstance(error, KeyError | IndexError | TypeError):
        return "its answer was not a travel-time table of the expected shape"
    if isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
        return "its answer was not JSON"
    text = str(error)  # this module's own refusals are written in words
    return text if 0 < len(text) <= 160 else "its answer could not be read as a travel-time table"
