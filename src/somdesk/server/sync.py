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

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from somdesk.contract.sync import (
    AuditEntry,
    CheckResult,
    Conflict,
    MutationResult,
    ServedRecord,
    value_problem,
)
from somdesk.domain.mappa import PANEL_DECISIONS, panel_decisions_changed
from somdesk.domain.model import Mappa
from somdesk.domain.records import (
    ATTACHMENTS,
    NOMINALS,
    SCOPE_FIELDS,
    Holder,
    RecordType,
    field_label,
    record_type,
    record_types,
)
from somdesk.domain.roles import Capability, Role
from somdesk.domain.words import a_or_an, counted
from somdesk.server import attachments, staff
from somdesk.server.audit import AuditForked, AuditRejected, audit_rules, cover, receive
from somdesk.server.invariants import (
    FAMILY_TABLES,
    force_now,
    invariant_problem,
    read_beside,
    recorded_meeting_problem,
)
from somdesk.server.pull import served_conflict
from somdesk.server.scope import SYSTEM, Scope
from somdesk.server.staff import staff_added_today, staff_delete_problem, staff_problem
from somdesk.server.tables import (
    change_counter,
    conflicts,
    departures,
    devices,
    mutations,
    records,
    users,
)

__all__ = ["AuditForked", "AuditRejected", "Mutation", "push"]


def _role_label(role: object) -> str:
    return role.label if isinstance(role, Role) else str(role)


def _holder(table: str) -> Holder | None:
    record = record_type(table)
    return record.holder if record is not None else None


# Set by the central store from the account and its clock, whatever a device sends.
_STAMPED = frozenset({"updated_by", "updated_at"})


def record_label(table: str) -> str:
    record = record_type(table)
    return record.label if record is not None else table


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

    def held_by(self, scope: Scope) -> bool:
        return scope.holds(*self.scope(), panel=_holder(self.table) is Holder.PANEL)

    def served(self) -> ServedRecord:
        return {"t": self.table, "id": self.id, "v": self.version, "x": self.deleted, "d": self.data}


def _current(rec: _Record, name: str) -> Any:
    """A field's value on the central store; `deleted` is the record's tombstone."""
    return rec.deleted if name == "deleted" else rec.data.get(name)


def removed_meanwhile(rec: _Record, m: Mutation, device_id: str) -> bool:
    """An update that does not itself remove or restore the record, to one another device removed
    after the version the update was based on."""
    changed_at, by = rec.meta.get("deleted", [0, None])
    return rec.deleted and "deleted" not in m.fields and changed_at > m.base_version and by != device_id


