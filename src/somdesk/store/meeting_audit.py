"""The chair's meeting audit, kept on the meeting's record (records.MEETINGS, the audit_* fields):
values <-> domain, and the reads (one meeting's audit; every meeting held here with its audit)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from somdesk.domain.meeting_audit import MeetingAudit
from somdesk.domain.meetings import Meeting
from somdesk.store.panel import meeting_from_row
from somdesk.store.schema import meetings

__all__ = ["audit_from_row", "audit_values", "audited_meetings", "meeting_audit"]


def audit_values(a: MeetingAudit | None) -> dict[str, Any]:
    """An audit as the meeting's record stores and syncs it (None: no audit recorded)."""
    if a is None:
        return {
            "audit_on": None, "audit_quorate": None, "audit_absent": "[]", "audit_confidentiality": None,
            "audit_victims": None, "audit_diversity": None, "audit_summary": "",
        }  # fmt: skip
    return {
        "audit_on": a.recorded_on,
        "audit_quorate": a.quorate,
        "audit_absent": json.dumps(list(a.absent_without_apology)),
        "audit_confidentiality": a.confidentiality_read,
        "audit_victims": a.victim_issues,
        "audit_diversity": a.diversity,
        "audit_summary": a.summary,
    }


def audit_from_row(r: Any) -> MeetingAudit | None:
    if r.audit_on is None:
        return None
    return MeetingAudit(
        r.audit_on,
        bool(r.audit_quorate),
        bool(r.audit_confidentiality),
        bool(r.audit_victims),
        bool(r.audit_diversity),
        r.audit_summary or "",
        tuple(json.loads(r.audit_absent or "[]")),
    )


def meeting_audit(conn: Connection, meeting_id: str) -> MeetingAudit | None:
    """One meeting's audit (None: none recorded, or no such meeting held here)."""
    row = conn.execute(
        select(meetings).where(meetings.c.id == meeting_id, meetings.c.deleted.is_(False))
    ).first()
    return audit_from_row(row) if row is not None else None


def audited_meetings(conn: Connection) -> list[tuple[Meeting, MeetingAudit | None]]:
    """Every meeting held here with its audit, latest first (the oversight figures)."""
    rows = conn.execute(
        select(meetings)
        .where(meetings.c.deleted.is_(False))
        .order_by(meetings.c.held_on.desc(), meetings.c.id)
    )
    return [(meeting_from_row(r), audit_from_row(r)) for r in rows]
