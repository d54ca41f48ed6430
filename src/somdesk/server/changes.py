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
import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from fastapi.concurrency import run_in_threadpool

__all__ = ["CHANNEL", "ChangeWatch", "Touched"]

CHANNEL = "somdesk_changes"  # the trigger of migration s0007 notifies it
APPLICATION_NAME = "somdesk change news"  # how the listening connection shows in pg_stat_activity
POLL_SECONDS = 0.05
FIRST_RETRY, LONGEST_RETRY = 0.5, 30.0  # seconds before listening is tried again, doubling
STEADY = 10.0  # a connection that listened this long starts the next backoff afresh
RECENT = 50_000  # rows' news kept for devices asking after a change they have not pulled
GONE_EVERY = 10.0  # seconds between looks at whether a waiting device went away
log = logging.getLogger("somdesk.server.changes")  # counts and states only


@dataclass(frozen=True)
class Touched:
    """One row a committed change wrote (migration s0009's payload): its change number, kind ("staff",
    "case" or "panel") and scope columns, where it is now or, moved, where it was."""

    version: int
    kind: str
    officer_id: str | None
    area: str | None
    level: int | None

    @staticmethod
    def parse(payload: str) -> Touched:
        version, kind, officer_id, area, level = json.loads(payload)
        return Touched(int(version), str(kind), officer_id, area, None if level is None else int(level))


Hears = Callable[[str, str | None, str | None, int | None], bool]  # Scope.hears


@dataclass(eq=False)
class _Waiter:
    after: int
    hears: Hears | None  # None: every change
    # The one officer whose case rows it may hear (a SOM's scope: it hears only those and staff rows);
    # None: any row may concern it. Only narrows which waiters a row's news is checked against.
    officer: str | None = None
    woken: asyncio.Event = field(default_factory=asyncio.Event)

    def concerns(self, touched: Touched) -> bool:
        return touched.version > self.after and (
            self.hears is None or self.hears(touched.kind, touched.officer_id, touched.area, touched.level)
        )


