"""The `somdesk` command: the desktop application, and headless commands over the same services.

The queue and caseload commands read a profile (`--profile NAME`; `demo` is made on first use), or
without one a synthetic force made in memory (`--rsos`, `--seed`). Passphrases come from a file
descriptor (`--passphrase-fd`; a new one `--new-passphrase-fd`), $SOMDESK_PASSPHRASE (a new one
$SOMDESK_NEW_PASSPHRASE) or a prompt, never from an argument; the central store password likewise
(`--password-fd`, $SOMDESK_PASSWORD).
Every bad input exits 2 with one line saying what is wrong.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from somdesk import __version__
from somdesk.domain.roles import CASEWORK_ROLES, Role
from somdesk.domain.words import counted
from somdesk.reports.output import FORMATS, render
from somdesk.store.errors import ProfileMissing

if TYPE_CHECKING:  # imported where used, so that `--help` stays quick
    from somdesk.app.compute import Figures
    from somdesk.app.session import Session
    from somdesk.domain.policy import Policy
    from somdesk.store.profile import OpenProfile, Profile

ENV_PASSPHRASE = "SOMDESK_PASSPHRASE"
ENV_NEW_PASSPHRASE = "SOMDESK_NEW_PASSPHRASE"
ENV_PROFILES = "SOMDESK_PROFILES"

__all__ = ["main"]

log = logging.getLogger("somdesk.cli")

NO_DISPLAY = """\
somdesk: no display found, so the desktop window cannot open.
  - On a desktop, run somdesk from a terminal inside the graphical session.
  - On a server or over SSH without X forwarding, use a virtual display:
        xvfb-run -a somdesk --demo        (Debian package: xvfb)
  - The headless commands need no display: somdesk --help"""


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


def _date(text: str) -> date:
    from somdesk.domain.dates import why_not_a_day

    try:
        return date.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text) and (why := why_not_a_day(text)):
            raise argparse.ArgumentTypeError(f"'{text}' is not a real date ({why})") from None
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date (use YYYY-MM-DD, e.g. 2026-11-23)"
        ) from None


def _today(text: str) -> date:
    """--today: a date (as _date), not far from this computer's clock (dates.working_day_problem); every
    command's --today is read by this one rule, and checked against the profile's records once open
    (`_session`)."""
    from somdesk.domain.dates import working_day_problem

    day = _date(text)
    if wrong := working_day_problem(day, date.today()):
        raise argparse.ArgumentTypeError(wrong)
    return day


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
    parser.add_argument(
        "--verbose", action="store_true", help="also print the support log (info and up) on stderr"
    )
    parser.add_argument("--demo", action="store_true", help="open a demo profile with synthetic data")
    parser.add_argument(
        "--role",
        choices=[role.value for role in CASEWORK_ROLES],  # an administrator works on the central store
        default=Role.SUPERVISOR.value,
        help="with --demo: whose view to open (default: supervisor)",
    )
    parser.add_argument(
        "--profiles", dest="desktop_profiles", type=Path, help="profiles folder for the window"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="with --demo: open the demo profile, then quit (exit 0 once the window is usable)",
    )
    parser.add_argument("--policy", type=Path, help="force policy file (TOML); default: the built-in policy")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def profile_options(p: argparse.ArgumentParser, required: bool = False) -> None:
        p.add_argument("--profile", required=required, help="profile name ('demo' is made on first use)")
        p.add_argument(
            "--profiles",
            type=Path,
            default=None,
            help=f"folder of profiles (default: ${ENV_PROFILES} or the user data folder)",
        )
        p.add_argument(
            "--passphrase-fd",
            type=_count,
            default=None,
            help=f"read the passphrase from this file descriptor (default: ${ENV_PASSPHRASE} or a prompt)",
        )
        p.add_argument(
            "--user", default=os.environ.get("USER", "somdesk"), help="who is acting (for the audit log)"
        )

    def data_options(p: argparse.ArgumentParser) -> None:
        profile_options(p)
        p.add_argument(
            "--rsos",
            type=_count,
            default=2000,
            help="without --profile: synthetic RSOs to generate (default 2000)",
        )
        p.add_argument("--seed", type=_count, default=1, help="generator seed (default 1)")
        p.add_argument("--today", type=_today, default=None, help="the date to compute for (default: today)")
        p.add_argument("--format", choices=FORMATS, default="table")
        p.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")

    q = sub.add_parser("queues", help="print a prioritisation queue")
    q.add_argument("queue", choices=("arms", "visits", "notifications", "missing", "warrants", "not_seen"))
    q.add_argument("--limit", type=_count, default=None, help="print only the first N items")
    data_options(q)
    c = sub.add_parser("caseload", help="print caseload figures per officer, per team, or the forecast")
    c.add_argument("--by", choices=("officer", "team", "forecast"), default="team")
    data_options(c)
    pr = sub.add_parser("profile", help="create or list profiles, change a passphrase")
    pr.add_argument("action", choices=("create", "list", "passphrase"))
    pr.add_argument("name", nargs="?")
    pr.add_argument(
        "--passphrase-only", action="store_true", help="no keychain: only where the force policy allows it"
    )
    pr.add_argument(
        "--new-passphrase-fd",
        type=_count,
        default=None,
        help=f"read the new passphrase from this file descriptor (default: ${ENV_NEW_PASSPHRASE} or a "
        "prompt)",
    )
    pr.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")
    profile_options(pr)
    o = sub.add_parser("rso", help="show one RSO's record (logged as a consultation)")
    o.add_argument("visor_ref", help="ViSOR reference, e.g. SYN00000042")
    o.add_argument("--reason", default="", help="why you are opening the record (required by the policy)")
    o.add_argument("--today", type=_today, default=None)
    o.add_argument("--policy", type=Path, default=argparse.SUPPRESS, help="force policy file (TOML)")
    profile_options(o, required=True)
    f = sub.add_parser("fill-demo", help="fill a profile with a synthetic force")
    f.add_argument("--rsos", type=_count, default=1500)
    f.add_argument("--seed", type=_count, default=1)
    f.add_argument("--today", type=_today, default=None)
    profile_options(f, required=True)
    a = sub.add_parser("audit", help="verify the audit log's hash chain")
    a.add_argument("action", choices=("verify",))
    profile_options(a, required=True)
    b = sub.add_parser("backup", help="write an encrypted backup of a profile")
    b.add_argument("file", type=Path)
    profile_options(b, required=True)
    r = sub.add_parser("restore", help="replace a profile with a backup, after checking it")
    r.add_argument("file", type=Path)
    r.add_argument(
        "--discard-unsent",
        action="store_true",
        help="restore even though changes made here have not reached the central store: they are kept "
        "in an encrypted file in the profile's backups folder first",
    )
    r.add_argument("--username", default="", help="a synced profile: the central store account to sign in as")
    r.add_argument(
        "--password-fd",
        type=int,
        default=None,
        help="a synced profile: read the central store password from this file descriptor (default: "
        "$SOMDESK_PASSWORD, else the sign-in kept in the profile)",
    )
    profile_options(r, required=True)
    from somdesk.cli.report_commands import add_report_parser

    add_report_parser(sub, profile_options, _date, _today)
    from somdesk.cli.import_commands import add_import_parser

    add_import_parser(sub, profile_options, _date, _today)
    from somdesk.cli.location_commands import add_locations_parser

    add_locations_parser(sub, profile_options)
    from somdesk.cli.sync_commands import add_sync_parser

    add_sync_parser(sub, profile_options)
    p = sub.add_parser("policy", help="check or print a force policy file")
    p.add_argument("action", choices=("check", "show"))
    p.add_argument("file", type=Path, nargs="?", help="policy file (default: the built-in policy)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from somdesk.app.hardening import harden_process

    harden_process()  # before any file is made or any secret is held
    log_file = None
    try:
        args = _parser().parse_args(argv)
        from somdesk.app.logs import configure_logging

        log_file = configure_logging("somdesk", to_stderr=True, verbose=args.verbose)
        # Identifiers only (docs/SECURITY.md): the command's name, never its arguments.
        log.info("somdesk %s: %s", __version__, args.command or "window")
        if args.command is None:
            return _open_desktop(args)
        status = _COMMANDS[args.command](args)
        log.info("%s: exit status %d", args.command, status)
        return status
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except (Exception, KeyboardInterrupt) as e:
        return _failed(e, log_file)


def _failed(error: BaseException, log_file: Path | None) -> int:
    """One line on stderr in plain words, whatever went wrong: never a class name or a traceback."""
    from somdesk.app.errors import plain_message

    log.info("refused or failed: %s", type(error).__name__)  # the message may name a person or a file
    text = str(error) if isinstance(error, UsageError) else plain_message(error, log_file)
    print(f"somdesk: {text}", file=sys.stderr)
    return 130 if isinstance(error, KeyboardInterrupt) else 2


def _fallback(args: argparse.Namespace) -> Policy:
    """`--policy` or the built-in policy: what applies without a profile, and with one until sync brings
    the force's (the session's policy is the effective one: _session)."""
    from somdesk.app.policy import fallback_policy
    from somdesk.domain.policy_text import PolicyFileError

    try:
        return fallback_policy(getattr(args, "policy", None))
    except PolicyFileError as e:
        raise UsageError(f"bad policy file: {e}") from None


def _session(args: argparse.Namespace, opened: OpenProfile) -> Session:
    """The open profile's session, under the effective policy (somdesk.app.policy.effective_policy)."""
    from somdesk.app.session import Identity, Role, profile_identity, start_session
    from somdesk.domain.dates import working_day_problem

    today = getattr(args, "today", None) or date.today()  # (commands without --today: today)
    if getattr(args, "today", None) is not None:
        with opened.reader() as reader:
            earliest = reader.earliest_relevant_date()
        if wrong := working_day_problem(today, date.today(), earliest):
            raise UsageError(f"--today: {wrong}")
    identity = Identity(args.user, Role.SUPERVISOR) if opened.demo else profile_identity(opened)
    return start_session(opened, identity, _fallback(args), lambda: today)


