"""The two databases a restore works with (store.profile `Profile.restore`): the checked copy of the
backup before it goes into place, and the current one if it still opens. What sync.rejoin reads and
writes in them, and nothing else: the audit log only grows (inserts), as everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from somdesk.store.audit import latest_entry
from somdesk.store.backup import write_backup
from somdesk.store.engine import writing
from somdesk.store.schema import audit_log, outbox, sync_rejections
from somdesk.store.settings import meta_values, set_meta

__all__ = ["ProfileDatabase"]


class ProfileDatabase:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def meta(self) -> dict[str, str]:
        return meta_values(self._engine)

    def set_meta(self, values: dict[str, str]) -> None:
        set_meta(self._engine, values)

    def audit_hashes(self, device_id: str, after: int = 0) -> dict[int, str]:
        """The device's entries after sequence number `after`: seq -> hash."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(audit_log.c.seq, audit_log.c.hash).where(
                    audit_log.c.device_id == device_id, audit_log.c.seq > after
                )
            )
            return {int(seq): str(digest) for seq, digest in rows}

    def waiting(self) -> set[str]:
        """The ids of the changes the central store does not hold: in the outbox, and kept after it
        refused them or sync set them aside (store/kept.py)."""
        with self._engine.connect() as conn:
            return set(conn.execute(select(outbox.c.mutation_id)).scalars()) | set(
                conn.execute(select(sync_rejections.c.mutation_id)).scalars()
            )

    def append_audit(self, rows: Sequence[dict[str, Any]], values: dict[str, str], device_id: str) -> int:
        """Add entries (each with its seq) and settings in one transaction; the device's last seq."""
        with writing(self._engine) as conn:
            if rows:
                conn.execute(audit_log.insert(), list(rows))
            for key, value in values.items():
                conn.exec_driver_sql(
                    "INSERT OR REPLACE INTO somdesk_meta (key, value) VALUES (?, ?)", (key, value)
                )
            last = latest_entry(conn, device_id)
            return last[0] if last else 0

    def backup(self, keys_path: Path, destination: Path) -> None:
        destination.parent.mkdir(exist_ok=True, mode=0o700)
        write_backup(self._engine, keys_path, destination)
