"""A fresh database per test on the throwaway PostgreSQL cluster that scripts/with-postgres starts."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from somdesk.app.policy import default_policy_text
from somdesk.cli.main import main
from somdesk.server.demo import DEMO_PASSWORD
from somdesk.server.store import ServerStore

from .sync_helpers import scratch_database


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get("SOMDESK_TEST_PG_URL")
    if not base:
        pytest.fail("run PostgreSQL tests through scripts/with-postgres (SOMDESK_TEST_PG_URL is not set)")
    with scratch_database(base) as url:
        yield url


@pytest.fixture
def store(pg_url) -> Iterator[ServerStore]:
    s = ServerStore(pg_url)
    s.migrate()
    yield s
    s.dispose()


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """The command line on profiles of its own (created at first use, signed in as their name)."""
    monkeypatch.setenv("SOMDESK_PASSPHRASE", "device passphrase 1")
    monkeypatch.setenv("SOMDESK_NEW_PASSPHRASE", "device passphrase 1")
    monkeypatch.setenv("SOMDESK_PASSWORD", DEMO_PASSWORD)
    policy = tmp_path / "policy.toml"
    policy.write_text(
        default_policy_text().replace("passphrase_only_allowed = false", "passphrase_only_allowed = true"),
        encoding="utf-8",
    )
    where = ["--profiles", str(tmp_path / "profiles")]
    made: set[str] = set()

    def run(profile: str, *argv: str) -> tuple[int, str, str]:
        if profile not in made:
            made.add(profile)
            create = ["--policy", str(policy), "profile", "create", profile, *where, "--passphrase-only"]
            assert main([*create, "--user", profile]) == 0
        code = main([*argv, *where, "--profile", profile, "--user", profile])
        out, err = capsys.readouterr()
        return code, out, err

    return run
