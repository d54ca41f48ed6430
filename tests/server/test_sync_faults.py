"""Faults during sync: a client killed with SIGKILL mid-push and mid-pull, the central store killed and
restarted mid-sync. At the end both sides are complete; nothing is lost or applied twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.sync.client import Offline
from somdesk.sync.engine import sync_once
from tests.conftest import TODAY

from .sync_helpers import ROOT, CentralStoreProcess, LiveServer, new_device, server_count

pytestmark = pytest.mark.postgres
VISITS = 1200


@pytest.fixture
def seeded(store):
    seed_demo(store, 400, 5, TODAY, soms=1)
    return store


def add_visits(device, count: int) -> list[str]:
    with device.opened.engine.connect() as conn:
        cases = conn.exec_driver_sql(
            "SELECT id, relevant_date FROM nominals WHERE NOT in_custody ORDER BY id"  # at liberty
        ).all()
    batch = []
    for i in range(count):  # on the case's relevant date (a visit before registration is refused)
        case, relevant = cases[i % len(cases)]
        at = datetime.fromisoformat(relevant) + timedelta(hours=9, minutes=i // len(cases))
        batch.append(Visit(case, at, VisitOutcome.SEEN, True, ("DC Test", "PC Pair"), True))
    with device.opened.unit_of_work(justification_required=False) as uow:
        return uow.add_visits(batch)


def child(folder: Path, url: str, user: str, page: int = 5000, cases: int = 500) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.server.sync_child",
            str(folder),
            url,
            user,
            DEMO_PASSWORD,
            str(page),
            str(cases),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_when(proc: subprocess.Popen[str], stage: str, after: int) -> bool:
    """SIGKILL once the child reports `stage` past `after`; False if it finished first."""
    assert proc.stdout is not None
    for line in proc.stdout:
        word, _, n = line.strip().partition(" ")
        if word == stage and int(n) >= after:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
            return True
    proc.wait(10)
    return False


def finish(folder: Path, url: str, user: str, page: int = 5000) -> None:
    proc = child(folder, url, user, page)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and out.strip().endswith("done"), err[-2000:]


def test_a_client_killed_mid_push_again_and_again_loses_nothing_and_duplicates_nothing(seeded, tmp_path):
    rng = random.Random(20261123)
    with LiveServer(seeded) as server:
        device = new_device(tmp_path / "laptop", server.url, "som1", DEMO_PASSWORD)
        device.sync()
        visits_before = server_count(seeded, "table_name = 'visits'")
        ids = add_visits(device, VISITS)
        device.close()
        kills = 0
        for _ in range(3):
            if kill_when(
                child(tmp_path / "laptop", server.url, "som1"), "push", rng.randrange(100, VISITS, 100)
            ):
                kills += 1
        finish(tmp_path / "laptop", server.url, "som1")
    assert kills >= 1
    assert server_count(seeded, "table_name = 'visits'") == visits_before + VISITS
    with seeded.engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT id FROM records WHERE table_name = 'visits'"))}
        applied = conn.execute(text("SELECT count(*) FROM mutations")).scalar_one()
    assert set(ids) <= stored
    assert applied == VISITS  # each mutation applied once, however often it was sent
    reopened = new_device_view(tmp_path / "laptop")
    assert reopened["outbox"] == 0 and reopened["visits"] == server_count(
        seeded, f"table_name = 'visits' AND officer_id = '{reopened['officer']}'"
    )


def new_device_view(folder: Path) -> dict[str, object]:
    from somdesk.store.profile import Profile

    from .sync_helpers import PASSPHRASE

    with Profile(folder).unlock(PASSPHRASE, "check", None) as opened, opened.engine.connect() as conn:
        return {
            "outbox": conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one(),
            "visits": conn.exec_driver_sql("SELECT count(*) FROM visits").scalar_one(),
            "nominals": conn.exec_driver_sql("SELECT count(*) FROM nominals").scalar_one(),
            "officer": conn.exec_driver_sql("SELECT officer_id FROM nominals LIMIT 1").scalar_one(),
            "cursor": int(
                conn.exec_driver_sql("SELECT value FROM somdesk_meta WHERE key = 'sync_cursor'").scalar() or 0
            ),
        }


def test_a_client_killed_mid_first_sync_starts_it_again_and_ends_with_exactly_its_scope(seeded, tmp_path):
    with LiveServer(seeded) as server:
        device = new_device(tmp_path / "fresh", server.url, "sup1", DEMO_PASSWORD)
        device.close()
        assert kill_when(child(tmp_path / "fresh", server.url, "sup1", page=300, cases=20), "cases", 60)
        partial = new_device_view(tmp_path / "fresh")
        assert partial["cursor"] == 0 and partial["nominals"] > 0  # whole cases so far, no cursor yet
        finish(tmp_path / "fresh", server.url, "sup1", page=300)
        check = new_device(tmp_path / "check", server.url, "sup1", DEMO_PASSWORD)
        check.sync()  # an uninterrupted pull of the same scope, to compare with
        expected = {
            t: check.count(t) for t in ("nominals", "visits", "arms_assessments", "sentencing_occasions")
        }
        check.close()
    done = new_device_view(tmp_path / "fresh")
    assert done["cursor"] == seeded.latest()
    assert done["nominals"] == expected["nominals"] and done["visits"] == expected["visits"]


def test_the_central_store_killed_and_restarted_mid_sync_ends_complete(store, pg_url, tmp_path):
    seed_demo(store, 400, 5, TODAY, soms=1)
    server = CentralStoreProcess(pg_url)
    url = server.url
    server.start()
    device = new_device(tmp_path / "laptop", url, "som1", DEMO_PASSWORD)
    device.sync()
    before = server_count(store, "table_name = 'visits'")
    add_visits(device, VISITS)
    outcome: list[object] = []
    offline = threading.Event()

    def keep_syncing() -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                sync_once(device.local, device.remote, batch=50)
                outcome.append("done")
                return
            except Offline:
                offline.set()
                time.sleep(0.2)
        outcome.append("gave up")

    worker = threading.Thread(target=keep_syncing)
    try:
        worker.start()
        while device.local.pending() > VISITS - 200:  # some batches are in
            time.sleep(0.01)
        server.kill()
        assert offline.wait(30)
        server.start()
        worker.join(120)
    finally:
        server.stop()
    assert outcome == ["done"]
    assert device.local.pending() == 0
    assert server_count(store, "table_name = 'visits'") == before + VISITS
    officer = device.value("nominals", device_case(device), "officer_id")
    assert device.count("visits") == server_count(
        store, f"table_name = 'visits' AND officer_id = '{officer}'"
    )
    device.close()


def device_case(device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT id FROM nominals LIMIT 1").scalar_one())
