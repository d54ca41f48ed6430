"""Locations for rounds, for the window and the command line: the postcode-centroid import (dry run,
progress, cancel) and a person's point (set by hand first, else the postcode file's, else none).

The file is read as a stream of bounded lines (a real one is hundreds of MB, the ONS Postcode Directory
about 1 GB): memory stays flat whatever its size, a row longer than MAX_LINE is one problem, not a
gigabyte held, and only regular files are opened (a folder or a FIFO is refused before anything waits
on it). Bytes that are not UTF-8 are kept as lone surrogates, so they show (escaped) in the problem
that names them instead of stopping the read. No address or postcode is sent anywhere.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import stat
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from somdesk.app.media_names import safe_name
from somdesk.domain.invariants import BrokenRules, Problem
from somdesk.domain.locations import (
    Centroid,
    CentroidReader,
    FormatUnknown,
    Located,
    LocationSource,
    RowProblem,
    Skipped,
    entered_point,
    normal_postcode,
    visible,
)
from somdesk.domain.records import HAND_POINTS
from somdesk.domain.roles import Capability
from somdesk.domain.rounds import GridPoint
from somdesk.domain.words import counted
from somdesk.store.locations import HandPointRow, PostcodeSource, PostcodeStore

if TYPE_CHECKING:
    from somdesk.app.session import Identity
    from somdesk.store.profile import OpenProfile
    from somdesk.store.uow import UnitOfWork

__all__ = [
    "BATCH",
    "DEMO_FORMAT",
    "MAX_LINE",
    "MAX_LISTED",
    "CentroidFileError",
    "CentroidReport",
    "HandPoint",
    "ImportCancelled",
    "ImportProgress",
    "LocationWork",
    "PostcodeSource",
    "import_centroids",
    "located",
]

log = logging.getLogger("somdesk.locations")

MAX_LINE = 10_000  # characters in one row; an ONSPD row is about 400
MAX_LISTED = 1_000  # problems kept to show; every one is counted
BATCH = 20_000  # rows staged at a time, between progress reports and cancel checks
DEMO_FORMAT = "demo"  # PostcodeSource.format of the demo force's synthetic centroids
_NOTHING = "the postcode locations already loaded are unchanged"


class CentroidFileError(ValueError):
    """The file cannot be read as a centroid file at all (named, with why); nothing changed."""


class ImportCancelled(Exception):
    """The user stopped the import; nothing changed."""


@dataclass(frozen=True, slots=True)
class ImportProgress:
    bytes_read: int
    size: int  # 0 when unknown
    rows: int
    stage: str  # "reading", "replacing"


@dataclass
class CentroidReport:
    """What an import read (or, dry run, would load) and every problem found."""

    file_name: str
    format: str = ""
    rows: int = 0
    points: int = 0  # postcodes with coordinates, once each
    terminated: int = 0
    skipped: int = 0  # rows the file says carry no coordinates
    problems: list[RowProblem] = field(default_factory=list)  # the first MAX_LISTED, in row order
    problem_count: int = 0
    imported: bool = False

    def summary(self) -> str:
        done = "loaded" if self.imported else "would load (dry run: nothing written)"
        lines = [
            f"{self.file_name}: {self.format}, {counted(self.rows, 'row')} read",
            f"{done} {counted(self.points, 'postcode')} with coordinates"
            + (f", {self.terminated:,} of them terminated (kept)" if self.terminated else ""),
        ]
        if self.skipped:
            lines.append(f"{counted(self.skipped, 'row')} without coordinates in the file (left out)")
        lines.append(f"{counted(self.problem_count, 'bad row')} (left out)")
        if self.problem_count > len(self.problems):
            lines.append(
                f"{len(self.problems):,} of them listed (at most {MAX_LISTED:,}; a postcode repeated "
                "with other coordinates is listed at its first repeat)"
            )
        if not self.imported and not self.points:
            lines.append("no postcode with coordinates: importing this file would be refused")
        return "\n".join(lines)


def _open_regular(path: Path) -> tuple[io.BufferedReader, io.FileIO, int]:
    """The file opened for reading if it is a regular file; CentroidFileError otherwise (a folder, a
    FIFO or device that would block or never end, a missing or unreadable file)."""
    where = visible(str(path))
    try:
        if path.is_dir():
            raise CentroidFileError(f"{where}: a folder, not a file; choose the centroid CSV; {_NOTHING}")
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever before it could be refused.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except CentroidFileError:
        raise
    except FileNotFoundError:
        raise CentroidFileError(f"{where}: no such file; {_NOTHING}") from None
    except OSError as e:
        raise CentroidFileError(f"{where}: cannot be opened ({e.strerror}); {_NOTHING}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise CentroidFileError(f"{where}: not a regular file (a pipe or a device); {_NOTHING}")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    raw = io.FileIO(fd, "rb")
    return io.BufferedReader(raw, 1 << 20), raw, info.st_size


def _lines(text: io.TextIOBase) -> Iterator[str | None]:
    """Each line without its ending, or None for one longer than MAX_LINE (read past, never held)."""
    first = True
    while True:
        line = text.readline(MAX_LINE + 1)
        if not line:
            return
        if first:
            line = line.removeprefix("\ufeff")  # a byte order mark an editor put at the start
            first = False
        if len(line) > MAX_LINE and not line.endswith(("\n", "\r")):
            while line and not line.endswith(("\n", "\r")):
                line = text.readline(MAX_LINE)
            yield None
            continue
        yield line.rstrip("\r\n")


def _cells(line: str) -> list[str]:
    return next(csv.reader([line]), [])


def import_centroids(
    postcodes: PostcodeStore,
    path: Path,
    *,
    commit: bool,
    loaded_by: str,
    now: datetime,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CentroidReport:
    """Read a Code-Point Open or ONS Postcode Directory file, check every row, and (`commit`) replace the
    profile's postcode locations with its good rows in one transaction. A dry run writes nothing.
    CentroidFileError when the file is not one (nothing changed); ImportCancelled when `cancelled`
    says so between batches (nothing changed)."""
    buffered, raw, size = _open_regular(path)
    report = CentroidReport(safe_name(path.name))  # kept and shown: no control character or surrogate
    with buffered, postcodes.staging() as staging:
        text = io.TextIOWrapper(buffered, encoding="utf-8", errors="surrogateescape", newline="")
        reader: CentroidReader | None = None
        batch: list[Centroid] = []

        def problem(p: RowProblem) -> None:
            report.problem_count += 1
            if len(report.problems) < MAX_LISTED:
                report.problems.append(p)

        def take(item: Centroid | Skipped | RowProblem | None) -> None:
            if isinstance(item, Centroid):
                batch.append(item)
            elif isinstance(item, Skipped):
                report.skipped += 1
            elif item is not None:
                problem(item)

        for number, line in enumerate(_lines(text), 1):
            report.rows = number
            if line is None:
                problem(RowProblem(number, "", "", f"row longer than {MAX_LINE:,} characters"))
                continue
            if not line.strip():
                continue
            try:
                cells = _cells(line)
            except csv.Error as e:
                problem(RowProblem(number, "", line, f"not a CSV row ({e})"))
                continue
            if reader is None:
                try:
                    reader = CentroidReader(cells, number)
                except FormatUnknown as e:
                    raise CentroidFileError(f"{report.file_name}: row {number}: {e}; {_NOTHING}") from None
                report.format = reader.format.value
                take(reader.first)
            else:
                take(reader.read(cells, number))
            if len(batch) >= BATCH:
                staging.add(batch)
                batch.clear()
                _step(progress, cancelled, raw.tell(), size, number, "reading")
        if reader is None:
            raise CentroidFileError(f"{report.file_name}: the file is empty (no rows); {_NOTHING}")
        staging.add(batch)
        _step(progress, cancelled, raw.tell(), size, report.rows, "reading")
        report.points, report.terminated, clash_count = staging.counts()
        clashes = [
            RowProblem(
                c.row,
                reader.postcode_column,
                c.postcode,
                f"duplicate postcode with different coordinates ({c.point.easting}, {c.point.northing}); "
                f"row {c.first_row}'s ({c.first_point.easting}, {c.first_point.northing}) are kept",
            )
            for c in staging.clashes(MAX_LISTED)
        ]
        report.problem_count += clash_count
        report.problems = sorted([*report.problems, *clashes], key=lambda p: p.row)[:MAX_LISTED]
        if commit:
            if not report.points:
                raise CentroidFileError(
                    f"{report.file_name}: no postcode with coordinates in the file; {_NOTHING}"
                )
            r = report
            source = PostcodeSource(r.file_name, r.format, now, loaded_by, r.points, r.terminated, r.skipped)
            if progress is not None:
                progress(ImportProgress(size, size, report.rows, "replacing"))
            staging.replace(source)
            report.imported = True
    # Counts only: a file's name is the user's to choose, and could say anything.
    log.info(
        "postcode locations %s: %s, %d rows, %d points, %d bad rows",
        "loaded" if report.imported else "checked",
        report.format,
        report.rows,
        report.points,
        report.problem_count,
    )
    return report


def _step(
    progress: Callable[[ImportProgress], None] | None,
    cancelled: Callable[[], bool] | None,
    done: int,
    size: int,
    rows: int,
    stage: str,
) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled(f"import cancelled; {_NOTHING}")
    if progress is not None:
        progress(ImportProgress(done, size, rows, stage))


# -- a person's point


@dataclass(frozen=True, slots=True)
class HandPoint:
    """A point set by hand for a person, and whether it still applies (its postcode is the address's)."""

    point: GridPoint
    postcode: str
    set_by: str
    set_at: datetime
    applies: bool
    address_postcode: str  # the address's postcode now ("" when none)

    @property
    def note(self) -> str:
        if self.applies:
            return f"set by hand by {self.set_by}"
        now = self.address_postcode or "no postcode"
        was = self.postcode or "no postcode"
        return f"set by hand for {was}; the address is now {now}, so it no longer applies"


def _normal(postcode: str | None) -> str:
    return (normal_postcode(postcode) or postcode.strip().upper()) if postcode else ""


def _hand(row: HandPointRow, address: str | None) -> HandPoint:
    now = _normal(address)
    return HandPoint(row.point, row.postcode, row.set_by, row.set_at, _normal(row.postcode) == now, now)


def located(
    store: PostcodeStore, nominal_ids: Collection[str]
) -> tuple[dict[str, Located], dict[str, HandPoint]]:
    """Each person's point (hand point that applies, else the postcode file's; absent when neither),
    and every hand point held for them (applying or not)."""
    addresses = store.postcodes_of(nominal_ids)
    hands = {nid: _hand(row, addresses.get(nid)) for nid, row in store.hand_points(addresses).items()}
    found = {nid: Located(h.point, LocationSource.HAND.value) for nid, h in hands.items() if h.applies}
    wanted = {nid: p for nid, a in addresses.items() if nid not in found and (p := normal_postcode(a or ""))}
    if wanted:
        file_source = _file_source(store.source())
        points = store.points_of(wanted.values())
        for nid, postcode in wanted.items():
            if (hit := points.get(postcode)) is not None:
                found[nid] = Located(hit[0], file_source)
    return found, hands


def _file_source(source: PostcodeSource | None) -> str:
    return LocationSource.DEMO.value if source and source.format == DEMO_FORMAT else LocationSource.FILE.value


class LocationWork:
    """Session's location methods (mixed into Session)."""

    if TYPE_CHECKING:
        opened: OpenProfile

        @property
        def user(self) -> str: ...

        def now(self) -> datetime: ...

        def changes(self, allowed: bool = True, capability: Capability = Capability.RECORD) -> UnitOfWork: ...

        identity: Identity

    def points(self, nominal_ids: Collection[str]) -> dict[str, Located]:
        """Each person's point: set by hand (while the address keeps the postcode it was set for), else
        the postcode file's for their postcode; a person with neither is left out."""
        return located(self.opened.postcodes(), nominal_ids)[0]

    def hand_point(self, nominal_id: str) -> HandPoint | None:
        """The point set by hand for the person, applying or not (None: none set)."""
        return located(self.opened.postcodes(), [nominal_id])[1].get(nominal_id)

    def point_of_postcode(self, postcode: str) -> GridPoint | None:
        """The postcode file's point for a postcode (a base given as one); None when not placed."""
        normal = normal_postcode(postcode)
        if normal is None:
            return None
        hit = self.opened.postcodes().points_of([normal]).get(normal)
        return hit[0] if hit is not None else None

    def postcode_source(self) -> PostcodeSource | None:
        """The postcode file loaded (None: none yet)."""
        return self.opened.postcodes().source()

    def set_point(self, nominal_id: str, point: GridPoint | None) -> None:
        """Set the person's point by hand for their address's current postcode (None: clear it).
        Written as a record held with the person: queued for sync and audited. BrokenRules (nothing
        written) for a point off the British National Grid; NotFound for a record not held here."""
        with self.changes() as uow:
            reader = uow.reader
            address = reader.nominal(nominal_id).address  # NotFound for a record not held here
            held = [r for r in reader.held_rows(HAND_POINTS, nominal_id=nominal_id) if not r["deleted"]]
            held.sort(key=lambda r: (r["set_at"].isoformat(), r["id"]))
            if point is None:  # nothing held: nothing to do (another device may have cleared it)
                for r in held:
                    uow.remove(HAND_POINTS, r["id"], "point set by hand cleared")
                return
            problems = _point_problems(point)
            if problems:
                raise BrokenRules(problems)
            values: dict[str, Any] = {
                "easting": point.easting,
                "northing": point.northing,
                "postcode": _normal(address.postcode if address else None),
                "set_by": self.user,
                "set_at": self.opened.clock(),
            }
            if held:
                *older, latest = held
                for r in older:  # two devices each set one: the latest stays, changed
                    uow.remove(HAND_POINTS, r["id"], "point set by hand replaced")
                uow.change(HAND_POINTS, latest["id"], values, "point set by hand")
            else:
                uow.add(HAND_POINTS, {"nominal_id": nominal_id, **values}, "point set by hand")

    def import_postcodes(
        self,
        path: Path,
        commit: bool,
        progress: Callable[[ImportProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CentroidReport:
        """Check (and, `commit`, load) a postcode-centroid file: see import_centroids. Only a role that
        plans visits loads one (the rounds are theirs)."""
        if not self.identity.role.may(Capability.PLAN_VISITS):
            from somdesk.app.session import NotPermitted

            raise NotPermitted(f"{self.identity.role.label} may not load postcode locations")
        return import_centroids(
            self.opened.postcodes(),
            path,
            commit=commit,
            loaded_by=self.user,
            now=self.opened.clock(),
            progress=progress,
            cancelled=cancelled,
        )


def _point_problems(point: GridPoint) -> list[Problem]:
    """What is wrong with a point given by hand, at its fields (the dialog's own rule: entered_point)."""
    texts = [str(v) if isinstance(v, int) and not isinstance(v, bool) else "?" for v in point]
    _, problems = entered_point(*texts)
    return [Problem(name, name.capitalize(), message) for name, message in problems.items()]
