"""Warrant decisions and failed entry (domain/warrants.py): rows <-> WarrantDecision, and the reads the
queues and the record need: each person's unsuccessful attempts since the last seen visit, and the
decisions held."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from somdesk.domain.model import RecordedVisit, VisitOutcome
from somdesk.domain.warrants import (
    UNSUCCESSFUL,
    WarrantDecision,
    attempts_since_seen,
    decision_from_values,
    last_seen_at,
)
from somdesk.store.mapping import visit_from_row
from somdesk.store.schema import nominals, visits, warrant_decisions

__all__ = ["all_attempts", "all_decisions", "attempts_for", "decision_from_row", "decision_values"]

_FAILED = sorted(o.value for o in UNSUCCESSFUL)


def decision_values(d: WarrantDecision) -> dict[str, Any]:
    """A decision's fields as the record stores and syncs them (its id and the person aside)."""
    return {
        "decided_on": d.decided_on,
        "apply": d.apply,
        "reason": d.reason.strip(),
        "decided_by": d.decided_by.strip(),
        "attempts": json.dumps(list(d.attempts)),
    }


def decision_from_row(r: Any) -> WarrantDecision:
    return decision_from_values(r._mapping, r.id)


def all_decisions(
    conn: Connection, nominal_id: str | None = None, ids: Collection[str] | None = None
) -> dict[str, list[WarrantDecision]]:
    """The decisions held (or one person's), by the person's id, oldest first."""
    where: list[ColumnElement[bool]] = [warrant_decisions.c.deleted.is_(False)]
    if nominal_id is not None:
        where.append(warrant_decisions.c.nominal_id == nominal_id)
    if ids is not None:
        where.append(warrant_decisions.c.nominal_id.in_(sorted(ids)))
    out: dict[str, list[WarrantDecision]] = defaultdict(list)
    rows = conn.execute(
        select(warrant_decisions)
        .where(*where)
        .order_by(warrant_decisions.c.decided_on, warrant_decisions.c.id)
    )
    for r in rows:
        out[r.nominal_id].append(decision_from_row(r))
    return dict(out)


def all_attempts(
    conn: Connection, nominal_id: str | None = None, ids: Collection[str] | None = None
) -> dict[str, tuple[RecordedVisit, ...]]:
    """Each person's unsuccessful attempts (no reply, refused entry) after their last seen visit (by
    date and time: domain.warrants.attempts_since_seen), oldest first. Only the failed visits from the
    day last seen on are read, with the seen visits of that day (which say the time), so the queues'
    100,000 cases cost little more."""
    day_at = func.substr(visits.c.at, 1, 10)
    where: list[ColumnElement[bool]] = [
        visits.c.deleted.is_(False),
        or_(
            and_(
                visits.c.outcome.in_(_FAILED),
                or_(nominals.c.last_seen_visit.is_(None), day_at >= nominals.c.last_seen_visit),
            ),
            and_(visits.c.outcome == VisitOutcome.SEEN.value, day_at == nominals.c.last_seen_visit),
        ),
    ]
    if nominal_id is not None:
        where.append(visits.c.nominal_id == nominal_id)
    if ids is not None:
        where.append(visits.c.nominal_id.in_(sorted(ids)))
    rows = conn.execute(select(visits).join(nominals, nominals.c.id == visits.c.nominal_id).where(*where))
    by: dict[str, list[RecordedVisit]] = defaultdict(list)
    for r in rows:
        v = visit_from_row(r, RecordedVisit, id=r.id)
        assert isinstance(v, RecordedVisit)
        by[r.nominal_id].append(v)
    found = {nid: attempts_since_seen(vs, last_seen_at(vs)) for nid, vs in by.items()}
    return {nid: tried for nid, tried in found.items() if tried}


def attempts_for(conn: Connection, nominal_id: str) -> tuple[RecordedVisit, ...]:
    return all_attempts(conn, nominal_id).get(nominal_id, ())
