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


def test_a_page_says_which_offenders_cases_it_changed(opened: OpenProfile):
    """The window evaluates only those again (Session.refreshed): an offender's own record, the holder of
    any other record, the earlier holder of a row moved to another offender, and those gone from scope.
    A record of no offender (an officer) means everything is read again."""
    with opened.engine.connect() as conn:
        visit = conn.execute(select(visits).limit(1)).mappings().one()
        others = [r for (r,) in conn.exec_driver_sql("SELECT id FROM nominals ORDER BY id LIMIT 4")]
    other, nominal, gone = [n for n in others if n != visit["nominal_id"]][:3]
    data = {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in visit.items() if k in VISITS.synced
    }
    moved = {"t": "visits", "id": visit["id"], "v": 99, "x": False, "d": {**data, "nominal_id": other}}
    with opened.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT * FROM nominals WHERE id = ?", (nominal,)).mappings().one()
    own = {"t": "nominals", "id": nominal, "v": 99, "x": False, "d": dict(row)}
    page = {"records": [moved, own], "gone": [gone], "cursor": 9, "more": True}
    applied = LocalSync(opened).apply_page(page)  # type: ignore[arg-type]
    assert applied.records == 2
    assert applied.touched == {visit["nominal_id"], other, nominal, gone}

    with opened.engine.connect() as conn:
        held = conn.exec_driver_sql("SELECT * FROM officers LIMIT 1").mappings().one()
    officer = {"t": "officers", "id": held["id"], "v": 99, "x": False, "d": dict(held)}
    page = {"records": [moved, officer], "gone": [], "cursor": 10, "more": True}
    assert LocalSync(opened).apply_page(page).touched is None  # type: ignore[arg-type]