def _figures(args: argparse.Namespace) -> tuple[_Names, Figures]:
    """A profile's figures as its window shows them (a supervisor's teams), or a synthetic force's."""
    from somdesk.app.compute import compute_figures

    today = args.today or date.today()
    if args.profile:
        with _open(args) as opened:
            ws = _session(args, opened).workspace()
        return _Names(ws.officer_names, ws.team_names), ws.figures
    from somdesk.demo import generate
    from somdesk.demo.whole_case import case_records, with_case_records

    data = generate(args.rsos, args.seed, today)
    names = _Names({o.id: o.name for o in data.officers}, {t.id: t.name for t in data.teams})
    cases = with_case_records(data.cases, case_records(data.nominals, args.seed, today, data.visits))
    return names, compute_figures(cases, data.officers, data.teams, today, _fallback(args))


@dataclass(frozen=True)
class _Names:
    officers: dict[str, str]
    teams: dict[str, str]


def _profile(args: argparse.Namespace) -> Profile:
    from somdesk.app.profiles import profile_at

    return profile_at(args.profile, args.profiles)


def _open(args: argparse.Namespace) -> OpenProfile:
    from somdesk.app.profiles import DEMO_PROFILE, PassphraseSource, open_demo_profile

    if args.profile == DEMO_PROFILE:
        return open_demo_profile(date.today(), args.profiles)
    profile = _profile(args)
    if not profile.exists():  # before asking for a passphrase
        raise ProfileMissing(f"no profile at {profile.folder} (create one first, or check the name)")
    passphrase = PassphraseSource(ENV_PASSPHRASE, args.passphrase_fd).read()
    opened = profile.unlock(passphrase, args.user, None)
    log.info("profile %s unlocked on device %s", opened.profile_id, opened.device_id)  # ids, not its name
    return opened


