"""Pull on the central store: the rows after a cursor that a user's scope holds, the cases that left it,
the open conflicts, over one connection. No HTTP."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from somdesk.contract.sync import RECORDS_LAST, Conflict
from somdesk.domain.roles import Capability
from somdesk.server.scope import Scope, staff_tables
from somdesk.server.tables import change_counter, conflicts, departures, policy, records

__all__ = ["latest", "policy_hash", "pull", "served_conflict"]


def served_conflict(row: Mapping[Any, Any]) -> Conflict:
    """A row of the conflicts table as the contract serves it."""
    return {
        "id": row["id"], "table": row["table_name"], "record_id": row["record_id"], "field": row["field"],
        "theirs": json.loads(row["theirs"]), "mine": json.loads(row["mine"]),
        "base_version": row["base_version"], "username": row["username"],
        "created_at": row["created_at"].isoformat(),
    }  # fmt: skip


def latest(conn: Connection) -> int:
    return int(conn.execute(select(change_counter.c.seq).where(change_counter.c.id == 1)).scalar_one())


def policy_hash(conn: Connection) -> str:
    return conn.execute(select(policy.c.hash).where(policy.c.id == 1)).scalar() or ""


def pull(conn: Connection, scope: Scope, cursor: int, limit: int) -> bytes:
    """One page as JSON bytes: {"gone": [...], "cursor": n, "more": bool, "conflicts": [...] (on the
    last page), "policy_hash": "...", "scope": fingerprint, "records": [...]}. Stored JSON is pasted,
    not parsed; the records come last, so a device reads the rest without them (contract.sync.received)."""
    top = latest(conn)
    rows = conn.execute(
        select(records.c.id, records.c.table_name, records.c.version, records.c.deleted, records.c.data)
        .where(records.c.version > cursor, scope.clause())
        .order_by(records.c.version)
        .limit(limit)
    ).all()
    more = len(rows) == limit
    upto = rows[-1].version if more else top
    parts = [
        f'{{"t":"{r.table_name}","id":"{r.id}","v":{r.version},"x":{"true" if r.deleted else "false"},'
        f'"d":{r.data}}}'
        for r in rows
    ]
    gone = _gone(conn, scope, cursor, upto) if cursor > 0 else []
    open_conflicts = [] if more else _open_conflicts(conn, scope)
    tail = json.dumps(
        {"gone": gone, "cursor": upto, "more": more, "conflicts": open_conflicts,
         "policy_hash": policy_hash(conn), "scope": scope.fingerprint()},
        separators=(",", ":"),
    )  # fmt: skip
    return (tail[:-1] + RECORDS_LAST + ",".join(parts) + "]}").encode()


def _gone(conn: Connection, scope: Scope, cursor: int, upto: int) -> list[str]:
    moves = conn.execute(
        select(departures).where(departures.c.version > cursor, departures.c.version <= upto)
    ).all()
    held_before = {m.nominal_id for m in moves if scope.holds(m.officer_id, m.area, m.mappa_level)}
    if not held_before:
        return []
    now_held = {
        r.id
        for r in conn.execute(
            select(records.c.id).where(records.c.id.in_(sorted(held_before)), scope.clause())
        )
    }
    return sorted(held_before - now_held)


def _open_conflicts(conn: Connection, scope: Scope) -> list[Conflict]:
    """The open conflicts on records the scope holds; those on teams and officers go to the administrator
    alone (every device holds staff records, and only the administrator may settle who is where)."""
    query = select(conflicts).join(records, records.c.id == conflicts.c.record_id)
    if not scope.may(Capability.MANAGE_TEAMS):
        query = query.where(records.c.table_name.not_in(staff_tables()))
    rows = conn.execute(
        query.where(conflicts.c.resolved_at.is_(None), scope.clause()).order_by(
            conflicts.c.created_at, conflicts.c.id
        )
    ).all()
    return [served_conflict(r._mapping) for r in rows]
