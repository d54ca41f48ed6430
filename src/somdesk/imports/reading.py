"""Reading a caseload export: CSV in whatever encoding and delimiter a force's system wrote, or Excel.

A file is read as a stream and refused at the first limit it passes (file size, unpacked size of an
Excel file's parts, rows, columns, cell size), so a hostile or broken file costs a bounded amount of
memory and time and ends in one line that names the limit, never a traceback.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO

__all__ = [
    "MAX_CELL",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_PARTS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "ImportLimit",
    "Sheet",
    "read_sheet",
]

_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")  # latin-1 decodes anything: the last resort
_DELIMITERS = ",;\t|"
MAX_ROWS = 200_000
MAX_COLUMNS = 500
MAX_CELL = 20_000  # characters: the longest text any field holds (records.MAX_TEXT)
MAX_FILE_BYTES = 200_000_000  # as the file is read, whatever its size says (a pipe, a growing file)
MAX_UNPACKED_BYTES = 500_000_000  # an Excel file's parts unpacked, all together (a zip bomb stops here)
MAX_PARTS = 1_000  # parts in an Excel file (a workbook has tens)
_MAX_LINE = 1_000_000  # characters in one physical CSV line
_NOTHING = "nothing was imported"


class ImportLimit(ValueError):
    """A file past one of the import's limits, named in the message."""


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[str]]  # cells as text; dates from Excel as ISO text
    encoding: str = ""
    delimiter: str = ""
    # Cells past MAX_CELL, by row (its index in `rows`) and column index: how many characters each
    # held. Such a cell keeps only its first characters; the import names it as a problem at its row
    # and column with every other problem, rather than refusing the file for it alone.
    oversized: dict[int, dict[int, int]] = field(default_factory=dict)


