"""Where an address is: UK postcodes, and the two open postcode-centroid files read as rows.

A force loads one centroid file: Ordnance Survey's **Code-Point Open** (CSV, no header row: postcode,
positional quality, eastings, northings, country, ... ten columns; quality 90 means no coordinates) or the
ONS **Postcode Directory** (CSV with a header row: `pcd`/`pcds`, `oseast1m`, `osnrth1m`, `doterm` and many
more; blank coordinates where the ONS has none). Which one a file is shows in its first row.

Parsing is row by row over cells already split (the caller streams the file: a real one holds 1.7-2.7
million rows), so memory stays flat. Each row gives a `Centroid`, a `Skipped` row (known to carry no
coordinates: not an error) or a `RowProblem` naming row, column, value (shown safely) and reason.
Terminated postcodes (ONSPD `doterm` set) are kept, marked: an address recorded years ago may still
carry one, and its centroid is still where the houses are. Duplicates are the store's to find (it holds
what has been read; this module holds nothing between rows). No I/O, no clock.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from somdesk.domain.display import hides_or_reorders
from somdesk.domain.rounds import GridPoint
from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "MAX_EASTING",
    "MAX_NORTHING",
    "SHOWN_CHARACTERS",
    "Centroid",
    "CentroidFormat",
    "CentroidReader",
    "FormatUnknown",
    "Located",
    "LocationSource",
    "RowProblem",
    "Skipped",
    "detect_format",
    "entered_point",
    "grid_problem",
    "normal_postcode",
    "parse_centroids",
    "parse_number",
    "postcode_problem",
    "shown",
    "visible",
]

# The British National Grid's extent, in metres: every point in Great Britain lies inside it.
MAX_EASTING = 700_000
MAX_NORTHING = 1_300_000

SHOWN_CHARACTERS = 40  # of a bad value, in a problem: a cell, not a page

# Outward code (area letters, district digits, an optional letter or digit), then the inward code (a
# sector digit and two unit letters). Spaces are not part of the shape: "SW1A1AA", "SW1A 1AA" and the
# ONSPD's fixed-width "B1  1AA" are one postcode.
_SHAPE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})")
_LONGEST = 12  # characters of a postcode as typed, spaces included; longer is not a postcode


def normal_postcode(text: str) -> str | None:
    """`text` as a postcode is written (upper case, one space before the inward code), or None when
    it does not have a UK postcode's shape."""
    if len(text) > _LONGEST:
        return None
    squeezed = "".join(text.split()).upper()
    m = _SHAPE.fullmatch(squeezed)
    if m is None or not squeezed.isascii():
        return None
    return f"{m.group(1)} {m.group(2)}"


def postcode_problem(text: str) -> str:
    """What is wrong with `text` as a postcode ("" when nothing)."""
    if not text.strip():
        return "no postcode"
    return "" if normal_postcode(text) else "not a UK postcode (like AB1 2CD)"


def grid_problem(easting: int, northing: int) -> str:
    """What is wrong with a point on the British National Grid ("" when nothing)."""
    if not 0 <= easting <= MAX_EASTING:
        return f"easting outside 0-{MAX_EASTING}"
    if not 0 <= northing <= MAX_NORTHING:
        return f"northing outside 0-{MAX_NORTHING}"
    return ""


def shown(value: str) -> str:
    """A value as a problem may show it: at most SHOWN_CHARACTERS, and every control character, line
    break, bidi control and lone surrogate written as its escape, so a hostile cell cannot garble or
    hide the line it is shown in."""
    text = visible(value[:SHOWN_CHARACTERS])
    return text + "…" if len(value) > SHOWN_CHARACTERS else text


def visible(text: str) -> str:
    """`text` whole, with every control character, line break, bidi control and lone surrogate written
    as its escape (a file's name or path in a message: it can hold any of them)."""
    return "".join(_visible(c) for c in text)


def _visible(c: str) -> str:
    o = ord(c)
    if o < 0x20 or 0x7F <= o < 0xA0 or 0xD800 <= o < 0xE000 or hides_or_reorders(c) or c == "\\":
        return "\\\\" if c == "\\" else f"\\u{o:04x}"
    return c


