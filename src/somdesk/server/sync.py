"""Push on the central store (DESIGN.md §5), over one database connection. No HTTP.

Push applies a device's mutations in order in one transaction. The change counter's row is locked for
that transaction, so change numbers are handed out in commit order and a pull after a cursor never
misses a late commit. A mutation already seen returns its stored result (idempotent replay). An update
based on an old version is merged field by field: a field is a conflict only if another device changed
it since the mutation's base and the values differ. Conflicts are kept until someone resolves them.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from somdesk.contract.sync import AuditEntry, Conflict, MutationResult, ServedRecord, value_problem
from somdesk.domain.records import SCOPE_FIELDS, Holder, record_type, record_types
from somdesk.domain.roles import Capability, Role
from somdesk.domain.words import a_or_an
from somdesk.server.audit import AuditForked, AuditRejected, audit_rules, cover, receive
from somdesk.server.invariants import force_now, invariant_problem
from somdesk.server.pull import served_conflict
from somdesk.server.scope import Scope
from somdesk.server.tables import (
    change_counter,
    conflicts,
    departures,
    mutations,
    records,
)

__all__ = ["AuditForked", "AuditRejected", "Mutation", "push"]


def _role_label(role: object) -> str:
    return role.label if isinstance(role, Role) else str(role)


def _holder(table: str) -> Holder | None:
    record = record_type(table)
    return record.holder if record is not None else None


def _unique(table: str) -> str | None:
    record = record_type(table)
    return record.unique if record is not None else None


@dataclass(frozen=True)
class Mutation:
    id: str
    table: str
    record_id: str
    operation: str  # insert, update, delete, resolve
    base_version: int
    fields: dict[str, Any]


@dataclass
class _Record:
    id: str
    table: str
    nominal_id: str | None
    officer_id: str | None
    area: str | None
    level: int | None
    data: dict[str, Any]
    meta: dict[str, list[Any]]
    version: int
    deleted: bool
    new: bool = False
    changed: bool = False

    def scope(self) -> tuple[str | None, str | None, int | None]:
        return self.officer_id, self.area, self.level

    def served(self) -> ServedRecord:
        return {"t": self.table, "id": self.id, "v": self.version, "x": self.deleted, "d": self.data}


def _loaded(row: Any) -> _Record:
    return _Record(
        row.id, row.table_name, row.nominal_id, row.officer_id, row.area, row.mappa_level,
        json.loads(row.data), json.loads(row.field_meta), row.version, row.deleted,
    )  # fmt: skip


@dataclass
class _Push:
    conn: Connection
    scope: Scope
    device_id: str
    now: datetime
    seq: int
    state: dict[str, _Record]
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)
    resolved: list[dict[str, Any]] = field(default_factory=list)
    departure_rows: list[dict[str, Any]] = field(default_factory=list)
    # Unique field values -> records holding them, for the records this push has loaded or made.
    holders: defaultdict[tuple[str, Any], set[str]] = field(default_factory=lambda: defaultdict(set))
    fetched: set[tuple[str, Any]] = field(default_factory=set)

    def next_version(self) -> int:
        self.seq += 1
        return self.seq

    def load(self, ids: Iterable[str], by_nominal: bool = False) -> None:
        # An id holding NUL names no record (PostgreSQL cannot even compare such text).
        wanted = sorted({i for i in ids if "\x00" not in i} - (set() if by_nominal else set(self.state)))
        column = records.c.nominal_id if by_nominal else records.c.id
        for start in range(0, len(wanted), 500):
            for row in self.conn.execute(select(records).where(column.in_(wanted[start : start + 500]))):
                if row.id not in self.state:
                    self.state[row.id] = rec = _loaded(row)
                    if row.unique_key is not None:
                        self.index_key(rec, row.unique_key)

    # -- one mutation

    def apply(self, m: Mutation) -> MutationResult:
        record = record_type(m.table)
        if record is None:
            return self.reject(m, f"table {m.table!r} does not sync")
        unknown = set(m.fields) - record.synced if m.operation in ("insert", "update") else set()
        if unknown:
            return self.reject(m, f"unknown fields on {m.table}: {', '.join(sorted(unknown))}")
        if not self.scope.may_write(m.table):
            return self.reject(
                m, f"{a_or_an(_role_label(self.scope.role))} may not change this {record.label}"
            )
        if record.append_only and m.operation in ("update", "resolve"):
            return self.reject(m, f"{a_or_an(record.label)} is never changed once made")
        if m.operation in ("insert", "update") and m.fields.get("id", m.record_id) != m.record_id:
            return self.reject(m, "the id field does not match the record id")
        missing = record.required - set(m.fields) if m.operation == "insert" else set()
        if missing:
            return self.reject(m, f"a new {m.table} record needs {', '.join(sorted(missing))}")
        if record.holder is Holder.STAFF and (problem := self.staff_problem(m)):
            return self.reject(m, problem)
        if m.operation in ("insert", "update"):
            for name, value in m.fields.items():
                if problem := value_problem(m.table, name, value):
                    return self.reject(m, problem)
            # The record's rules (domain.invariants), as every client path applies them.
            if problem := invariant_problem(m, self.state, self.scope, force_now(self.now)):
                return self.reject(m, problem)
        if m.operation in ("insert", "update") and (problem := self.taken(m.table, m.record_id, m.fields)):
            return self.reject(m, problem)
        handler = {
            "insert": self.insert,
            "update": self.update,
            "delete": self.delete,
            "resolve": self.resolve,
        }
        return handler[m.operation](m)

    def taken(self, table: str, record_id: str, fields: dict[str, Any]) -> str:
        """The table's unique field is given a value another record already has."""
        name = _unique(table)
        if name is None or name not in fields:
            return ""
        key = (table, fields[name])
        if key not in self.fetched:
            self.fetch_keys(table, [fields[name]])
        if self.holders[key] - {record_id}:
            return f"{name} {fields[name]!r} is already used by another {table} record"
        return ""

    def fetch_keys(self, table: str, values: Iterable[Any]) -> None:
        """Load the stored records holding these unique values (once per value and push)."""
        done = {k for t, k in self.fetched if t == table}
        # A value the declaration refuses is never looked up: the mutation is refused for it anyway, and
        # PostgreSQL cannot even compare text holding NUL.
        wanted = sorted({v for v in values if isinstance(v, str) and "\x00" not in v} - done)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            self.load(
                self.conn.execute(
                    select(records.c.id).where(records.c.table_name == table, records.c.unique_key.in_(chunk))
                ).scalars()
            )
            self.fetched.update((table, v) for v in chunk)

    def index_key(self, rec: _Record, value: Any, old: Any = None) -> None:
        """Note that `rec` now holds `value` (instead of `old`) in its table's unique field."""
        self.holders[(rec.table, old)].discard(rec.id)
        self.holders[(rec.table, value)].add(rec.id)

    def staff_problem(self, m: Mutation) -> str:
        """A supervisor keeps their own teams' officers and team records; adding teams and moving
        officers between supervisors' teams is an administrator's job (else a supervisor could widen
        their own scope)."""
        if self.scope.may(Capability.MANAGE_TEAMS):
            return ""
        rec = self.state.get(m.record_id)
        if m.operation != "insert" and (rec is None or rec.table != m.table):
            return ""  # the operation itself names the missing record
        mine = self.scope.teams
        if m.table == "teams":
            if m.operation in ("insert", "delete"):
                return "only an administrator adds or removes a team"
            return "" if m.record_id in mine else "a supervisor changes only their own teams"
        if rec is not None and m.operation != "insert" and rec.data.get("team_id") not in mine:
            return "the officer is not in your teams"
        moving = m.operation == "insert" or (m.operation == "update" and "team_id" in m.fields)
        if moving and m.fields.get("team_id") not in mine:
            return "only an administrator moves an officer to a team you do not supervise"
        return ""

    def reject(self, m: Mutation, reason: str) -> MutationResult:
        rec = self.state.get(m.record_id)
        visible = (
            rec is not None
            and not rec.new
            and (_holder(rec.table) is Holder.STAFF or self.scope.holds(*rec.scope()))
        )
        return {
            "id": m.id, "status": "rejected", "reason": reason, "version": None, "conflicts": [],
            "record": rec.served() if visible and rec is not None else None,
        }  # fmt: skip

    def applied(self, m: Mutation, rec: _Record, found: list[Conflict] | None = None) -> MutationResult:
        return {
            "id": m.id, "status": "conflict" if found else "applied", "reason": "",
            "version": rec.version, "conflicts": found or [], "record": None,
        }  # fmt: skip

    def parent_scope(
        self, table: str, fields: dict[str, Any]
    ) -> tuple[str | None, str | None, int | None] | str:
        if _holder(table) is Holder.CASE:
            return fields.get("officer_id"), fields.get("area"), fields.get("mappa_level")
        parent = self.state.get(str(fields.get("nominal_id")))
        if parent is None or _holder(parent.table) is not Holder.CASE:
            return "its offender record is not on the central store"
        return parent.scope()

    def insert(self, m: Mutation) -> MutationResult:
        if m.record_id in self.state:
            return self.reject(m, f"a record with id {m.record_id} already exists")
        holder = _holder(m.table)
        if holder is Holder.STAFF:
            scope: tuple[str | None, str | None, int | None] = (None, None, None)
        else:
            found = self.parent_scope(m.table, m.fields)
            if isinstance(found, str):
                return self.reject(m, found)
            scope = found
            if not self.scope.holds(*scope):
                return self.reject(m, "the offender is not in your caseload")
        version = self.next_version()
        nominal_id = m.record_id if holder is Holder.CASE else m.fields.get("nominal_id")
        data = {**{k: v for k, v in m.fields.items() if k != "deleted"}, "id": m.record_id}
        rec = _Record(
            m.record_id, m.table, nominal_id, *scope, data,
            {f: [version, self.device_id] for f in data}, version, False, new=True, changed=True,
        )  # fmt: skip
        self.state[rec.id] = rec
        if (unique := _unique(rec.table)) is not None:
            self.index_key(rec, data.get(unique))
        return self.applied(m, rec)

    def writable(self, m: Mutation) -> _Record | str:
        rec = self.state.get(m.record_id)
        if rec is None or rec.table != m.table:
            return f"no {m.table} record {m.record_id} on the central store"
        if _holder(rec.table) is not Holder.STAFF and not self.scope.holds(*rec.scope()):
            return "the offender is not in your caseload"
        return rec

    def update(self, m: Mutation) -> MutationResult:
        rec = self.writable(m)
        if isinstance(rec, str):
            return self.reject(m, rec)
        case = _holder(m.table) is Holder.CASE
        if not case and "nominal_id" in m.fields and m.fields["nominal_id"] != rec.nominal_id:
            return self.reject(m, "a record cannot be moved to another offender")
        if case and set(SCOPE_FIELDS) & set(m.fields):  # (their values were checked: records.py)
            moved = (
                m.fields.get("officer_id", rec.officer_id),
                m.fields.get("area", rec.area),
                m.fields.get("mappa_level", rec.level),
            )
            if "officer_id" in m.fields and m.fields["officer_id"] != rec.officer_id:
                if not self.scope.may(Capability.REALLOCATE):
                    return self.reject(m, "only a supervisor reallocates a case")
                if not self.scope.holds(*moved):
                    return self.reject(m, "the new officer is not in your teams")
        found: list[Conflict] = []
        take: dict[str, Any] = {}
        for name, value in m.fields.items():
            changed_at, by = rec.meta.get(name, [0, None])
            if changed_at > m.base_version and by != self.device_id and rec.data.get(name) != value:
                found.append(self.conflict(m, rec, name, value))
            else:
                take[name] = value
        if take:
            self.change(rec, take)
        return self.applied(m, rec, found)

    def change(self, rec: _Record, values: dict[str, Any]) -> None:
        before = rec.scope()
        rec.version = self.next_version()
        if (unique := _unique(rec.table)) in values:
            self.index_key(rec, values[unique], rec.data.get(unique))
        for name, value in values.items():
            rec.data[name] = value
            rec.meta[name] = [rec.version, self.device_id]
        rec.changed = True
        if _holder(rec.table) is Holder.CASE:
            rec.officer_id, rec.area, rec.level = (
                rec.data.get("officer_id"), rec.data.get("area"), rec.data.get("mappa_level"),
            )  # fmt: skip
            if rec.scope() != before:
                self.moved(rec, before)

    def moved(self, nominal: _Record, before: tuple[str | None, str | None, int | None]) -> None:
        """The nominal's holders change: its old holders purge it, its new ones receive it with its
        history (each child gets a new change number so it comes after their cursor)."""
        self.departure_rows.append(
            {"version": nominal.version, "nominal_id": nominal.id, "officer_id": before[0],
             "area": before[1], "mappa_level": before[2]}
        )  # fmt: skip
        self.load([nominal.id], by_nominal=True)
        for child in self.state.values():
            if child.nominal_id == nominal.id and child is not nominal:
                child.officer_id, child.area, child.level = nominal.scope()
                child.version = self.next_version()
                child.changed = True

    def conflict(self, m: Mutation, rec: _Record, name: str, mine: Any) -> Conflict:
        row = {
            "id": str(uuid.uuid4()), "table_name": rec.table,
            "record_id": rec.id, "field": name, "base_version": m.base_version,
            "theirs": json.dumps(rec.data.get(name)), "mine": json.dumps(mine),
            "username": self.scope.username, "device_id": self.device_id, "created_at": self.now,
        }  # fmt: skip
        self.conflict_rows.append(row)
        return served_conflict(row)

    def delete(self, m: Mutation) -> MutationResult:
        rec = self.writable(m)
        if isinstance(rec, str):
            return self.reject(m, rec)
        if _holder(rec.table) is not Holder.STAFF and not self.scope.may(Capability.ERASE_CASE_RECORDS):
            return self.reject(m, "offender records and their history are never deleted from a device")
        rec.deleted, rec.version, rec.changed = True, self.next_version(), True
        return self.applied(m, rec)

    def resolve(self, m: Mutation) -> MutationResult:
        rec = self.writable(m)
        if isinstance(rec, str):
            return self.reject(m, rec)
        open_ = self.conn.execute(
            select(conflicts).where(
                conflicts.c.id == str(m.fields.get("conflict_id")).replace("\x00", ""),
                conflicts.c.record_id == rec.id,
                conflicts.c.resolved_at.is_(None),
            )
        ).first()
        if open_ is None:
            return self.reject(m, "the conflict is not open (already resolved elsewhere?)")
        value = m.fields.get("value")
        if problem := value_problem(rec.table, open_.field, value) or self.taken(
            rec.table, rec.id, {open_.field: value}
        ):
            return self.reject(m, problem)
        self.change(rec, {open_.field: value})
        self.resolved.append({"cid": open_.id, "at": self.now, "by": self.scope.username})
        return self.applied(m, rec)

    # -- write everything at once

    def save(self) -> None:
        new = [r for r in self.state.values() if r.new]
        changed = [r for r in self.state.values() if r.changed and not r.new]
        if new:
            self.conn.execute(insert(records), [_row(r) for r in new])
        rekeyed = [r.id for r in changed if _unique(r.table) is not None]
        if rekeyed:  # keys may swap between records in one push: cleared first, then written
            self.conn.execute(update(records).where(records.c.id.in_(rekeyed)).values(unique_key=None))
        if changed:
            self.conn.execute(
                update(records).where(records.c.id == bindparam("rid")),
                [{**_row(r), "rid": r.id} for r in changed],
            )
        if self.conflict_rows:
            self.conn.execute(insert(conflicts), self.conflict_rows)
        if self.resolved:
            self.conn.execute(
                update(conflicts)
                .where(conflicts.c.id == bindparam("cid"))
                .values(resolved_at=bindparam("at"), resolved_by=bindparam("by")),
                self.resolved,
            )
        if self.departure_rows:
            self.conn.execute(insert(departures), self.departure_rows)
        self.conn.execute(update(change_counter).where(change_counter.c.id == 1).values(seq=self.seq))