def _profile_command(args: argparse.Namespace) -> int:
    from somdesk.app.profiles import PassphraseSource
    from somdesk.store.keychain import DeviceKeychain
    from somdesk.store.profile import default_profiles_folder

    if args.action == "list":
        folder = args.profiles or default_profiles_folder()
        names = (
            sorted(p.name for p in folder.iterdir() if (p / "keys.json").exists()) if folder.is_dir() else []
        )
        print("\n".join(names) if names else f"no profiles in {folder}")
        return 0
    if not args.name:
        raise UsageError(f"profile {args.action} needs a profile name")
    args.profile = args.name
    profile = _profile(args)
    if args.action == "create":
        if args.passphrase_only and not _fallback(args).security.passphrase_only_allowed:
            raise UsageError("the force policy does not allow passphrase-only profiles")
        keychain = None if args.passphrase_only else DeviceKeychain()
        if keychain is not None:
            keychain.check_secure()  # before asking for a passphrase that could not be used
        passphrase = _new_passphrase(args, "passphrase for the new profile", current_too=True)
        profile.create(passphrase, args.user, keychain, passphrase_only=args.passphrase_only).lock()
        print(f"created profile {profile.name} in {profile.folder}")
        return 0
    old = PassphraseSource(ENV_PASSPHRASE, args.passphrase_fd, "Current passphrase: ").read()
    profile.change_passphrase(old, _new_passphrase(args, "new passphrase"), None)
    print(f"passphrase changed for profile {profile.name}")
    return 0


