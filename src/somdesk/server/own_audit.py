"""A device's own audit entries, as the central store holds them: what a restored profile fetches to
rejoin its chain (the entries it sent after the backup was made), so that it logs on from the central
store's head instead of forking its log (sync.rejoin); and the check at sign-in that the device's
unsent entries do not differ from what the central store holds (a second copy of the device, which
would otherwise end the first copy's sign-in before its first push is refused)."""

# No `from __future__ import annotations`: FastAPI reads the endpoint's annotations at runtime.
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query
from sqlalchemy import Connection, func, select

from somdesk.contract.sync import MAX_SEQ, AuditHead, OwnAudit
from somdesk.server.audit import AuditForked
from somdesk.server.tables import audit_entries

__all__ = ["OWN_AUDIT_PAGE", "fork_in", "install", "own_entries"]

OWN_AUDIT_PAGE = 2000


def own_entries(conn: Connection, device_id: str, after: int, limit: int) -> OwnAudit:
    """The device's entries after `after` (at most `limit`), and its head. Only its own: a device
    never sees another's log."""
    head = conn.execute(
        select(func.coalesce(func.max(audit_entries.c.seq), 0)).where(audit_entries.c.device_id == device_id)
    ).scalar_one()
    rows = conn.execute(
        select(audit_entries.c.data)
        .where(audit_entries.c.device_id == device_id, audit_entries.c.seq > after)
        .order_by(audit_entries.c.seq)
        .limit(limit)
    ).scalars()
    return {"head": int(head), "entries": [json.loads(data) for data in rows]}


def fork_in(conn: Connection, device_id: str, heads: Sequence[AuditHead]) -> AuditForked | None:
    """The first of `heads` the central store holds differently for this device, as a fork."""
    wanted = {h["seq"]: h["hash"] for h in heads}
    if not wanted:
        return None
    stored = dict(
        conn.execute(
            select(audit_entries.c.seq, audit_entries.c.hash).where(
                audit_entries.c.device_id == device_id, audit_entries.c.seq.in_(sorted(wanted))
            )
        ).all()
    )
    for seq in sorted(wanted):
        if seq in stored and stored[seq] != wanted[seq]:
            return AuditForked(device_id, seq, wanted[seq])
    return None


def install(app: FastAPI, engine_of: Callable[[], Any], current: Callable[..., tuple[Any, str]]) -> None:
    """GET /v1/audit/own?after=K&limit=N, for the device signed in (`current`)."""

    @app.get("/v1/audit/own")
    def own(
        who: Annotated[tuple[Any, str], Depends(current)],
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,  # the column's range
        limit: Annotated[int, Query(ge=1, le=OWN_AUDIT_PAGE)] = OWN_AUDIT_PAGE,
    ) -> OwnAudit:
        with engine_of().connect() as conn, conn.begin():
            return own_entries(conn, who[1], after, limit)
