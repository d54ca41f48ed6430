"""Telling waiting devices that the central store changed: one poll of the change counter per instance,
however many devices wait, so a thousand connected laptops cost one small query every 50 ms.

Polling the database rather than signalling inside the process keeps instances stateless: behind a
load balancer each one sees every change, whichever instance committed it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from fastapi.concurrency import run_in_threadpool

__all__ = ["ChangeWatch"]

POLL_SECONDS = 0.05


class ChangeWatch:
    def __init__(self, read_latest: Callable[[], int]) -> None:
        self._read = read_latest
        self._latest = -1
        self._waiters = 0
        self._changed: asyncio.Condition | None = None
        self._poller: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def wait(self, after: int, timeout: float, gone: Callable[[], Awaitable[bool]]) -> int:
        """The latest change number once it passes `after` (or at the timeout, or when the device
        has gone away)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a new event loop (tests start several): start afresh on it
            self._loop, self._changed, self._poller = loop, asyncio.Condition(), None
        assert self._changed is not None
        if self._poller is None or self._poller.done():
            self._latest = await run_in_threadpool(self._read)
            self._poller = asyncio.create_task(self._poll())
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

    async def _poll(self) -> None:
        """Runs while anyone waits; stops itself when nobody does."""
        assert self._changed is not None
        while self._waiters > 0:
            await asyncio.sleep(POLL_SECONDS)
            try:
                latest = await run_in_threadpool(self._read)
            except Exception:  # the database is unreachable for a moment: waiters time out normally
                continue
            if latest != self._latest:
                self._latest = latest
                async with self._changed:
                    self._changed.notify_all()
