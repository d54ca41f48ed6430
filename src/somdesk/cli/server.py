"""`somdesk-server`: the central store. Database from --database-url or $SOMDESK_SERVER_DB (SQLite in
the user data folder by default, for demos).

    somdesk-server demo                      (SQLite, a synthetic force and demo accounts, on 127.0.0.1:8765)
    somdesk-server migrate
    somdesk-server users add dc.okafor --name "DC Sam Okafor" --role som --officer-id ID
                                             (password: $SOMDESK_NEW_PASSWORD)
    somdesk-server users list | teams list
    somdesk-server users disable USER | enable USER     (every sign-in of the account ends at once)
    somdesk-server users password USER       (a new password: $SOMDESK_NEW_PASSWORD or asked twice)
    somdesk-server users scope sgt.hale --teams TEAM-ID [TEAM-ID ...]   (a supervisor's teams)
    somdesk-server users scope chair.ross --area "North"                (a panel chair's area)
    somdesk-server devices list | revoke DEVICE-ID
    somdesk-server policy set policy.toml | show
    somdesk-server audit verify
    somdesk-server run --host 0.0.0.0 --certfile cert.pem --keyfile key.pem [--trusted-proxy ADDRESS]

Plain HTTP is refused except on the loopback address.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from somdesk.cli.untrusted import shown, shown_lines
from somdesk.domain.roles import Role
from somdesk.domain.words import counted

if TYPE_CHECKING:  # imported where used, so that `--help` stays quick
    from somdesk.server.store import ServerStore

__all__ = ["main"]

ENV_DB = "SOMDESK_SERVER_DB"
ENV_PASSWORD = "SOMDESK_NEW_PASSWORD"
LOOPBACK = ("127.0.0.1", "localhost", "::1")

log = logging.getLogger("somdesk.server")


class UsageError(Exception):
    pass


def _default_url() -> str:
    import platformdirs

    folder = Path(platformdirs.user_data_dir("somdesk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'central-store-demo.db'}"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="somdesk-server", description="The somdesk central store.")
    p.add_argument("--database-url", default=os.environ.get(ENV_DB), help=f"SQLAlchemy URL (or ${ENV_DB})")
    p.add_argument("--verbose", action="store_true", help="also print the log (info and up) on stderr")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or upgrade the central store's tables")
    users = sub.add_parser("users", help="manage accounts and what they may hold")
    users.add_argument("action", choices=("add", "scope", "list", "disable", "enable", "password"))
    users.add_argument("username", nargs="?")
    users.add_argument("--name", help="with add: display name")
    users.add_argument("--role", choices=[role.value for role in Role])
    users.add_argument("--officer-id", help="the officer record a SOM manages cases as")
    users.add_argument("--teams", nargs="+", default=None, help="a supervisor's team ids")
    users.add_argument("--area", help="a panel chair's area (default: every area)")
    teams = sub.add_parser("teams", help="list teams; restore a deleted team or officer")
    teams.add_argument("action", choices=("list", "restore"))
    teams.add_argument("record_id", nargs="?", help="with restore: the deleted team's or officer's id")
    dev = sub.add_parser("devices", help="list devices or revoke one (its cache is wiped at next contact)")
    dev.add_argument("action", choices=("list", "revoke"))
    dev.add_argument("device_id", nargs="?")
    att = sub.add_parser(
        "attachments", help="let a photograph or document refused after repeated wrong uploads be sent again"
    )
    att.add_argument("action", choices=("clear",))
    att.add_argument("attachment_id")
    pol = sub.add_parser("policy", help="set or show the force policy every client runs with")
    pol.add_argument("action", choices=("set", "show"))
    pol.add_argument("file", type=Path, nargs="?")
    aud = sub.add_parser("audit", help="verify every device's audit hash chain")
    aud.add_argument("action", choices=("verify",))
    demo = sub.add_parser("demo", help="serve a demo central store: SQLite, a synthetic force, demo accounts")
    demo.add_argument("--port", type=int, default=8765)
    demo.add_argument("--rsos", type=int, default=1500)
    demo.add_argument("--fresh", action="store_true", help="start again from a new synthetic force")
    run = sub.add_parser("run", help="serve the API")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8443)
    run.add_argument("--certfile", type=Path)
    run.add_argument("--keyfile", type=Path)
    run.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a proxy on another computer whose X-Forwarded-For address is the laptop's (repeatable)",
    )
    run.add_argument(
        "--api-docs", action="store_true",
        help="also serve the API's schema and pages (/docs, /redoc, /openapi.json); off by default",
    )  # fmt: skip
    run.add_argument(
        "--change-news", choices=("listen", "poll"), default="listen",
        help="how waiting devices hear of changes: LISTEN/NOTIFY on PostgreSQL (default), or poll the "
        "change counter every 50 ms (behind a pooler that cannot hold LISTEN, such as PgBouncer in "
        "transaction mode)",
    )  # fmt: skip
    return p


def check_transport(host: str, certfile: Path | None, keyfile: Path | None) -> None:
    """TLS everywhere except the loopback address (development and the demo)."""
    if (certfile is None) != (keyfile is None):
        raise UsageError("give both --certfile and --keyfile, or neither")
    if certfile is None and host not in LOOPBACK:
        raise UsageError(
            f"refusing plain HTTP on {host}: give --certfile and --keyfile (TLS), or use 127.0.0.1"
        )
    for path in (certfile, keyfile):
        if path is not None and not path.is_file():
            raise UsageError(f"{path}: no such file")
    if certfile is not None and keyfile is not None:
        import ssl

        try:  # now, not when the first laptop connects
            ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certfile, keyfile)
        except ssl.SSLError:
            raise UsageError(
                f"{certfile} and {keyfile} are not a PEM certificate and its private key, or they do not "
                "match: check both files"
            ) from None


def main(argv: Sequence[str] | None = None) -> int:
    from somdesk.app.hardening import harden_process

    harden_process()  # its memory holds passwords being checked and the database's password
    log_file, url = None, ""
    try:
        args = _parser().parse_args(argv)
        from somdesk import __version__
        from somdesk.app.logs import configure_logging
        from somdesk.server.store import ServerStore

        log_file = configure_logging("somdesk-server", to_stderr=True, verbose=args.verbose)
        log.info("somdesk-server %s: %s", __version__, args.command)

        url = args.database_url or _default_url()
        if args.command == "demo":
            return _demo(args, url)
        store = ServerStore(url)
        if args.command == "migrate":
            print(f"central store at revision {store.migrate()}")
        elif args.command == "users":
            _users(store, args)
        elif args.command == "devices":
            _devices(store, args)
        elif args.command == "attachments":
            _clear_attachment(store, args.attachment_id)
        elif args.command == "teams" and args.action == "restore":
            _restore(store, args.record_id)
        elif args.command == "teams":
            _teams(store)
        elif args.command == "policy":
            _policy(store, args)
        elif args.command == "audit":
            return _audit(store)
        else:
            check_transport(args.host, args.certfile, args.keyfile)
            _serve(
                store, args.host, args.port, args.certfile, args.keyfile, args.trusted_proxy, args.api_docs,
                args.change_news == "listen",
            )  # fmt: skip
        return 0
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except (Exception, KeyboardInterrupt) as e:
        print(f"somdesk-server: {shown_lines(_words(e, url, log_file))}", file=sys.stderr)
        return 130 if isinstance(e, KeyboardInterrupt) else 2


def _words(error: BaseException, url: str, log_file: Path | None) -> str:
    """One line in plain words for any failure: never a class name or a traceback."""
    from somdesk.app.errors import plain_message

    if isinstance(error, UsageError):
        return str(error)
    if isinstance(error, ModuleNotFoundError) and error.name and not error.name.startswith("somdesk"):
        return f"{error.name} is missing: install somdesk with its server extra"
    if url:
        from somdesk.server.store import database_problem

        found = database_problem(error, url)
        if found:
            return found
    return plain_message(error, log_file)


def _users(store: ServerStore, args: argparse.Namespace) -> None:
    if args.action == "list":
        for u in store.usernames():
            disabled = "  (disabled)" if u.disabled else ""
            print(f"{shown(u.username):<24} {shown(u.role):<12} {shown(u.display_name)}{disabled}")
        return
    if not args.username:
        raise UsageError(f"users {args.action} needs the username")
    if args.action in ("disable", "enable", "password"):
        _account_state(store, args.action, args.username)
        return
    if args.action == "scope":
        store.set_scope(args.username, tuple(args.teams) if args.teams is not None else None, args.area)
        print(f"user {args.username}: scope set")
        return
    if not args.name or not args.role:
        raise UsageError("users add needs --name and --role")
    password = os.environ.get(ENV_PASSWORD, "")
    if not password:
        raise UsageError(f"set {ENV_PASSWORD} to the new user's password (never an argument)")
    user_id = store.add_user(
        args.username, args.name, args.role, password, args.officer_id, tuple(args.teams or ()), args.area
    )
    print(f"user {args.username} added (id {user_id}, role {args.role})")


def _new_password() -> str:
    """From $SOMDESK_NEW_PASSWORD, or asked twice at the terminal (never an argument: it would show in
    the shell history and the process list)."""
    password = os.environ.get(ENV_PASSWORD, "")
    if password:
        return password
    if not sys.stdin.isatty():
        raise UsageError(f"set {ENV_PASSWORD} to the new password, or run this at a terminal to be asked")
    import getpass

    password = getpass.getpass("new password (12 to 200 characters): ")
    if getpass.getpass("the same again: ") != password:
        raise UsageError("the two passwords differ: nothing was changed")
    return password


def _account_state(store: ServerStore, action: str, username: str) -> None:
    from somdesk.server import signin

    if action == "password":
        devices = signin.set_password(store.engine, username, _new_password())
        print(
            f"user {username}: password changed; signed in on {counted(devices, 'device')}, each signed out "
            "and asking for the new password at its next contact"
        )
    elif action == "disable":
        devices = signin.set_disabled(store.engine, username, True)
        print(
            f"user {username} disabled: cannot sign in; signed in on {counted(devices, 'device')}, each "
            "refused from now on and told why at its next contact"
        )
    else:
        signin.set_disabled(store.engine, username, False)
        print(f"user {username} enabled: can sign in again with the password (old sign-ins stay ended)")


def _teams(store: ServerStore) -> None:
    for team in store.teams():
        print(
            f"{shown(team['id'])}  {shown(team['name']):<32} area {shown(team['area']):<20} "
            f"{team['officers']} officers"
        )


def _restore(store: ServerStore, record_id: str | None) -> None:
    """Undo the deletion of a team or officer: every device receives it again at its next sync."""
    from somdesk.server.staff import restore

    if not record_id:
        raise UsageError("teams restore needs the id of the deleted team or officer")
    try:
        with store.engine.begin() as conn:
            kind = restore(conn, record_id)
    except ValueError as e:
        raise UsageError(str(e)) from None
    print(f"{kind} {record_id} restored: every device receives it again at its next sync")


def _devices(store: ServerStore, args: argparse.Namespace) -> None:
    if args.action == "list":
        for d in store.devices():
            state = f"revoked {d.revoked_at:%Y-%m-%d %H:%M}" if d.revoked_at else "active"
            print(
                f"{shown(d.id)}  {shown(d.username):<20} {shown(d.name):<24} "
                f"registered {d.registered_at:%Y-%m-%d}  {state}"
            )
        return
    if not args.device_id:
        raise UsageError("devices revoke needs the device id (see `devices list`)")
    print("device revoked" if store.revoke_device(args.device_id) else "no such active device")


def _clear_attachment(store: ServerStore, attachment_id: str) -> None:
    """After a device sent bytes that did not match an attachment's record too often (429)."""
    from somdesk.server import attachments  # imported where used, as ServerStore is

    with store.engine.begin() as conn:
        cleared = attachments.clear_mismatches(conn, attachment_id)
    print("uploads of the attachment taken again" if cleared else "no refused uploads for that attachment")


