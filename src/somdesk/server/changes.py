"""Telling waiting devices that the central store changed, whichever instance committed the change.

On PostgreSQL each instance holds one listening connection (LISTEN somdesk_changes): a trigger on the
change counter's row (migration s0007) sends the new change number with NOTIFY, which PostgreSQL
delivers when the transaction commits, to every instance at once. A thousand waiting laptops cost one
idle connection and no queries. While that connection is down (PostgreSQL restarted, the connection
killed, a network fault), the instance polls the change counter every 50 ms as before, and tries to
listen again after 0.5 s, 1 s, 2 s ... at most 30 s apart, saying so in its log. On SQLite (the demo
store, one instance) it only polls, and only while someone waits.

Instances stay stateless: news comes from the database, never from another instance.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool

__all__ = ["CHANNEL", "ChangeWatch"]

CHANNEL = "somdesk_changes"  # the trigger of migration s0007 notifies it
APPLICATION_NAME = "somdesk change news"  # how the listening connection shows in pg_stat_activity
POLL_SECONDS = 0.05
FIRST_RETRY, LONGEST_RETRY = 0.5, 30.0  # seconds before listening is tried again, doubling
STEADY = 10.0  # a connection that listened this long starts the next backoff afresh
log = logging.getLogger("somdesk.server.changes")  # counts and states only


class ChangeWatch:
    """`read_latest`: the last committed change number (a query). `listen_to`: a libpq connection URL
    to listen on (PostgreSQL), or None to poll only."""

    def __init__(self, read_latest: Callable[[], int], listen_to: str | None = None) -> None:
        self._read = read_latest
        self._listen_to = listen_to
        self._latest = -1
        self._waiters = 0
        self._changed: asyncio.Condition | None = None
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.listening = False  # the listening connection is up (else: polling)
        self.listens = 0  # times a listening connection was made (tests and logs)

    async def wait(self, after: int, timeout: float, gone: Callable[[], Awaitable[bool]]) -> int:
        """The latest change number once it passes `after` (or at the timeout, or when the device
        has gone away)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a new event loop (tests start several): start afresh on it
            self._loop, self._changed, self._task = loop, asyncio.Condition(), None
            self.listening = False
        assert self._changed is not None
        if self._task is None or self._task.done():
            self._latest = await run_in_threadpool(self._read)
            self._task = asyncio.create_task(self._watch())
        self._waiters += 1
        try:
            deadline = loop.time() + timeout
            async with self._changed:
                while self._latest <= after:
                    left = deadline - loop.time()
                    if left <= 0 or await gone():
                        break
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._changed.wait(), min(left, 1.0))
            return self._latest
        finally:
            self._waiters -= 1

    async def _publish(self, latest: int) -> None:
        if latest != self._latest:
            self._latest = latest
            assert self._changed is not None
            async with self._changed:
                self._changed.notify_all()

    async def _watch(self) -> None:
        """Listens while it can, polls while it cannot. Without PostgreSQL: polls while anyone waits,
        then stops (the next wait starts it again)."""
        if self._listen_to is None:
            while self._waiters > 0:
                await self._poll_once()
            return
        retry = FIRST_RETRY
        while True:
            began = time.monotonic()
            try:
                await self._listen(self._listen_to)
            except Exception as e:  # refused, terminated, unreachable: poll until the next try
                reason = type(e).__name__
            else:
                reason = "closed"
            up = time.monotonic() - began
            if self.listening:
                self.listening = False
                if up >= STEADY:
                    retry = FIRST_RETRY
                log.warning(
                    "change news: the listening connection to PostgreSQL was lost (%s) after %.0f s; polling "
                    "every %d ms, listening again in %.1f s", reason, up, POLL_SECONDS * 1000, retry,
                )  # fmt: skip
            else:
                log.warning(
                    "change news: could not listen on PostgreSQL (%s); polling every %d ms, trying again "
                    "in %.1f s", reason, POLL_SECONDS * 1000, retry,
                )  # fmt: skip
            until = time.monotonic() + retry
            while time.monotonic() < until:
                if self._waiters > 0:
                    await self._poll_once()
                else:
                    await asyncio.sleep(POLL_SECONDS)
            retry = min(retry * 2, LONGEST_RETRY)

    async def _poll_once(self) -> None:
        await asyncio.sleep(POLL_SECONDS)
        try:
            latest = await run_in_threadpool(self._read)
        except Exception:  # the database is unreachable for a moment: waiters time out normally
            return
        await self._publish(latest)

    async def _listen(self, url: str) -> None:
        """One listening connection, until it fails."""
        import psycopg  # PostgreSQL's driver: only a PostgreSQL central store gets here

        keepalive: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
                                     "keepalives_count": 3}  # fmt: skip
        conn = await psycopg.AsyncConnection.connect(
            url, autocommit=True, connect_timeout=5, application_name=APPLICATION_NAME, **keepalive
        )
        async with conn:
            await conn.execute(f"LISTEN {CHANNEL}")
            # Anything committed before the LISTEN took hold (while polling, or before the first wait).
            await self._publish(await run_in_threadpool(self._read))
            self.listening = True
            self.listens += 1
            if self.listens > 1:
                log.info("change news: listening on PostgreSQL again; polling stopped")
            # until the connection fails (TCP keepalives notice a dead peer)
            async for note in conn.notifies():
                with contextlib.suppress(ValueError):
                    latest = int(note.payload)
                    if latest > self._latest:  # delivered in commit order; never go back
                        await self._publish(latest)