def edited_meanwhile(rec: _Record, m: Mutation, device_id: str) -> bool:
    """A field of a record still held (not removed) changed by another device after the version the
    update was based on."""
    return not rec.deleted and any(
        at > m.base_version and by != device_id
        for name, (at, by) in rec.meta.items()
        if name not in _STAMPED and name != "deleted"
    )


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

    def __post_init__(self) -> None:
        self.given_out = self.seq  # the last change number handed out before this push
        self.staff_added: int | None = None  # teams and officers this account added in the last day

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
        """One rule path for every kind of change: a resolve is checked as the update it makes (the
        conflict's field set to the chosen value), by the same table rules as an insert or update."""
        record = record_type(m.table)
        if record is None:
            return self.reject(m, f"table {m.table!r} does not sync")
        if not self.scope.may_write(m.table, m.fields if m.operation == "update" else ()):
            return self.reject(
                m, f"{a_or_an(_role_label(self.scope.role))} may not change this {record.label}"
            )
        if record.append_only and m.operation in ("update", "resolve"):
            return self.reject(m, f"{a_or_an(record.label)} is never changed once made")
        if m.operation == "insert" and (made := self.made_here_before(m)) is not None:
            return self.applied(m, made)
        change, open_ = m, None
        if (
            m.operation == "resolve"
            and record.holder is Holder.STAFF
            and not self.scope.may(Capability.MANAGE_TEAMS)
        ):
            # Conflicts on teams and officers are the administrator's (only their pulls list them).
            return self.reject(m, "only an administrator settles a conflict on teams and officers")
        if m.operation == "resolve":
            found = self.open_conflict(m)
            if isinstance(found, str):
                return self.reject(m, found)
            open_ = found
            change = Mutation(m.id, m.table, m.record_id, "update", m.base_version,
                              {open_.field: m.fields.get("value")})  # fmt: skip
        if problem := self.rule_problem(record, change):
            return self.reject(m, problem)
        if open_ is not None:
            return self.resolve(m, change, open_)
        handler = {"insert": self.insert, "update": self.update, "delete": self.delete}
        return handler[m.operation](m)

    def made_here_before(self, m: Mutation) -> _Record | None:
        """The stored record this insert made, sent again by the device that made it after its stored
        result was purged (server/retention.py: its answer was lost, then the device was away longer than
        the retention): answered as applied, not refused as an id in use. Only while the pusher holds it."""
        rec = self.state.get(m.record_id)
        if (
            rec is None
            or rec.new
            or rec.table != m.table
            or rec.meta.get("id", [0, None])[1] != self.device_id
        ):
            return None
        return rec if _holder(rec.table) is Holder.STAFF or rec.held_by(self.scope) else None

    def rule_problem(self, record: RecordType, m: Mutation) -> str:
        """What the table's rules refuse in this insert, update or delete ("" if nothing): the fields,
        the scope before and after, staff rules, the record's invariants and unique values."""
        if m.operation != "insert":
            rec = self.writable(m)
            if isinstance(rec, str):
                return rec
            # A base past every change number handed out would turn conflict detection off for good. (A base
            # between the record's version and that, e.g. a device's pull cursor, means the same as the
            # record's version: nothing since was seen.)
            if m.base_version > self.given_out:
                return "the change is based on a version the central store never gave out"
        unknown = set(m.fields) - record.synced if m.operation in ("insert", "update") else set()
        if unknown:
            return f"unknown fields on {m.table}: {', '.join(sorted(unknown))}"
        if m.operation == "update" and (fixed := set(m.fields) & record.fixed):
            return f"{', '.join(sorted(fixed))} on {a_or_an(record.label)} cannot be changed once it is made"
        if m.operation in ("insert", "update") and m.fields.get("id", m.record_id) != m.record_id:
            return "the id field does not match the record id"
        missing = record.required - set(m.fields) if m.operation == "insert" else set()
        if missing:
            return f"a new {m.table} record needs {', '.join(sorted(missing))}"
        if record.holder is Holder.STAFF and (problem := staff_problem(self.scope, self.state, m)):
            return problem
        if record.holder is Holder.STAFF and m.operation == "insert" and (problem := self.flood_problem()):
            return problem
        if m.operation == "update" and (problem := self.panel_problem(m)):
            return problem
        if m.operation == "update" and (problem := self.move_problem(m)):
            return problem
        if m.operation in ("insert", "update") and (problem := self.officer_problem(m)):
            return problem
        if m.operation in ("insert", "update"):
            for name, value in m.fields.items():
                if problem := value_problem(m.table, name, value):
                    return problem
            # The record's rules (domain.invariants), as every client path applies them.
            now = force_now(self.now)
            if problem := invariant_problem(m, self.state, self.scope, now, self.supervisors):
                return problem
        if m.operation == "update" and m.table == "meetings" and (problem := self.recorded_meeting(m)):
            return problem
        if m.operation in ("insert", "update") and (problem := self.taken(m.table, m.record_id, m.fields)):
            return problem
        return ""

    def flood_problem(self) -> str:
        """A team or officer more than an account may add in a day (staff.STAFF_ADDED_PER_DAY)."""
        if self.scope.role == SYSTEM:
            return ""
        if self.staff_added is None:
            self.staff_added = staff_added_today(self.conn, self.scope.username, self.now)
        if self.staff_added >= staff.STAFF_ADDED_PER_DAY:
            most = counted(staff.STAFF_ADDED_PER_DAY, "team or officer", "teams and officers")
            return f"an account adds at most {most} a day: add the rest tomorrow"
        self.staff_added += 1
        return ""

    def supervisors(self) -> list[str] | None:
        """The supervisors (officers holding no caseload) on the officers list the central store holds,
        who alone authorise a lone visit; None where it holds no officers (then not checked here)."""
        ids = self.conn.execute(
            select(records.c.id).where(records.c.table_name == "officers", records.c.deleted.is_(False))
        ).scalars()
        self.load(list(ids))
        officers = [r for r in self.state.values() if r.table == "officers" and not r.deleted]
        if not officers:
            return None
        return [str(r.data.get("name") or "") for r in officers if not r.data.get("is_som", True)]

    def officer_problem(self, m: Mutation) -> str:
        """A case is allocated only to an officer the central store holds (not deleted): checked against
        the store inside the push's lock, so an officer deleted by a push just before is seen."""
        officer = m.fields.get("officer_id") if _holder(m.table) is Holder.CASE else None
        if not isinstance(officer, str):
            return ""
        self.load([officer])
        rec = self.state.get(officer)
        if rec is None or rec.table != "officers" or rec.deleted:
            return f"no officer {officer} on the central store"
        return ""

    def panel_problem(self, m: Mutation) -> str:
        """A MAPPA panel's decisions on a level 2 or 3 case change only with the role that records them
        (the session's rule, again here for any device or script that pushes)."""
        if _holder(m.table) is not Holder.CASE or self.scope.may(Capability.RECORD_PANEL_DECISIONS):
            return ""
        level = self.state[m.record_id].level
        decided = panel_decisions_changed(Mappa(1, level), m.fields) if level in (1, 2, 3) else []
        if not decided:
            return ""
        fields = ", ".join(PANEL_DECISIONS[name] for name in decided)
        return f"{fields}: the MAPPA panel's decision on a level {level} case, recorded by the panel chair"

    def recorded_meeting(self, m: Mutation) -> str:
        """A meeting on the record keeps its date, panel and cases heard: its cases' decisions and
        actions are loaded (they are records of their own here) and the rule asked."""
        rec = self.state.get(m.record_id)
        if rec is None or rec.table != "meetings":
            return ""
        try:
            cases = [str(c) for c in json.loads(rec.data.get("cases") or "[]")]
        except (TypeError, ValueError):
            return ""
        self.load(cases, by_nominal=True)
        return recorded_meeting_problem(m, self.state, self.scope)

    def move_problem(self, m: Mutation) -> str:
        """An update that changes where a record is held: a case lands only where the pusher holds it
        (as an insert must), and a history record never leaves its offender."""
        rec = self.state[m.record_id]
        if _holder(m.table) is Holder.CHILD:
            if "nominal_id" in m.fields and m.fields["nominal_id"] != rec.nominal_id:
                return "a record cannot be moved to another offender"
            return ""
        if _holder(m.table) not in (Holder.CASE, Holder.PANEL) or not set(SCOPE_FIELDS) & set(m.fields):
            return ""
        moved = (
            m.fields.get("officer_id", rec.officer_id),
            m.fields.get("area", rec.area),
            m.fields.get("mappa_level", rec.level),
        )
        if _holder(m.table) is Holder.PANEL:
            if not self.scope.holds(*moved, panel=True):
                return "the meeting would leave your panel: a meeting's area and level stay its panel's"
            return ""
        if moved[0] != rec.officer_id and not self.scope.may(Capability.REALLOCATE):
            return "only a supervisor reallocates a case"
        if not self.scope.holds(*moved) and not self.panel_decided(rec, moved):
            return "the case would leave your caseload: only the administrator or its new holder can do that"
        return ""

    def panel_decided(self, rec: _Record, moved: tuple[str | None, str | None, int | None]) -> bool:
        """A panel chair's decision that a case of their panel no longer needs one (level 1): the case
        leaves their scope by its level alone, and their devices purge it."""
        return (
            self.scope.may(Capability.RECORD_PANEL_DECISIONS)
            and moved[:2] == rec.scope()[:2]
            and moved[2] == 1
            and rec.held_by(self.scope)
        )

    def taken(self, table: str, record_id: str, fields: dict[str, Any]) -> str:
        """The table's unique field is given a value another record already has."""
        name = _unique(table)
        if name is None or name not in fields:
            return ""
        key = (table, fields[name])
        if key not in self.fetched:
            self.fetch_keys(table, [fields[name]])
        if self.holders[key] - {record_id}:
            record = record_type(table)
            what = record.label if record is not None else "record"
            return (
                f"this {field_label(table, name)} is already used by another {what}: if the person has come "
                "from another team, ask your supervisor to arrange the transfer"
            )
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

    def reject(self, m: Mutation, reason: str) -> MutationResult:
        rec = self.state.get(m.record_id)
        visible = (
            rec is not None
            and not rec.new
            and (_holder(rec.table) is Holder.STAFF or rec.held_by(self.scope))
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
        if parent is None or _holder(parent.table) is not Holder.CASE or not parent.held_by(self.scope):
            # Held elsewhere or missing: the same words.
            return f"no offender record {fields.get('nominal_id')} that you may change"
        return parent.scope()

    def insert(self, m: Mutation) -> MutationResult:
        if m.record_id in self.state:  # the same words whoever holds it: they tell nothing about it
            return self.reject(m, f"the record id {m.record_id} is already in use: make the record afresh")
        holder = _holder(m.table)
        if holder is Holder.STAFF:
            scope: tuple[str | None, str | None, int | None] = (None, None, None)
        elif holder is Holder.PANEL:
            scope = (None, m.fields.get("area"), m.fields.get("mappa_level"))
            if not self.scope.holds(*scope, panel=True):
                return self.reject(m, "the meeting would not be one of your panel's")
        else:
            found = self.parent_scope(m.table, m.fields)
            if isinstance(found, str):
                return self.reject(m, found)
            scope = found
            if not self.scope.holds(*scope):
                return self.reject(m, "the offender would not be in your caseload")
        version = self.next_version()
        nominal_id = m.record_id if holder is Holder.CASE else m.fields.get("nominal_id")
        data = {**{k: v for k, v in m.fields.items() if k != "deleted"}, "id": m.record_id, **self.stamp()}
        rec = _Record(
            m.record_id, m.table, nominal_id, *scope, data,
            {f: [version, self.device_id] for f in data}, version, False, new=True, changed=True,
        )  # fmt: skip
        self.state[rec.id] = rec
        if (unique := _unique(rec.table)) is not None:
            self.index_key(rec, data.get(unique))
        return self.applied(m, rec)

    def writable(self, m: Mutation) -> _Record | str:
        """The stored record the change names, or why not: a record held outside the pusher's scope
        gets the same words as one that does not exist."""
        rec = self.state.get(m.record_id)
        if (
            rec is None
            or rec.table != m.table
            or (_holder(rec.table) is not Holder.STAFF and not rec.held_by(self.scope))
        ):
            return f"no {record_label(m.table)} {m.record_id} that you may change"
        return rec

    def stamp(self) -> dict[str, str]:
        """What the central store knows itself: who made the change (the account) and when (its clock).
        The server's own writes (the demo force) keep the times they were made with."""
        if self.scope.role == SYSTEM:
            return {}
        return {"updated_by": self.scope.username, "updated_at": self.now.isoformat()}

    def update(self, m: Mutation) -> MutationResult:
        rec = self.state[m.record_id]  # rule_problem found it writable
        found: list[Conflict] = []
        take: dict[str, Any] = {}
        stamp = self.stamp()
        for name, value in m.fields.items():
            if name in _STAMPED and stamp:
                continue
            changed_at, by = rec.meta.get(name, [0, None])
            if name == "deleted" and value and edited_meanwhile(rec, m, self.device_id):
                # A removal of a record another device edited since this one read it: the record stays
                # (with the edit) until the user decides.
                found.append(self.conflict(m, rec, name, value))
            elif changed_at > m.base_version and by != self.device_id and _current(rec, name) != value:
                found.append(self.conflict(m, rec, name, value))
            else:
                take[name] = value
        if removed_meanwhile(rec, m, self.device_id):
            # An edit to a record another device removed (entered in error) since this one read it: the
            # removal stays, the edit is kept on the hidden record, and the user decides (keep it: the
            # record comes back with the edit).
            found.append(self.conflict(m, rec, "deleted", False))
        if take:
            self.change(rec, {**take, **stamp})
        return self.applied(m, rec, found)

    def change(self, rec: _Record, values: dict[str, Any]) -> None:
        before = rec.scope()
        rec.version = self.next_version()
        if (unique := _unique(rec.table)) in values:
            self.index_key(rec, values[unique], rec.data.get(unique))
        for name, value in values.items():
            if name == "deleted":  # the tombstone (a removal, or its undoing by a conflict's answer)
                rec.deleted = bool(value)
            else:
                rec.data[name] = value
            rec.meta[name] = [rec.version, self.device_id]
        rec.changed = True
        if _holder(rec.table) is Holder.PANEL:
            rec.area, rec.level = rec.data.get("area"), rec.data.get("mappa_level")
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
             "area": before[1], "mappa_level": before[2], "recorded_at": self.now}
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
            "theirs": json.dumps(_current(rec, name)), "mine": json.dumps(mine),
            "username": self.scope.username, "device_id": self.device_id, "created_at": self.now,
        }  # fmt: skip
        self.conflict_rows.append(row)
        return served_conflict(row)

    def delete(self, m: Mutation) -> MutationResult:
        rec = self.state[m.record_id]  # rule_problem found it writable
        if _holder(rec.table) is not Holder.STAFF and not self.scope.may(Capability.ERASE_CASE_RECORDS):
            return self.reject(m, "offender records and their history are never deleted from a device")
        if problem := staff_delete_problem(self.conn, self.state, rec.table, rec.id):
            return self.reject(m, problem)
        rec.deleted, rec.version, rec.changed = True, self.next_version(), True
        return self.applied(m, rec)

    def open_conflict(self, m: Mutation) -> Any:
        """The open conflict a resolve names on its record, or why not."""
        rec = self.writable(m)
        if isinstance(rec, str):
            return rec
        open_ = self.conn.execute(
            select(conflicts).where(
                conflicts.c.id == str(m.fields.get("conflict_id")).replace("\x00", ""),
                conflicts.c.record_id == rec.id,
                conflicts.c.resolved_at.is_(None),
            )
        ).first()
        return open_ if open_ is not None else "the conflict is not open (already resolved elsewhere?)"

    def resolve(self, m: Mutation, change: Mutation, open_: Any) -> MutationResult:
        """The chosen value, after rule_problem held `change` (the update it makes) to every rule."""
        rec = self.state[m.record_id]
        self.change(rec, {**change.fields, **self.stamp()})
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
        # Erasure: a removed attachment's bytes, and those of an erased case's attachments, go with it
        # (after the records' rows are written: the same lock order as an upload's).
        removed = [r for r in self.state.values() if r.changed and r.deleted]
        gone = [r.id for r in removed if r.table == ATTACHMENTS.name]
        cases = [r.id for r in removed if r.table == NOMINALS.name]
        if gone or cases:
            attachments.erase(self.conn, gone, cases)
        self.conn.execute(update(change_counter).where(change_counter.c.id == 1).values(seq=self.seq))