def _row(r: _Record) -> dict[str, Any]:
    return {
        "id": r.id, "table_name": r.table, "nominal_id": r.nominal_id, "officer_id": r.officer_id,
        "area": r.area, "mappa_level": r.level, "data": json.dumps(r.data, separators=(",", ":")),
        "field_meta": json.dumps(r.meta, separators=(",", ":")), "version": r.version, "deleted": r.deleted,
        "unique_key": r.data.get(unique) if (unique := _unique(r.table)) is not None else None,
    }  # fmt: skip


def push(
    conn: Connection,
    scope: Scope,
    device_id: str,
    batch: Sequence[Mutation],
    audit: Sequence[AuditEntry],
    now: datetime,
    remember: bool = True,
) -> tuple[list[MutationResult], int]:
    """Apply a batch in the caller's transaction. Returns each mutation's result and the device's
    last stored audit sequence number."""
    seq = conn.execute(
        select(change_counter.c.seq).where(change_counter.c.id == 1).with_for_update()
    ).scalar_one()
    # The account stamps the entries; the system's own writes (the demo's seed) log nothing.
    accountable = isinstance(scope.role, Role)
    audit_seq, fresh = receive(conn, device_id, scope.username, audit, now, audit_rules(conn))
    ids = [m.id for m in batch]
    done: dict[str, MutationResult] = {
        row.id: json.loads(row.result)
        for start in range(0, len(ids), 500)
        for row in conn.execute(
            select(mutations.c.id, mutations.c.result).where(mutations.c.id.in_(ids[start : start + 500]))
        )
    }
    unaudited = cover(conn, device_id, (m for m in batch if m.id not in done), fresh) if accountable else {}
    work = _Push(conn, scope, device_id, now, seq, {})
    work.load(m.record_id for m in batch)
    for record in record_types():
        if (name := record.unique) is not None:
            work.fetch_keys(record.name, (m.fields.get(name) for m in batch if m.table == record.name))
    work.load(
        str(m.fields["nominal_id"])
        for m in batch
        if _holder(m.table) is Holder.CHILD and isinstance(m.fields.get("nominal_id"), str)
    )
    results, stored = [], []
    for m in batch:
        if m.id in done:
            results.append(done[m.id])
            continue
        result = work.reject(m, unaudited[m.id]) if m.id in unaudited else work.apply(m)
        done[m.id] = result
        results.append(result)
        if remember:
            stored.append(
                {"id": m.id, "device_id": device_id, "result": json.dumps(result), "received_at": now}
            )
    work.save()
    if stored:
        conn.execute(insert(mutations), stored)
    return results, audit_seq