def _policy(store: ServerStore, args: argparse.Namespace) -> None:
    from somdesk.domain.policy_text import PolicyFileError, parse_policy

    if args.action == "show":
        found = store.policy()
        print(shown_lines(found[0]) if found else "no force policy set: clients use their built-in policy")
        return
    if args.file is None:
        raise UsageError("policy set needs the policy file")
    text = args.file.read_text(encoding="utf-8")
    try:
        parse_policy(text, str(args.file))
    except PolicyFileError as e:
        raise UsageError(f"not set: {e}") from None
    print(f"force policy set (sha256 {store.set_policy(text)}); clients take it at their next sync")


def _audit(store: ServerStore) -> int:
    checked, broken = store.verify_audit()
    found = store.audit_findings()
    for line in found:
        print(f"to check: {line}")
    if broken is not None:
        print(
            f"somdesk-server: audit log BROKEN at {shown(broken)} "
            f"({counted(checked, 'entry', 'entries')} read)",
            file=sys.stderr,
        )
        return 1
    if found:
        print(
            f"audit log chains intact: {counted(checked, 'entry', 'entries')}; "
            f"{counted(len(found), 'finding', 'findings')} to check above"
        )
        return 1
    print(f"audit log intact: {counted(checked, 'entry', 'entries')}, every device's hash chain verified")
    return 0


