"""`somdesk locations import FILE [--dry-run]` and `somdesk locations status`: the force's postcode
locations (Code-Point Open or the ONS Postcode Directory) in a profile, for planning rounds.

somdesk locations import codepo_gb.csv --profile work --dry-run   # check every row, write nothing
somdesk locations import ONSPD_NOV_2026_UK.csv --profile work    # replace the locations loaded
somdesk locations status --profile work

Exit status: 0 when loaded (bad rows are listed and left out) or when a dry run finds no bad row; 1 when
a dry run finds bad rows; 2 for a file that is not a centroid file or cannot be read (nothing changed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from somdesk.domain.words import counted

if TYPE_CHECKING:  # imported where used, so that `--help` stays quick
    from somdesk.app.locations import ImportProgress
    from somdesk.app.session import Session

__all__ = ["add_locations_parser", "run_locations"]

MAX_SHOWN = 200  # bad rows printed; the count says how many there were


def add_locations_parser(sub: Any, profile_options: Callable[..., None]) -> None:
    p = sub.add_parser(
        "locations",
        help="load the force's postcode locations (Code-Point Open or ONS Postcode Directory) or show them",
        description="Exit status: 0 when loaded (bad rows listed and left out) or a dry run finds no bad "
        "row, 1 when a dry run finds bad rows, 2 for a file that cannot be read as a centroid file.",
    )
    p.add_argument("action", choices=("import", "status"))
    p.add_argument("file", type=Path, nargs="?", help="import: the centroid CSV")
    p.add_argument(
        "--dry-run", action="store_true", help="check every row and list the bad ones; write nothing"
    )
    p.add_argument("--progress", action="store_true", help="report progress on stderr while reading")
    p.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")
    profile_options(p, required=True)


def run_locations(args: argparse.Namespace, session: Session) -> tuple[int, str]:
    if args.action == "status":
        return 0, status_text(session)
    if args.file is None:
        raise ValueError("locations import needs the centroid file (Code-Point Open or ONSPD CSV)")
    report = session.import_postcodes(args.file, not args.dry_run, _progress if args.progress else None)
    lines = [report.summary()]
    lines += [f"  {p}" for p in report.problems[:MAX_SHOWN]]
    if report.problem_count > MAX_SHOWN:
        lines.append(f"  … and {report.problem_count - MAX_SHOWN:,} more")
    status = 1 if args.dry_run and report.problem_count else 0
    return status, "\n".join(lines)


def _progress(p: ImportProgress) -> None:
    share = f"{100 * p.bytes_read // p.size}%" if p.size else f"{p.bytes_read:,} bytes"
    print(f"{p.stage}: {share}, {counted(p.rows, 'row')}", file=sys.stderr)


def status_text(session: Session) -> str:
    source = session.postcode_source()
    if source is None:
        head = "no postcode locations loaded (somdesk locations import FILE)"
    else:
        terminated = f" ({source.terminated:,} terminated)" if source.terminated else ""
        head = (
            f"{counted(source.points, 'postcode')}{terminated} from {source.file_name} ({source.format}), "
            f"loaded {source.loaded_at:%Y-%m-%d %H:%M} UTC by {source.loaded_by}"
        )
    statuses = session.workspace().statuses
    ids = [s.case.nominal.id for s in statuses]
    placed = session.points(ids)
    by_hand = sum(1 for p in placed.values() if p.source == "set by hand")
    return "\n".join(
        [
            head,
            f"caseload: {counted(len(ids), 'person', 'people')}, {len(ids) - len(placed):,} without a point"
            + (f", {by_hand:,} set by hand" if by_hand else ""),
        ]
    )
