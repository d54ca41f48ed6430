"""MAPPA meetings, panel decisions and panel actions: rows <-> domain objects, and the reads the
session needs (a meeting, the chair's meetings, a case's decisions and actions, open actions)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import time
from typing import Any

from sqlalchemy import Connection, select

from somdesk.domain.meeting_audit import MeetingAudit
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.store.schema import meetings, nominals, panel_actions, panel_decisions

__all__ = [
    "PanelReader",
    "action_from_row",
    "action_values",
    "decision_from_row",
    "decision_values",
    "meeting_from_row",
    "meeting_values",
]


def meeting_values(m: Meeting) -> dict[str, Any]:
    """A meeting's fields as the record stores and syncs them (the id aside)."""
    return {
        "area": m.area,
        "mappa_level": m.level,
        "held_on": m.held_on,
        "starts_at": m.starts_at.strftime("%H:%M") if m.starts_at is not None else None,
        "venue": m.venue,
        "chair": m.chair,
        "invited": json.dumps(list(m.invited)),
        "attending": json.dumps(list(m.attending)),
        "cases": json.dumps(list(m.cases)),
    }


def meeting_from_row(r: Any) -> Meeting:
    return Meeting(
        r.area,
        r.mappa_level,
        r.held_on,
        time.fromisoformat(r.starts_at) if r.starts_at else None,
        r.venue or "",
        r.chair or "",
        tuple(json.loads(r.invited or "[]")),
        tuple(json.loads(r.attending or "[]")),
        tuple(json.loads(r.cases or "[]")),
        id=r.id,
    )


def decision_values(d: PanelDecision) -> dict[str, Any]:
    """A decision's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "meeting_id": d.meeting_id,
        "held_on": d.held_on,
        "level": d.level,
        "rationale": d.rationale,
        "next_review": d.next_review,
        "supervision": d.supervision,
        "monitoring": d.monitoring,
        "interventions": d.interventions,
        "victim_safety": d.victim_safety,
    }


def decision_from_row(r: Any) -> PanelDecision:
    return PanelDecision(
        r.meeting_id, r.level, r.rationale or "", r.next_review, r.supervision or "", r.monitoring or "",
        r.interventions or "", r.victim_safety or "", r.held_on, id=r.id,
    )  # fmt: skip


def action_values(a: PanelAction) -> dict[str, Any]:
    """An action's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "meeting_id": a.meeting_id,
        "what": a.what,
        "agency": a.agency,
        "owner": a.owner,
        "due_on": a.due_on,
        "status": a.status.value,
        "done_on": a.done_on,
    }


def action_from_row(r: Any) -> PanelAction:
    return PanelAction(
        r.meeting_id, r.what or "", r.agency, r.owner, r.due_on, ActionStatus(r.status), r.done_on, id=r.id
    )


class PanelReader:
    """Reads of meetings, decisions and actions in the caller's connection (and transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def audit(self, meeting_id: str) -> MeetingAudit | None:
        """A meeting's audit (store/meeting_audit.py), None while none is recorded."""
        from somdesk.store.meeting_audit import meeting_audit  # it reads meetings as this module does

        return meeting_audit(self.conn, meeting_id)

    def audited_meetings(self) -> list[tuple[Meeting, MeetingAudit | None]]:
        """Every meeting held here with its audit, if recorded."""
        from somdesk.store.meeting_audit import audited_meetings

        return audited_meetings(self.conn)

    def meetings(self) -> list[Meeting]:
        """Every meeting held here (a chair's panel's), latest first."""
        rows = self.conn.execute(
            select(meetings)
            .where(meetings.c.deleted.is_(False))
            .order_by(meetings.c.held_on.desc(), meetings.c.id)
        )
        return [meeting_from_row(r) for r in rows]

    def meeting(self, meeting_id: str) -> Meeting | None:
        row = self.conn.execute(
            select(meetings).where(meetings.c.id == meeting_id, meetings.c.deleted.is_(False))
        ).first()
        return meeting_from_row(row) if row is not None else None

    def heard_at(self, meeting_id: str) -> dict[str, tuple[str, str]]:
        """The cases with a decision or an action recorded at the meeting: id -> (the case's name,
        what was recorded), for the rule that a meeting on the record keeps its cases."""
        out: dict[str, tuple[str, str]] = {}
        for table, what in ((panel_actions, "action recorded"), (panel_decisions, "decision recorded")):
            rows = self.conn.execute(
                select(table.c.nominal_id, nominals.c.family_name, nominals.c.given_names)
                .join(nominals, nominals.c.id == table.c.nominal_id)
                .where(table.c.meeting_id == meeting_id, table.c.deleted.is_(False))
            )
            for r in rows:
                out[r.nominal_id] = (f"{(r.family_name or '').upper()}, {r.given_names or ''}", what)
        return out

    def decisions_for(self, nominal_id: str) -> list[PanelDecision]:
        """A case's panel decisions, latest meeting first."""
        rows = self.conn.execute(
            select(panel_decisions)
            .where(panel_decisions.c.nominal_id == nominal_id, panel_decisions.c.deleted.is_(False))
            .order_by(panel_decisions.c.held_on.desc(), panel_decisions.c.id.desc())
        )
        return [decision_from_row(r) for r in rows]

    def actions_for(self, nominal_id: str) -> list[PanelAction]:
        """A case's panel actions, soonest due first."""
        rows = self.conn.execute(
            select(panel_actions)
            .where(panel_actions.c.nominal_id == nominal_id, panel_actions.c.deleted.is_(False))
            .order_by(panel_actions.c.due_on, panel_actions.c.id)
        )
        return [action_from_row(r) for r in rows]

    def open_actions(
        self, nominal_id: str | None = None, ids: Collection[str] | None = None
    ) -> dict[str, list[PanelAction]]:
        """Every open action held (or one case's), by the case's id, soonest due first (the queues)."""
        out: dict[str, list[PanelAction]] = defaultdict(list)
        where = [panel_actions.c.status == ActionStatus.OPEN.value, panel_actions.c.deleted.is_(False)]
        if nominal_id is not None:
            where.append(panel_actions.c.nominal_id == nominal_id)
        if ids is not None:
            where.append(panel_actions.c.nominal_id.in_(sorted(ids)))
        rows = self.conn.execute(
            select(panel_actions).where(*where).order_by(panel_actions.c.due_on, panel_actions.c.id)
        )
        for r in rows:
            out[r.nominal_id].append(action_from_row(r))
        return dict(out)

    def agenda_cases(self, ids: Iterable[str]) -> dict[str, tuple[str, int, str]]:
        """The cases held here among `ids`: id -> (ViSOR reference, MAPPA level, area), for the
        agenda's rules."""
        wanted = json.dumps(sorted(set(ids)))
        rows = self.conn.exec_driver_sql(
            "SELECT id, visor_ref, mappa_level, area FROM nominals WHERE deleted = 0 "
            "AND id IN (SELECT value FROM json_each(?))",
            (wanted,),
        )
        return {r[0]: (r[1], r[2], r[3] or "") for r in rows}
