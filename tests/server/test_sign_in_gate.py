"""A flood of sign-ins (a morning's rush, or wrong passwords, which cost the same scrypt) is turned away
at once beyond the passwords one instance checks at a time, and a turned-away sign-in is not counted as
a failed attempt (the demo store on SQLite: the gate is the instance's own, whatever the database)."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from somdesk.server.app import SIGN_IN_BUSY, SIGN_INS_AT_ONCE, create_app
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.server.tables import login_failures
from somdesk.sync.client import CentralStore, MemoryTokens, Unavailable
from tests.conftest import TODAY

from .sync_helpers import LiveServer
from .test_authorisation import login


def test_sign_ins_beyond_those_being_checked_are_turned_away_uncounted(tmp_path):
    store = ServerStore(f"sqlite:///{tmp_path / 'central.db'}")
    store.migrate()
    seed_demo(store, 20, 7, TODAY, soms=1)
    app = create_app(store)
    client = TestClient(app)
    for _ in range(SIGN_INS_AT_ONCE):  # as many passwords being checked as the instance takes
        assert app.state.sign_ins.acquire(blocking=False)
    try:
        for password in ("wrong password one", "wrong password two", "wrong password three"):
            busy = login(client, "som1", password=password)
            assert busy.status_code == 503 and busy.json()["detail"] == SIGN_IN_BUSY
            assert busy.headers["Retry-After"] == "5"
    finally:
        for _ in range(SIGN_INS_AT_ONCE):
            app.state.sign_ins.release()
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(login_failures)).scalar() == 0
    assert login(client, "som1").status_code == 200  # room again: signed in
    assert login(client, "som1", password="wrong password four").status_code == 401


def test_a_laptop_turned_away_is_told_so_in_the_central_store_s_words(tmp_path):
    store = ServerStore(f"sqlite:///{tmp_path / 'central.db'}")
    store.migrate()
    seed_demo(store, 20, 7, TODAY, soms=1)
    with LiveServer(store) as server:
        gate = server.app.state.sign_ins
        for _ in range(SIGN_INS_AT_ONCE):
            assert gate.acquire(blocking=False)
        remote = CentralStore(server.url, str(uuid.uuid4()), MemoryTokens(), "som1")
        try:
            with pytest.raises(Unavailable, match="busy signing others in"):
                remote.login("som1", DEMO_PASSWORD)
        finally:
            for _ in range(SIGN_INS_AT_ONCE):
                gate.release()
        remote.login("som1", DEMO_PASSWORD)  # room again
        remote.close()
