"""Shared test set-up. Qt runs offscreen unless a test asks for a real X server."""

from __future__ import annotations

import os
import tempfile
from datetime import date, time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command lines configure logging: tests (and the processes they start) log to a folder of their own.
os.environ.setdefault("SOMDESK_LOG_DIR", tempfile.mkdtemp(prefix="somdesk-test-logs-"))

from somdesk.app.policy import default_policy
from somdesk.domain.policy import Policy

TODAY = date(2026, 11, 23)
NOW = time(18, 0)  # the time of day in tests that fix the clock: a visit later than this is in the future


@pytest.fixture(scope="session")
def policy() -> Policy:
    return default_policy()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(autouse=True)
def _keep_the_umask():
    """`somdesk`'s main() makes the process's files private (umask 077) for good: a test that calls it
    in-process leaves the next test the umask it started with."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)
