"""Warrant decisions and failed entry (domain/warrants.py): rows <-> WarrantDecision, and the reads the
queues and the record need: each person's unsuccessful attempts since the last seen visit, and the
decisions held."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, select, text

from somdesk.domain.model import RecordedVisit
from somdesk.domain.warrants import (
    UNSUCCESSFUL,
    WarrantDecision,
    attempts_since_seen,
    decision_from_values,
    last_seen_at,
)
from somdesk.store.mapping import visit_from_row
from somdesk.store.schema import visits, warrant_decisions

__all__ = [
    "all_attempts",
    "all_decisions",
    "attempts_for",
    "decision_from_row",
    "decision_values",
    "latest_failures",
]

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
    conn: Connection, nominal_id: str | None = None, among: Iterable[str] | None = None
) -> dict[str, list[WarrantDecision]]:
    """The decisions held (or one person's, or those of the people `among`), by the person's id, oldest
    first."""
    where: list[ColumnElement[bool]] = [warrant_decisions.c.deleted.is_(False)]
    if nominal_id is not None:
        where.append(warrant_decisions.c.nominal_id == nominal_id)
    if among is not None:
        where.append(warrant_decisions.c.nominal_id.in_(sorted(among)))
    out: dict[str, list[WarrantDecision]] = defaultdict(list)
    rows = conn.execute(
        select(warrant_decisions)
        .where(*where)
        .order_by(warrant_decisions.c.decided_on, warrant_decisions.c.id)
    )
    for r in rows:
        out[r.nominal_id].append(decision_from_row(r))
    return dict(out)


# The people with a failed visit on or after the day last seen (by the index on visits: nominal, outcome,
# time), then their visits from that day: the failed ones and the seen ones of that day, which say the time.
# Nominals first (CROSS JOIN fixes the order), so SQLite seeks the index per person and never reads every
# visit held (a scan of 400,000 visits took most of a cold start at 100,000 people).
_ATTEMPTS_SQL = """
WITH tried(nid, seen) AS (
  SELECT n.id, coalesce(n.last_seen_visit, '') FROM nominals n
  WHERE n.deleted = 0 {among} AND EXISTS (
    SELECT 1 FROM visits f WHERE f.nominal_id = n.id AND f.outcome IN ({failed})
    AND f.at >= coalesce(n.last_seen_visit, '') AND f.deleted = 0))
SELECT {columns} FROM tried CROSS JOIN visits v
WHERE v.nominal_id = tried.nid AND v.outcome IN ('seen', {failed}) AND v.at >= tried.seen AND v.deleted = 0
"""


def all_attempts(
    conn: Connection, nominal_id: str | None = None, among: Iterable[str] | None = None
) -> dict[str, tuple[RecordedVisit, ...]]:
    """Each person's unsuccessful attempts (no reply, refused entry) after their last seen visit (by
    date and time: domain.warrants.attempts_since_seen), oldest first: everyone's, one person's, or those
    of the people `among` (latest_failures says who may have some). Only the visits from the day last
    seen on are read, and only for the people with a failed one then (_ATTEMPTS_SQL)."""
    params: dict[str, str] = {}
    where = ""
    if nominal_id is not None:
        where, params["nid"] = "AND n.id = :nid", nominal_id
    elif among is not None:
        where, params["ids"] = "AND n.id IN (SELECT value FROM json_each(:ids))", json.dumps(list(among))
    sql = _ATTEMPTS_SQL.format(
        among=where,
        failed=", ".join(f"'{o}'" for o in _FAILED),
        columns=", ".join(f"v.{c.name}" for c in visits.columns),  # in the order text().columns reads them
    )
    rows = conn.execute(text(sql).columns(*visits.columns), params)
    by: dict[str, list[RecordedVisit]] = defaultdict(list)
    for r in rows:
        v = visit_from_row(r, RecordedVisit, id=r.id)
        assert isinstance(v, RecordedVisit)
        by[r.nominal_id].append(v)
    found = {nid: attempts_since_seen(vs, last_seen_at(vs)) for nid, vs in by.items()}
    return {nid: tried for nid, tried in found.items() if tried}


def latest_failures(conn: Connection, among: Iterable[str] | None = None) -> dict[str, str]:
    """When each person's latest unsuccessful visit was (ISO text; removed ones too), from the visits
    index alone: a person whose latest is before the day last seen has no attempts to read. Everyone's,
    or those of the people `among`."""
    failed = ", ".join(f"'{o}'" for o in _FAILED)
    only, args = (
        ("", ())
        if among is None
        else (" AND nominal_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(among)),))
    )
    return dict(
        conn.exec_driver_sql(
            f"SELECT nominal_id, max(at) FROM visits WHERE outcome IN ({failed}){only} GROUP BY nominal_id",
            args,
        ).all()
    )


def attempts_for(conn: Connection, nominal_id: str) -> tuple[RecordedVisit, ...]:
    return all_attempts(conn, nominal_id).get(nominal_id, ())
