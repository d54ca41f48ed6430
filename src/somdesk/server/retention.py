"""Bounded tables: stored mutation results and departures older than the force policy's [sync]
retention_days go, and the change counter remembers up to which change number departures were purged, so
that a device whose cursor is older resyncs in full (server/pull.py) instead of missing a purge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, func, select, update

from somdesk.domain.policy import SyncRules
from somdesk.domain.policy_text import PolicyFileError, parse_policy
from somdesk.server.tables import change_counter, departures, mutations, policy

__all__ = ["Purged", "purge", "sync_rules"]


@dataclass(frozen=True)
class Purged:
    mutations: int
    departures: int


def sync_rules(conn: Connection) -> SyncRules:
    """The [sync] rules of the force policy set on the central store (none set, or unreadable: defaults)."""
    text = conn.execute(select(policy.c.text).where(policy.c.id == 1)).scalar()
    if text is None:
        return SyncRules()
    try:
        return parse_policy(text, "the force policy").sync
    except PolicyFileError:
        return SyncRules()


def purge(conn: Connection, now: datetime, rules: SyncRules | None = None) -> Purged:
    """Delete what is older than the retention, in the caller's transaction (both by an indexed time).
    The horizon only moves forward, under the change counter's row lock, so a pull reading it in its own
    transaction sees either the old departures or the new horizon."""
    cutoff = now - timedelta(days=(rules or sync_rules(conn)).retention_days)
    aged = conn.execute(delete(mutations).where(mutations.c.received_at < cutoff)).rowcount
    newest = conn.execute(
        select(func.max(departures.c.version)).where(departures.c.recorded_at < cutoff)
    ).scalar()
    gone = 0
    if newest is not None:
        conn.execute(select(change_counter.c.seq).where(change_counter.c.id == 1).with_for_update())
        gone = conn.execute(delete(departures).where(departures.c.version <= newest)).rowcount
        conn.execute(
            update(change_counter)
            .where(change_counter.c.id == 1, change_counter.c.purged_upto < newest)
            .values(purged_upto=newest)
        )
    return Purged(int(aged), int(gone))
