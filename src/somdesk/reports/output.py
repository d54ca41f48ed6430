"""Rows out as an aligned text table, CSV or JSON, for the command line."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

__all__ = ["FORMATS", "render"]

FORMATS = ("table", "csv", "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _inert(text: str) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (or a tab or return) is a
    formula to Excel and LibreOffice, so it gets a leading apostrophe (a plain number is left alone)."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


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
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(titles)
        writer.writerows([[_inert(_cell(row.get(c))) for c in columns] for row in rows])
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(titles)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(titles, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells)
    return "\n".join(lines) + "\n"
