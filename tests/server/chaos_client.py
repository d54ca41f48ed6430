"""One device in the fault-injection scenario, in its own process so the test can kill it at any moment.

    python -m tests.server.chaos_client FOLDER URL USERNAME PASSWORD SEED RUN CHANGES SETTLE [FILE_SIZE_LIMIT]

Makes CHANGES random changes (new visits marked "chaos USER RUN N", edits to a case's town), syncing
now and then; prints "committed visit|town MARKER" once a change is committed locally, "fault KIND"
for each failure it rode out, and "done" once a last sync has gone through (it gives up after SETTLE
seconds, exit 3). With FILE_SIZE_LIMIT the process may not grow any file past that many bytes: the
kernel refuses the write much as a full disk would.
"""

from __future__ import annotations

import random
import resource
import signal
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import OperationalError

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.store.profile import Profile
from somdesk.store.replica import LocalSync
from somdesk.sync.client import CentralStore, MemoryTokens, Offline, SignInNeeded
from somdesk.sync.engine import sync_once
from tests.server.sync_helpers import PASSPHRASE


def say(*words: object) -> None:
    print(*words, flush=True)


def main() -> None:
    folder, url, username, password, seed, run, changes, settle = sys.argv[1:9]
    if len(sys.argv) > 9:
        limit = int(sys.argv[9])
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    rng = random.Random(f"{seed}/{username}/{run}")
    with Profile(Path(folder)).unlock(PASSPHRASE, username, None) as opened:
        local = LocalSync(opened)
        tokens = MemoryTokens()
        remote = CentralStore(url, opened.device_id, tokens, opened.profile_id, timeout=5)

        def sync() -> bool:
            try:
                if not tokens.load(opened.profile_id):
                    remote.login(username, password, "chaos")
                sync_once(local, remote, page=500, batch=20)
                return True
            except Offline:
                say("fault offline")
            except SignInNeeded:
                tokens.forget(opened.profile_id)
                say("fault signed-out")
            except OperationalError as e:
                say("fault disk", str(e.orig))
            return False

        with opened.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, relevant_date FROM nominals WHERE NOT in_custody ORDER BY id"
            )
            # A visit the rules allow, as an officer records one: after the registration's relevant date
            # (the central store refuses any other, and the device then undoes it).
            cases = [(r[0], date.fromisoformat(str(r[1]))) for r in rows]
            cases = [(case, relevant) for case, relevant in cases if relevant < date(2026, 11, 1)]
        for n in range(int(changes)):
            case = rng.choice(cases)[0]
            marker = f"chaos {username} {run} {n}"
            try:
                kind = "visit" if rng.random() < 0.75 else "town"
                with opened.unit_of_work(justification_required=False) as uow:
                    if kind == "visit":
                        at = datetime(2026, 11, 1, 8) + timedelta(minutes=rng.randrange(60 * 24 * 20))
                        uow.add_visit(
                            Visit(
                                case, at, VisitOutcome.SEEN, True, ("DC Chaos", "PC Pair"), True, "", marker
                            )
                        )
                    else:
                        uow.update_nominal(case, {"town": f"Town {marker}"}, "chaos")
                say("committed", kind, marker)
            except OperationalError as e:
                say("fault disk", str(e.orig))
            if rng.random() < 0.4:
                sync()
            time.sleep(rng.random() * 0.05)
        deadline = time.monotonic() + float(settle)
        while not sync():
            if time.monotonic() > deadline:
                say("gave up")
                sys.exit(3)
            time.sleep(0.2)
        remote.close()
    say("done")


if __name__ == "__main__":
    main()
