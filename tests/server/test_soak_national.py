"""The national-shape soak, shortened for CI: 100 Locust devices holding long polls, writing the page that
comes with news and pulling every minute, pushing visits, and supervisors reallocating cases, through
HAProxy in front of two central store instances on PostgreSQL, for 20 seconds. No request fails, and
every visit the central store said it applied is stored. Pushes are kept to one per device every 5
minutes: at one every 2 minutes a machine shared with other runs made an instance too slow for HAProxy's
health check, which then cut a long poll's answer short. The full run (2,000 devices, five minutes) is
`scripts/with-postgres .venv/bin/python bench/soak_national.py`; its figures are in docs/PERFORMANCE.md."""

from __future__ import annotations

import json
import os

import pytest
from bench.soak_national import run, table

pytestmark = pytest.mark.postgres


def test_a_short_national_soak_fails_no_request_and_keeps_every_visit(tmp_path):
    result = run(
        os.environ["SOMDESK_TEST_PG_URL"], tmp_path, users=100, rate=50, seconds=20, rsos=200,
        push_every=300, supervisors=2, reallocate_every=10,
    )  # fmt: skip
    print("\n" + table(result) + "\n" + json.dumps(result["kinds"]))
    # Every request counts until the run's time is up (Locust's own exit code also counts the requests
    # it cuts short then).
    assert result["errors"] == 0, result["first_errors"]
    assert result["visits_applied"] > 0, result["refusals"]
    assert result["visits_stored"] == result["visits_applied"]
    # The minute's pulls (each device's first at a random moment of its first minute: about 33 in 20 s),
    # and news that came with its page (a woken device writes the long poll's page, pulling nothing).
    assert result["kinds"]["pull"]["requests"] >= 20
    assert result["pages with news"] > 0 and result["kinds"]["wait (long poll)"]["requests"] >= 100
    assert result["reallocated"] > 0
