"""Store fixtures: real SQLCipher files in a temporary folder; an in-memory keychain unless a test is
about the keychain itself (tests/store/test_secret_service.py uses the real Secret Service)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from somdesk.demo import generate
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.profile import OpenProfile, Profile
from tests.conftest import TODAY
from tests.store.memory_keyring import MemoryKeyring

PASSPHRASE = "correct horse battery"


@pytest.fixture
def keychain() -> DeviceKeychain:
    return DeviceKeychain(MemoryKeyring())


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profiles" / "dc-test")


@pytest.fixture(scope="session")
def force():
    return generate(60, seed=11, today=TODAY)


def clock() -> datetime:
    return datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture
def opened(profile: Profile, keychain: DeviceKeychain, force) -> OpenProfile:
    op = profile.create(PASSPHRASE, "dc.test", keychain, clock=clock)
    with op.unit_of_work() as uow:
        uow.import_force(force.teams, force.officers, force.cases, force.visits, force.arms, "test force")
    yield op
    op.lock()


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file's SHA-256: 'changes nothing' means this is the same before and after."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in (".lock", "unlock-failures.json")
    }
