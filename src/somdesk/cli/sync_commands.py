"""`somdesk sync`: connect a profile to the central store, sync it now, or show where it stands.

somdesk sync connect https://somdesk.force.example --username dc.okafor --profile work
somdesk sync now --profile work
somdesk sync status --profile work
somdesk sync send-again MUTATION-ID --profile work   # a refused or set-aside change, as its record is now
somdesk sync send-again MUTATION-ID --set visor_ref=24/123456Q --profile work   # corrected first
somdesk sync discard MUTATION-ID --profile work      # give it up (logged)
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from somdesk.domain.words import counted

if TYPE_CHECKING:  # imported where used, so that `--help` stays quick
    from somdesk.app.session import Session
    from somdesk.store.profile import OpenProfile

__all__ = ["add_sync_parser", "run_sync", "settle_kept"]

ENV_PASSWORD = "SOMDESK_PASSWORD"

log = logging.getLogger("somdesk.cli.sync")


def add_sync_parser(sub: Any, profile_options: Callable[..., None]) -> None:
    s = sub.add_parser("sync", help="connect to the central store, sync now, or show sync status")
    s.add_argument("action", choices=("connect", "now", "status", "send-again", "discard"))
    s.add_argument(
        "url",
        nargs="?",
        help="with connect: the central store's address (https://…); with send-again or discard: the id "
        "of a refused or set-aside change, as `sync status` lists it",
    )
    s.add_argument("--username", help="with connect: your central store account")
    s.add_argument(
        "--password-fd",
        type=int,
        default=None,
        help=f"with connect: read your central store password from this file descriptor (default: "
        f"${ENV_PASSWORD} or a prompt)",
    )
    s.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="with send-again, for a refused new RSO: correct visor_ref, pnc_id, family_name or given_names "
        "first (the window's Correct and send again)",
    )
    profile_options(s, required=True)


def _password(fd: int | None) -> str:
    from somdesk.app.profiles import PassphraseSource

    prompt = "Central store password: "
    return PassphraseSource(ENV_PASSWORD, fd, prompt, "--password-fd", "central store password").read()


def run_sync(args: argparse.Namespace, opened: OpenProfile) -> int:
    from somdesk.app.connection import NotForDesktop, connect_account, identity_outdated, reread_identity
    from somdesk.app.session import profile_identity
    from somdesk.sync.client import DeviceRevoked, Forked, SignInCopied, SyncError
    from somdesk.sync.device import linked_store, local_sync, wipe
    from somdesk.sync.engine import stopped_message, sync_once

    local = local_sync(opened)
    if args.action == "status":
        from somdesk.store.replica import SERVER_URL, SERVER_USER

        url = local.get(SERVER_URL)
        if not url:
            print("not connected to a central store (somdesk sync connect URL --username NAME)")
            return 0
        print(f"central store: {url} as {local.get(SERVER_USER)}")
        print(f"changes waiting to be sent: {local.pending()}; last change received: {local.cursor()}")
        if waiting := local.uploads_waiting():
            print(f"photographs or documents waiting to be sent: {waiting} (kept here until they are)")
        for attachment_id, failures, reason in local.failing_uploads():
            # The id is what an administrator needs (`somdesk-server attachments clear ID`).
            tries = counted(failures, "try", "tries")
            print(f"photograph or document {attachment_id} not sent ({tries}): {reason}")
        for c in local.conflicts():
            print(f"conflict: {c.table_name} {c.record_id} field {c.field}: kept {c.theirs}, other {c.mine}")
        kept = local.rejections()
        for r in kept:
            what = f"{r.operation} of {r.label or r.table_name} {r.record_id}"
            print(f"{r.kind} {r.mutation_id}: {what}: {r.reason}")
        if kept:
            print("each is kept here: correct its record, then `sync send-again ID`, or `sync discard ID`")
        return 0
    if args.action == "connect":
        if not args.url or not args.username:
            raise ValueError("connect needs the central store's address and --username")
        try:
            identity = connect_account(opened, args.url, args.username, _password(args.password_fd))
        except SyncError as e:
            print(f"somdesk: could not connect: {e}", file=sys.stderr)
            return 2
        print(f"connected as {identity.name} ({identity.role.label})")
        remote = linked_store(opened)
        assert remote is not None
    else:
        found = linked_store(opened)
        if found is None:
            raise ValueError("this profile is not connected: run `somdesk sync connect URL --username NAME`")
        remote = found
    log.info("sync started: device %s, %d changes waiting", local.device_id, local.pending())
    try:
        report = sync_once(local, remote, progress=_progress)
        if report.rescoped or identity_outdated(profile_identity(opened)):
            identity = reread_identity(opened, remote)  # whose figures this profile shows now
            print(
                f"\nyour account, read again from the central store: {identity.name} ({identity.role.label})"
            )
    except DeviceRevoked as e:
        log.warning("sync: device %s revoked, wiping its copy", local.device_id)
        print(f"\nsomdesk: {e}. Wiping this device's copy now.", file=sys.stderr)
        wipe(opened, None)
        return 3
    except (Forked, SignInCopied) as e:
        log.warning("sync: device %s stopped, another copy of it synced", local.device_id)
        words = stopped_message(local.pending(), isinstance(e, SignInCopied))
        print(f"\nsomdesk: sync stopped: {words}.", file=sys.stderr)
        return 4
    except (SyncError, NotForDesktop) as e:
        log.warning("sync stopped: %s", type(e).__name__)  # the message may quote the central store
        print(f"\nsomdesk: sync stopped: {e}. Nothing was lost; run again to finish.", file=sys.stderr)
        return 1
    finally:
        remote.close()
    log.info(
        "sync finished: %d sent, %d received, %d new conflicts, %d refused%s%s%s",
        report.pushed,
        report.pulled,
        report.conflicts,
        report.refused,
        ", policy updated" if report.policy_updated else "",
        ", scope changed" if report.rescoped else "",
        ", resynced in full (away longer than the central store keeps departures)" if report.resynced else "",
    )
    print(
        f"\nsynced: {counted(report.pushed, 'change')} sent, {counted(report.pulled, 'record')} received, "
        f"{report.conflicts} new conflicts, {report.refused} refused"
        + (f", {report.set_aside} set aside (see `sync status`)" if report.set_aside else "")
        + ("; force policy updated" if report.policy_updated else "")
    )
    files, plural = "photograph or document", "photographs or documents"
    if report.attachments_sent or report.thumbnails or report.attachments_waiting:
        sent, received = (
            counted(report.attachments_sent, files, plural),
            counted(report.thumbnails, "thumbnail"),
        )
        print(
            f"{sent} sent, {received} received, {report.attachments_waiting} still to send"
            + (" (kept here; run again to finish)" if report.attachments_waiting else "")
        )
    return 0


def _progress(stage: str, count: int, total: int) -> None:
    if sys.stderr.isatty() or os.environ.get("SOMDESK_PROGRESS"):
        print(f"\r{stage}: {count}" + (f" of {total}" if total else ""), end="", file=sys.stderr, flush=True)


def settle_kept(args: argparse.Namespace, session: Session) -> int:
    """Send a refused or set-aside change again, or discard it (logged); it goes at the next sync."""
    if not args.url:
        raise ValueError(f"{args.action} needs the change's id, as `somdesk sync status` lists it")
    if args.action == "send-again" and args.set:
        changes = {}
        for given in args.set:
            name, sep, value = given.partition("=")
            if not sep:
                raise ValueError(f"--set {given}: write it as FIELD=VALUE, e.g. visor_ref=24/123456Q")
            changes[name.strip()] = value.strip()
        session.correct_and_send_again(args.url, changes)
        print(f"change {args.url} corrected and will be sent again at the next sync (`somdesk sync now`)")
    elif args.action == "send-again":
        session.send_again(args.url)
        print(f"change {args.url} will be sent again at the next sync (`somdesk sync now`)")
    else:
        session.discard_refused(args.url)
        print(f"change {args.url} discarded (logged)")
    return 0
