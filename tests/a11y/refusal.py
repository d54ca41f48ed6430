"""While the window is locked on a connected profile: a change the central store will refuse, and the
profile's sign-in ended, so that its next sync asks to sign in again and the refusal is listed.

Run by tests/a11y/atspi_walk.py (the walk's "sync" share) with somdesk's Python, between locking the
window and unlocking it:
    python tests/a11y/refusal.py PROFILES_FOLDER PROFILE PASSPHRASE_FILE POLICY DATABASE_URL
The change is a new RSO copied from the first of the caseload with the ViSOR reference of a person
the central store holds for another officer (it refuses a reference another officer's case holds); the
sign-in ends as when an administrator sets the account's password (`somdesk-server users password`).
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import replace
from pathlib import Path

from somdesk.app.policy import fallback_policy
from somdesk.app.session import profile_identity, start_session
from somdesk.server import signin
from somdesk.server.demo import DEMO_PASSWORD
from somdesk.server.store import ServerStore
from somdesk.store.profile import Profile


def main() -> None:
    folder, name, passphrase_file, policy, url = sys.argv[1:6]
    passphrase = Path(passphrase_file).read_text(encoding="utf-8").strip()
    store = ServerStore(url)
    with Profile(Path(folder) / name).unlock(passphrase, "somdesk", None) as opened:
        session = start_session(opened, profile_identity(opened), fallback_policy(Path(policy)))
        statuses = session.workspace().statuses
        model = statuses[0].case
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
