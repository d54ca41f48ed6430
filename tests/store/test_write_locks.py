"""Every write to the profile holds the write lock from its BEGIN (store.engine.writing).

A deferred transaction that reads and then writes fails at once with "database is locked" if another
connection committed in between: WAL cannot move its read snapshot forward, and SQLite does not wait.
CI saw it: sync's page writer lost to the window's save, and the sync bar said "Sync problem". Here
another connection tries to write after every statement of sync's step; the step must still succeed.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event, select

from somdesk.contract.sync import ReceivedPage
from somdesk.domain.records import VISITS
from somdesk.store.profile import OpenProfile
from somdesk.store.replica import LocalSync
from somdesk.store.schema import visits


def _page(opened: OpenProfile) -> dict[str, Any]:
    """A page that updates one visit and adds another (the writer reads before it writes)."""
    with opened.engine.connect() as conn:
        visit = conn.execute(select(visits).where(visits.c.outcome == "seen").limit(1)).mappings().one()
    data = {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in visit.items() if k in VISITS.synced
    }
    later = [data, {**data, "id": str(uuid.uuid4()), "at": "2031-01-02T10:00:00"}]
    records = [{"t": "visits", "id": d["id"], "v": 9, "x": False, "d": d} for d in later]
    return {"records": records, "gone": [], "cursor": 9, "more": True}


def _other_writer(opened: OpenProfile) -> Callable[[], bool]:
    """A write from another connection on another thread, waiting at most 50 ms; whether it went in."""

    def attempt() -> bool:
        done: list[bool] = []

        def run() -> None:
            raw = opened.engine.raw_connection()
            db = raw.driver_connection
            try:
                db.execute("PRAGMA busy_timeout = 50")
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT OR REPLACE INTO somdesk_meta (key, value) VALUES ('poke', ?)",
                    (str(uuid.uuid4()),),
                )
                db.execute("COMMIT")
                done.append(True)
            except sqlcipher.OperationalError:
                done.append(False)
            finally:
                db.execute("PRAGMA busy_timeout = 5000")
                raw.close()

        thread = threading.Thread(target=run)
        thread.start()
        thread.join(10)
        return done == [True]

    return attempt


def _step(name: str, sync: LocalSync, page: dict[str, Any]) -> Callable[[], object]:
    """The step, its inputs read beforehand (outside the transaction under test)."""
    if name == "a pulled page":
        return lambda: sync.apply_page(page)  # type: ignore[arg-type]
    if name == "a manifest's cases":
        received = ReceivedPage.of(page)  # type: ignore[arg-type]
        return lambda: sync.apply_cases(received)
    kept = sorted(sync.held_cases())[1:]
    return lambda: sync.purge_absent(kept, [])


STEPS = ("a pulled page", "a manifest's cases", "a purge of cases gone from scope")


@pytest.mark.parametrize("step", sorted(STEPS))
def test_sync_s_writes_hold_against_another_writer_between_their_statements(opened: OpenProfile, step: str):
    sync = LocalSync(opened)
    run = _step(step, sync, _page(opened))
    poke = _other_writer(opened)
    went_in: list[bool] = []
    ours = threading.get_ident()

    def after(conn: Any, *_: Any) -> None:
        if threading.get_ident() == ours and conn.in_transaction() and len(went_in) < 12:
            went_in.append(poke())

    event.listen(opened.engine, "after_cursor_execute", after)
    try:
        run()  # raised "database is locked" when the step began deferred
    finally:
        event.remove(opened.engine, "after_cursor_execute", after)
    assert went_in, "the other writer was never tried inside the step"
    assert not any(went_in), "another connection wrote inside sync's transaction"
