"""The rules for staff records (teams and officers) on the central store, as sync.apply() holds every
change of them (insert, update, delete, resolve) to.

A team's area, an officer's team and whether they manage cases define what a supervisor holds: were a
supervisor to change them, they could widen their own scope (take a team's area, then its unallocated
cases). Those fields, and adding or removing teams and officers, are the administrator's alone
(Capability.MANAGE_TEAMS); a supervisor may rename their own teams and their officers. A team or officer
still holding something is never deleted: its officers or cases would be held by nobody.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, update

from somdesk.domain.roles import Capability
from somdesk.domain.words import counted
from somdesk.server.tables import change_counter, records

if TYPE_CHECKING:
    from somdesk.server.scope import Scope
    from somdesk.server.sync import Mutation

__all__ = ["SCOPE_DEFINING", "STAFF_ADDED_PER_DAY", "restore", "staff_added_today", "staff_delete_problem",
           "staff_problem"]  # fmt: skip

# Every device holds every team and officer, so each one added slows every pull: an account adds at most
# this many a day (a force's whole staff, set up over a day or two), never tens of thousands at once.
STAFF_ADDED_PER_DAY = 500

# The fields of staff records that decide who holds what.
SCOPE_DEFINING: Mapping[str, frozenset[str]] = {
    "teams": frozenset({"area"}),
    "officers": frozenset({"team_id", "is_som"}),
}
_WORDS = {"teams": ("a team", "a team's area"), "officers": ("an officer", "an officer's team or role")}


def staff_problem(scope: Scope, state: Mapping[str, Any], m: Mutation) -> str:
    """Why this role may not make this change of a team or officer ("" if it may). `m` is an insert,
    update or delete, or the update a resolve makes."""
    if scope.may(Capability.MANAGE_TEAMS):
        return ""
    one, defining = _WORDS.get(m.table, ("a staff record", "who holds what"))
    if m.operation in ("insert", "delete"):
        return f"only an administrator adds or removes {one}"
    rec = state.get(m.record_id)
    if rec is None or rec.table != m.table:
        return ""  # the change names no record: refused for that, in the same words as elsewhere
    team = rec.id if m.table == "teams" else rec.data.get("team_id")
    if team not in scope.teams:
        return "a supervisor changes only their own teams and their officers"
    if SCOPE_DEFINING.get(m.table, frozenset()) & set(m.fields):
        return f"only an administrator changes {defining}"
    return ""


def staff_delete_problem(conn: Connection, state: Mapping[str, Any], table: str, record_id: str) -> str:
    """Why a team or officer cannot be deleted yet ("" if it can): it still has officers or cases, as the
    central store holds them after the changes before this one in the push."""
    if table == "officers":
        kind, column, match = "case", records.c.officer_id, "nominals"
    elif table == "teams":
        kind, column, match = "officer", None, "officers"
    else:
        return ""
    query = select(records.c.id, records.c.data).where(
        records.c.table_name == match, records.c.deleted.is_(False)
    )
    if column is not None:
        query = query.where(column == record_id)
    held = set()
    for row in conn.execute(query):
        if column is not None or _json_team(row.data) == record_id:
            held.add(row.id)
    for rec in state.values():  # this push's own changes win over what is stored
        if rec.table != match:
            continue
        now_held = not rec.deleted and (
            rec.officer_id == record_id if column is not None else rec.data.get("team_id") == record_id
        )
        if now_held:
            held.add(rec.id)
        else:
            held.discard(rec.id)
    if not held:
        return ""
    what = "officer" if table == "officers" else "team"
    return (
        f"the {what} still has {counted(len(held), kind)}: "
        f"{'reallocate them' if kind == 'case' else 'move them to another team'} first"
    )


def _json_team(data: str) -> Any:
    return json.loads(data).get("team_id")


def restore(conn: Connection, record_id: str) -> str:
    """Undo the deletion of a team or officer (an administrator's command): the record is served again,
    under a new change number, to every device. Returns "team" or "officer"."""
    seq = conn.execute(
        select(change_counter.c.seq).where(change_counter.c.id == 1).with_for_update()
    ).scalar_one()
    row = conn.execute(
        select(records.c.table_name, records.c.deleted).where(
            records.c.id == record_id, records.c.table_name.in_(tuple(SCOPE_DEFINING))
        )
    ).first()
    if row is None:
        raise ValueError("no team or officer has that id on the central store")
    kind = "team" if row.table_name == "teams" else "officer"
    if not row.deleted:
        raise ValueError(f"that {kind} is not deleted: nothing to restore")
    conn.execute(update(records).where(records.c.id == record_id).values(deleted=False, version=seq + 1))
    conn.execute(update(change_counter).where(change_counter.c.id == 1).values(seq=seq + 1))
    return kind


def staff_added_today(conn: Connection, username: str, now: datetime) -> int:
    """How many teams and officers this account made in the last day: the central store stamps who made
    each record and when (sync._Push.stamp), so a device cannot hide its own."""
    since = now - timedelta(days=1)
    made = 0
    for row in conn.execute(select(records.c.data).where(records.c.table_name.in_(tuple(SCOPE_DEFINING)))):
        data = json.loads(row.data)
        if data.get("updated_by") != username:
            continue
        try:
            at = datetime.fromisoformat(str(data.get("updated_at")))
        except ValueError:
            continue
        if at.tzinfo is not None and at >= since:
            made += 1
    return made
