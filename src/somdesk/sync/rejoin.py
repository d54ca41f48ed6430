"""Restoring a synced profile without forking its audit log.

A device's log only grows, so a backup's log is a prefix of what the device later sent. Restored as it
is, the device would log its next entries at sequence numbers the central store already holds, and
every push after would be refused as a forked log. So before the restored copy goes into place, this
fetches from the central store the device's entries after the backup's last one, checks that they
continue the backup's chain, appends them (the log refuses only UPDATE and DELETE) and moves the
pushed-up-to mark to the central store's head. Entries the backup holds and the central store lacks
are sent at the next sync. A restore that cannot do this (offline, sign-in needed, a backup that is
not this device's past) is refused and changes nothing; one that would throw away changes not yet
sent is refused unless asked to keep them in an encrypted file first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from somdesk.contract.sync import AuditEntry
from somdesk.domain.audit import LoggedEntry, verify
from somdesk.domain.words import counted
from somdesk.store.backup import CheckedBackup
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.keys import KEYCHAIN, KeyFile
from somdesk.store.profile import Profile
from somdesk.store.replica import AUDIT_SEQ, SERVER_URL, SERVER_USER
from somdesk.store.restoring import ProfileDatabase
from somdesk.sync.client import (
    CentralStore,
    DeviceRevoked,
    KeyringTokens,
    Offline,
    SignInNeeded,
    SyncError,
    TokenStore,
)
from somdesk.sync.device import REFRESH_TOKEN

__all__ = ["RestoreRefused", "Restored", "restore_profile"]

PAGE = 2000  # entries fetched at once (the central store serves at most OWN_AUDIT_PAGE)


class RestoreRefused(SyncError):
    """The restore was refused and nothing was changed; the message says why and what to do."""


@dataclass
class Restored:
    synced_with: str = ""  # the central store's address, "" for a profile that does not sync
    fetched: int = 0  # audit entries fetched from the central store
    to_send: int = 0  # audit entries the backup holds that the central store lacks
    kept: Path | None = None  # where the unsent changes of the replaced profile were kept


class _MetaTokens:
    """The refresh token kept inside a profile database (passphrase-only profiles: sync.device)."""

    def __init__(self, db: ProfileDatabase) -> None:
        self._db = db

    def load(self, key: str) -> str | None:
        return self._db.meta().get(REFRESH_TOKEN) or None

    def save(self, key: str, token: str) -> None:
        self._db.set_meta({REFRESH_TOKEN: token})

    def forget(self, key: str) -> None:
        self._db.set_meta({REFRESH_TOKEN: ""})


def restore_profile(
    profile: Profile,
    backup: Path,
    passphrase: str,
    keychain: DeviceKeychain | None,
    *,
    username: str = "",
    password: str = "",
    discard_unsent: bool = False,
    now: datetime | None = None,
) -> Restored:
    """Restore `backup` over `profile`; a synced profile rejoins the central store first (see above).
    `password` (with `username`, else the account it synced as) signs in where the kept sign-in
    cannot be used. Raises RestoreRefused, BackupError and the like with nothing changed."""
    done = Restored()

    def prepare(checked: CheckedBackup, restored: ProfileDatabase, current: ProfileDatabase | None) -> None:
        keychain_mode = KeyFile.load(checked.keys).mode == KEYCHAIN
        tokens = KeyringTokens() if keychain_mode else _MetaTokens(current or restored)
        key_mode = KEYCHAIN if keychain_mode else "passphrase"
        _rejoin(profile, restored, current, tokens, key_mode, (username, password), discard_unsent, now, done)
        if not keychain_mode and current is not None:  # the newest sign-in goes with the restored copy
            restored.set_meta({REFRESH_TOKEN: current.meta().get(REFRESH_TOKEN, "")})

    profile.restore(backup, passphrase, keychain, prepare)
    return done


def _rejoin(
    profile: Profile,
    restored: ProfileDatabase,
    current: ProfileDatabase | None,
    tokens: TokenStore,
    key_mode: str,
    sign_in: tuple[str, str],
    discard_unsent: bool,
    now: datetime | None,
    done: Restored,
) -> None:
    mine = restored.meta()
    theirs = current.meta() if current is not None else {}
    if mine.get("kind") == "demo":
        return
    # A backup made before the profile was connected still holds the start of the device's chain.
    url = mine.get(SERVER_URL) or theirs.get(SERVER_URL, "")
    user = mine.get(SERVER_USER) or theirs.get(SERVER_USER, "")
    device_id, profile_id = mine["device_id"], mine["profile_id"]
    # Changes of a profile that never synced have nowhere else to be: restoring is the user's choice.
    changes, entries = _unsent(current, restored, device_id) if current is not None and url else (0, 0)
    unsent = changes or entries
    if unsent and not discard_unsent:
        what = (
            counted(changes, "change")
            if changes
            else counted(entries, "audit log entry", "audit log entries")
        )
        raise RestoreRefused(
            f"{what} made on this computer {'has' if unsent == 1 else 'have'} not reached the central "
            "store: sync first, or restore with --discard-unsent (they are then kept in an encrypted file "
            "in the profile's backups folder). Nothing was changed"
        )
    if url:
        done.synced_with = url
        remote = CentralStore(url, device_id, tokens, profile_id)
        try:
            head, fetched = _fetch(remote, restored, user, sign_in, key_mode)
        finally:
            remote.close()
        marks = {AUDIT_SEQ: str(head), SERVER_URL: url, SERVER_USER: sign_in[0] or user}
        done.to_send = restored.append_audit([_row(e) for e in fetched], marks, device_id) - head
        done.fetched = len(fetched)
    if unsent and current is not None:
        # Written last: a refused restore leaves nothing behind. Encrypted like the profile, and a
        # whole profile: `somdesk restore` reads it (its changes would then need resolving by hand).
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
        done.kept = profile.backups / f"unsent-before-restore-{stamp}.sdbk"
        current.backup(profile.keys_path, done.kept)


def _unsent(current: ProfileDatabase, restored: ProfileDatabase, device_id: str) -> tuple[int, int]:
    """What the current profile holds that neither the central store nor the backup does: changes in
    its outbox, and audit entries after the pushed-up-to mark (a record opened logs one, and no change)."""
    pushed = int(current.meta().get(AUDIT_SEQ) or 0)
    logged = set(current.audit_hashes(device_id, pushed).values())
    logged -= set(restored.audit_hashes(device_id).values())
    return len(current.waiting() - restored.waiting()), len(logged)


def _fetch(
    remote: CentralStore, restored: ProfileDatabase, user: str, sign_in: tuple[str, str], key_mode: str
) -> tuple[int, list[AuditEntry]]:
    """The central store's head for this device, and its entries after the backup's last one, checked.
    The sign-in kept is used (the current profile's is the newest: a backup's may be spent, as refresh
    tokens rotate), or the password given."""
    url, device_id = remote.url, remote.device_id
    username, password = sign_in
    ours = restored.audit_hashes(device_id)
    last = max(ours, default=0)
    try:
        if password:
            remote.login(username or user, password, key_mode=key_mode)
        page = remote.own_audit(max(last - 1, 0), PAGE)
        head = int(page["head"])
        if head < last:  # the backup holds entries never sent: they go at the next sync
            if head:
                page = remote.own_audit(head - 1, 1)
                _same(page["entries"], head, ours)
            fetched: list[AuditEntry] = []
        else:
            entries = list(page["entries"])
            if last:
                _same(entries, last, ours)
                entries = entries[1:]
            fetched = entries
            while (fetched[-1]["seq"] if fetched else last) < head:
                more = remote.own_audit(fetched[-1]["seq"] if fetched else last, PAGE)["entries"]
                if not more:
                    break
                fetched += more
    except RestoreRefused:
        raise
    except Offline as e:
        raise RestoreRefused(
            f"this profile syncs with {url}; a restore needs the central store to fetch what this computer "
            f"sent after the backup, and {e}. Connect and run the restore again. Nothing was changed"
        ) from None
    except SignInNeeded as e:
        raise RestoreRefused(
            f"this profile syncs with {url}; a restore needs to sign in there to fetch what this computer "
            f"sent after the backup ({e}): give your central store password (SOMDESK_PASSWORD or "
            f"--password-fd, and --username if not {user or 'the account it synced as'}) and run the "
            "restore again. Nothing was changed"
        ) from None
    except DeviceRevoked as e:
        raise RestoreRefused(
            f"{e}: this device cannot rejoin the central store. Nothing was changed"
        ) from None
    except SyncError as e:
        raise RestoreRefused(
            f"this profile syncs with {url}, and the central store could not give what this computer sent "
            f"after the backup: {e}. Nothing was changed"
        ) from None
    _continues(fetched, last, ours.get(last, ""), device_id, head)
    return head, fetched


def _same(entries: Sequence[AuditEntry], seq: int, ours: dict[int, str]) -> None:
    """The central store's entry `seq` is the backup's: else the backup is not this device's past."""
    if not entries or entries[0]["seq"] != seq or entries[0]["hash"] != ours.get(seq):
        raise RestoreRefused(
            f"this backup's audit log differs from what this computer sent to the central store (entry "
            f"{seq}): it is a copy of the profile, not a backup of this computer's. Restoring it would fork "
            "the audit log; ask your administrator. Nothing was changed"
        )


def _continues(fetched: Sequence[AuditEntry], last: int, last_hash: str, device_id: str, head: int) -> None:
    """The fetched entries follow the backup's last one, in order, up to the head, and verify."""
    seqs = [e["seq"] for e in fetched]
    try:
        logged = [LoggedEntry.from_wire(e) for e in fetched]
    except (KeyError, ValueError):
        logged = None
    broken = None
    if logged is not None:
        _, broken = verify(logged, {device_id: last_hash} if last else None)
    if logged is None or broken is not None or seqs != list(range(last + 1, head + 1)):
        raise RestoreRefused(
            "the central store's audit entries for this computer do not continue the backup's log "
            f"({broken or 'entries missing or out of order'}); ask your administrator. Nothing was changed"
        )


def _row(e: AuditEntry) -> dict[str, object]:
    entry = LoggedEntry.from_wire(e)
    return {**entry.row(), "seq": e["seq"]}
