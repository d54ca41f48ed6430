"""`somdesk import FILE`: bring in a caseload from CSV or Excel. A dry run unless --commit.

somdesk import caseload.csv --profile work                      # check every row, import nothing
somdesk import caseload.xlsx --profile work --map visor_ref="ViSOR No" --commit

Exit status: 0 when every row can be (or was) imported, 1 when any row has a problem or there is no
row (dry run or not: nothing is imported then), 2 for bad input (no such file, a bad --map).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from somdesk.domain.words import counted

if TYPE_CHECKING:  # imported where used, so that `--help` stays quick
    from somdesk.app.session import Session

__all__ = ["add_import_parser", "run_import"]

MAX_ERRORS_SHOWN = 200


def add_import_parser(
    sub: Any,
    profile_options: Callable[..., None],
    to_date: Callable[[str], date],
    to_today: Callable[[str], date],
) -> None:
    i = sub.add_parser(
        "import",
        help="import a caseload from CSV or Excel (a dry run unless --commit)",
        description="Exit status: 0 when every row can be imported (or was), 1 when any row has a problem "
        "or the file has no rows (nothing is imported then), 2 for bad input.",
    )
    i.add_argument("file", type=Path, nargs="?", help="the caseload file (.csv, .xlsx)")
    i.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="use this column for this field (see --fields); headers are otherwise matched by name",
    )
    i.add_argument("--fields", action="store_true", help="list the fields an import can fill, then stop")
    how = i.add_mutually_exclusive_group()
    how.add_argument("--commit", action="store_true", help="import if every row is valid (all or nothing)")
    how.add_argument(
        "--dry-run",
        action="store_true",
        help="check every row, import nothing (the default); exit 1 on problems",
    )
    i.add_argument("--today", type=to_today, default=None)
    i.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")
    profile_options(i, required=True)


def _mapping(headers: list[str], pairs: list[str]) -> dict[str, int]:
    from somdesk.imports.fields import BY_KEY, guess_mapping

    mapping = guess_mapping(headers)
    for pair in pairs:
        key, sep, column = pair.partition("=")
        if not sep or key not in BY_KEY:
            raise ValueError(f"--map {pair!r}: use FIELD=COLUMN with a field from --fields")
        if column not in headers:
            raise ValueError(f"--map {pair!r}: the file has no column {column!r}")
        mapping[key] = headers.index(column)
    return mapping


def run_import(args: argparse.Namespace, session: Session) -> tuple[int, str]:
    """(exit status, report): 0 when imported or when a dry run found no problem; 1 when rows fail."""
    from somdesk.imports.fields import FIELDS
    from somdesk.imports.reading import read_sheet
    from somdesk.imports.service import import_caseload

    if args.file is None:
        raise ValueError("import needs the caseload file (or --fields to list what it can fill)")
    sheet = read_sheet(args.file)
    mapping = _mapping(sheet.headers, args.map)
    result = import_caseload(session, sheet, mapping, args.file, args.commit)
    plan = result.plan
    lines = [
        f"{args.file.name}: {counted(plan.rows, 'row')}"
        + (f" ({sheet.encoding}, delimiter {sheet.delimiter!r})" if sheet.encoding else ""),
        "columns: "
        + ", ".join(f"{f.key}={sheet.headers[mapping[f.key]]!r}" for f in FIELDS if f.key in mapping),
    ]
    unused = [h for i, h in enumerate(sheet.headers) if h.strip() and i not in mapping.values()]
    if unused:
        lines.append(
            "not read (no field by these names; use --map FIELD=COLUMN): " + ", ".join(map(repr, unused))
        )
    if plan.errors:
        lines.append(f"{counted(len(plan.errors), 'problem')}; nothing was imported:")
        lines += [f"  {e}" for e in plan.errors[:MAX_ERRORS_SHOWN]]
        if len(plan.errors) > MAX_ERRORS_SHOWN:
            lines.append(f"  … and {len(plan.errors) - MAX_ERRORS_SHOWN:,} more")
        return 1, "\n".join(lines)
    if result.imported:
        orders = f" with {counted(plan.orders, 'civil order')}" if plan.orders else ""
        lines.append(
            f"imported {counted(result.imported, 'RSO')}{orders} in one transaction (audited as collection)"
        )
    else:
        lines.append(
            f"dry run: all {counted(plan.rows, 'row')} can be imported"
            + (
                f" ({counted(len(plan.cases), 'RSO')}, {counted(plan.orders, 'civil order')})"
                if plan.orders
                else ""
            )
            + (" (the central store would take them all)" if result.checked else "")
            + "; run again with --commit"
        )
    return 0, "\n".join(lines)


def fields_text() -> str:
    from somdesk.imports.fields import FIELDS

    return "\n".join(f"{f.key:18} {f.label}{' (required)' if f.required else ''}" for f in FIELDS)