def _row(r: _Record) -> dict[str, Any]:
    return {
        "id": r.id, "table_name": r.table, "nominal_id": r.nominal_id, "officer_id": r.officer_id,
        "area": r.area, "mappa_level": r.level, "data": json.dumps(r.data, separators=(",", ":")),
        "field_meta": json.dumps(r.meta, separators=(",", ":")), "version": r.version, "deleted": r.deleted,
        "unique_key": r.data.get(unique) if (unique := _unique(r.table)) is not None else None,
    }  # fmt: skip


# Mutation ids are the devices' own: a mutation is stored under its account and id, so replaying another
# account's id finds nothing of theirs (neither their result nor the record it carried).
_MUTATIONS = uuid.UUID("5f0c2b1e-6a57-4c1e-9a43-2d0f7b1c9e11")


def _mutation_key(username: str, mutation_id: str) -> str:
    return str(uuid.uuid5(_MUTATIONS, f"{username}\n{mutation_id}"))


def _replays(conn: Connection, username: str, ids: Sequence[str]) -> dict[str, MutationResult]:
    """The stored results of the mutations this account has already pushed, by mutation id: those stored
    under the account's key, and those stored by their bare id (before keys) from the account's devices."""
    keys = {_mutation_key(username, i): i for i in ids}
    own_devices = (
        select(devices.c.id).join(users, users.c.id == devices.c.user_id).where(users.c.username == username)
    )
    found: dict[str, MutationResult] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for row in conn.execute(
            select(mutations.c.id, mutations.c.result).where(
                or_(
                    mutations.c.id.in_([_mutation_key(username, i) for i in chunk]),
                    and_(mutations.c.id.in_(chunk), mutations.c.device_id.in_(own_devices)),
                )
            )
        ):
            found[keys.get(row.id, row.id)] = json.loads(row.result)
    return found


