"""The audit log on the central store (DPA 2018 s.62): what it accepts from a device, and what it notes.

A push's audit entries must continue the device's chain with no gap (a jump would let later entries be
dropped as "already received"); an entry sent again must be the one already stored, or the device's
log has forked (refused, and kept in `audit_forks` for `somdesk-server audit verify`). Each stored entry
is stamped with the account signed in on the device and the time it arrived; the entry's own `user` and
`at` are the device's claims, kept as sent (they are in its hash) and flagged when they disagree with
what the central store knows. Every change a push makes needs an audit entry of its own, from the same
device, naming the same table and record (see `cover`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from somdesk.contract.sync import AuditEntry
from somdesk.domain.audit import NEEDS_JUSTIFICATION, ChainBreak, LoggedEntry, storable, verify
from somdesk.domain.policy_text import PolicyFileError, parse_policy
from somdesk.domain.records import Holder, record_type
from somdesk.server.tables import audit_entries, audit_forks, policy, users

__all__ = [
    "DEFAULT_TOLERANCE",
    "AuditForked",
    "AuditRejected",
    "AuditRules",
    "audit_rules",
    "cover",
    "findings",
    "receive",
]

DEFAULT_TOLERANCE = timedelta(minutes=15)
# Flags on a stored entry (audit_entries.flags), in words for `audit verify`.
USER_DIFFERS = "names a user other than the account signed in on its device"
TIME_AHEAD = "its time is ahead of when it arrived"
TIME_BEHIND = "its time is before entries its device had already logged or sent"
NO_JUSTIFICATION = "has no justification (logged before the force policy asked for one)"
_NEEDS = {a.value for a in NEEDS_JUSTIFICATION}
_TEXT_FIELDS = ("id", "at", "device_id", "user", "action", "table_name", "record_id", "justification",
                "recipient", "detail", "prev_hash", "hash")  # fmt: skip


class AuditRejected(Exception):
    """A pushed audit entry does not continue its device's chain: nothing in the push is applied."""


class AuditForked(AuditRejected):
    """An entry sent again differs from the one stored at its place: the device's log has forked."""

    def __init__(self, device_id: str, seq: int, digest: str) -> None:
        super().__init__(
            f"audit entry {seq} differs from the entry {seq} this device sent before: its audit log "
            "has forked (a copied or restored profile?). Ask the administrator to check the device"
        )
        self.device_id, self.seq, self.digest = device_id, seq, digest


@dataclass(frozen=True)
class AuditRules:
    """What the force policy on the central store asks of audit entries."""

    tolerance: timedelta = DEFAULT_TOLERANCE
    justification_required: bool = False
    since: datetime | None = None  # when that policy was set


def audit_rules(conn: Connection) -> AuditRules:
    """The rules of the force policy set on the central store (none set: only the chain is checked)."""
    row = conn.execute(select(policy.c.text, policy.c.set_at).where(policy.c.id == 1)).first()
    if row is None:
        return AuditRules()
    try:
        sec = parse_policy(row.text, "the force policy").security
    except PolicyFileError:
        return AuditRules()
    return AuditRules(
        timedelta(minutes=sec.audit_clock_tolerance_minutes), sec.justification_required, _aware(row.set_at)
    )


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


_storable = storable  # text a database can hold


def _unstorable(e: AuditEntry) -> str:
    """The field of `e` a database cannot hold as text, or ""."""
    for name in _TEXT_FIELDS:
        value = e[name]  # type: ignore[literal-required]
        if isinstance(value, str) and not _storable(value):
            return name
    return ""


def record_fork(conn: Connection, fork: AuditForked, username: str, now: datetime) -> None:
    """Keep a fork for `audit verify` (in its own transaction: the push itself is refused). Once per
    forked entry: a device sending it again and again adds nothing."""
    kept = conn.execute(
        select(audit_forks.c.id).where(
            audit_forks.c.device_id == fork.device_id,
            audit_forks.c.seq == fork.seq,
            audit_forks.c.hash == fork.digest,
        )
    ).first()
    if kept is not None:
        return
    conn.execute(
        insert(audit_forks).values(
            device_id=fork.device_id, seq=fork.seq, hash=fork.digest, username=username, received_at=now
        )
    )


