"""A somdesk process keeps what it writes to its owner from the first byte, and leaves no core dump."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

# In a child process (so the test run's own umask and limits stay as they are), under the usual 022.
CHILD = """
import ctypes, json, os, resource, sys
os.umask(0o022)
from somdesk.cli.main import main
for command in json.loads(sys.argv[1]):
    assert main(command) == 0, command
dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) if sys.platform.startswith("linux") else None
print(json.dumps({"core": resource.getrlimit(resource.RLIMIT_CORE), "dumpable": dumpable}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and limits")
def test_every_file_somdesk_writes_is_private_from_the_start_and_no_core_is_dumped(tmp_path: Path):
    profiles, out = tmp_path / "profiles", tmp_path / "out"
    out.mkdir()
    where = ["--profile", "demo", "--profiles", str(profiles)]
    who = ["--recipient", "Analyst", "--reason", "audit"]
    commands = [
        ["queues", "visits", *where, "--format", "csv"],
        ["report", "csv", "arms", "-o", str(out / "arms.csv"), *where, *who],
        ["report", "calendar", "-o", str(out / "week.ics"), *where, *who],
        ["report", "caseload", "-o", str(out / "caseload.pdf"), *where, *who],
        ["backup", str(out / "demo.sdbk"), *where],
    ]
    env = {**os.environ, "SOMDESK_LOG_DIR": str(tmp_path / "log"), "SOMDESK_PASSPHRASE": "unused"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(commands)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    limits = json.loads(done.stdout.splitlines()[-1])
    assert limits["core"] == [0, 0]
    if sys.platform.startswith("linux"):
        assert limits["dumpable"] == 0
    made = [p for p in tmp_path.rglob("*") if p.parent != tmp_path or p.name != "out"]
    assert {p.name for p in made} >= {"somdesk.db", "arms.csv", "week.ics", "caseload.pdf", "demo.sdbk"}
    assert {p.name for p in made} >= {"somdesk.log", "keys.json", "demo"}
    open_to_others = {
        str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode))
        for p in made
        if stat.S_IMODE(p.stat().st_mode) & 0o077
    }
    assert open_to_others == {}
