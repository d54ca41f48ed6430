"""The soak run, shortened for CI: simulated devices syncing with the central store (its own process,
on PostgreSQL) for a short while. No errors of any kind; the figures are printed. The full run (50
devices, three minutes) is `scripts/with-postgres .venv/bin/python bench/soak.py`; its figures are in
docs/RELIABILITY.md."""

from __future__ import annotations

import json
import os

import pytest
from bench.soak import prepare, soak

from .sync_helpers import CentralStoreProcess

pytestmark = pytest.mark.postgres


def test_a_short_soak_serves_every_request_without_an_error():
    url, soms = prepare(os.environ["SOMDESK_TEST_PG_URL"], 600, 8)
    server = CentralStoreProcess(url)
    server.start()
    try:
        result = soak(server.url, server.pid, soms, clients=20, seconds=20)
    finally:
        server.stop()
    print("\nsoak:", json.dumps(result))
    assert result["errors"] == 0, result["first_errors"]
    assert result["requests"] > 20 * 10 and result["changes_applied"] > 0