def receive(
    conn: Connection,
    device_id: str,
    username: str,
    entries: Sequence[AuditEntry],
    now: datetime,
    rules: AuditRules,
) -> tuple[int, list[AuditEntry]]:
    """Store the entries that continue the device's chain. Returns the device's last stored sequence
    number and the entries stored now. Raises AuditRejected (AuditForked) and stores nothing."""
    for e in entries:
        if e["device_id"] != device_id:
            raise AuditRejected(f"audit entry {e['seq']} belongs to another device")
        if name := _unstorable(e):
            raise AuditRejected(f"audit entry {e['seq']}: its {name} holds a character that cannot be stored")
    last = conn.execute(
        select(audit_entries.c.seq, audit_entries.c.hash, audit_entries.c.data, audit_entries.c.received_at)
        .where(audit_entries.c.device_id == device_id)
        .order_by(audit_entries.c.seq.desc())
        .limit(1)
    ).first()
    last_seq, heads = (last.seq, {device_id: last.hash}) if last else (0, {})
    sent_again = {e["seq"]: e["hash"] for e in entries if e["seq"] <= last_seq}
    if sent_again:
        stored = dict(
            conn.execute(
                select(audit_entries.c.seq, audit_entries.c.hash).where(
                    audit_entries.c.device_id == device_id, audit_entries.c.seq.in_(sorted(sent_again))
                )
            ).all()
        )
        for seq, digest in sorted(sent_again.items()):
            if stored.get(seq) != digest:
                raise AuditForked(device_id, seq, digest)
    fresh = sorted((e for e in entries if e["seq"] > last_seq), key=lambda e: e["seq"])
    for expected, e in enumerate(fresh, last_seq + 1):
        if e["seq"] != expected:
            raise AuditRejected(
                f"audit entry {e['seq']} does not follow entry {expected - 1}: the entries between "
                "are missing (nothing was applied)"
            )
    try:
        logged = [LoggedEntry.from_wire(e) for e in fresh]
    except ValueError as problem:
        raise AuditRejected(f"an audit entry's time is not a date and time ({problem})") from None
    _, broken = verify(logged, heads)
    if isinstance(broken, ChainBreak):
        raise AuditRejected(str(broken))
    # The device had logged, and sent, up to here: its later entries cannot be older.
    floor = None
    if last is not None:
        floor = max(_aware(last.received_at), _aware(datetime.fromisoformat(json.loads(last.data)["at"])))
    # A device logs its user by the name the account shows (the window's), or by the username.
    shown = conn.execute(select(users.c.display_name).where(users.c.username == username)).scalar()
    names = {username, shown} - {None}
    rows = []
    for e, entry in zip(fresh, logged, strict=True):
        at = _aware(entry.at)
        flags = []
        if rules.justification_required and e["action"] in _NEEDS and not e["justification"].strip():
            # An entry timed before the policy asked may have been logged under the device's own policy
            # before it received the force's: kept, and flagged (a backdated one is flagged twice).
            if rules.since is None or at >= rules.since:
                raise AuditRejected(
                    f"audit entry {e['seq']} logs {a_or_an_action(e['action'])} without a justification, "
                    "which the force policy requires (nothing was applied)"
                )
            flags.append(NO_JUSTIFICATION)
        if e["user"] not in names:
            flags.append(USER_DIFFERS)
        if at > now + rules.tolerance:
            flags.append(TIME_AHEAD)
        elif floor is not None and at < floor - rules.tolerance:
            flags.append(TIME_BEHIND)
        floor = max(floor, at) if floor is not None else at
        rows.append(
            {"device_id": device_id, "seq": e["seq"], "id": e["id"], "hash": e["hash"],
             "data": json.dumps(e, separators=(",", ":")), "received_at": now, "username": username,
             "table_name": e["table_name"], "record_id": e["record_id"], "flags": "; ".join(flags)}
        )  # fmt: skip
    if rows:
        conn.execute(insert(audit_entries), rows)
        last_seq = fresh[-1]["seq"]
    return int(last_seq), fresh