def _new_passphrase(args: argparse.Namespace, what: str, current_too: bool = False) -> str:
    """--new-passphrase-fd or $SOMDESK_NEW_PASSPHRASE, else a prompt that asks twice. `current_too`
    (a new profile, which has no current passphrase): --passphrase-fd or $SOMDESK_PASSPHRASE also do."""
    from somdesk.app.profiles import PassphraseSource

    new = PassphraseSource(
        ENV_NEW_PASSPHRASE, args.new_passphrase_fd, "New passphrase: ", "--new-passphrase-fd", what, new=True
    )
    given_new = new.fd is not None or os.environ.get(ENV_NEW_PASSPHRASE)
    given_current = args.passphrase_fd is not None or os.environ.get(ENV_PASSPHRASE)
    if current_too and not given_new and given_current:
        return PassphraseSource(ENV_PASSPHRASE, args.passphrase_fd, what=what).read()
    return new.read()


def _rso(args: argparse.Namespace) -> int:
    from somdesk.app.record_text import record_summary

    today = args.today or date.today()
    with _open(args) as opened:
        policy = _session(args, opened).policy
        if policy.security.justification_required and not args.reason.strip():
            raise UsageError(
                "give a reason for opening this record (--reason): the force policy requires one"
            )
        with opened.reader() as reader:
            nominal = reader.find_by_visor(args.visor_ref)
            nominal = replace(nominal, orders=tuple(reader.orders_for(nominal.id)))  # with their terms
            last_seen = reader.latest_seen_visit(nominal.id)
            last_arms = reader.latest_arms(nominal.id)
            latest_breach = reader.case(nominal.id).latest_breach
            breaches = reader.breaches_for(nominal.id)
            names = reader.recorded_names_for(nominal.id)
            whereabouts = reader.whereabouts_for(nominal.id)
        with opened.unit_of_work(policy.security.justification_required) as uow:
            uow.consult("nominals", nominal.id, justification=args.reason)
    text = record_summary(
        nominal, last_seen, last_arms, today, policy, latest_breach, breaches, names, whereabouts
    )
    sys.stdout.write(text)
    return 0


