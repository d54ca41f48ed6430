"""While the window is locked on a connected profile: a conflict made by two other devices of the same
account, a change the central store will refuse, and the profile's sign-in ended, so that its next sync
asks to sign in again and then lists the conflict and the refusal.

Run by tests/a11y/atspi_walk.py (the walk's "sync" share) with somdesk's Python, between locking the
window and unlocking it:
    python tests/a11y/refusal.py PROFILES_FOLDER PROFILE PASSPHRASE_FILE POLICY DATABASE_URL ADDRESS
The conflict: two devices signed in as som1 (made in a folder of their own) each change the MAPPA
actions of the first case, and sync one after the other (tests/server/test_sync_ui.py does the same).
The change is a new RSO copied from the first of the caseload with the ViSOR reference of a person
the central store holds for another officer (it refuses a reference another officer's case holds); the
sign-in ends as when an administrator sets the account's password (`somdesk-server users password`).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

from somdesk.app.policy import fallback_policy
from somdesk.app.session import profile_identity, start_session
from somdesk.server import signin
from somdesk.server.demo import DEMO_PASSWORD
from somdesk.server.store import ServerStore
from somdesk.store.profile import Profile
from somdesk.store.replica import LocalSync
from somdesk.sync.client import CentralStore, MemoryTokens
from somdesk.sync.engine import sync_once


def conflict(url: str, case_id: str) -> None:
    """Two other devices of som1 change the same field of the case and sync: the second conflicts."""
    folder = Path(tempfile.mkdtemp(prefix="walk-devices-"))
    devices = []
    try:
        for name in ("phone", "tablet"):
            opened = Profile(folder / name).create("walk other device", "som1", None, passphrase_only=True)
            remote = CentralStore(url, opened.device_id, MemoryTokens(), opened.profile_id)
            remote.login("som1", DEMO_PASSWORD, name, key_mode="passphrase")
            devices.append((opened, LocalSync(opened), remote))
            sync_once(devices[-1][1], remote)
        for (opened, _local, _remote), words in zip(devices, ("curfew", "no curfew"), strict=True):
            with opened.unit_of_work(justification_required=False) as uow:
                uow.update_nominal(case_id, {"mappa_actions": f"Agreed at panel: {words}"})
        for _opened, local, remote in devices:
            sync_once(local, remote)
    finally:
        for opened, _local, remote in devices:
            remote.close()
            opened.lock()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    folder, name, passphrase_file, policy, url, address = sys.argv[1:7]
    passphrase = Path(passphrase_file).read_text(encoding="utf-8").strip()
    store = ServerStore(url)
    with Profile(Path(folder) / name).unlock(passphrase, "somdesk", None) as opened:
        session = start_session(opened, profile_identity(opened), fallback_policy(Path(policy)))
        statuses = session.workspace().statuses
        model = statuses[0].case
        conflict(address, model.nominal.id)
        nominal = replace(
            model.nominal,
            id=str(uuid.uuid4()),
            visor_ref=f"SYN{uuid.uuid4().int % 10**8:08d}",
            officer_id=str(uuid.uuid4()),  # no officer the central store knows: outside the account's scope
            family_name="Quinlan",
        )
        with session.changes() as uow:
            uow.import_force([], [], [model._replace(nominal=nominal)], [], [], "walk.csv")
    signin.set_password(store.engine, "som1", DEMO_PASSWORD)  # every device of som1 signs in again
    store.engine.dispose()


if __name__ == "__main__":
    main()
