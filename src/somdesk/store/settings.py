"""Small local values inside the encrypted database: per-user settings (JSON) and the profile's identity.

Neither is synced or audited: they describe how this device is used, not anyone's record.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from somdesk.domain.trend import Snapshot
from somdesk.store.engine import writing
from somdesk.store.schema import meta, oversight_snapshots, user_settings

__all__ = ["load_setting", "load_snapshots", "meta_values", "save_setting", "save_snapshot", "set_meta"]


def load_setting(engine: Engine, user: str, key: str, default: Any = None) -> Any:
    with engine.connect() as conn:
        value = conn.execute(
            select(user_settings.c.value).where(user_settings.c.user == user, user_settings.c.key == key)
        ).scalar()
    return json.loads(value) if value is not None else default


def save_setting(engine: Engine, user: str, key: str, value: Any) -> None:
    with writing(engine) as conn:
        conn.execute(delete(user_settings).where(user_settings.c.user == user, user_settings.c.key == key))
        conn.execute(insert(user_settings).values(user=user, key=key, value=json.dumps(value)))


def meta_values(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {k: v for k, v in conn.execute(select(meta.c.key, meta.c.value))}


def set_meta(engine: Engine, values: dict[str, str]) -> None:
    with writing(engine) as conn:
        conn.execute(delete(meta).where(meta.c.key.in_(list(values))))
        conn.execute(insert(meta), [{"key": k, "value": v} for k, v in values.items()])


def save_snapshot(engine: Engine, snapshot: Snapshot) -> None:
    """Keep the week's latest figures (the oversight board's trend): one row per ISO week."""
    t = oversight_snapshots
    with writing(engine) as conn:
        conn.execute(delete(t).where(t.c.week == snapshot.week))
        conn.execute(
            insert(t).values(
                week=snapshot.week,
                taken_on=snapshot.taken_on.isoformat(),
                figures=json.dumps(snapshot.figures),
            )
        )


def load_snapshots(engine: Engine) -> list[Snapshot]:
    t = oversight_snapshots
    with engine.connect() as conn:
        rows = conn.execute(select(t.c.week, t.c.taken_on, t.c.figures).order_by(t.c.week)).all()
    return [Snapshot(w, date.fromisoformat(on), json.loads(f)) for w, on, f in rows]
