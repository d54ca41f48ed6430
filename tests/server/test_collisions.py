"""Requests that collide: the same change pushed at once from several threads (on the SQLite demo store
and on PostgreSQL), the same new device signing in twice at once. Each gets a proper answer, never a
server error, and the database's complaint (with the values it quotes) never reaches the log."""

from __future__ import annotations

import logging
import threading
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from somdesk.domain.audit import GENESIS
from somdesk.server import app as server_app
from somdesk.server.app import PROTOCOL
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.store.migrate import head_revision
from tests.conftest import TODAY

from .sync_helpers import LiveServer, audit_entries_for

SIGN_INS = 5
THREADS = 6


def login(url: str, device: str | None = None, name: str = "laptop") -> httpx.Response:
    return httpx.post(
        f"{url}/v1/login",
        json={"username": "som1", "password": DEMO_PASSWORD, "device_id": device or str(uuid.uuid4()),
              "device_name": name, "protocol": PROTOCOL},
        timeout=60,
    )  # fmt: skip


def at_once(count: int, work) -> list[httpx.Response]:
    """`work(i)` in `count` threads released together; their answers."""
    start = threading.Barrier(count)
    answers: list[httpx.Response | None] = [None] * count

    def run(i: int) -> None:
        start.wait()
        answers[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(a is not None for a in answers)
    return [a for a in answers if a is not None]


def same_change_pushed_at_once(store: ServerStore) -> None:
    seed_demo(store, 20, 2, TODAY, soms=1)
    with LiveServer(store) as server:
        tokens = [login(server.url).json()["access_token"] for _ in range(THREADS)]
        case = (
            store.engine.connect()
            .exec_driver_sql(
                "SELECT r.id FROM records r JOIN users u ON u.officer_id = r.officer_id "
                "WHERE u.username = 'som1' AND r.table_name = 'nominals' LIMIT 1"
            )
            .scalar_one()
        )
        devices = [
            httpx.get(f"{server.url}/v1/me", headers={"Authorization": f"Bearer {t}"}).json()["device_id"]
            for t in tokens
        ]
        chains = {d: (0, GENESIS) for d in devices}
        for round_ in range(3):
            with store.engine.connect() as conn:  # the change is based on what the device last pulled
                stored = conn.execute(text("SELECT version FROM records WHERE id = :i"), {"i": case})
                version = stored.scalar_one()
            fields = {"postcode": f"ZZ{round_} 9ZZ"}
            change = {
                "id": str(uuid.uuid4()), "table": "nominals", "record_id": case, "operation": "update",
                "base_version": version, "fields": fields,
            }  # fmt: skip
            bodies = []
            for d in devices:  # each device sends the change with its own audit entry, as a device does
                entries, chains[d] = audit_entries_for(d, "som1", [change], *chains[d])
                head = {"protocol": PROTOCOL, "schema_revision": head_revision()}
                bodies.append({**head, "mutations": [change], "audit": entries})

            def push(i: int, bodies=bodies) -> httpx.Response:
                return httpx.post(
                    f"{server.url}/v1/push", json=bodies[i], headers={"Authorization": f"Bearer {tokens[i]}"},
                    timeout=60,
                )  # fmt: skip

            answers = at_once(THREADS, push)
            assert [a.status_code for a in answers] == [200] * THREADS, [a.text[:200] for a in answers]
            results = [a.json()["results"][0] for a in answers]
            assert all(r == results[0] for r in results) and results[0]["status"] == "applied", results


def test_the_same_change_pushed_at_once_on_the_sqlite_demo_store(tmp_path: Path):
    store = ServerStore(f"sqlite:///{tmp_path / 'demo.db'}")
    store.migrate()
    try:
        same_change_pushed_at_once(store)
    finally:
        store.engine.dispose()


@pytest.mark.postgres
def test_the_same_change_pushed_at_once_on_postgresql(store):
    same_change_pushed_at_once(store)


@pytest.mark.postgres
def test_a_new_device_signing_in_twice_at_once(store, caplog, monkeypatch):
    monkeypatch.setattr(server_app, "SIGN_INS_AT_ONCE", 10)  # all checked together: they collide
    seed_demo(store, 5, 1, TODAY, soms=1)
    caplog.set_level(logging.DEBUG)
    with LiveServer(store) as server:
        for _ in range(5):
            device = str(uuid.uuid4())
            # As many at once as the sign-in limit lets one device try (5 in 15 minutes, server/signin.py).
            answers = at_once(SIGN_INS, lambda i, device=device: login(server.url, device, "QUENFORD laptop"))
            assert [a.status_code for a in answers] == [200] * SIGN_INS, [a.text[:200] for a in answers]
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "QUENFORD" not in logged


def test_parallel_wrong_passwords_meet_the_limit_on_the_sqlite_demo_store_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(server_app, "SIGN_INS_AT_ONCE", 40)  # all checked together: the limit must hold
    store = ServerStore(f"sqlite:///{tmp_path / 'demo.db'}")
    store.migrate()
    seed_demo(store, 20, 2, TODAY, soms=1)
    with LiveServer(store) as server:
        for user in ("som1", "sup1", "chair"):  # three rounds: a race lost once is lost for good
            device = str(uuid.uuid4())

            def guess(i: int, user: str = user, device: str = device) -> httpx.Response:
                body = {"username": user, "password": f"wrong guess {i}", "device_id": device,
                        "device_name": "laptop", "protocol": PROTOCOL}  # fmt: skip
                return httpx.post(f"{server.url}/v1/login", json=body, timeout=60)

            codes = [a.status_code for a in at_once(40, guess)]
            assert codes.count(401) <= 5 and codes.count(401) + codes.count(429) == 40, codes
