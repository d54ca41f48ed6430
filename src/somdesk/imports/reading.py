"""Reading a caseload export: CSV in whatever encoding and delimiter a force's system wrote, or Excel."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

__all__ = ["Sheet", "read_sheet"]

_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")  # latin-1 decodes anything: the last resort
_DELIMITERS = ",;\t|"
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[str]]  # cells as text; dates from Excel as ISO text
    encoding: str = ""
    delimiter: str = ""


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


def _read_excel(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):  # not a workbook inside, whatever its name
        raise ValueError(
            f"{path.name}: not an Excel workbook that can be read; save it again from Excel, or as CSV"
        ) from None
    try:
        rows = [[_cell(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    rows = [r for r in rows if any(r)]
    if not rows:
        raise ValueError(f"{path.name}: the first sheet is empty")
    return Sheet(rows[0], rows[1:])


def _read_csv(path: Path) -> Sheet:
    raw = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:20_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(_DELIMITERS, key=first.count)
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    rows = [r for r in rows if any(r)]
    if not rows:
        raise ValueError(f"{path.name}: the file is empty")
    return Sheet(rows[0], rows[1:], encoding, delimiter)


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an .xlsx, or a CSV (encoding and delimiter detected); headers in row 1."""
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    sheet = _read_excel(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _read_csv(path)
    if len(sheet.rows) > MAX_ROWS:
        raise ValueError(f"{path.name}: {len(sheet.rows):,} rows; import at most {MAX_ROWS:,} at a time")
    return sheet
