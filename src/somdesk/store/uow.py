"""The unit of work: a domain change, its sync outbox entry and its audit event in one transaction.

    with store.unit_of_work("dc.marlby") as uow:
        uow.add_visit(visit)

Either all three are committed or none is: a crash at any point leaves no half-written change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, Integer, cast, delete, select, update

from somdesk.domain.breaches import Breach
from somdesk.domain.contacts import Contact, contact_values
from somdesk.domain.details import NotifiedDetail, RecordedName
from somdesk.domain.devices import Device, device_values
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.meetings import Meeting, PanelAction, PanelDecision
from somdesk.domain.model import ArmsAssessment, Case, Nominal, Officer, Team, Visit
from somdesk.domain.name_changes import NameChangeNotice, notice_values
from somdesk.domain.records import ATTACHMENTS, NOMINALS, RecordType, changed_detail, record_type
from somdesk.domain.rm2000 import Rm2000Assessment
from somdesk.domain.rosh import RoshAssessment
from somdesk.domain.whereabouts import Whereabouts
from somdesk.domain.words import a_or_an
from somdesk.store import attachments as attachment_store
from somdesk.store import kept
from somdesk.store.audit import Action, AuditWriter
from somdesk.store.engine import IMMEDIATE
from somdesk.store.errors import NotFound
from somdesk.store.ids import new_id
from somdesk.store.mapping import (
    arms_row,
    breach_values,
    detail_values,
    licence_row,
    name_values,
    nominal_row,
    occasion_row,
    officer_row,
    order_rows,
    plan_columns,
    rm2000_row,
    rm2000_values,
    rosh_values,
    team_row,
    trip_row,
    visit_row,
    whereabouts_values,
)
from somdesk.store.panel import PanelReader, action_values, decision_values, meeting_values
from somdesk.store.read import Reader
from somdesk.store.schema import (
    SYNC_CURSOR,
    arms_assessments,
    breaches,
    civil_orders,
    contacts,
    devices,
    licences,
    meetings,
    meta,
    name_change_notices,
    names,
    nominals,
    notified_details,
    occasions,
    officers,
    order_terms,
    outbox,
    panel_actions,
    panel_decisions,
    rm2000_assessments,
    rosh_assessments,
    sync_conflicts,
    table_for,
    teams,
    trips,
    visits,
    whereabouts,
)

__all__ = ["InvalidValue", "UnitOfWork", "check_declared", "force_rows"]


def _json(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot put {type(value).__name__} in an outbox payload")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _bulk_insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """executemany straight to the driver: SQLAlchemy's per-row parameter processing costs more than
    SQLCipher's inserts themselves on an import of 100,000 RSOs."""
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    conn.exec_driver_sql(sql, [tuple(_plain(row[c]) for c in columns) for row in rows])


class InvalidValue(ValueError):
    """A value the record type's declaration does not allow: the central store would refuse it, and
    the device would be left with a change it cannot send. Besides its English message, what the window
    says of it: the record's and the field's labels (English, translated where shown) and the problem
    (records.text_problem's words, already in the user's language)."""

    def __init__(self, message: str, record: str = "", field: str = "", problem: str = "") -> None:
        super().__init__(message)
        self.record, self.field, self.problem = record, field, problem


def check_declared(table: str, payload: Mapping[str, Any]) -> None:
    """InvalidValue for the first value the record type's declaration does not allow."""
    record = record_type(table)
    if record is None:
        raise InvalidValue(f"{table} is not a record type that syncs")
    checks = record.checks
    for name, value in payload.items():
        declared = checks.get(name)
        if declared is None or isinstance(value, date | datetime):  # a date object is a date
            continue
        if problem := declared.problem(value):
            raise InvalidValue(f"{record.label}: {name} {problem}", record.label, declared.title, problem)


