"""A fresh database per test on the throwaway PostgreSQL cluster that scripts/with-postgres starts."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from somdesk.server.store import ServerStore


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get("SOMDESK_TEST_PG_URL")
    if not base:
        pytest.fail("run PostgreSQL tests through scripts/with-postgres (SOMDESK_TEST_PG_URL is not set)")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def store(pg_url) -> Iterator[ServerStore]:
    s = ServerStore(pg_url)
    s.migrate()
    yield s
    s.engine.dispose()
