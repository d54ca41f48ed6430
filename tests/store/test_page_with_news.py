"""A page that came with a long poll's news is written as the first page pulled, with no pull of its own,
but only while it is still the page after the device's cursor and nothing was pushed in the same step."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from somdesk.contract.sync import ReceivedPage, received, woken
from somdesk.store.profile import OpenProfile
from somdesk.store.replica import CURSOR, LocalSync
from somdesk.sync.engine import SyncLoop, sync_once


def page(after: int, latest: int) -> str:
    return (
        f'{{"latest":{latest},"gone":[],"cursor":{latest},"more":false,"conflicts":[],'
        f'"policy_hash":"","scope":"","records":[]}}'
    )


class Central:
    """A central store that serves empty pages and counts the pulls; `news` answers once with a page."""

    def __init__(self, latest: int) -> None:
        self.latest = latest
        self.pulls: list[int] = []
        self.pushes = 0
        self.told = threading.Event()

    def push(self, mutations: list[dict[str, Any]], audit: list[dict[str, Any]]) -> dict[str, Any]:
        self.pushes += 1
        results = [{"id": m["id"], "status": "applied", "version": 1, "conflicts": []} for m in mutations]
        return {"results": results, "audit_seq": max((e["seq"] for e in audit), default=0)}

    def pull(self, cursor: int, limit: int) -> ReceivedPage:
        self.pulls.append(cursor)
        return received(page(cursor, self.latest))

    def news(self, after: int, timeout: float) -> tuple[int, ReceivedPage | None]:
        if self.told.is_set() or after >= self.latest:
            time.sleep(0.05)
            return after, None
        self.told.set()
        return woken(page(after, self.latest))

    def close(self) -> None:
        pass


def until(condition: Callable[[], bool], seconds: float = 10) -> None:
    """Wait for the background sync (no assertion: the test says what it expected)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def at_cursor(opened: OpenProfile, cursor: int) -> LocalSync:
    local = LocalSync(opened)
    local.set(CURSOR, str(cursor))
    while local.pending():  # the fixture's own records wait to go: sent, so a step pushes nothing
        sync_once(local, Central(cursor))  # type: ignore[arg-type]
    local.set(CURSOR, str(cursor))
    return local


def test_the_page_that_came_with_news_is_written_without_a_pull(opened: OpenProfile):
    local = at_cursor(opened, 7)
    central = Central(9)
    sync_once(local, central, with_news=(7, received(page(7, 9))))  # type: ignore[arg-type]
    assert central.pulls == []
    assert local.cursor() == 9


def test_a_page_after_another_cursor_is_not_taken(opened: OpenProfile):
    """The worker pulled meanwhile (a minute's pull, a nudge): the page is no longer the one after the
    cursor, so writing it would skip or repeat changes."""
    local = at_cursor(opened, 8)
    central = Central(9)
    sync_once(local, central, with_news=(7, received(page(7, 9))))  # type: ignore[arg-type]
    assert central.pulls == [8]
    assert local.cursor() == 9


def test_a_step_that_pushed_pulls_again(opened: OpenProfile):
    """What the device pushed may change what the page should hold (its own changes' versions, a
    conflict found): the page that came before the push is not taken."""
    local = at_cursor(opened, 7)
    central = Central(9)
    assert local.pending() == 0
    with opened.engine.connect() as conn:
        nominal = conn.exec_driver_sql("SELECT id FROM nominals LIMIT 1").scalar_one()
    with opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(nominal, {"plan_rationale": "changed here"})
    sync_once(local, central, with_news=(7, received(page(7, 9))))  # type: ignore[arg-type]
    assert central.pushes == 1
    assert central.pulls == [7]


def test_the_background_sync_writes_the_page_its_long_poll_brought(opened: OpenProfile):
    local = at_cursor(opened, 7)
    central = Central(9)
    changed = threading.Event()
    loop = SyncLoop(local, central, lambda _s: None, lambda _r: changed.set(), every=600)  # type: ignore[arg-type]
    central.latest = 7  # the first step finds nothing new
    loop.start()
    try:
        until(lambda: bool(central.pulls))  # the worker's first step has pulled
        central.latest = 9  # now the long poll hears news, with its page
        assert central.told.wait(10)
        until(lambda: local.cursor() == 9)
    finally:
        loop.stop()
    assert local.cursor() == 9
    assert central.pulls == [7], "the page that came with the news was pulled again"


class Restored(Central):
    """A central store restored to an earlier point: its latest change is behind the device's cursor, and
    a long poll says so at once (server/changes.py)."""

    def news(self, after: int, timeout: float) -> tuple[int, ReceivedPage | None]:
        time.sleep(0.05)
        return self.latest, None


def test_a_long_poll_answering_a_latest_behind_the_cursor_wakes_the_worker_to_pull(opened: OpenProfile):
    """The worker's pull takes the restored store's change number at once, not at the minute's pull."""
    local = at_cursor(opened, 20)
    central = Restored(20)
    loop = SyncLoop(local, central, lambda _s: None, lambda _r: None, every=600)  # type: ignore[arg-type]
    loop.start()
    try:
        until(lambda: bool(central.pulls))  # the first step: nothing new
        central.latest = 9  # restored
        until(lambda: local.cursor() == 9)
    finally:
        loop.stop()
    assert local.cursor() == 9
    assert central.pulls[:2] == [20, 20]
