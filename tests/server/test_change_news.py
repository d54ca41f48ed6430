"""Change news from PostgreSQL: a trigger on the change counter NOTIFYs on commit, each instance listens
on one connection and wakes its long polls; while that connection is down the instance polls, and it
listens again by itself."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import text

from somdesk.server.changes import APPLICATION_NAME, CHANNEL
from somdesk.server.store import ServerStore
from somdesk.sync.client import CentralStore, MemoryTokens

from .sync_helpers import LiveServer

pytestmark = pytest.mark.postgres
PASSWORD = "a long enough password"


def bump(store: ServerStore) -> int:
    """A committed change, as a push or a restore makes it: the counter's row moved on."""
    with store.engine.begin() as conn:
        return int(conn.execute(text("UPDATE change_counter SET seq = seq + 1 RETURNING seq")).scalar_one())


def watcher(store: ServerStore, url: str) -> CentralStore:
    name = f"w{uuid.uuid4().hex[:8]}"
    store.add_user(name, "Watcher", "supervisor", PASSWORD)
    remote = CentralStore(url, str(uuid.uuid4()), MemoryTokens(), name)
    remote.login(name, PASSWORD, name, key_mode="passphrase")
    return remote


def waiting(remote: CentralStore, after: int, timeout: float = 20) -> Callable[[], float]:
    """A long poll in a thread; the function returns the seconds it waited (after it answered)."""
    took: list[float] = []

    def run() -> None:
        began = time.perf_counter()
        assert remote.wait(after, timeout) > after
        took.append(time.perf_counter() - began)

    thread = threading.Thread(target=run)
    thread.start()

    def result() -> float:
        thread.join(timeout + 5)
        assert took, "the long poll did not answer"
        return took[0]

    return result


def until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_the_trigger_notifies_the_new_change_number_on_commit_only(store, pg_url):
    with psycopg.connect(store.listen_url() or "", autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        with store.engine.connect() as conn:  # bumped, then rolled back: no news
            conn.execute(text("UPDATE change_counter SET seq = seq + 1"))
            conn.rollback()
        assert list(listener.notifies(timeout=0.3)) == []
        seq = bump(store)
        notes = list(listener.notifies(timeout=2, stop_after=1))
        assert [(n.channel, n.payload) for n in notes] == [(CHANNEL, str(seq))]


def test_news_committed_through_one_instance_wakes_a_long_poll_on_another_at_once(store):
    with LiveServer(store) as one, LiveServer(store) as two:
        remote = watcher(store, two.url)
        before = store.latest()
        remote.wait(before, 0)  # starts instance two's listener
        until(lambda: two.app.state.change_watch.listening)
        took = []
        for _ in range(5):
            after = store.latest()
            result = waiting(remote, after)
            time.sleep(0.2)
            began = time.perf_counter()
            bump(store)
            result()
            took.append(time.perf_counter() - began)
        assert one.app.state.change_watch.listens == 0  # nobody waited there: no connection
        assert max(took) < 1.0, took
        remote.close()


def test_a_killed_listening_connection_falls_back_to_polling_and_listens_again(store, caplog):
    with LiveServer(store) as server:
        watch = server.app.state.change_watch
        remote = watcher(store, server.url)
        remote.wait(store.latest(), 0)
        until(lambda: watch.listening)
        caplog.set_level("INFO", "somdesk.server.changes")

        with store.engine.begin() as conn:
            killed = conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :n"),
                {"n": APPLICATION_NAME},
            ).all()
        assert len(killed) == 1
        until(lambda: not watch.listening, 5)
        # polling meanwhile: news still arrives
        result = waiting(remote, store.latest())
        time.sleep(0.1)
        bump(store)
        assert result() < 1.0
        # and it listens again by itself (the first retry is 0.5 s after the loss)
        until(lambda: watch.listening and watch.listens == 2, 5)
        result = waiting(remote, store.latest())
        time.sleep(0.1)
        bump(store)
        assert result() < 1.0
        messages = [r.getMessage() for r in caplog.records]
        assert any("listening connection to PostgreSQL was lost" in m for m in messages)
        assert any("listening on PostgreSQL again" in m for m in messages)
        remote.close()