def _prepared(
    conn: Connection, scope: Scope, device_id: str, now: datetime, seq: int, batch: Sequence[Mutation]
) -> _Push:
    """A push's work with the stored records its batch names loaded: the records, the holders of their
    unique values, and the offenders of the history records."""
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
    # A warrant decision is checked against the person's visits, trips and other decisions.
    deciding = {m.fields.get("nominal_id") for m in batch if m.table in FAMILY_TABLES}
    deciding |= {
        rec.nominal_id
        for m in batch
        if m.table in FAMILY_TABLES and (rec := work.state.get(m.record_id)) is not None
    }
    work.load((n for n in deciding if isinstance(n, str)), by_nominal=True)
    work.load(found for m in batch if (found := read_beside(m, work.state)) is not None)
    return work


def check(
    conn: Connection, scope: Scope, device_id: str, batch: Sequence[Mutation], now: datetime
) -> list[CheckResult]:
    """What a push of `batch` would answer each change, by the same rule path (`_Push.apply`), with
    nothing saved: no records, conflicts or change numbers, no audit entries needed or received, no
    replay remembered. The caller rolls its transaction back all the same."""
    seq = conn.execute(select(change_counter.c.seq).where(change_counter.c.id == 1)).scalar_one()
    work = _prepared(conn, scope, device_id, now, seq, batch)
    results = (work.apply(m) for m in batch)
    return [{"id": r["id"], "ok": r["status"] != "rejected", "reason": r["reason"]} for r in results]


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
    done = _replays(conn, scope.username, [m.id for m in batch])
    work = _prepared(conn, scope, device_id, now, seq, batch)
    for m in batch:  # a replay whose stored result was purged: its audit entry was used the first time
        if m.id not in done and m.operation == "insert" and (made := work.made_here_before(m)) is not None:
            done[m.id] = work.applied(m, made)
    unaudited = cover(conn, device_id, (m for m in batch if m.id not in done), fresh) if accountable else {}
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
                {
                    "id": _mutation_key(scope.username, m.id),
                    "device_id": device_id,
                    "result": json.dumps(result),
                    "received_at": now,
                }
            )
    work.save()
    if stored:
        conn.execute(insert(mutations), stored)
    return results, audit_seq
