"""The `somdesk` command: the desktop application, and headless commands over the same services.

Until the encrypted local store lands, the headless commands work on a synthetic force made by the
demo generator (`--rsos`, `--seed`). Every bad input exits non-zero with one line saying what is
wrong; nothing here writes anywhere but standard output.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from somdesk import __version__
from somdesk.output import FORMATS, render

__all__ = ["main"]

NO_DISPLAY = """\
somdesk: no display found, so the desktop window cannot open.
  - On a desktop, run somdesk from a terminal inside the graphical session.
  - On a server or over SSH without X forwarding, use a virtual display:
        xvfb-run -a somdesk --demo        (Debian package: xvfb)
  - The headless commands need no display: somdesk --help"""


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date (use YYYY-MM-DD, e.g. 2026-11-23)"
        ) from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{value} is out of range (0 to 1,000,000)")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage dump
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="somdesk", description="Caseload, visits and risk for sex offender managers.")
    parser.add_argument("--version", action="version", version=f"somdesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open a demo profile with synthetic data")
    parser.add_argument("--policy", type=Path, help="force policy file (TOML); default: the built-in policy")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def data_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--rsos", type=_count, default=2000, help="synthetic RSOs to generate (default 2000)")
        p.add_argument("--seed", type=_count, default=1, help="generator seed (default 1)")
        p.add_argument("--today", type=_date, default=None, help="the date to compute for (default: today)")
        p.add_argument("--format", choices=FORMATS, default="table")
        p.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")

    q = sub.add_parser("queues", help="print a prioritisation queue")
    q.add_argument("queue", choices=("arms", "visits", "notifications"))
    q.add_argument("--limit", type=_count, default=None, help="print only the first N items")
    data_options(q)
    c = sub.add_parser("caseload", help="print caseload figures per officer, per team, or the forecast")
    c.add_argument("--by", choices=("officer", "team", "forecast"), default="team")
    data_options(c)
    p = sub.add_parser("policy", help="check or print a force policy file")
    p.add_argument("action", choices=("check", "show"))
    p.add_argument("file", type=Path, nargs="?", help="policy file (default: the built-in policy)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            return _open_desktop(args)
        return _COMMANDS[args.command](args)
    except UsageError as e:
        print(f"somdesk: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0


def _policy(args: argparse.Namespace) -> Any:
    from somdesk.policy_file import PolicyFileError, default_policy, load_policy

    try:
        return load_policy(args.policy) if getattr(args, "policy", None) else default_policy()
    except PolicyFileError as e:
        raise UsageError(f"bad policy file: {e}") from None


def _figures(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    from somdesk.compute import compute_figures
    from somdesk.demo import generate

    policy = _policy(args)
    today = args.today or date.today()
    data = generate(args.rsos, args.seed, today)
    return policy, data, compute_figures(data.cases, data.officers, data.teams, today, policy)


def _queues(args: argparse.Namespace) -> int:
    _, data, figures = _figures(args)
    officers = {o.id: o.name for o in data.officers}
    items = figures.queues[args.queue][: args.limit]
    rows = [
        {
            "rank": i.rank,
            "name": i.name,
            "officer": officers.get(i.officer_id or "", ""),
            "area": i.area,
            "risk": i.risk.label,
            "kind": i.kind,
            "due": i.due,
            "when": i.when,
            "why": i.reason,
            "place": i.place,
            "nominal_id": i.nominal_id,
        }
        for i in items
    ]
    columns = ["rank", "name", "officer", "area", "risk", "kind", "due", "when", "why"]
    if args.format != "table":
        columns += ["place", "nominal_id"]
    sys.stdout.write(render(rows, columns, args.format))
    return 0


def _caseload(args: argparse.Namespace) -> int:
    from somdesk.domain.model import RiskLevel

    _, data, figures = _figures(args)
    report = figures.caseload
    teams = {t.id: t.name for t in data.teams}

    def risk_columns(load: Any) -> dict[str, int]:
        return {level.key: load.by_risk[level] for level in reversed(RiskLevel)}

    if args.by == "forecast":
        rows: list[dict[str, Any]] = [asdict(r) for r in figures.forecast]
        columns = ["year", "rsos", "soms_needed", "shortfall"]
    elif args.by == "officer":
        rows = [
            {
                "officer": o.officer.name,
                "team": teams.get(o.officer.team_id, ""),
                "rsos": o.load.rsos,
                **risk_columns(o.load),
                "load": o.load.weighted,
                "ratio_to_target": o.ratio_to_target,
                "load_to_target": o.load_to_target,
                "overdue_visits": o.load.overdue_visits,
                "arms_backlog": o.load.arms_backlog,
                "arms_breached": o.load.arms_breached,
            }
            for o in report.officers
            if o.officer.is_som
        ]
        columns = list(rows[0]) if rows else ["officer"]
    else:
        rows = [
            {
                "team": t.team.name,
                "soms": t.soms,
                "rsos": t.load.rsos,
                **risk_columns(t.load),
                "rsos_per_som": t.rsos_per_som,
                "load_per_som": t.load_per_som,
                "overdue_visits": t.load.overdue_visits,
                "arms_backlog": t.load.arms_backlog,
                "arms_breached": t.load.arms_breached,
            }
            for t in report.teams
        ]
        columns = list(rows[0]) if rows else ["team"]
    sys.stdout.write(render(rows, columns, args.format))
    return 0


def _policy_command(args: argparse.Namespace) -> int:
    from somdesk.policy_file import default_policy_text

    args.policy = args.file
    policy = _policy(args)
    if args.action == "show":
        sys.stdout.write(args.file.read_text(encoding="utf-8") if args.file else default_policy_text())
    else:
        print(
            f"{args.file or 'built-in policy'}: OK ({policy.name}, version {policy.version}, "
            f"RM2000 {policy.rm2000.version}, ARMS {policy.arms_instrument.version})"
        )
    return 0


def _open_desktop(args: argparse.Namespace) -> int:
    if not _display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 3
    policy = _policy(args)
    from somdesk.ui.app import run  # Qt loads only when a window is wanted

    return run(policy)


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the caller chose a platform (offscreen, xcb, wayland...)
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


_COMMANDS = {"queues": _queues, "caseload": _caseload, "policy": _policy_command}


if __name__ == "__main__":
    sys.exit(main())
