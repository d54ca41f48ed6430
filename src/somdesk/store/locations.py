"""The force's postcode centroids in the profile, and the reads a person's point needs.

An import is staged first, batch by batch, in a temporary table on one connection (nothing reaches the
profile; a dry run ends there), where a postcode read twice with different coordinates is caught by the
table's key. Only then does one short transaction replace the previous file's rows with the staged ones:
a failed, refused or cancelled import leaves the old ones as they were. The centroids are open data
(Ordnance Survey, ONS), local to each device, never synced.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, delete, insert, select

from somdesk.domain.locations import Centroid
from somdesk.domain.rounds import GridPoint
from somdesk.store.engine import writing
from somdesk.store.schema import hand_points, nominals, postcode_points, postcode_sources

__all__ = [
    "Clash",
    "HandPointRow",
    "PostcodeSource",
    "PostcodeStore",
    "Staging",
]

_CHUNK = 500  # ids or postcodes in one IN (...): well under SQLite's variable limit


class PostcodeSource(NamedTuple):
    file_name: str
    format: str  # CentroidFormat's value, or "demo"
    loaded_at: datetime
    loaded_by: str
    points: int
    terminated: int
    skipped: int


class Clash(NamedTuple):
    """A postcode read again with other coordinates: the first row's are kept."""

    row: int
    postcode: str
    point: GridPoint
    first_row: int
    first_point: GridPoint


class HandPointRow(NamedTuple):
    id: str
    nominal_id: str
    point: GridPoint
    postcode: str  # the postcode it was set for ("" when the address had none)
    set_by: str
    set_at: datetime


_STAGE = """CREATE TEMP TABLE IF NOT EXISTS postcode_staging (
    postcode TEXT PRIMARY KEY, easting INTEGER NOT NULL, northing INTEGER NOT NULL,
    terminated INTEGER NOT NULL, row INTEGER NOT NULL,
    clash_row INTEGER, clash_easting INTEGER, clash_northing INTEGER, clashes INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID"""
# A postcode already staged keeps its first coordinates; one with others is marked (the first such row).
_ADD = """INSERT INTO temp.postcode_staging (postcode, easting, northing, terminated, row)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (postcode) DO UPDATE SET
    clash_row = coalesce(clash_row, excluded.row),
    clash_easting = coalesce(clash_easting, excluded.easting),
    clash_northing = coalesce(clash_northing, excluded.northing),
    clashes = clashes + 1
WHERE excluded.easting != easting OR excluded.northing != northing"""


