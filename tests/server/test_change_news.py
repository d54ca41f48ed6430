"""Change news from PostgreSQL: triggers on the change counter and on the records NOTIFY on commit (the
change number; each row written, with its scope columns), each instance listens on one connection and
wakes the long polls whose scope a change touches; while that connection is down the instance polls and
wakes every long poll, and it listens again by itself."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import text

from somdesk.server.changes import APPLICATION_NAME, CHANNEL, Touched
from somdesk.server.store import ServerStore
from somdesk.sync.client import CentralStore, MemoryTokens, VersionMismatch

from .sync_helpers import LiveServer

pytestmark = pytest.mark.postgres
PASSWORD = "a long enough password"


def bump(store: ServerStore, officer_id: str | None = None, case: str | None = None) -> int:
    """A committed change as a push writes it: a row of the records table under the next change number,
    then the counter's row. With `officer_id`, the row of `case` (a new case if None) held by that
    officer (a case already there moves to them: a reallocation); without, a new team, which every
    account holds. Returns the change number."""
    with store.engine.begin() as conn:
        seq = int(conn.execute(text("SELECT seq + 1 FROM change_counter FOR UPDATE")).scalar_one())
        if case is not None:
            conn.execute(
                text("UPDATE records SET officer_id = :o, version = :v WHERE id = :id"),
                {"o": officer_id, "v": seq, "id": case},
            )
        else:
            table, nominal = ("nominals", str(uuid.uuid4())) if officer_id else ("teams", None)
            conn.execute(
                text(
                    "INSERT INTO records (id, table_name, nominal_id, officer_id, area, mappa_level, data, "
                    "field_meta, version, deleted) "
                    "VALUES (:id, :t, :n, :o, 'Northtown', 1, '{}', '{}', :v, false)"
                ),
                {"id": nominal or str(uuid.uuid4()), "t": table, "n": nominal, "o": officer_id, "v": seq},
            )
        conn.execute(text("UPDATE change_counter SET seq = :v"), {"v": seq})
    return seq


def new_case(store: ServerStore, officer_id: str) -> str:
    """A case of that officer's, committed; its id."""
    seq = bump(store, officer_id)
    with store.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM records WHERE version = :v"), {"v": seq}).scalar_one())


def watcher(store: ServerStore, url: str, officer_id: str | None = None) -> CentralStore:
    """A signed-in device: a SOM's managing `officer_id`'s caseload, else a supervisor of no team."""
    name = f"w{uuid.uuid4().hex[:8]}"
    if officer_id:
        store.add_user(name, "Watcher", "som", PASSWORD, officer_id=officer_id)
    else:
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
        notes = list(listener.notifies(timeout=2, stop_after=2))
        assert [(n.channel, n.payload) for n in notes] == [
            (CHANNEL, f'[{seq}, "staff", null, "Northtown", 1]'),  # the row, with its scope columns
            (CHANNEL, str(seq)),  # then the counter
        ]


def test_a_row_s_news_names_its_scope_and_where_it_was_before_a_move(store):
    case = new_case(store, "officer-a")
    with psycopg.connect(store.listen_url() or "", autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        seq = bump(store, "officer-b", case)
        notes = [n.payload for n in listener.notifies(timeout=2, stop_after=3)]
    assert notes == [
        f'[{seq}, "case", "officer-b", "Northtown", 1]',  # where it is now
        f'[{seq}, "case", "officer-a", "Northtown", 1]',  # where it was: officer A's devices hear it too
        str(seq),
    ]
    assert Touched.parse(notes[1]) == Touched(seq, "case", "officer-a", "Northtown", 1)


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
                # This test's database only: other tests' instances listen on the same cluster meanwhile.
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :n AND datname = current_database()"
                ),
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


def long_poll(remote: CentralStore, after: int, timeout: float) -> Callable[[], tuple[int, float]]:
    """A long poll in a thread; the function returns its answer and the seconds it waited."""
    got: list[tuple[int, float]] = []

    def run() -> None:
        began = time.perf_counter()
        answer = remote.wait(after, timeout)
        got.append((answer, time.perf_counter() - began))

    thread = threading.Thread(target=run)
    thread.start()

    def result() -> tuple[int, float]:
        thread.join(timeout + 10)
        assert got, "the long poll did not answer"
        return got[0]

    return result


def staff_rows(store: ServerStore, team: str, officers: dict[str, str]) -> None:
    """A team in Northtown and officers of it (id: team), committed as one change."""
    with store.engine.begin() as conn:
        seq = int(conn.execute(text("SELECT seq + 1 FROM change_counter FOR UPDATE")).scalar_one())
        rows = [(team, "teams", '{"area": "Northtown"}')]
        rows += [(officer, "officers", f'{{"team_id": "{of}"}}') for officer, of in officers.items()]
        for rid, table, data in rows:
            conn.execute(
                text(
                    "INSERT INTO records (id, table_name, data, field_meta, version, deleted) "
                    "VALUES (:id, :t, :d, '{}', :v, false)"
                ),
                {"id": rid, "t": table, "d": data, "v": seq},
            )
        conn.execute(text("UPDATE change_counter SET seq = :v"), {"v": seq})