KEPT_OF_OVERSIZED = 60  # characters of an oversized cell kept, to show in its problem


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Collector:
    """Rows kept as they are read, each checked against the limits before the next is read."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[list[str]] = []
        self.oversized: dict[int, dict[int, int]] = {}  # data row index -> column -> characters

    def add(self, cells: list[str], number: int) -> None:
        if len(cells) > MAX_COLUMNS:
            raise ImportLimit(
                f"{self.name}: row {number} has {len(cells):,} columns; a file may have at most "
                f"{MAX_COLUMNS:,}; {_NOTHING}"
            )
        long = {i: len(cell) for i, cell in enumerate(cells) if len(cell) > MAX_CELL}
        if long and not self.rows:  # the headings: a file whose headings cannot be read is not read
            i, size = next(iter(long.items()))
            raise ImportLimit(
                f"{self.name}: row {number}, column {i + 1} holds {size:,} characters; a cell may "
                f"hold at most {MAX_CELL:,}; {_NOTHING}"
            )
        if not any(cells):
            return
        if len(self.rows) > MAX_ROWS:  # the headers and MAX_ROWS rows are already here
            raise ImportLimit(
                f"{self.name}: more than {MAX_ROWS:,} rows; import at most {MAX_ROWS:,} at a time; {_NOTHING}"
            )
        if long:  # named with the row's other problems by the import (Sheet.oversized)
            self.oversized[len(self.rows) - 1] = long
            for i in long:
                cells[i] = cells[i][:KEPT_OF_OVERSIZED]
        self.rows.append(cells)


def _unpacked_size(path: Path) -> None:
    """Refuse an Excel file whose parts would unpack past the limit, by the sizes its index declares;
    zipfile reads no member past its declared size (and then fails its checksum), so the declared
    sizes bound what is actually unpacked. Before that, the number of parts its end record declares:
    zipfile holds an object for each, so millions of tiny parts would be a memory bomb of their own."""
    try:
        with path.open("rb") as f:
            end = zipfile._EndRecData(f)  # type: ignore[attr-defined]  # the end record ZipFile reads first
    except OSError:
        end = None
    parts = int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else 0  # type: ignore[attr-defined]
    if parts > MAX_PARTS:
        raise ImportLimit(
            f"{path.name}: {parts:,} parts; an Excel file may have at most {MAX_PARTS:,}; {_NOTHING}"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a zip: load_workbook names that below
    if declared > MAX_UNPACKED_BYTES:
        raise ImportLimit(
            f"{path.name}: unpacks to {declared:,} bytes; an Excel file may unpack to at most "
            f"{MAX_UNPACKED_BYTES:,}; {_NOTHING}"
        )


def _read_excel(path: Path) -> Sheet:
    from openpyxl import load_workbook

    _unpacked_size(path)
    unreadable = (
        f"{path.name}: not an Excel workbook that can be read; save it again from Excel, or as CSV; "
        f"{_NOTHING}"
    )
    collected = _Collector(path.name)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except ImportLimit:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, SyntaxError):  # XML errors too
        raise ValueError(unreadable) from None
    try:
        # Rows as Excel numbers them, blank ones too: a sheet of a million blank rows ends here.
        for number, values in enumerate(
            book.worksheets[0].iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1
        ):
            if number > MAX_ROWS + 1:
                raise ImportLimit(
                    f"{path.name}: more than {MAX_ROWS:,} rows below the headings (blank rows count); "
                    f"import at most {MAX_ROWS:,} at a time; {_NOTHING}"
                )
            if not any(v is not None for v in values):
                continue  # a blank row (Excel fills every gap with one)
            cells = [_cell(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()  # the sheet's own width pads every row: keep what is there
            collected.add(cells, number)
    except ImportLimit:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, SyntaxError):
        # A part that lies about its size, an XML entity bomb (defusedxml refuses it), broken XML.
        raise ValueError(unreadable) from None
    finally:
        book.close()
    return _sheet(path, collected.rows, "", "", collected.oversized)


class _Capped(io.RawIOBase):
    """The bytes of a file, refused past MAX_FILE_BYTES as they are read (a pipe or device has no size)."""

    def __init__(self, raw: IO[bytes], name: str) -> None:
        self._raw, self._name, self.read_so_far = raw, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        self.read_so_far += len(data)
        if self.read_so_far > MAX_FILE_BYTES:
            raise ImportLimit(
                f"{self._name}: larger than {MAX_FILE_BYTES:,} bytes; import at most that at a time; "
                f"{_NOTHING}"
            )
        buffer[: len(data)] = data
        return len(data)


def _lines(text: IO[str], name: str) -> Iterator[str]:
    while line := text.readline(_MAX_LINE):
        if len(line) == _MAX_LINE and not line.endswith(("\n", "\r")):
            raise ImportLimit(
                f"{name}: a line longer than {_MAX_LINE:,} characters (a cell may hold at most "
                f"{MAX_CELL:,}); {_NOTHING}"
            )
        yield line


def _read_csv_as(path: Path, encoding: str) -> Sheet:
    with (
        path.open("rb", buffering=0) as raw,
        io.TextIOWrapper(io.BufferedReader(_Capped(raw, path.name)), encoding, newline="") as text,
    ):
        lines = _lines(text, path.name)
        sample: list[str] = []
        for line in lines:  # the first lines, for the delimiter
            sample.append(line)
            if sum(map(len, sample)) >= 20_000:
                break
        head = "".join(sample)
        try:
            delimiter = csv.Sniffer().sniff(head, delimiters=_DELIMITERS).delimiter
        except csv.Error:
            first = head.splitlines()[0] if head else ""
            delimiter = max(_DELIMITERS, key=first.count)
        collected = _Collector(path.name)
        reader = csv.reader(_chain(sample, lines), delimiter=delimiter)
        try:
            for cells in reader:
                collected.add([c.strip() for c in cells], reader.line_num)
        except csv.Error as e:  # a quoted cell past csv's own field limit, or a broken quote
            raise ImportLimit(
                f"{path.name}: line {reader.line_num}: not CSV that can be read ({e}; a cell may hold at "
                f"most {MAX_CELL:,} characters); {_NOTHING}"
            ) from None
    return _sheet(path, collected.rows, encoding, delimiter, collected.oversized)


def _chain(first: Iterable[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def _read_csv(path: Path) -> Sheet:
    # A pipe or a device cannot be read again in the next encoding: it is read once, as UTF-8.
    encodings = _ENCODINGS if path.is_file() else _ENCODINGS[:1]
    for encoding in encodings:
        try:
            return _read_csv_as(path, encoding)
        except UnicodeDecodeError:  # read again in the next encoding: latin-1 reads anything
            continue
    raise ValueError(
        f"{path.name}: not UTF-8 text; a pipe or device is read once, as UTF-8: save it as a file and import "
        f"that; {_NOTHING}"
    )


def _sheet(
    path: Path, rows: list[list[str]], encoding: str, delimiter: str, oversized: dict[int, dict[int, int]]
) -> Sheet:
    if not rows:
        raise ValueError(f"{path.name}: the {'first sheet' if not encoding else 'file'} is empty")
    return Sheet(rows[0], rows[1:], encoding, delimiter, oversized)


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an .xlsx, or a CSV (encoding and delimiter detected); headers in row 1."""
    if path.is_dir():
        raise ValueError(f"{path}: a folder, not a file; choose the caseload file itself; {_NOTHING}")
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    try:
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise ImportLimit(
                f"{path.name}: {path.stat().st_size:,} bytes; import at most {MAX_FILE_BYTES:,} bytes at a "
                f"time; {_NOTHING}"
            )
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_excel(path)
        return _read_csv(path)
    except PermissionError:
        raise ValueError(f"{path}: this account may not read it; {_NOTHING}") from None
    except OSError as e:
        raise ValueError(f"{path}: could not be read ({e.strerror or e}); {_NOTHING}") from None
