"""A writer killed with SIGKILL in the middle of a batch leaves a database that opens and holds exactly
the committed batches: whole, with their outbox entries and an intact audit chain."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from somdesk.store.audit import verify
from somdesk.store.profile import Profile

HERE = Path(__file__).parent
BATCH = 150


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_killed_writer_loses_nothing_committed_and_leaves_nothing_half_written(tmp_path, force, seed):
    profile = Profile(tmp_path / "killed")
    passphrase = "a passphrase for the fault test"
    opened = profile.create(passphrase, "setup", None, passphrase_only=True)
    with opened.unit_of_work() as uow:
        uow.import_force(force.teams, force.officers, force.cases[:5], [], [], "fault test")
    nominal_id = force.cases[0].nominal.id
    opened.lock()

    rng = random.Random(seed)
    child = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "kill_writer.py"),
            str(profile.folder),
            passphrase,
            nominal_id,
            str(BATCH),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    reported = []
    assert child.stdout is not None
    while len(reported) < 3 + seed:
        line = child.stdout.readline()
        assert line, "the writer stopped before it was killed"
        reported.append(int(line))
    time.sleep(rng.uniform(0.0, 0.05))  # somewhere inside a later batch
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reported += [int(line) for line in child.stdout.read().split()]
    assert child.returncode == -signal.SIGKILL

    with profile.unlock(passphrase, "checker", None) as again, again.reader() as r:
        conn = r.conn
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        notes = [
            row[0] for row in conn.exec_driver_sql("SELECT notes FROM visits WHERE notes LIKE 'batch %'")
        ]
        per_batch = Counter(int(n.split()[1]) for n in notes)
        outbox = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox WHERE table_name = 'visits'").scalar()
        audited = conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE table_name = 'visits'").scalar()
        _, broken = verify(r.audit_rows())
    last = max(reported)
    assert all(per_batch[b] == BATCH for b in reported)  # everything reported as committed is there
    assert set(per_batch) <= set(range(1, last + 2))  # at most one batch committed but not yet reported
    assert all(count == BATCH for count in per_batch.values())  # no batch half-written
    assert outbox == audited == len(notes)  # each visit with its outbox entry and audit event
    assert broken is None