def entered_point(easting: str, northing: str) -> tuple[GridPoint | None, dict[str, str]]:
    """A point as an officer types it (whole metres on the British National Grid, as a map or the
    postcode file gives them): the point, or what is wrong with each field ("easting", "northing")."""
    problems: dict[str, str] = {}
    values: dict[str, int] = {}
    for name, text, top in (("easting", easting, MAX_EASTING), ("northing", northing, MAX_NORTHING)):
        value = parse_number(text) if text.strip() else "is needed"
        label = tr("Easting") if name == "easting" else tr("Northing")
        if isinstance(value, str):
            problems[name] = tr("{0} is needed: give whole metres, e.g. 401200").format(label)
            if value != "is needed":  # parse_number's reason, marked there
                problems[name] = tr("{0}: {1}; give whole metres, e.g. 401200").format(label, tr(value))
        elif not 0 <= value <= top:
            problems[name] = tr("{0} must be between 0 and {1:,} metres (the British National Grid)").format(
                label, top
            )
        else:
            values[name] = value
    if problems:
        return None, problems
    return GridPoint(values["easting"], values["northing"]), {}


class CentroidFormat(Enum):
    CODE_POINT = "Code-Point Open"
    ONSPD = "ONS Postcode Directory"


class LocationSource(Enum):
    """Where a person's point came from (what the window and the day sheet say): kept as the value, in
    English; translated where shown."""

    HAND = QT_TR_NOOP("set by hand")
    FILE = QT_TR_NOOP("postcode file")
    DEMO = QT_TR_NOOP("demo")


class Located(NamedTuple):
    """A person's point and where it came from (`source`: a LocationSource's value)."""

    point: GridPoint
    source: str


class Centroid(NamedTuple):
    row: int  # as the file numbers it: a header is row 1
    postcode: str  # normal_postcode's form
    point: GridPoint
    terminated: bool  # ONSPD: the postcode is no longer in use (kept: see the module's note)


class Skipped(NamedTuple):
    """A row the file itself says has no coordinates (Code-Point quality 90, ONSPD blanks)."""

    row: int
    postcode: str


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    column: str  # the file's header, or for Code-Point Open the column's name in its specification
    value: str  # as read (shown safely by __str__)
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: value '{shown(self.value)}': {self.reason}"


class FormatUnknown(ValueError):
    """The first row is neither a Code-Point Open row nor the ONS Postcode Directory's header."""


# Code-Point Open's columns, by its specification (no header row in the file).
_CODE_POINT = ("Postcode", "Positional_quality_indicator", "Eastings", "Northings")
_CODE_POINT_HEADERS = (("pc", "pq", "ea", "no"), tuple(n.lower() for n in _CODE_POINT))
_NO_COORDINATES = "90"  # Code-Point Open's quality for a postcode without a grid reference
# The ONS Postcode Directory's columns read here (its header names them; lower case since 2012).
_ONS_POSTCODE = ("pcds", "pcd", "pcd7", "pcd8")
_ONS_EASTING, _ONS_NORTHING, _ONS_TERMINATED = "oseast1m", "osnrth1m", "doterm"


def _code_point_header(first_row: Sequence[str]) -> bool:
    """Code-Point Open's own column names (the short ones of its header file, or the specification's)
    as a first row: a file someone gave the header, which the download has not."""
    names = tuple(c.strip().strip('"').lower() for c in first_row[: len(_CODE_POINT)])
    return names in _CODE_POINT_HEADERS


def detect_format(first_row: Sequence[str]) -> CentroidFormat:
    """Which file this is, from its first row; FormatUnknown saying what was expected otherwise."""
    names = {c.strip().strip('"').lower() for c in first_row}
    if names & set(_ONS_POSTCODE) and {_ONS_EASTING, _ONS_NORTHING} <= names:
        return CentroidFormat.ONSPD
    if len(first_row) >= len(_CODE_POINT) and (
        normal_postcode(first_row[0]) is not None or _code_point_header(first_row)
    ):
        return CentroidFormat.CODE_POINT
    raise FormatUnknown(
        "the first row is neither a Code-Point Open row (a postcode, its quality, eastings and "
        "northings) nor the ONS Postcode Directory's header (pcds, oseast1m, osnrth1m)"
    )


def parse_number(text: str) -> int | str:
    """A whole number of metres from a cell, or the reason it is not one."""
    t = text.strip()
    if not t.isascii():  # float() reads other scripts' digits; no centroid file writes them
        return QT_TR_NOOP("not a number")
    try:
        value = float(t)
    except ValueError:
        return QT_TR_NOOP("not a number")
    if not math.isfinite(value):
        return QT_TR_NOOP("not a finite number (NaN or infinity)")
    if not t.lstrip("+-").replace(".", "", 1).isdigit():  # "1e5", "0x10", "1_000": not as a file writes it
        return "not a number"
    return round(value)


