"""`somdesk-server`: the central store. Database from --database-url or $SOMDESK_SERVER_DB (SQLite in
the user data folder by default, for demos).

    somdesk-server migrate
    somdesk-server users add dc.okafor --name "DC Sam Okafor" --role som     (password: $SOMDESK_NEW_PASSWORD)
    somdesk-server devices revoke DEVICE-ID
    somdesk-server run --host 0.0.0.0 --certfile cert.pem --keyfile key.pem

Plain HTTP is refused except on the loopback address. Sync (push, pull) is still to come.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]

ENV_DB = "SOMDESK_SERVER_DB"
ENV_PASSWORD = "SOMDESK_NEW_PASSWORD"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


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
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or upgrade the central store's tables")
    users = sub.add_parser("users", help="manage accounts")
    users.add_argument("action", choices=("add",))
    users.add_argument("username")
    users.add_argument("--name", required=True, help="display name")
    users.add_argument("--role", required=True, choices=("som", "supervisor", "panel_chair", "admin"))
    users.add_argument("--officer-id", help="the officer record a SOM manages cases as")
    dev = sub.add_parser("devices", help="manage devices")
    dev.add_argument("action", choices=("revoke",))
    dev.add_argument("device_id")
    run = sub.add_parser("run", help="serve the API")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8443)
    run.add_argument("--certfile", type=Path)
    run.add_argument("--keyfile", type=Path)
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


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        from somdesk.server.store import ServerStore

        store = ServerStore(args.database_url or _default_url())
        if args.command == "migrate":
            print(f"central store at revision {store.migrate()}")
        elif args.command == "users":
            password = os.environ.get(ENV_PASSWORD, "")
            if not password:
                raise UsageError(f"set {ENV_PASSWORD} to the new user's password (never an argument)")
            user_id = store.add_user(args.username, args.name, args.role, password, args.officer_id)
            print(f"user {args.username} added (id {user_id}, role {args.role})")
        elif args.command == "devices":
            print("device revoked" if store.revoke_device(args.device_id) else "no such active device")
        else:
            check_transport(args.host, args.certfile, args.keyfile)
            if store.revision() != store.head():
                raise UsageError(
                    "the database is not at the current schema: run `somdesk-server migrate` first"
                )
            import uvicorn

            from somdesk.server.app import create_app

            uvicorn.run(
                create_app(store),
                host=args.host,
                port=args.port,
                ssl_certfile=str(args.certfile) if args.certfile else None,
                ssl_keyfile=str(args.keyfile) if args.keyfile else None,
            )
        return 0
    except (UsageError, ValueError) as e:
        print(f"somdesk-server: {e}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as e:
        print(f"somdesk-server: {e.name} is missing: install somdesk with its server extra", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