class ChangeWatch:
    """`read_latest`: the last committed change number (a query). `listen_to`: a libpq connection URL
    to listen on (PostgreSQL), or None to poll only.

    A waiter may say which changes it `hears` (its account's Scope.hears): while the instance listens, it
    is woken only by a change to a row in its scope, since every row a change writes is news with its
    scope columns (migration s0009). The news of the last RECENT rows is kept, so a device that asks
    after a change it has not pulled is answered at once only if that change concerns it. While polling,
    the counter says only that something changed: every waiter is woken."""

    def __init__(self, read_latest: Callable[[], int], listen_to: str | None = None) -> None:
        self._read = read_latest
        self._listen_to = listen_to
        self._latest = -1
        self._waiting: set[_Waiter] = set()
        self._anyone: set[_Waiter] = set()  # waiters any row may concern
        self._by_officer: dict[str, set[_Waiter]] = {}  # the others, by the one officer they hear
        self._recent: deque[Touched] = deque()
        self._heard_after = 2**63  # every row after this change number is in _recent (none yet)
        # The latest change to a staff row, and to each officer's case rows, among the news kept: what a
        # waiter kept under its officer asks instead of reading the kept news (a SOM's device behind
        # the force by others' changes asks every 25 s; thousands of them read thousands of rows).
        self._latest_staff = 0
        self._latest_of: dict[str, int] = {}
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.listening = False  # the listening connection is up (else: polling)
        self.listens = 0  # times a listening connection was made (tests and logs)

    @property
    def _waiters(self) -> int:
        return len(self._waiting)

    async def wait(
        self,
        after: int,
        timeout: float,
        gone: Callable[[], Awaitable[bool]],
        hears: Hears | None = None,
        officer: str | None = None,
    ) -> int:
        """The latest change number once a change after `after` that the waiter `hears` is committed;
        at the timeout (or when the device has gone away), the latest change number if it hears every
        change, else `after` (nothing new for it). `officer`: the waiter hears staff rows and that
        officer's case rows only (Scope.only_officer), so other rows' news is not checked against it."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a new event loop (tests start several): start afresh on it
            self._loop, self._task = loop, None
            self._waiting.clear()
            self._anyone.clear()
            self._by_officer.clear()
            self.listening = False
        if self._task is None or self._task.done():
            self._latest = await run_in_threadpool(self._read)
            self._task = asyncio.create_task(self._watch())
        if after > self._latest:
            # A cursor past every change this instance has heard of: news not heard yet (pushed through
            # another instance a moment ago), or a device ahead of a central store restored to an earlier
            # point. The database says which; the latest it holds is answered at once if still behind.
            self._latest = max(self._latest, await run_in_threadpool(self._read))
            if after > self._latest:
                return self._latest
        waiter = _Waiter(after, hears, officer if hears is not None else None)
        if self._latest > after and (hears is None or self._missed(waiter)):
            return self._latest
        self._add(waiter)
        try:
            # One timer, and a look at whether the device went away every GONE_EVERY seconds: a thousand
            # long polls each woken every second to ask took a third of an instance (the soak, py-spy).
            deadline = loop.time() + timeout
            while not waiter.woken.is_set():
                left = deadline - loop.time()
                if left <= 0 or await gone():
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter.woken.wait(), min(left, GONE_EVERY))
            return self._latest if waiter.woken.is_set() or hears is None else after
        finally:
            self._remove(waiter)

    def _add(self, waiter: _Waiter) -> None:
        self._waiting.add(waiter)
        if waiter.officer is None:
            self._anyone.add(waiter)
        else:
            self._by_officer.setdefault(waiter.officer, set()).add(waiter)

    def _remove(self, waiter: _Waiter) -> None:
        self._waiting.discard(waiter)
        self._anyone.discard(waiter)
        if waiter.officer is not None:
            same = self._by_officer.get(waiter.officer)
            if same is not None:
                same.discard(waiter)
                if not same:
                    del self._by_officer[waiter.officer]

    def _may_concern(self, touched: Touched) -> Iterable[_Waiter]:
        """The waiters a row's news may concern: all for a staff row, else those any row may concern and
        those of the row's officer."""
        if touched.kind == "staff":
            return self._waiting
        mine = self._by_officer.get(touched.officer_id or "", ())
        return [*self._anyone, *mine] if mine else self._anyone

    def _missed(self, waiter: _Waiter) -> bool:
        """Whether a change after the waiter's cursor may concern it: one the recent news says does,
        or one from before the news kept (or heard while polling), which cannot be told."""
        if waiter.after < self._heard_after:
            return True
        if waiter.officer is not None:
            return max(self._latest_staff, self._latest_of.get(waiter.officer, 0)) > waiter.after
        for touched in reversed(self._recent):  # in change order: only those after the cursor are read
            if touched.version <= waiter.after:
                return False
            if waiter.concerns(touched):
                return True
        return False

    def _heard(self, touched: Touched) -> None:
        """A row's news: kept, and its waiters woken."""
        if len(self._recent) >= RECENT:
            self._heard_after = max(self._heard_after, self._recent.popleft().version)
        self._recent.append(touched)
        self._latest = max(self._latest, touched.version)
        if touched.kind == "staff":
            self._latest_staff = touched.version
        elif touched.kind == "case" and touched.officer_id:
            self._latest_of[touched.officer_id] = touched.version
        for waiter in self._may_concern(touched):
            if waiter.concerns(touched):
                waiter.woken.set()

    async def _publish(self, latest: int, *, told_whose: bool = False) -> None:
        """The counter moved to `latest`. Unless the rows' news says whose changes they were
        (`told_whose`, while listening), every waiter is woken, and changes up to it cannot be told."""
        if latest <= self._latest and told_whose:
            return
        self._latest = max(self._latest, latest)
        if not told_whose:
            self._recent.clear()
            self._heard_after = self._latest
        for waiter in self._waiting:
            if waiter.after < self._latest and (not told_whose or waiter.hears is None):
                waiter.woken.set()

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
            # Anything committed before the LISTEN took hold (while polling, or before the first wait):
            # whose it was cannot be told, so it wakes everyone; news after it does say.
            await self._publish(await run_in_threadpool(self._read))
            self.listening = True
            self.listens += 1
            if self.listens > 1:
                log.info("change news: listening on PostgreSQL again; polling stopped")
            # until the connection fails (TCP keepalives notice a dead peer)
            async for note in conn.notifies():
                if note.payload.startswith("["):  # a row's news (s0009)
                    with contextlib.suppress(ValueError, TypeError):
                        self._heard(Touched.parse(note.payload))
                else:  # the counter's (s0007): after its transaction's rows, in commit order
                    with contextlib.suppress(ValueError):
                        await self._publish(int(note.payload), told_whose=True)
