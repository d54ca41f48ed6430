"""Rows out as an aligned text table, CSV or JSON, for the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

__all__ = ["FORMATS", "render", "spreadsheet_cell", "write_csv"]

FORMATS = ("table", "csv", "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> str | int | float:
    """One cell of every CSV the program writes (OWASP CSV injection): a real number stays a number;
    any text starting with = + - @, a tab or a return is a formula to Excel and LibreOffice, so it gets a
    leading apostrophe, whatever follows (a name edited to "-3" is text, not a number)."""
    if isinstance(value, bool) or value is None or isinstance(value, date):
        return _cell(value)
    if isinstance(value, int | float):
        return value if isinstance(value, int) else round(value, 2)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(buffer: io.StringIO, titles: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Every text cell quoted (numbers not): where a spreadsheet splits on `;` (its locale's separator),
    "Smith;=HYPERLINK(…)" stays one inert cell instead of becoming a name and a formula."""
    csv.writer(buffer, lineterminator="\n").writerow([spreadsheet_cell(t) for t in titles])
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    quoted.writerows([spreadsheet_cell(v) for v in row] for row in rows)


def render(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    headings: Mapping[str, str] | None = None,
) -> str:
    """JSON keyed by the columns (for programs); CSV and the table headed by `headings` (for people)."""
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], default=_cell, indent=2) + "\n"
    titles = [(headings or {}).get(c, c) for c in columns]
    if fmt == "csv":
        buffer = io.StringIO()
        write_csv(buffer, titles, ([row.get(c) for c in columns] for row in rows))
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(titles)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(titles, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells)
    return "\n".join(lines) + "\n"
