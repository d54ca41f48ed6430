"""Several central store instances behind HAProxy (packaging/haproxy/somdesk.cfg), devices syncing
through it with the real client: news crosses instances; an instance killed mid-push loses and
duplicates nothing; news still comes after an instance dies."""

from __future__ import annotations

import os
import re
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.sync.client import Offline
from somdesk.sync.engine import sync_once
from tests.conftest import TODAY

from .balancer import Balancer
from .sync_helpers import Device, new_device, scratch_database, server_count
from .test_sync_faults import add_visits

pytestmark = pytest.mark.postgres


class Served(httpx.HTTPTransport):
    """Remembers which instance answered each request (HAProxy's X-Somdesk-Instance header)."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.answers.append((request.url.path, response.headers.get("X-Somdesk-Instance", "")))
        return response

    def last(self, path: str) -> str:
        return next(served for p, served in reversed(self.answers) if p == path)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[tuple[ServerStore, Balancer]]:
    """One database and one balancer with three instances for the module (starting them is the slow
    part); each test finds all three running (balancer, below)."""
    base = os.environ.get("SOMDESK_TEST_PG_URL")
    if not base:
        pytest.fail("run PostgreSQL tests through scripts/with-postgres (SOMDESK_TEST_PG_URL is not set)")
    with scratch_database(base) as url:
        store = ServerStore(url)
        store.migrate()
        seed_demo(store, 20, 5, TODAY, soms=1)
        with Balancer(url, 3, tmp_path_factory.mktemp("haproxy")) as running:
            yield store, running
        store.engine.dispose()


@pytest.fixture
def balancer(cluster) -> Balancer:
    cluster[1].heal()
    return cluster[1]


@pytest.fixture
def store(cluster) -> ServerStore:
    return cluster[0]


def device(tmp_path: Path, balancer: Balancer, name: str) -> tuple[Device, Served]:
    served = Served()
    made = new_device(tmp_path / name, balancer.url, "som1", DEMO_PASSWORD, transport=served)
    made.sync()
    return made, served


def edit(device: Device, town: str) -> None:
    with device.opened.engine.connect() as conn:
        case = str(conn.exec_driver_sql("SELECT id FROM nominals ORDER BY id LIMIT 1").scalar_one())
    with device.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(case, {"town": town})


def news_after_push(a: Device, b: Device, before: Callable[[], None] = lambda: None) -> float:
    """Seconds from A starting to sync a saved change to B's long poll (through the balancer) answering."""
    cursor = b.remote.wait(0, 0)
    answered: list[float] = []

    def listen() -> None:
        while True:
            try:
                if b.remote.wait(cursor, 20) > cursor:
                    answered.append(time.perf_counter())
                    return
            except Offline:  # its instance died: ask again, as SyncLoop's listener does
                time.sleep(0.05)

    listener = threading.Thread(target=listen)
    listener.start()
    time.sleep(0.15)  # B's long poll is held by an instance
    before()
    edit(a, f"Town {time.monotonic_ns()}")
    began = time.perf_counter()
    sync_once(a.local, a.remote)
    listener.join(25)
    assert answered, "B heard nothing"
    return answered[0] - began


def stored(store, device: Device) -> int:
    """The mutations the central store keeps for the device (one row per mutation id: a replay finds it)."""
    with store.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM mutations WHERE device_id = :d"), {"d": device.opened.device_id}
            ).scalar_one()
        )


def retries(line: str) -> int:
    """HAProxy's retry count in an httplog line (actconn/feconn/beconn/srv_conn/retries; `+`: another
    instance)."""
    found = re.search(r" \d+/\d+/\d+/\d+/\+?(\d+) \d+/\d+ \"", line)
    return int(found.group(1)) if found else 0


def test_a_change_pushed_through_one_instance_reaches_a_device_long_polling_another(balancer, tmp_path):
    a, a_served = device(tmp_path, balancer, "a")
    b, b_served = device(tmp_path, balancer, "b")
    crossed: list[float] = []
    for _ in range(12):
        took = news_after_push(a, b)
        pushed, waited = a_served.last("/v1/push"), b_served.last("/v1/wait")
        if pushed != waited:
            crossed.append(took)
        else:  # round robin: one request more moves A's next push to the other instance
            httpx.get(f"{balancer.url}/v1/version")
    assert len(crossed) >= 4, crossed
    print(f"news across instances through HAProxy: median {statistics.median(crossed) * 1000:.0f} ms, "
          f"worst {max(crossed) * 1000:.0f} ms, {len(crossed)} changes")  # fmt: skip
    assert statistics.median(crossed) < 0.5 and max(crossed) < 2.0, crossed
    a.close(), b.close()