def _serve(
    store: ServerStore,
    host: str,
    port: int,
    certfile: Path | None,
    keyfile: Path | None,
    proxies: Sequence[str] = (),
    api_docs: bool = False,
    listen: bool = True,
) -> None:
    if store.revision() != store.head():
        raise UsageError("the database is not at the current schema: run `somdesk-server migrate` first")
    import uvicorn

    from somdesk.server.app import create_app

    uvicorn.run(
        create_app(store, api_docs=api_docs, listen=listen),
        host=host,
        port=port,
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
        # the sign-in limit counts per source address (server/signin.py): trust X-Forwarded-For only from
        # the loopback address and the proxies the administrator names
        forwarded_allow_ips=["127.0.0.1", *proxies],
        log_level="warning",
        log_config=None,  # uvicorn's records go through our handlers (and their filter), not its own
    )


def _demo(args: argparse.Namespace, url: str) -> int:
    """SQLite in the user data folder, seeded once (or again with --fresh), served on loopback."""
    from datetime import date

    from somdesk.server.demo import DEMO_PASSWORD, seed_demo
    from somdesk.server.store import ServerStore

    if args.fresh and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    store = ServerStore(url)
    store.migrate()
    if store.latest() == 0:
        print(f"seeding a synthetic force of {args.rsos} RSOs ...", flush=True)
        seed_demo(store, args.rsos, 2026, date.today())
    print(
        f"demo central store on http://127.0.0.1:{args.port}  (password for every account: {DEMO_PASSWORD})"
    )
    for u in store.usernames():
        print(f"  {shown(u.username):<8} {shown(u.role):<12} {shown(u.display_name)}")
    print(
        f"connect: in somdesk, create a profile, then Connect… in the status bar (address "
        f"http://127.0.0.1:{args.port}, username som1), or from a terminal: "
        f"somdesk sync connect http://127.0.0.1:{args.port} --username som1 --profile NAME",
        flush=True,
    )
    _serve(store, "127.0.0.1", args.port, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