def test_a_change_wakes_only_the_devices_whose_scope_it_touches_on_any_instance(store):
    """Before, each push woke every waiting device in the force, and each pulled an empty page."""
    staff_rows(store, "team-1", {"officer-a": "team-1", "officer-c": "team-2"})
    with LiveServer(store) as one, LiveServer(store) as two:
        a = watcher(store, one.url, "officer-a")
        b = watcher(store, two.url, "officer-b")
        name = f"s{uuid.uuid4().hex[:8]}"
        store.add_user(name, "Supervisor", "supervisor", PASSWORD, team_ids=("team-1",))
        supervisor = CentralStore(two.url, str(uuid.uuid4()), MemoryTokens(), name)
        supervisor.login(name, PASSWORD, name, key_mode="passphrase")
        devices = (a, b, supervisor)
        for device in devices:
            device.wait(store.latest(), 0)
        until(lambda: one.app.state.change_watch.listening and two.app.state.change_watch.listening)

        def polls(after: int, timeout: float) -> list[Callable[[], tuple[int, float]]]:
            started = [long_poll(device, after, timeout) for device in devices]
            time.sleep(0.3)  # all three waiting
            return started

        # Officer A's new case: A and A's team's supervisor hear it at once; B's poll runs to its end.
        after = store.latest()
        waits = polls(after, 6)
        seq = bump(store, "officer-a")
        (to_a, a_took), (to_b, _), (to_supervisor, s_took) = (w() for w in waits)
        assert (to_a, to_supervisor, to_b) == (seq, seq, after)
        assert max(a_took, s_took) < 5  # woken, not timed out
        # Asked again from the same cursor: A and the supervisor at once, B waits (nothing for it).
        waits = polls(after, 2)
        assert [w()[0] for w in waits] == [seq, after, seq]

        # The case moves to officer B: both officers' devices hear it (B gets it, A loses it).
        case = new_case(store, "officer-a")
        after = store.latest()
        waits = polls(after, 6)
        seq = bump(store, "officer-b", case)
        assert [w()[0] for w in waits] == [seq, seq, seq]

        # Officer C's case (another team): nobody here hears it; a team's change: everybody does.
        after = store.latest()
        waits = polls(after, 2)
        bump(store, "officer-c")
        assert [w()[0] for w in waits] == [after, after, after]
        after = store.latest()
        waits = polls(after, 6)
        seq = bump(store)
        assert [w()[0] for w in waits] == [seq, seq, seq]
        for device in devices:
            device.close()


def test_news_asked_with_a_page_is_the_page_a_pull_serves_with_the_news_first(store):
    """A device asks for the first page with the news: it writes it with no pull of its own (one round
    trip less between a change saved and shown on another laptop, one request less per woken device)."""
    with LiveServer(store) as server:
        device = watcher(store, server.url, "officer-a")
        after = store.latest()
        cases = [new_case(store, "officer-a") for _ in range(3)]  # three changes: a page of two, and more
        latest, page = device.news(after, 10, page=2)
        assert latest == store.latest() and page is not None
        pulled = device.pull(after, 2)
        assert page.text == f'{{"latest":{latest},' + pulled.text[1:]
        assert page.more and page.cursor == pulled.cursor and page.latest == latest
        assert cases[0] in page.text and cases[2] not in page.text
        # asked without a page, the answer is the news alone
        assert device.news(after, 0, page=0) == (latest, None)
        assert device.wait(after, 0) == latest
        # nothing new: no page either
        assert device.news(latest, 0) == (latest, None)
        device.close()


def test_a_page_with_news_for_another_schema_is_refused_before_waiting(store):
    with LiveServer(store) as server:
        device = watcher(store, server.url, "officer-a")
        device.schema = "0000_not_this_one"
        began = time.perf_counter()
        with pytest.raises(VersionMismatch):
            device.news(store.latest(), 10)
        assert time.perf_counter() - began < 5
        assert device.news(store.latest(), 0, page=0)[1] is None  # news alone needs no versions
        device.close()


def test_a_page_with_news_holds_only_the_scope_s_records(store):
    """Officer B's device hears a team's change (every account holds teams) while officer A's new case
    is in the same page's range: the page holds the team, never A's case."""
    with LiveServer(store) as server:
        device = watcher(store, server.url, "officer-b")
        device.wait(store.latest(), 0)
        until(lambda: server.app.state.change_watch.listening)
        after = store.latest()
        theirs = new_case(store, "officer-a")
        got: list[tuple[int, object]] = []
        thread = threading.Thread(target=lambda: got.append(device.news(after, 10)))
        thread.start()
        time.sleep(0.3)
        team = bump(store)
        thread.join(15)
        latest, page = got[0]
        assert latest == team and page is not None
        assert theirs not in page.text and '"t":"teams"' in page.text
        device.close()
