"""A fresh database per test on the throwaway PostgreSQL cluster that scripts/with-postgres starts."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

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
    s.engine.dispose()
