"""A long poll already waiting when its device is revoked, its account disabled or moved to another
officer answers news as a new request would: refused, or with the page of the scope the account has now.
It used to serve the page of the scope it started with (an outside review: the offender's record went to
a revoked laptop up to a minute after the revocation). One device holds a few long polls at most; a
cursor past every change is answered at once with the central store's latest."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import text

from somdesk.server.app import WAITS_PER_DEVICE
from somdesk.server.signin import set_disabled
from somdesk.sync.client import CentralStore, DeviceRevoked, SignInNeeded

from .sync_helpers import LiveServer
from .test_change_news import new_case, until, watcher

pytestmark = pytest.mark.postgres


def polling(device: CentralStore, after: int) -> Callable[[], object]:
    """The device's long poll asking for a page, in a thread; the function returns what it answered (or
    the exception it raised)."""
    got: list[object] = []

    def run() -> None:
        try:
            got.append(device.news(after, 20))
        except Exception as e:  # the test looks at which
            got.append(e)

    thread = threading.Thread(target=run)
    thread.start()

    def result() -> object:
        thread.join(25)
        assert got, "the long poll did not answer"
        return got[0]

    return result


def settled(server: LiveServer, device: CentralStore) -> None:
    device.wait(0, 0)
    until(lambda: server.app.state.change_watch.listening)


def answered(store, server: LiveServer, meanwhile: Callable[[CentralStore], object]):
    """A device of officer A's SOM long-polling for a page; `meanwhile(device)` done while it waits, then
    a new case of officer A's committed (the news it hears). What the poll answered, the cursor it asked
    from, the new case and the device."""
    device = watcher(store, server.url, "officer-a")
    settled(server, device)
    after = store.latest()
    answer = polling(device, after)
    time.sleep(0.3)
    meanwhile(device)
    case = new_case(store, "officer-a")
    return answer(), after, case, device


def test_a_device_revoked_while_waiting_is_told_so_and_given_no_page(store):
    with LiveServer(store) as server:
        got, _after, case, _device = answered(store, server, lambda d: store.revoke_device(d.device_id))
        assert isinstance(got, DeviceRevoked), got
        assert case not in repr(got)


def test_an_account_disabled_while_waiting_is_refused_its_page(store):
    with LiveServer(store) as server:
        got, *_ = answered(store, server, lambda d: set_disabled(store.engine, d._token_key, True))
        assert isinstance(got, SignInNeeded) and "disabled" in str(got), got


def test_an_account_moved_to_another_officer_while_waiting_gets_the_page_of_its_new_scope(store):
    def move(device: CentralStore) -> None:
        with store.engine.begin() as conn:
            moved = text("UPDATE users SET officer_id = 'officer-b' WHERE username = :u")
            conn.execute(moved, {"u": device._token_key})

    with LiveServer(store) as server:
        # The old officer's new case is heard by the waiting poll (its scope as it began).
        (latest, page), after, old, device = answered(store, server, move)
        assert page is not None and latest >= after
        assert old not in page.text  # not the old officer's case
        assert page.cursor == latest
        mine = new_case(store, "officer-b")
        assert mine in device.pull(after, 100).text and old not in device.pull(after, 100).text


def test_a_device_holds_a_few_long_polls_at_most(store):
    with LiveServer(store) as server:
        device = watcher(store, server.url, "officer-a")
        settled(server, device)
        headers = {"Authorization": f"Bearer {device._access}"}
        after = store.latest()
        with httpx.Client(base_url=server.url, timeout=30) as http:
            poll = f"/v1/wait?after={after}&timeout=3"
            held = [threading.Thread(target=http.get, args=(poll,), kwargs={"headers": headers})
                    for _ in range(WAITS_PER_DEVICE)]  # fmt: skip
            for t in held:
                t.start()
            until(lambda: sum(server.app.state.waiting.values()) == WAITS_PER_DEVICE)
            refused = http.get(f"/v1/wait?after={after}&timeout=3", headers=headers)
            assert refused.status_code == 429 and "several connections" in refused.text
            other = watcher(store, server.url, "officer-b")  # another device is not turned away
            assert other.wait(after, 0) == after
            for t in held:
                t.join(10)
            assert not server.app.state.waiting  # each counted out when it answered
            assert http.get(f"/v1/wait?after={after}&timeout=0", headers=headers).status_code == 200


def test_a_cursor_past_every_change_is_answered_at_once_with_the_latest(store):
    with LiveServer(store) as server:
        device = watcher(store, server.url, "officer-a")
        settled(server, device)
        latest = store.latest()
        began = time.perf_counter()
        assert device.wait(latest + 1_000_000, 20) == latest
        assert device.news(2**62, 20)[0] == latest
        assert time.perf_counter() - began < 5
