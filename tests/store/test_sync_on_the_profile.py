"""Sync's use of an open profile: two defects found while checking which threads reach the database.
A pulled page whose child came before its parent failed for ever (foreign keys were never off), and a
sync step in flight when the window locked wrote after the lock (lock() now waits for it)."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from sqlalchemy import select

from somdesk.contract.sync import ReceivedPage, received
from somdesk.domain.records import record_types
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.profile import OpenProfile, Profile
from somdesk.store.replica import LocalSync
from somdesk.store.schema import nominals, visits
from somdesk.sync.engine import SyncLoop
from tests.store.conftest import PASSPHRASE, fingerprint


def _fields(row: Any, table: str) -> dict[str, Any]:
    return {
        k: (row[k].isoformat() if hasattr(row[k], "isoformat") else row[k])
        for k in next(r for r in record_types() if r.name == table).synced
        if k in row
    }


def test_a_pulled_visit_may_come_a_page_before_its_nominal(opened: OpenProfile):
    """Pages come in change order: a case edited after its visits were recorded has its nominal on a
    later page than those visits (a new device pulling a busy force). The page must apply; if it
    fails, its cursor never moves and the device retries the same page for ever."""
    with opened.engine.connect() as conn:
        nominal = conn.execute(select(nominals).limit(1)).mappings().one()
        visit = conn.execute(select(visits).limit(1)).mappings().one()
    new_nominal = {**_fields(nominal, "nominals"), "id": str(uuid.uuid4()), "visor_ref": "SYN99999999"}
    new_visit = {**_fields(visit, "visits"), "id": str(uuid.uuid4()), "nominal_id": new_nominal["id"]}
    local = LocalSync(opened)
    pages = [
        {"records": [{"t": "visits", "id": new_visit["id"], "v": 5, "x": False, "d": new_visit}],
         "gone": [], "cursor": 5, "more": True},
        {"records": [{"t": "nominals", "id": new_nominal["id"], "v": 6, "x": False, "d": new_nominal}],
         "gone": [], "cursor": 6, "more": False, "conflicts": []},
    ]  # fmt: skip
    for page in pages:
        local.apply_page(page)
    assert local.cursor() == 6


class _Remote:
    """A central store with nothing to say: pushes are applied, the pull is one empty page."""

    def push(self, mutations: list[dict[str, Any]], audit: list[dict[str, Any]]) -> dict[str, Any]:
        results = [{"id": m["id"], "status": "applied", "version": 1, "conflicts": []} for m in mutations]
        return {"results": results, "audit_seq": max((e["seq"] for e in audit), default=0)}

    def pull(self, cursor: int, limit: int) -> ReceivedPage:
        return received('{"gone":[],"cursor":7,"more":false,"conflicts":[],"policy_hash":"","records":[]}')

    def manifest(self) -> dict[str, Any]:
        return {"latest": 7, "scope": "", "cases": [], "priority": 0, "meetings": []}

    def cases(self, ids: list[str], loose: bool) -> ReceivedPage:
        return self.pull(0, 0)

    def news(self, after: int, timeout: float) -> tuple[int, ReceivedPage | None]:
        time.sleep(0.05)
        return 0, None

    def close(self) -> None:
        pass


def test_nothing_writes_to_a_profile_after_it_is_locked(
    profile: Profile, keychain: DeviceKeychain, monkeypatch
):
    """The window's order: SyncUi.stop() (SyncLoop.stop, which joins the worker for at most 5 s), then
    OpenProfile.lock() on the database worker. A sync step still running then (a big page or a
    rescope on a slow disk, or one waiting up to busy_timeout behind the user's own save) is not
    stopped by the lock: engine.dispose() closes only connections in the pool, not the one the step
    holds, so the step commits after the profile is locked and its file lock released."""
    opened = profile.create(PASSPHRASE, "dc.test", keychain)
    inside, release = threading.Event(), threading.Event()
    write = LocalSync._write

    def slow_write(self: LocalSync, conn: Any, rows: Any) -> None:
        inside.set()
        release.wait(10)
        write(self, conn, rows)

    monkeypatch.setattr(LocalSync, "_write", slow_write)
    loop = SyncLoop(LocalSync(opened), _Remote(), lambda _s: None, lambda _r: None)  # type: ignore[arg-type]
    loop.start()
    assert inside.wait(10), "the sync worker never reached the page write"
    worker = loop._threads[0]
    threading.Timer(0.5, release.set).start()  # the step ends on its own, whatever lock() does
    loop.stop(timeout=0.2)  # the window waits 5 s; the step here simply takes longer than that
    opened.lock()  # what the window does next
    after_lock = fingerprint(profile.folder)
    worker.join(10)
    assert fingerprint(profile.folder) == after_lock, "the database changed after the profile locked"
