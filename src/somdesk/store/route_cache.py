"""Driving times the force's routing server gave, kept in the encrypted profile (route_times, 0030).

Keyed by server and ordered pair of National Grid points: coordinates and times only, never a name or
an address. Local to the device, never synced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Engine, and_, delete, insert, or_, select

from somdesk.domain.rounds import GridPoint
from somdesk.store.schema import route_times

__all__ = ["RouteCache"]

Pair = tuple[GridPoint, GridPoint]
_BATCH = 150  # pairs a query asks for at once (SQLite's limit on bound values is 32,766 by default)


class RouteCache:
    """The profile's cache of driving times (seconds, metres) by server and pair of points."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, server: str, pairs: Iterable[Pair]) -> dict[Pair, tuple[int, int]]:
        t = route_times
        wanted = list(dict.fromkeys(pairs))
        found: dict[Pair, tuple[int, int]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _BATCH):
                chunk = wanted[i : i + _BATCH]
                match = or_(
                    *(
                        and_(
                            t.c.from_easting == a.easting,
                            t.c.from_northing == a.northing,
                            t.c.to_easting == b.easting,
                            t.c.to_northing == b.northing,
                        )
                        for a, b in chunk
                    )
                )
                rows = conn.execute(
                    select(
                        t.c.from_easting,
                        t.c.from_northing,
                        t.c.to_easting,
                        t.c.to_northing,
                        t.c.seconds,
                        t.c.metres,
                    ).where(t.c.server == server, match)
                )
                for fe, fn, te, tn, seconds, metres in rows:
                    found[(GridPoint(fe, fn), GridPoint(te, tn))] = (seconds, metres)
        return found

    def put(self, server: str, times: Mapping[Pair, tuple[int, int]]) -> None:
        t = route_times
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
        with self.engine.begin() as conn:
            for i in range(0, len(rows), _BATCH):
                chunk = rows[i : i + _BATCH]
                conn.execute(
                    delete(t).where(
                        t.c.server == server,
                        or_(
                            *(
                                and_(
                                    t.c.from_easting == r["from_easting"],
                                    t.c.from_northing == r["from_northing"],
                                    t.c.to_easting == r["to_easting"],
                                    t.c.to_northing == r["to_northing"],
                                )
                                for r in chunk
                            )
                        ),
                    )
                )
                conn.execute(insert(t), chunk)

    def forget(self, server: str | None = None) -> None:
        """Drop the cached times (of one server, or all): after the force's road network changes."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(route_times)
                if server is None
                else delete(route_times).where(route_times.c.server == server)
            )
