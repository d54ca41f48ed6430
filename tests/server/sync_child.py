"""A device syncing in its own process, so a test can kill it with SIGKILL at any moment.

    python -m tests.server.sync_child FOLDER URL USERNAME PASSWORD [PAGE [CASES]]

Prints "push N" / "cases N" / "pull N" as it goes and "done" at the end (PAGE: records a pulled page,
CASES: offender records a first sync fetches at once).
"""

from __future__ import annotations

import sys
from pathlib import Path

from somdesk.store.profile import Profile
from somdesk.store.replica import LocalSync
from somdesk.sync.client import CentralStore, MemoryTokens
from somdesk.sync.engine import sync_once
from tests.server.sync_helpers import PASSPHRASE


def main() -> None:
    folder, url, username, password = sys.argv[1:5]
    page = int(sys.argv[5]) if len(sys.argv) > 5 else 5000
    cases = int(sys.argv[6]) if len(sys.argv) > 6 else 500
    with Profile(Path(folder)).unlock(PASSPHRASE, username, None) as opened:
        remote = CentralStore(url, opened.device_id, MemoryTokens(), opened.profile_id)
        remote.login(username, password)
        sync_once(
            LocalSync(opened),
            remote,
            progress=lambda stage, n, total: print(stage, n, flush=True),
            page=page,
            batch=100,
            cases_at_once=cases,
        )
        remote.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