def _fill_demo(args: argparse.Namespace) -> int:
    from somdesk.app.profiles import fill_with_demo_data

    with _open(args) as opened:
        n = fill_with_demo_data(opened, args.rsos, args.seed, args.today or date.today())
    print(f"added {n} synthetic RSOs to profile {args.profile}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from somdesk.store.audit import verify

    with _open(args) as opened, opened.reader() as reader:
        checked, broken = verify(reader.audit_rows())
    if broken is not None:
        print(
            f"somdesk: audit log BROKEN at {broken} ({counted(checked, 'entry', 'entries')} read)",
            file=sys.stderr,
        )
        return 1
    print(f"audit log intact: {counted(checked, 'entry', 'entries')}, every hash chain verified")
    return 0


def _backup(args: argparse.Namespace) -> int:
    with _open(args) as opened:
        opened.backup(args.file)
    print(f"encrypted backup written to {args.file}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from somdesk.app.profiles import PassphraseSource
    from somdesk.cli.sync_commands import ENV_PASSWORD
    from somdesk.sync.rejoin import restore_profile

    passphrase = PassphraseSource(ENV_PASSPHRASE, args.passphrase_fd).read()
    password = os.environ.get(ENV_PASSWORD, "")
    if args.password_fd is not None:
        password = PassphraseSource(
            ENV_PASSWORD, args.password_fd, fd_option="--password-fd", what="central store password"
        ).read()
    profile = _profile(args)
    done = restore_profile(
        profile,
        args.file,
        passphrase,
        None,
        username=args.username,
        password=password,
        discard_unsent=args.discard_unsent,
    )
    if profile.kept_unreadable is not None:
        print(
            "the profile's database could not be read whole: it is kept, as it was, in "
            f"{profile.kept_unreadable}"
        )
    if done.kept is not None:
        print(f"the changes this computer had not sent are kept, encrypted, in {done.kept}")
    print(f"profile {args.profile} restored from {args.file}")
    if done.synced_with:
        entries = [counted(n, "audit entry", "audit entries") for n in (done.fetched, done.to_send)]
        print(
            f"it rejoined the central store at {done.synced_with}: {entries[0]} fetched from it, "
            f"{entries[1]} to send at the next sync; sync to bring the rest up to date"
        )
    return 0


def _queues(args: argparse.Namespace) -> int:
    from somdesk.reports.tables import HEADINGS, QUEUE_COLUMNS, queue_rows

    names, figures = _figures(args)
    rows = queue_rows(figures.queues[args.queue][: args.limit], names.officers)
    columns = QUEUE_COLUMNS if args.format == "table" else [*QUEUE_COLUMNS, "place"]
    sys.stdout.write(render(rows, columns, args.format, HEADINGS))
    return 0


def _caseload(args: argparse.Namespace) -> int:
    from somdesk.reports.tables import HEADINGS, caseload_rows

    names, figures = _figures(args)
    rows, columns = caseload_rows(figures, names.teams, args.by)
    sys.stdout.write(render(rows, columns, args.format, HEADINGS))
    return 0


def _policy_command(args: argparse.Namespace) -> int:
    from somdesk.app.policy import default_policy_text

    args.policy = args.file
    policy = _fallback(args)  # the file being checked: no profile is involved
    if args.action == "show":
        sys.stdout.write(args.file.read_text(encoding="utf-8") if args.file else default_policy_text())
    else:
        print(
            f"{args.file or 'built-in policy'}: OK ({policy.name}, version {policy.version}, "
            f"RM2000 {policy.rm2000.version} with the {policy.rm2000.c_table.name}, "
            f"ARMS {policy.arms_instrument.version})"
        )
    return 0


def _open_desktop(args: argparse.Namespace) -> int:
    if not _display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 3
    policy = _fallback(args)  # the window chooses the effective one as each profile opens
    from somdesk.app.session import Role
    from somdesk.ui.app import run  # Qt loads only when a window is wanted

    return run(policy, args.demo, Role(args.role), args.desktop_profiles, args.smoke_test)


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the caller chose a platform (offscreen, xcb, wayland...)
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _report(args: argparse.Namespace) -> int:
    from somdesk.cli.report_commands import run_report

    with _open(args) as opened:
        print(run_report(args, _session(args, opened)))
    return 0


def _import(args: argparse.Namespace) -> int:
    from somdesk.cli.import_commands import fields_text, run_import

    if args.fields:
        print(fields_text())
        return 0
    with _open(args) as opened:
        status, report = run_import(args, _session(args, opened))
    print(report)
    return status


def _locations(args: argparse.Namespace) -> int:
    from somdesk.cli.location_commands import run_locations

    with _open(args) as opened:
        status, report = run_locations(args, _session(args, opened))
    print(report)
    return status


def _sync(args: argparse.Namespace) -> int:
    from somdesk.cli.sync_commands import run_sync, settle_kept

    opened = _open(args)
    try:
        if args.action in ("send-again", "discard"):
            return settle_kept(args, _session(args, opened))
        return run_sync(args, opened)
    finally:
        opened.lock()


_COMMANDS = {
    "sync": _sync,
    "import": _import,
    "locations": _locations,
    "report": _report,
    "queues": _queues,
    "caseload": _caseload,
    "policy": _policy_command,
    "profile": _profile_command,
    "rso": _rso,
    "fill-demo": _fill_demo,
    "audit": _audit,
    "backup": _backup,
    "restore": _restore,
}


if __name__ == "__main__":
    sys.exit(main())