class Staging:
    """An import in progress on one connection (`PostcodeStore.staging`), spoken to through the driver:
    the staging writes touch only the temporary database, so no transaction on the profile is open
    until `replace`."""

    def __init__(self, dbapi: Any) -> None:
        self._db = dbapi

    def add(self, batch: Sequence[Centroid]) -> None:
        self._db.executemany(
            _ADD, [(c.postcode, c.point.easting, c.point.northing, int(c.terminated), c.row) for c in batch]
        )

    def counts(self) -> tuple[int, int, int]:
        """(postcodes staged, of which terminated, rows with other coordinates for one staged)."""
        row = self._db.execute(
            "SELECT count(*), coalesce(sum(terminated), 0), coalesce(sum(clashes), 0) "
            "FROM temp.postcode_staging"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def clashes(self, limit: int) -> list[Clash]:
        rows = self._db.execute(
            "SELECT clash_row, postcode, clash_easting, clash_northing, row, easting, northing "
            "FROM temp.postcode_staging WHERE clash_row IS NOT NULL ORDER BY clash_row LIMIT ?",
            (limit,),
        )
        return [Clash(r[0], r[1], GridPoint(r[2], r[3]), r[4], GridPoint(r[5], r[6])) for r in rows]

    def replace(self, source: PostcodeSource) -> None:
        """The staged rows in place of the previous file's, in one transaction (all or none)."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM postcode_points")
            db.execute(
                "INSERT INTO postcode_points (postcode, easting, northing, terminated) "
                "SELECT postcode, easting, northing, terminated FROM temp.postcode_staging ORDER BY postcode"
            )
            db.execute("DELETE FROM postcode_sources")
            db.execute(
                "INSERT INTO postcode_sources (id, file_name, format, loaded_at, loaded_by, points, "
                "terminated, skipped) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                (source.file_name, source.format, source.loaded_at.isoformat(), *source[3:]),
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        # The replacement went through the write-ahead log whole (a national file: 100 MB or more);
        # give the room back now rather than keep a log that size beside the profile. Best effort: a
        # reader still open elsewhere leaves part of it for the next checkpoint.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


class PostcodeStore:
    """The profile's postcode centroids: staged imports, the file they came from, lookups."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def staging(self) -> Iterator[Staging]:
        """A fresh staging table on a connection of its own, dropped at the end whatever happens."""
        with self._engine.connect() as conn:
            db: Any = conn.connection.driver_connection
            db.execute("DROP TABLE IF EXISTS temp.postcode_staging")
            db.execute(_STAGE)
            try:
                yield Staging(db)
            finally:
                db.execute("DROP TABLE IF EXISTS temp.postcode_staging")

    def source(self) -> PostcodeSource | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(postcode_sources).where(postcode_sources.c.id == 1)).first()
        if row is None:
            return None
        return PostcodeSource(
            row.file_name, row.format, row.loaded_at, row.loaded_by, row.points, row.terminated, row.skipped
        )

    def points_of(self, postcodes: Iterable[str]) -> dict[str, tuple[GridPoint, bool]]:
        """(point, terminated) of each postcode the file places (postcodes in normal_postcode's form)."""
        wanted = sorted(set(postcodes))
        found: dict[str, tuple[GridPoint, bool]] = {}
        t = postcode_points
        with self._engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                rows = conn.execute(
                    select(t.c.postcode, t.c.easting, t.c.northing, t.c.terminated).where(
                        t.c.postcode.in_(wanted[i : i + _CHUNK])
                    )
                )
                found.update((r[0], (GridPoint(r[1], r[2]), bool(r[3]))) for r in rows)
        return found

    def count(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM postcode_points").scalar() or 0)

    def load_all(self, rows: Iterable[tuple[str, GridPoint]], source: PostcodeSource) -> None:
        """Replace the centroids with `rows` at once (the demo force's few thousand, made in memory)."""
        with writing(self._engine) as conn:
            conn.execute(delete(postcode_points))
            conn.execute(
                insert(postcode_points),
                [
                    {"postcode": p, "easting": g.easting, "northing": g.northing, "terminated": False}
                    for p, g in rows
                ],
            )
            conn.execute(delete(postcode_sources))
            conn.execute(insert(postcode_sources).values(id=1, **source._asdict()))

    # -- a person's point

    def postcodes_of(self, nominal_ids: Collection[str]) -> dict[str, str | None]:
        """Each held person's address postcode as recorded (None: none recorded)."""
        ids = sorted(set(nominal_ids))
        found: dict[str, str | None] = {}
        n = nominals
        with self._engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                rows = conn.execute(
                    select(n.c.id, n.c.postcode).where(
                        n.c.id.in_(ids[i : i + _CHUNK]), n.c.deleted.is_(False)
                    )
                )
                found.update((r[0], r[1]) for r in rows)
        return found

    def hand_points(self, nominal_ids: Collection[str]) -> dict[str, HandPointRow]:
        """Each person's point set by hand, if any (the latest set when two devices each set one)."""
        ids = sorted(set(nominal_ids))
        found: dict[str, HandPointRow] = {}
        with self._engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                found.update(_latest(_hand_rows(conn, ids[i : i + _CHUNK])))
        return found


def _hand_rows(conn: Connection, ids: Sequence[str]) -> Iterator[HandPointRow]:
    h = hand_points
    rows = conn.execute(select(h).where(h.c.nominal_id.in_(ids), h.c.deleted.is_(False)))
    for r in rows:
        yield HandPointRow(
            r.id, r.nominal_id, GridPoint(r.easting, r.northing), r.postcode or "", r.set_by, r.set_at
        )


def _latest(rows: Iterable[HandPointRow]) -> dict[str, HandPointRow]:
    found: dict[str, HandPointRow] = {}
    for row in rows:
        held = found.get(row.nominal_id)
        if held is None or (_aware(row.set_at), row.id) > (_aware(held.set_at), held.id):
            found[row.nominal_id] = row
    return found


def _aware(at: datetime) -> datetime:
    """`at` as naive UTC, so devices' times compare (a naive one is taken as written)."""
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at