class CentroidReader:
    """Rows of one centroid file read one at a time: made from the file's first row (which says the
    format; Code-Point Open's is already a data row, `first`), then `read` for each row after it."""

    def __init__(self, first_row: Sequence[str], number: int = 1) -> None:
        self.format = detect_format(first_row)  # FormatUnknown
        self.first: Centroid | Skipped | RowProblem | None = None
        self.postcode_column = _CODE_POINT[0]  # as a problem names it
        if self.format is CentroidFormat.CODE_POINT:
            if not _code_point_header(first_row):  # the download has no header: its first row is data
                self.first = _code_point_row(first_row, number)
            return
        names = [c.strip().strip('"').lower() for c in first_row]
        # pcds (one space) when the file has it: pcd is fixed width; either reads the same once normal.
        self._code = self.postcode_column = next(n for n in _ONS_POSTCODE if n in names)
        self._at = {n: names.index(n) for n in (self._code, _ONS_EASTING, _ONS_NORTHING)}
        self._term_at = names.index(_ONS_TERMINATED) if _ONS_TERMINATED in names else None
        self._widest = max(self._at.values())
        self._columns = len(names)

    def read(self, cells: Sequence[str], number: int) -> Centroid | Skipped | RowProblem:
        if self.format is CentroidFormat.CODE_POINT:
            return _code_point_row(cells, number)
        return self._onspd_row(cells, number)

    def _onspd_row(self, row: Sequence[str], number: int) -> Centroid | Skipped | RowProblem:
        if len(row) <= self._widest:
            missing = next(n for n, i in self._at.items() if i >= len(row))
            return RowProblem(
                number, missing, "", f"missing column (the row has {len(row)} of {self._columns})"
            )
        raw = row[self._at[self._code]]
        postcode = normal_postcode(raw)
        if postcode is None:
            return RowProblem(number, self._code, raw, postcode_problem(raw))
        east, north = row[self._at[_ONS_EASTING]], row[self._at[_ONS_NORTHING]]
        if not east.strip() and not north.strip():
            return Skipped(number, postcode)
        at = self._term_at
        terminated = at is not None and at < len(row) and bool(row[at].strip())
        return _point(number, postcode, east, north, _ONS_EASTING, _ONS_NORTHING, terminated)


def parse_centroids(
    rows: Iterable[Sequence[str]], first_row: int = 1
) -> Iterator[Centroid | Skipped | RowProblem]:
    """Every row of a centroid file (cells already split; the header too, when the file has one) as a
    Centroid, Skipped or RowProblem, in file order. FormatUnknown when the first row fits neither file
    (an empty file yields nothing). `first_row`: the number of the first row given."""
    it = iter(rows)
    first = next(it, None)
    if first is None:
        return
    reader = CentroidReader(first, first_row)
    if reader.first is not None:
        yield reader.first
    for number, row in enumerate(it, first_row + 1):
        yield reader.read(row, number)


def _code_point_row(cells: Sequence[str], number: int) -> Centroid | Skipped | RowProblem:
    if len(cells) < len(_CODE_POINT):
        column = _CODE_POINT[len(cells)]
        return RowProblem(number, column, "", f"missing column (the row has {len(cells)} of 10)")
    postcode = normal_postcode(cells[0])
    if postcode is None:
        return RowProblem(number, _CODE_POINT[0], cells[0], postcode_problem(cells[0]))
    if cells[1].strip() == _NO_COORDINATES:
        return Skipped(number, postcode)
    return _point(number, postcode, cells[2], cells[3], _CODE_POINT[2], _CODE_POINT[3], terminated=False)


def _point(
    number: int, postcode: str, east: str, north: str, east_column: str, north_column: str, terminated: bool
) -> Centroid | RowProblem:
    e = parse_number(east)
    if isinstance(e, str):
        return RowProblem(number, east_column, east, e)
    n = parse_number(north)
    if isinstance(n, str):
        return RowProblem(number, north_column, north, n)
    if not 0 <= e <= MAX_EASTING:
        return RowProblem(number, east_column, east, f"easting outside 0-{MAX_EASTING}")
    if not 0 <= n <= MAX_NORTHING:
        return RowProblem(number, north_column, north, f"northing outside 0-{MAX_NORTHING}")
    return Centroid(number, postcode, GridPoint(e, n), terminated)