class UnitOfWork:
    def __init__(
        self,
        engine: Engine,
        device_id: str,
        user: str,
        justification_required: bool,
        clock: Callable[[], datetime],
        sync_outbox: bool = True,
    ) -> None:
        self._engine = engine
        self.device_id = device_id
        self.user = user
        self._justification_required = justification_required
        self._clock = clock
        self._sync_outbox = sync_outbox  # False only for demo profiles, which never sync
        self._outbox: list[dict[str, Any]] = []

    def panel(self) -> PanelReader:
        """Meetings, decisions and actions, read inside this unit of work's transaction."""
        return PanelReader(self.conn)

    def __enter__(self) -> UnitOfWork:
        self.conn: Connection = self._engine.connect().execution_options(**{IMMEDIATE: True})
        try:
            self._tx = self.conn.begin()
            self.now = self._clock()
            self.audit = AuditWriter(self.conn, self.device_id, self.user, self._justification_required)
        except BaseException:
            self.conn.close()  # e.g. busy past the timeout: give the connection back, change nothing
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self.audit.flush()
                if self._outbox:
                    self.conn.execute(outbox.insert(), self._outbox)
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            self.conn.close()

    @property
    def reader(self) -> Reader:
        """Reads inside this unit of work: they see its own changes before it commits."""
        return Reader(self.conn)

    # -- helpers

    def queue_change(
        self, table: str, record_id: str, operation: str, base_version: int, payload: dict[str, Any]
    ) -> None:
        """Put a change in the outbox (sent with this unit of work's audit entries)."""
        if self._sync_outbox:
            self._outbox.append(
                {
                    "mutation_id": new_id(),
                    "table_name": table,
                    "record_id": record_id,
                    "operation": operation,
                    "base_version": base_version,
                    "payload": json.dumps(payload, default=_json),
                    "created_at": self.now,
                }
            )

    def _insert(self, table: Any, rows: list[dict[str, Any]], detail: str = "") -> None:
        if not rows:
            return
        for row in rows:
            check_declared(table.name, row)
        self.conn.execute(table.insert(), rows)
        for row in rows:
            self.queue_change(table.name, row["id"], "insert", 0, row)
            self.audit.entry(Action.COLLECTION, table.name, row["id"], self.now, detail=detail)

    # -- changes

    def add(self, record: RecordType, values: dict[str, Any], detail: str = "") -> str:
        """A new record of any declared type (its id made here unless given): written, queued, audited
        (with `detail` in the audit entry)."""
        row = {f.name: f.default for f in record.fields if f.default is not None} | values
        row.setdefault("id", new_id())
        row.update(updated_at=self.now, updated_by=self.user)
        self._insert(table_for(record), [row], detail)
        return str(row["id"])

    def change(self, record: RecordType, record_id: str, changes: dict[str, Any], reason: str = "") -> None:
        """Change fields of a record of any declared type: written, queued with its base version, audited
        (the fields changed, by their labels, and `reason`)."""
        if record.append_only:
            raise ValueError(f"{a_or_an(record.label, capital=True)} is never changed once made")
        unknown = set(changes) - record.editable
        if unknown:
            raise ValueError(f"not editable on {record.label}: {', '.join(sorted(unknown))}")
        check_declared(record.name, changes)
        table = table_for(record)
        version = self.conn.execute(
            select(table.c.version).where(table.c.id == record_id, table.c.deleted.is_(False))
        ).scalar()
        if version is None:
            raise NotFound(f"no {record.label} with id {record_id}")
        self.conn.execute(
            update(table)
            .where(table.c.id == record_id)
            .values(**changes, updated_at=self.now, updated_by=self.user)
        )
        self.queue_change(record.name, record_id, "update", version, changes)
        self.audit.entry(
            Action.ALTERATION,
            record.name,
            record_id,
            self.now,
            detail=changed_detail(record.name, changes, reason),
        )

    def remove(self, record: RecordType, record_id: str, detail: str) -> None:
        """Mark a record removed (entered in error): the tombstone written and queued as an update of
        `deleted` with its base version (so the central store can see an edit made meanwhile elsewhere),
        audited with `detail` (what was removed and why). NotFound if it is not held or already removed."""
        table = table_for(record)
        version = self.conn.execute(
            select(table.c.version).where(table.c.id == record_id, table.c.deleted.is_(False))
        ).scalar()
        if version is None:
            raise NotFound(f"no {record.label} with id {record_id}")
        self.conn.execute(
            update(table)
            .where(table.c.id == record_id)
            .values(deleted=True, updated_at=self.now, updated_by=self.user)
        )
        self.queue_change(record.name, record_id, "update", version, {"deleted": True})
        self.audit.entry(Action.ALTERATION, record.name, record_id, self.now, detail=detail)

    def add_attachment(self, values: dict[str, Any], content: bytes, thumbnail: bytes, detail: str) -> str:
        """A photograph or document made here: its record written, queued and audited (collection), its
        bytes kept inside this encrypted file and queued to upload, in the same transaction."""
        attachment_id = self.add(ATTACHMENTS, values, detail)
        # A demo profile never syncs: nothing queued to upload (as nothing goes in its outbox).
        attachment_store.keep_new(self.conn, attachment_id, content, thumbnail, self.now, self._sync_outbox)
        return attachment_id

    def erase_attachment(self, attachment_id: str, detail: str) -> None:
        """A photograph or document removed: the record's tombstone (synced) and its bytes gone from this
        device, audited as an erasure."""
        self.remove(ATTACHMENTS, attachment_id, detail)
        attachment_store.erase(self.conn, [attachment_id])
        self.audit.entry(Action.ERASURE, ATTACHMENTS.name, attachment_id, self.now, detail=detail)

    def add_team(self, team: Team) -> None:
        self._insert(teams, [team_row(team, self.now, self.user)])

    def add_officer(self, officer: Officer) -> None:
        self._insert(officers, [officer_row(officer, self.now, self.user)])

    def add_nominal(self, nominal: Nominal) -> None:
        self._insert(nominals, [nominal_row(nominal, self.now, self.user)])
        self._insert(
            occasions,
            [occasion_row(nominal.id, new_id(), o, self.now, self.user) for o in nominal.occasions],
        )
        self._insert(trips, [trip_row(nominal.id, new_id(), t, self.now, self.user) for t in nominal.trips])
        order_list, term_list = order_rows(nominal.id, nominal.orders, self.now, self.user, new_id)
        self._insert(civil_orders, order_list)
        self._insert(order_terms, term_list)
        self._insert(
            licences,
            [licence_row(nominal.id, new_id(), lic, self.now, self.user) for lic in nominal.licences],
        )

    def add_visit(self, visit: Visit) -> str:
        record_id = new_id()
        self._insert(visits, [visit_row(record_id, visit, self.now, self.user)])
        return record_id

    def add_visits(self, batch: Iterable[Visit]) -> list[str]:
        rows = [visit_row(new_id(), v, self.now, self.user) for v in batch]
        self._insert(visits, rows)
        return [r["id"] for r in rows]

    def add_arms(self, assessment: ArmsAssessment) -> str:
        record_id = new_id()
        self._insert(arms_assessments, [arms_row(record_id, assessment, self.now, self.user)])
        return record_id

    def add_rm2000(self, assessment: Rm2000Assessment) -> str:
        record_id = new_id()
        self._insert(rm2000_assessments, [rm2000_row(record_id, assessment, self.now, self.user)])
        return record_id

    def update_nominal(self, nominal_id: str, changes: dict[str, Any], reason: str = "") -> None:
        self.change(NOMINALS, nominal_id, changes, reason)

    def resolve_conflict(self, conflict_id: str, table: str, record_id: str, field: str, value: Any) -> None:
        """The user's answer to a sync conflict: the field takes `value` here at once, and the central
        store applies it and closes the conflict for every device when this is pushed."""
        record = record_type(table)
        if record is None or field not in record.editable | {"deleted"}:
            raise ValueError(f"{table}.{field} is not a field that syncs")
        found = self.conn.execute(
            select(sync_conflicts.c.id).where(sync_conflicts.c.id == conflict_id)
        ).scalar()
        if found is None:
            raise NotFound(f"no open conflict {conflict_id} (resolved elsewhere?)")
        self.conn.exec_driver_sql(
            f"UPDATE {table} SET {field} = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            (_plain(value), self.now.isoformat(), self.user, record_id),
        )
        self.conn.execute(delete(sync_conflicts).where(sync_conflicts.c.id == conflict_id))
        self.queue_change(table, record_id, "resolve", 0, {"conflict_id": conflict_id, "value": value})
        if table == ATTACHMENTS.name and field == "deleted":
            if value:  # removed after all: its bytes go, as with any removal
                attachment_store.erase(self.conn, [record_id])
            else:  # kept: the central store erased its bytes with the removal; these go back
                attachment_store.send_again(self.conn, record_id)
        self.audit.entry(
            Action.ALTERATION, table, record_id, self.now, detail=f"sync conflict on {field} resolved"
        )

    def rewind_cursor(self, to: int) -> None:
        """Pull again from change `to`: what this computer shows of later changes is fetched afresh."""
        self.conn.execute(
            update(meta)
            .where(meta.c.key == SYNC_CURSOR, cast(meta.c.value, Integer) > to)
            .values(value=str(to))
        )

    def send_again(self, mutation_id: str) -> None:
        """A refused or set-aside change sent again (store/kept.py)."""
        kept.send_again(self, mutation_id)

    def discard_kept(self, mutation_id: str) -> None:
        """A refused or set-aside change given up by the user (store/kept.py)."""
        kept.discard(self, mutation_id)

    def consult(self, table: str, record_id: str, justification: str) -> None:
        """Opening a record is a consultation under s.62: logged with the reason."""
        self.audit.entry(Action.CONSULTATION, table, record_id, self.now, justification=justification)

    def disclose(
        self, table: str, record_id: str, recipient: str, justification: str, detail: str = ""
    ) -> None:
        self.audit.entry(
            Action.DISCLOSURE,
            table,
            record_id,
            self.now,
            justification=justification,
            recipient=recipient,
            detail=detail,
        )

    def import_force(
        self,
        teams_: Iterable[Team],
        officers_: Iterable[Officer],
        cases_: Iterable[Case],
        visits_: Iterable[Visit],
        arms_: Iterable[ArmsAssessment],
        source: str,
        plans: Mapping[str, RiskPlan] | None = None,
        case_records: Iterable[tuple[str, CaseRecord]] = (),
        meetings_: Iterable[Meeting] = (),
    ) -> int:
        """Bulk collection (demo data, caseload imports): every row in one transaction.

        The audit log gets one collection entry per nominal naming the source and what came with it.
        """
        at, by = self.now, self.user
        case_list = list(cases_)
        tables = force_rows(
            teams_, officers_, case_list, visits_, arms_, plans or {}, at, by, case_records, meetings_
        )
        history: dict[str, list[int]] = {c.nominal.id: [0, 0] for c in case_list}
        for table, rows in tables:
            if table is visits or table is arms_assessments:
                for row in rows:
                    history[row["nominal_id"]][table is arms_assessments] += 1
        for table, rows in tables:
            if self._sync_outbox:  # a demo force is made by our own generator and never syncs
                for row in rows:
                    check_declared(table.name, row)
            _bulk_insert(self.conn, table.name, rows)
            for row in rows:
                self.queue_change(table.name, row["id"], "insert", 0, row)
                # Each staff record sent needs its own entry (the central store accepts no change
                # without one); a case's rows are logged with its offender. A demo never syncs.
                if self._sync_outbox and (table is teams or table is officers or table is meetings):
                    self.audit.entry(
                        Action.COLLECTION, table.name, row["id"], at, detail=f"imported from {source}"
                    )
        for n in (c.nominal for c in case_list):
            v, a = history[n.id]
            self.audit.entry(
                Action.COLLECTION,
                "nominals",
                n.id,
                at,
                detail=f"imported from {source} with {len(n.occasions)} sentencing occasions, {v} visits, "
                f"{a} ARMS assessments" + (f", {len(n.orders)} civil orders" if n.orders else ""),
            )
        return len(case_list)