def test_an_instance_killed_mid_push_loses_and_duplicates_nothing(balancer, store, tmp_path):
    a, _ = device(tmp_path, balancer, "a")
    logged = balancer.log.stat().st_size  # HAProxy's lines from here on are this test's
    visits = 800
    before = server_count(store, "table_name = 'visits'")
    stored_before = stored(store, a)
    ids = add_visits(a, visits)
    outcome: list[str] = []
    faults: list[str] = []

    def keep_pushing() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                sync_once(a.local, a.remote, batch=100)
                outcome.append("done")
                return
            except Offline as e:  # the balancer could not hide it (502, 503): the device sends it again
                faults.append(str(e))
                time.sleep(0.1)
        outcome.append("gave up")

    pusher = threading.Thread(target=keep_pushing)
    pusher.start()
    kills = 0
    for left in (visits - 100, visits - 400):  # two of the three instances, one after the other
        while a.local.pending() > left and pusher.is_alive():
            time.sleep(0.002)
        deadline = time.monotonic() + 5
        while not (holding := balancer.busy()) and pusher.is_alive() and time.monotonic() < deadline:
            time.sleep(0.002)  # until the next batch is in an instance's hands
        if not holding:
            break
        balancer.kill(holding[0])  # mid-push: it has the batch and has not answered
        kills += 1
    pusher.join(90)
    assert outcome == ["done"] and kills == 2
    assert a.local.pending() == 0
    with store.engine.connect() as conn:
        refused = conn.execute(
            text("SELECT result FROM mutations WHERE device_id = :d AND result NOT LIKE :applied"),
            {"d": a.opened.device_id, "applied": '%"status": "applied"%'},
        ).all()
    assert refused == []
    # Every visit stored once, every mutation stored once (its result kept under the account and its id).
    with store.engine.connect() as conn:
        held = conn.execute(
            text("SELECT count(*) FROM records WHERE table_name = 'visits' AND id = ANY(:ids)"), {"ids": ids}
        ).scalar_one()
    assert held == visits
    assert server_count(store, "table_name = 'visits'") == before + visits
    assert stored(store, a) - stored_before == visits
    # What the balancer did with the pushes cut short: retried on the other instance, or a 502 the
    # device retried itself.
    log = balancer.log.read_bytes()[logged:].decode("utf-8", "replace")
    pushes = [line for line in log.splitlines() if "POST /v1/push" in line]
    retried = [line for line in pushes if retries(line) or " 502 " in line]
    print(f"{len(pushes)} pushes through HAProxy, {len(retried)} cut short by a kill and sent again; "
          f"{len(faults)} seen by the device")  # fmt: skip
    assert len(retried) + len(faults) >= kills, "a kill missed its push"
    a.close()


def test_news_still_comes_through_the_balancer_after_an_instance_dies(balancer, tmp_path):
    logged = balancer.log.stat().st_size
    a, _ = device(tmp_path, balancer, "a")
    b, _ = device(tmp_path, balancer, "b")
    news_after_push(a, b)
    killed: list[int] = []

    def kill_the_one_holding_the_long_poll() -> None:
        (holding,) = balancer.busy()  # B's long poll, alone in flight
        balancer.kill(holding)
        killed.append(holding)

    took = news_after_push(a, b, before=kill_the_one_holding_the_long_poll)
    later = [news_after_push(a, b) for _ in range(3)]  # two instances left
    print(f"news when the instance holding the long poll was killed: {took * 1000:.0f} ms; after: "
          f"{', '.join(f'{t * 1000:.0f}' for t in later)} ms")  # fmt: skip
    assert killed and took < 5 and max(later) < 1.0
    # HAProxy sent the cut long poll again, to a live instance: B never saw the death.
    log = balancer.log.read_bytes()[logged:].decode("utf-8", "replace")
    assert any(retries(line) for line in log.splitlines() if "GET /v1/wait" in line)
    a.close(), b.close()