def findings(conn: Connection) -> list[str]:
    """What `audit verify` lists besides the chain itself: forks, and entries flagged on arrival (by
    device, sequence number and account: never what an entry says)."""
    found = [
        f"device {r.device_id}: entry {r.seq} was sent again different from the one stored "
        f"(forked log, account {r.username}, {r.received_at:%Y-%m-%d %H:%M} UTC)"
        for r in conn.execute(select(audit_forks).order_by(audit_forks.c.device_id, audit_forks.c.seq))
    ]
    flagged = (
        select(
            audit_entries.c.device_id, audit_entries.c.seq, audit_entries.c.username, audit_entries.c.flags
        )
        .where(audit_entries.c.flags != "")
        .order_by(audit_entries.c.device_id, audit_entries.c.seq)
    )
    found += [
        f"device {r.device_id}: entry {r.seq} (account {r.username}) {r.flags}" for r in conn.execute(flagged)
    ]
    return found


def a_or_an_action(action: str) -> str:
    return f"a {action}" if action[:1] not in "aeiou" else f"an {action}"


def cover(
    conn: Connection, device_id: str, batch: Iterable[Any], fresh: Sequence[AuditEntry]
) -> dict[str, str]:
    """Match each new mutation (sync.Mutation, in push order) to an audit entry of the same device naming
    its table and record that no other mutation has used: from this push, or sent earlier (a device sends
    its log ahead of its outbox). A child record inserted with its offender is covered by the offender's
    collection entry (an import logs one entry per offender). Marks the entries used; returns the
    problem for each mutation left without one (mutation id -> reason)."""
    todo = list({m.id: m for m in batch}.values())
    if not todo:
        return {}
    pool: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for e in fresh:
        pool[(e["table_name"], e["record_id"])].append(e["seq"])
    fresh_seqs = {e["seq"] for e in fresh}
    nominals = {
        str(m.fields.get("nominal_id")) for m in todo
        if m.operation == "insert" and _child(m.table) and isinstance(m.fields.get("nominal_id"), str)
    }  # fmt: skip
    # An id no entry could hold names no entry (PostgreSQL cannot even compare text holding NUL).
    records = sorted(i for i in {m.record_id for m in todo} | nominals if _storable(i))
    # Offenders this device logged as collected (made or imported), whose new rows their entry covers.
    collected: set[str] = {
        e["record_id"] for e in fresh if e["table_name"] == "nominals" and e["action"] == "collection"
    }
    for start in range(0, len(records), 500):
        for row in conn.execute(
            select(audit_entries.c.seq, audit_entries.c.table_name, audit_entries.c.record_id,
                   audit_entries.c.mutation_id, audit_entries.c.data)
            .where(audit_entries.c.device_id == device_id,
                   audit_entries.c.record_id.in_(records[start : start + 500]))
            .order_by(audit_entries.c.seq)
        ):  # fmt: skip
            if row.table_name == "nominals" and json.loads(row.data)["action"] == "collection":
                collected.add(row.record_id)
            if row.mutation_id is None and row.seq not in fresh_seqs:
                pool[(row.table_name, row.record_id)].append(row.seq)
    for seqs in pool.values():
        seqs.sort()
    used, missing = [], {}
    for m in todo:
        found = pool.get((m.table, m.record_id))
        if found:
            used.append({"d": device_id, "s": found.pop(0), "m": m.id})
        elif not (
            m.operation == "insert" and str(m.fields.get("nominal_id")) in collected and _child(m.table)
        ):
            missing[m.id] = "no audit entry records this change: a change is accepted only with its own"
    if used:
        conn.execute(
            update(audit_entries)
            .where(audit_entries.c.device_id == bindparam("d"), audit_entries.c.seq == bindparam("s"))
            .values(mutation_id=bindparam("m")),
            used,
        )
    return missing


def _child(table: str) -> bool:
    record = record_type(table)
    return record is not None and record.holder is Holder.CHILD