def force_rows(
    teams_: Iterable[Team],
    officers_: Iterable[Officer],
    case_list: list[Case],
    visits_: Iterable[Visit],
    arms_: Iterable[ArmsAssessment],
    plans: Mapping[str, RiskPlan],
    at: datetime,
    by: str,
    case_records: Iterable[tuple[str, CaseRecord]] = (),
    meetings_: Iterable[Meeting] = (),
) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Every row of a force, table by table in the order they may be written (parents first): what a
    bulk import writes locally, and what the central store's demo is seeded with."""
    nominal_list = [c.nominal for c in case_list]
    order_list: list[dict[str, Any]] = []
    term_list: list[dict[str, Any]] = []
    for n in nominal_list:
        made, terms = order_rows(n.id, n.orders, at, by, new_id)
        order_list += made
        term_list += terms
    return [
        (teams, [team_row(t, at, by) for t in teams_]),
        (officers, [officer_row(o, at, by) for o in officers_]),
        (
            nominals,
            [
                {
                    **nominal_row(c.nominal, at, by),
                    "arms_review_requested_on": c.arms_review_requested_on,
                    "planned_visit": c.planned_visit,
                    **plan_columns(plans.get(c.nominal.id, RiskPlan())),
                }
                for c in case_list
            ],
        ),
        (occasions, [occasion_row(n.id, new_id(), o, at, by) for n in nominal_list for o in n.occasions]),
        # A new case's records are new: ids they carry (a copied record's) are never reused.
        (trips, [trip_row(n.id, new_id(), t, at, by) for n in nominal_list for t in n.trips]),
        (civil_orders, order_list),
        (order_terms, term_list),
        (
            licences,
            [licence_row(n.id, new_id(), lic, at, by) for n in nominal_list for lic in n.licences],
        ),
        (visits, [visit_row(new_id(), v, at, by) for v in visits_]),
        (arms_assessments, [arms_row(new_id(), a, at, by) for a in arms_]),
        (
            meetings,
            [{**meeting_values(m), "id": m.id or new_id(), **_sync_fields(at, by)} for m in meetings_],
        ),
        *_case_record_rows(case_records, at, by),
    ]


