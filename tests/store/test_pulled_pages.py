"""A pulled page's writer (store/pulled.py) suspends only the triggers that keep the fields it
recomputes: every other trigger on the tables it writes still fires row by row, and every trigger is
there again once the page is written."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from somdesk.domain.records import VISITS
from somdesk.store.profile import OpenProfile
from somdesk.store.replica import LocalSync
from somdesk.store.schema import visits


def _triggers(opened: OpenProfile) -> list[tuple[Any, ...]]:
    with opened.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            )
        ]


def test_a_page_leaves_other_triggers_firing_and_every_trigger_in_place(opened: OpenProfile):
    with opened.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE visits_seen_here (id TEXT)")
        conn.exec_driver_sql(
            "CREATE TRIGGER visits_counted AFTER INSERT ON visits "
            "BEGIN INSERT INTO visits_seen_here VALUES (NEW.id); END"
        )
        visit = conn.execute(select(visits).where(visits.c.outcome == "seen").limit(1)).mappings().one()
    before = _triggers(opened)
    data = {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in visit.items() if k in VISITS.synced
    }
    later = [{**data, "id": str(uuid.uuid4()), "at": f"2031-01-0{n}T10:00:00"} for n in (1, 2)]
    page = {"records": [{"t": "visits", "id": d["id"], "v": 9, "x": False, "d": d} for d in later],
            "gone": [], "cursor": 9, "more": True}  # fmt: skip
    LocalSync(opened).apply_page(page)  # type: ignore[arg-type]
    with opened.engine.connect() as conn:
        counted = conn.exec_driver_sql("SELECT count(*) FROM visits_seen_here").scalar()
        latest = conn.exec_driver_sql(
            "SELECT last_seen_visit FROM nominals WHERE id = ?", (visit["nominal_id"],)
        ).scalar()
    assert counted == 2
    assert latest == "2031-01-02"
    assert _triggers(opened) == before
