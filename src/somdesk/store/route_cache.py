"""Driving times the force's routing server gave, kept in the encrypted profile (route_times, 0030).

Keyed by server and ordered pair of National Grid points: coordinates and times only, never a name or
an address. Local to the device, never synced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Engine, delete, insert, select

from somdesk.domain.rounds import GridPoint
from somdesk.store.engine import writing
from somdesk.store.schema import route_times

__all__ = ["RouteCache"]

Pair = tuple[GridPoint, GridPoint]
_BATCH = 500  # values a statement binds at once (SQLite allows 32,766 by default)


class RouteCache:
    """The profile's cache of driving times (seconds, metres) by server and pair of points."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, server: str, pairs: Iterable[Pair]) -> dict[Pair, tuple[int, int]]:
        """The cached times of those of `pairs` the cache holds for `server`."""
        wanted = set(pairs)
        t = route_times
        eastings = sorted({a.easting for a, _ in wanted})
        found: dict[Pair, tuple[int, int]] = {}
        with self.engine.connect() as conn:
            # By starting easting (a week has a few hundred), then matched here: a query per pair would
            # be 250,000 queries for 500 points.
            for i in range(0, len(eastings), _BATCH):
                rows = conn.execute(
                    select(
                        t.c.from_easting,
                        t.c.from_northing,
                        t.c.to_easting,
                        t.c.to_northing,
                        t.c.seconds,
                        t.c.metres,
                    ).where(t.c.server == server, t.c.from_easting.in_(eastings[i : i + _BATCH]))
                )
                for fe, fn, te, tn, seconds, metres in rows:
                    pair = (GridPoint(fe, fn), GridPoint(te, tn))
                    if pair in wanted:
                        found[pair] = (seconds, metres)
        return found

    def put(self, server: str, times: Mapping[Pair, tuple[int, int]]) -> None:
        """Keep `times` for `server`, each replacing what the cache held for its pair."""
        rows = [
            {
                "server": server,
                "from_easting": a.easting,
                "from_northing": a.northing,
                "to_easting": b.easting,
                "to_northing": b.northing,
                "seconds": seconds,
                "metres": metres,
            }
            for (a, b), (seconds, metres) in times.items()
        ]
        if not rows:
            return
        with writing(self.engine) as conn:
            conn.execute(insert(route_times).prefix_with("OR REPLACE"), rows)

    def forget(self, server: str | None = None) -> None:
        """Drop the cached times (of one server, or all): after the force's road network changes."""
        t = route_times
        with writing(self.engine) as conn:
            conn.execute(delete(t) if server is None else delete(t).where(t.c.server == server))