# A breach, whereabouts episode or RoSH assessment held with a case (the demo's, say), and its table.
CaseRecord = (
    Breach
    | Whereabouts
    | RoshAssessment
    | RecordedName
    | NotifiedDetail
    | Contact
    | Device
    | PanelDecision
    | PanelAction
    | Rm2000Assessment
    | NameChangeNotice
)
_CASE_RECORDS: dict[type, tuple[Any, Callable[[Any], dict[str, Any]]]] = {
    PanelDecision: (panel_decisions, decision_values),
    PanelAction: (panel_actions, action_values),
    Breach: (breaches, breach_values),
    Whereabouts: (whereabouts, whereabouts_values),
    RoshAssessment: (rosh_assessments, rosh_values),
    RecordedName: (names, name_values),
    NotifiedDetail: (notified_details, detail_values),
    Contact: (contacts, contact_values),
    Device: (devices, device_values),
    Rm2000Assessment: (rm2000_assessments, rm2000_values),
    NameChangeNotice: (name_change_notices, notice_values),
}


def _case_record_rows(
    records: Iterable[tuple[str, CaseRecord]], at: datetime, by: str
) -> list[tuple[Any, list[dict[str, Any]]]]:
    by_table: dict[Any, list[dict[str, Any]]] = {table: [] for table, _ in _CASE_RECORDS.values()}
    for nominal_id, record in records:
        table, values = _CASE_RECORDS[type(record)]
        row = {
            "id": getattr(record, "id", "") or new_id(),  # an RM2000 assessment has none until stored
            "nominal_id": nominal_id,
            **values(record),
            **_sync_fields(at, by),
        }
        by_table[table].append(row)
    return [(table, rows) for table, rows in by_table.items() if rows]


def _sync_fields(at: datetime, by: str) -> dict[str, Any]:
    return {"version": 0, "updated_at": at, "updated_by": by, "deleted": False}
