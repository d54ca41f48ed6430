"""The audit log required by the Data Protection Act 2018, s.62.

Every collection, alteration, consultation, disclosure (with recipient), combination and erasure is
logged with who, when, which record, the justification (where policy requires one) and the device.
Each entry carries the hash of this device's previous entry, so an entry altered, removed or
inserted behind the application's back breaks the chain; `verify` names the first broken entry.
The database refuses UPDATE and DELETE on the table (triggers in the first migration).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, select

from somdesk.store.ids import new_id
from somdesk.store.schema import audit_log

__all__ = ["GENESIS", "Action", "AuditEntry", "AuditWriter", "ChainBreak", "verify"]

GENESIS = "0" * 64


class Action(Enum):
    COLLECTION = "collection"
    ALTERATION = "alteration"
    CONSULTATION = "consultation"
    DISCLOSURE = "disclosure"
    COMBINATION = "combination"
    ERASURE = "erasure"


NEEDS_JUSTIFICATION = (Action.CONSULTATION, Action.DISCLOSURE)


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: datetime
    device_id: str
    user: str
    action: str
    table_name: str
    record_id: str
    justification: str
    recipient: str
    detail: str
    prev_hash: str

    def digest(self) -> str:
        fields = [
            self.id,
            self.at.isoformat(),
            self.device_id,
            self.user,
            self.action,
            self.table_name,
            self.record_id,
            self.justification,
            self.recipient,
            self.detail,
            self.prev_hash,
        ]
        return hashlib.sha256(json.dumps(fields, separators=(",", ":")).encode("utf-8")).hexdigest()

    def row(self) -> dict[str, Any]:
        return {**self.__dict__, "hash": self.digest()}


class AuditWriter:
    """Appends entries for one device inside the caller's transaction, continuing its chain."""

    def __init__(self, conn: Connection, device_id: str, user: str, justification_required: bool) -> None:
        self.conn = conn
        self.device_id = device_id
        self.user = user
        self.justification_required = justification_required
        last = conn.execute(
            select(audit_log.c.hash)
            .where(audit_log.c.device_id == device_id)
            .order_by(audit_log.c.seq.desc())
            .limit(1)
        ).scalar()
        self.last_hash: str = last or GENESIS
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
            self.user,
            action.value,
            table_name,
            record_id,
            justification,
            recipient,
            detail,
            self.last_hash,
        )
        row = e.row()
        self.last_hash = row["hash"]
        self.pending.append(row)

    def flush(self) -> None:
        if self.pending:
            self.conn.execute(audit_log.insert(), self.pending)
            self.pending = []


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    device_id: str
    reason: str

    def __str__(self) -> str:
        return f"audit entry {self.seq} (device {self.device_id}): {self.reason}"


def verify(rows: Iterable[Any], heads: dict[str, str] | None = None) -> tuple[int, ChainBreak | None]:
    """Check every device's chain in log order. Returns (entries checked, first break or None).

    `heads` continues chains already checked (device id -> hash of its last entry); the central
    store passes what it holds so each pushed batch is checked against it."""
    last: dict[str, str] = dict(heads or {})
    checked = 0
    for r in rows:
        checked += 1
        e = AuditEntry(
            r.id,
            r.at,
            r.device_id,
            r.user,
            r.action,
            r.table_name,
            r.record_id,
            r.justification,
            r.recipient,
            r.detail,
            r.prev_hash,
        )
        expected_prev = last.get(r.device_id, GENESIS)
        if r.prev_hash != expected_prev:
            return checked, ChainBreak(
                r.seq,
                r.device_id,
                "does not follow the previous entry of its device "
                "(an entry before it was removed, inserted or altered)",
            )
        if e.digest() != r.hash:
            return checked, ChainBreak(r.seq, r.device_id, "its content does not match its hash (altered)")
        last[r.device_id] = r.hash
    return checked, None
