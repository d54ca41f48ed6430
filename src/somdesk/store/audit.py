"""The audit log required by the Data Protection Act 2018, s.62.

Every collection, alteration, consultation, disclosure (with recipient), combination and erasure is
logged with who, when, which record, the justification (where policy requires one) and the device.
Each entry carries the hash of this device's previous entry, so an entry altered, removed or
inserted behind the application's back breaks the chain; `verify` names the first broken entry.
The database refuses UPDATE and DELETE on the table (triggers in the first migration).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, literal, select

from somdesk.domain.audit import (
    GENESIS,
    NEEDS_JUSTIFICATION,
    Action,
    AuditEntry,
    ChainBreak,
    made_storable,
    verify,
)
from somdesk.store.ids import new_id
from somdesk.store.schema import audit_log

__all__ = ["GENESIS", "Action", "AuditEntry", "AuditWriter", "ChainBreak", "latest_entry", "verify"]


def latest_entry(conn: Connection, device_id: str) -> tuple[int, str] | None:
    """The device's latest entry (seq, hash), or None. Read backwards along the table's key, stopping
    at the first of the device's entries: the last row, as a profile's log holds only its own device's
    entries (so no index on device_id, one page fewer written by every unit of work).

    LIMIT 1 is written into the statement, not bound: SQLCipher's SQLite (3.53) lets a bound LIMIT
    choose the plan, so it compiles a statement with `LIMIT ?` again at every run (docs/PERFORMANCE.md,
    "Statements compiled again"); this runs at the start of every unit of work."""
    row = conn.execute(
        select(audit_log.c.seq, audit_log.c.hash)
        .where(audit_log.c.device_id == device_id)
        .order_by(audit_log.c.seq.desc())
        .limit(literal(1, literal_execute=True))
    ).first()
    return (int(row.seq), str(row.hash)) if row else None


class AuditWriter:
    """Appends entries for one device inside the caller's transaction, continuing its chain."""

    def __init__(self, conn: Connection, device_id: str, user: str, justification_required: bool) -> None:
        self.conn = conn
        self.device_id = device_id
        self.user = user
        self.justification_required = justification_required
        last = latest_entry(conn, device_id)
        self.last_hash: str = last[1] if last else GENESIS
        self.pending: list[dict[str, Any]] = []

    def entry(
        self,
        action: Action,
        table_name: str,
        record_id: str,
        at: datetime,
        justification: str = "",
        recipient: str = "",
        detail: str = "",
    ) -> None:
        if self.justification_required and action in NEEDS_JUSTIFICATION and not justification.strip():
            raise ValueError(f"a justification is required to log {action.value} of {table_name} {record_id}")
        if action is Action.DISCLOSURE and not recipient.strip():
            raise ValueError("a disclosure must name its recipient")
        e = AuditEntry(
            new_id(),
            at,
            self.device_id,
            made_storable(self.user),
            action.value,
            made_storable(table_name),
            made_storable(record_id),
            made_storable(justification),
            made_storable(recipient),
            made_storable(detail),
            self.last_hash,
        )
        row = e.row()
        self.last_hash = row["hash"]
        self.pending.append(row)

    def flush(self) -> None:
        if self.pending:
            self.conn.execute(audit_log.insert(), self.pending)
            self.pending = []
