"""`somdesk report …`: every document and export from the command line, logged as a disclosure.

    somdesk report case-summary --profile demo --visor SYN00000002 --recipient "Level 2 panel" \\
        --reason "panel on 1 Dec" -o summary.pdf [--watermark] \\
        [--redact addresses,victims,free-text,numbers,photographs]
    somdesk report warrant-pack --profile demo --visor SYN00000002 --recipient "Magistrates' court" \
        --reason "s.96B application" -o warrant.pdf [--watermark]
    somdesk report panel-pack --profile demo --due-by 2026-12-31 --meeting 2026-12-01 --panel AREA \\
        [--level 2] [--time 10:00] [--venue "…"] [--chair "…"] [--invited "Police,Probation"] -o pack.pdf
    somdesk report minutes --profile demo --meeting 2026-11-03 [--panel AREA] [--level 2] -o minutes.pdf
    somdesk report action-list --profile demo [--meeting 2026-11-03 [--panel AREA]] [--agency NAME] \
        -o actions.pdf
    somdesk report caseload | board | visit-plan [--officer NAME] [--week DATE] | calendar | csv WHAT
    (csv WHAT: arms, visits, notifications, missing, team, officer, forecast, orders, breaches, breaches-all,
    annual-report, overdue: the oversight board's annual-report figures or every case's days overdue)

A document password comes from $SOMDESK_PDF_PASSWORD or --password-fd, never from an argument.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used, so that `--help` stays quick
    from somdesk.app.session import RecordData, Session
    from somdesk.domain.meetings import Meeting

__all__ = ["KINDS", "add_report_parser", "run_report"]

KINDS = (
    "case-summary",
    "warrant-pack",
    "panel-pack",
    "minutes",
    "action-list",
    "caseload",
    "board",
    "visit-plan",
    "calendar",
    "csv",
)
ENV_PDF_PASSWORD = "SOMDESK_PDF_PASSWORD"


def add_report_parser(
    sub: Any,
    profile_options: Callable[..., None],
    to_date: Callable[[str], date],
    to_today: Callable[[str], date],
) -> None:
    r = sub.add_parser("report", help="print a document or export a file (logged as a disclosure)")
    r.add_argument("kind", choices=KINDS)
    r.add_argument(
        "what",
        nargs="?",
        help="for csv: a queue (arms, visits, notifications, missing: missing and wanted), caseload "
        "figures (team, officer, forecast), or case records: orders (civil orders in force), breaches "
        "(found this year), breaches-all, or the oversight board's annual-report (MAPPA annual report and "
        "FOI figures) or overdue (every case's days overdue)",
    )
    r.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    r.add_argument("--recipient", required=True, help="who the document is for (recorded in the audit log)")
    r.add_argument("--reason", default="", help="why it is disclosed (required by the force policy)")
    r.add_argument("--visor", action="append", default=[], help="ViSOR reference (repeat for a panel pack)")
    r.add_argument(
        "--due-by", type=to_date, help="panel pack: every level 2/3 case with a review due by then"
    )
    r.add_argument("--meeting", type=to_date, help="panel pack: the meeting date")
    r.add_argument("--panel", default="", help="panel pack: the panel's area (e.g. Northmere)")
    r.add_argument("--level", type=int, default=2, help="panel pack: the panel's MAPPA level (2 or 3)")
    r.add_argument("--time", default="", help="panel pack: the meeting's start, HH:MM")
    r.add_argument("--venue", default="", help="panel pack: where the panel meets")
    r.add_argument("--chair", default="", help="panel pack: who chairs the meeting")
    r.add_argument("--invited", default="", help="panel pack: the agencies invited (comma-separated)")
    r.add_argument(
        "--agency", help="action list: only this agency's actions, for a copy disclosed to it (default: all)"
    )
    r.add_argument(
        "--officer",
        help="visit plan, calendar and csv of a queue or case records: the officer's name (default: every "
        "officer; a SOM's case records are always their own)",
    )
    r.add_argument(
        "--week", type=to_date, help="visit plan and calendar: a day in the week (default: this week)"
    )
    r.add_argument("--watermark", action="store_true", help="the user's name across every page")
    r.add_argument(
        "--language",
        choices=("en", "cy"),
        default="en",
        help="the document's language: en (English, the default) or cy (Cymraeg, Welsh); recorded with the "
        "disclosure (a CSV stays in English)",
    )
    r.add_argument(
        "--with-case-lists",
        action="store_true",
        help="board: list the most overdue cases by ViSOR reference (default: figures only); recorded "
        "with the disclosure",
    )
    r.add_argument(
        "--redact",
        default="",
        help="leave out: addresses, victims, numbers, photographs, free-text (comma-separated; photographs: "
        "the face photograph of a case summary or panel pack); free text (offences, visit "
        "concerns, the risk management plan) is otherwise printed as written",
    )
    r.add_argument(
        "--pdf-password-fd",
        type=int,
        default=None,
        help=f"PDF password from this fd (or ${ENV_PDF_PASSWORD})",
    )
    r.add_argument("--today", type=to_today, default=None)
    r.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")
    profile_options(r, required=True)


def _password(args: argparse.Namespace) -> str | None:
    if args.pdf_password_fd is not None:
        from somdesk.app.profiles import PassphraseSource

        return PassphraseSource(ENV_PDF_PASSWORD, args.pdf_password_fd).read()
    return os.environ.get(ENV_PDF_PASSWORD) or None


def _meeting(args: argparse.Namespace) -> Meeting:
    """The meeting as typed (no stored meeting yet): each bad value named by its option."""
    from somdesk.domain.meetings import Meeting

    try:
        starts = time.fromisoformat(args.time) if args.time else None
    except ValueError:
        raise ValueError(f"--time: {args.time!r} is not a time of day (HH:MM)") from None
    try:
        return Meeting(
            args.panel,
            args.level,
            args.meeting,
            starts,
            args.venue,
            args.chair,
            tuple(a.strip() for a in args.invited.split(",") if a.strip()),
        )
    except ValueError as e:
        raise ValueError(f"--level: {e}") from None


def _stored_meeting(args: argparse.Namespace, session: Session) -> Meeting | None:
    """The stored meeting of the --meeting date and --level (and --panel's area when given), if any."""
    found = [
        m
        for m in session.meetings()
        if m.held_on == args.meeting
        and m.level == args.level
        and (not args.panel or m.area.casefold() == args.panel.casefold())
    ]
    if len(found) > 1:
        raise ValueError("--panel: more than one meeting that day; name the panel's area")
    return found[0] if found else None


def _held_meeting(args: argparse.Namespace, session: Session) -> Meeting:
    """The stored meeting the minutes or action list are of: its date, and its panel when given."""
    if args.meeting is None:
        raise ValueError(f"{args.kind}: give the --meeting date")
    held = _stored_meeting(args, session)
    if held is None:
        raise ValueError(f"--meeting: no level {args.level} MAPPA meeting on {args.meeting} on this computer")
    return held


_COVER_OPTIONS = (("time", "start"), ("venue", "venue"), ("chair", "chair"), ("invited", "agencies invited"))


def _pack_meeting(args: argparse.Namespace, session: Session) -> Meeting:
    """The meeting a pack is of: the stored one when one matches (its cover as stored: a cover option
    typed as well is refused, naming it), else the meeting as typed."""
    stored = _stored_meeting(args, session)
    if stored is None:
        return _meeting(args)
    for option, what in _COVER_OPTIONS:
        if getattr(args, option):
            raise ValueError(
                f"--{option}: the {stored.area} level {stored.level} meeting on {stored.held_on} is stored, "
                f"and its pack prints its {what} as stored; change it in the window's Meetings, or leave "
                f"--{option} out"
            )
    return stored


def run_report(args: argparse.Namespace, session: Session) -> str:
    """Produce the document; returns a one-line description of what was written."""
    from somdesk.domain.meetings import cases_due
    from somdesk.domain.planner import week_of
    from somdesk.reports.case_summary import free_texts
    from somdesk.reports.disclose import Disclosure
    from somdesk.reports.service import Reports

    today = args.today or date.today()
    opened, policy = session.opened, session.policy
    reports = Reports(session)
    redact = [r.strip() for r in args.redact.split(",") if r.strip()]
    include = ["case-lists"] if args.with_case_lists else []
    if include and args.kind != "board":
        raise ValueError("--with-case-lists: only the printed board (report board) has case lists")
    options = reports.options(
        args.watermark, _password(args), redact, include=include, language=args.language
    )
    disclosure = Disclosure(args.recipient, args.reason, args.kind.replace("-", " "))
    out: Path = args.output
    kind = args.kind

    def find(visor: str) -> str:
        with opened.reader() as reader:
            return str(reader.find_by_visor(visor).id)

    def officer_id() -> str | None:
        if not args.officer:
            return None
        with opened.reader() as reader:
            match = [o.id for o in reader.officers() if o.name.casefold() == args.officer.casefold()]
        if not match:
            raise ValueError(f"--officer: no officer named {args.officer!r}")
        return str(match[0])

    week = week_of(args.week or today)
    records: list[RecordData] = []  # the cases printed, for the note on their free text
    if kind == "case-summary":
        if len(args.visor) != 1:
            raise ValueError("case-summary: give exactly one --visor reference")
        nominal_id = find(args.visor[0])
        records = reports.read([nominal_id], disclosure)
        size = reports.case_summary(nominal_id, disclosure, options, out, records)
    elif kind == "warrant-pack":
        if len(args.visor) != 1:
            raise ValueError("warrant-pack: give exactly one --visor reference")
        nominal_id = find(args.visor[0])
        records = reports.read([nominal_id], disclosure)
        size = reports.warrant_pack(nominal_id, disclosure, options, out, records)
    elif kind == "panel-pack":
        if args.meeting is None:
            raise ValueError("panel-pack: give the --meeting date")
        meeting = _pack_meeting(args, session)
        ids = [find(v) for v in args.visor]
        if args.due_by is not None:
            if not meeting.area:
                raise ValueError("--panel: the cases due by a date are one panel's: name its area")
            ws = session.workspace()
            mappas = [
                (s.case.nominal.id, s.case.nominal.mappa, s.case.nominal.area)
                for s in ws.statuses
                if s.active
            ]
            due_by = replace(
                meeting, held_on=args.due_by
            )  # its panel's cases due by then, most pressing first
            ids += [i for i in cases_due(mappas, due_by, policy.mappa.review_weeks) if i not in ids]
        if meeting.id and not ids:
            ids = list(meeting.cases)  # the stored meeting's pack, as the window's Print pack… prints it
        records = reports.read(ids, disclosure) if ids else []
        size = reports.panel_pack(ids, meeting, disclosure, options, out, records)
    elif kind == "minutes":
        held = _held_meeting(args, session)
        records = reports.read(list(held.cases), disclosure)
        size = reports.minutes(held, disclosure, options, out, records)
        records = []  # the minutes print no case summary's free text
    elif kind == "action-list":
        from somdesk.domain.meetings import agencies_of, same_agency
        from somdesk.reports.action_list import action_list_free_texts

        of = _held_meeting(args, session) if args.meeting is not None else None
        agency = args.agency.strip() if args.agency is not None else None
        if agency is not None:
            owners = agencies_of(r.action for r in reports.action_rows(of))
            if not any(same_agency(o, agency) for o in owners):
                raise ValueError(
                    f"--agency: no open action owned by {args.agency!r} (open actions are owned by: "
                    f"{', '.join(owners) or 'no agency'})"
                )
        action_texts = action_list_free_texts(reports.action_rows(of, agency), redact)
        size = reports.action_list(of, disclosure, options, out, agency)
    elif kind == "caseload":
        size = reports.caseload_report(disclosure, options, out)
    elif kind == "board":
        size = reports.board_report(disclosure, options, out)
    elif kind == "visit-plan":
        size = reports.visit_plan(officer_id(), week, disclosure, options, out)
    elif kind == "calendar":
        size = reports.calendar(officer_id(), week, disclosure, options, out)
    else:
        if not args.what:
            raise ValueError(
                "csv: say what to export (arms, visits, notifications, missing, team, officer, forecast, "
                "orders, breaches, breaches-all, annual-report, overdue)"
            )
        from somdesk.reports.service import BOARD_EXPORTS

        if args.what in BOARD_EXPORTS:
            size = reports.board_csv(args.what, disclosure, out)
        else:
            size = reports.csv(args.what, disclosure, out, officer_id())
    written = f"wrote {out} ({size:,} bytes); logged as a disclosure to {args.recipient}"
    if kind == "panel-pack":  # the pack prints the chronology since the last meeting and its history too
        from somdesk.reports.pack_history import meeting_free_texts

        unchecked = len(meeting_free_texts(records, redact, meeting))
    elif kind == "action-list":
        unchecked = len(action_texts)
    else:
        unchecked = len(free_texts(records, redact))
    if unchecked:
        written += (
            f"\nnote: {unchecked} free-text entries (offences, visit concerns, the risk management plan) "
            "were printed as written and may name victims or give addresses: check the file before "
            "sharing it, or print again with --redact free-text"
        )
    return written
