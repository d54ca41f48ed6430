"""Reading the store: plain domain objects out, never live database objects."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, time
from enum import Enum
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, and_, func, literal, literal_column, or_, select

from somdesk.domain.attachments import Attachment
from somdesk.domain.breaches import Breach, BreachAction, BreachKind, is_charged, latest_breach
from somdesk.domain.contacts import Contact, contact_from_values
from somdesk.domain.details import NotifiedDetail, RecordedName
from somdesk.domain.device_checks import DeviceCheck, check_from_values
from somdesk.domain.devices import Device, device_from_values
from somdesk.domain.kept_dates import rule_of
from somdesk.domain.licences import Licence
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import (
    ArmsAssessment,
    Case,
    ForeignTrip,
    Nominal,
    Officer,
    RecordedVisit,
    Team,
    Visit,
    VisitAmendment,
)
from somdesk.domain.name_changes import NameChangeNotice, notice_from_values
from somdesk.domain.notification import NotificationRules, registration_dates
from somdesk.domain.orders import CivilOrder, OrderTerm
from somdesk.domain.planner import planned_time
from somdesk.domain.pre_visit import PreVisitCheck, pre_visit_from_values
from somdesk.domain.records import Holder, RecordType, record_type, record_types
from somdesk.domain.rm2000 import Rm2000Assessment
from somdesk.domain.rosh import RoshAssessment
from somdesk.domain.warrants import WarrantDecision
from somdesk.domain.whereabouts import Whereabouts, open_episode
from somdesk.store import attachments as attachment_store
from somdesk.store.errors import NotFound, no_case
from somdesk.store.kept_dates import KEPT_COLUMNS, keep, kept_from_row
from somdesk.store.mapping import (
    NOMINAL_FIELDS,
    ORDER_FIELDS,
    NominalReader,
    amendment_from_row,
    arms_from_row,
    breach_from_row,
    detail_from_row,
    licence_from_row,
    name_from_row,
    occasion_from_row,
    order_from_row,
    order_from_values,
    order_term_from_row,
    plan_from_row,
    rm2000_from_row,
    rosh_from_row,
    trip_from_row,
    visit_from_row,
    whereabouts_from_row,
)
from somdesk.store.panel import PanelReader
from somdesk.store.schema import (
    arms_assessments,
    audit_log,
    breaches,
    civil_orders,
    contacts,
    device_checks,
    devices,
    licences,
    metadata,
    name_change_notices,
    nominals,
    notified_details,
    occasions,
    officers,
    order_terms,
    outbox,
    pre_visit_checks,
    rm2000_assessments,
    rosh_assessments,
    table_for,
    teams,
    trips,
    visit_amendments,
    visits,
    whereabouts,
)
from somdesk.store.schema import (
    names as name_records,
)
from somdesk.store.warrants import all_attempts, all_decisions, attempts_for, latest_failures

__all__ = ["Reader", "RecordState", "case_state", "child_tables"]

# Raw SQL so 100,000 rows skip per-column type processing; mapping parses the ISO dates. Only the
# columns the queues use, in NominalReader's order then the case's own. The latest seen visit and
# ARMS are columns kept by triggers, so this reads one table.
_CASE_EXTRAS = (
    "last_seen_visit",
    "last_arms",
    "arms_review_requested_on",
    "planned_visit",
    "planned_visit_time",
    *KEPT_COLUMNS,
)
_CASES_SQL = f"SELECT {', '.join(NOMINAL_FIELDS + _CASE_EXTRAS)} FROM nominals WHERE deleted = 0"
_ONLY_IDS = " AND {} IN (SELECT value FROM json_each(?))"


def _among(column: Any, ids: Collection[str] | None) -> list[Any]:
    """The condition narrowing a read to `ids` (none for every row)."""
    return [] if ids is None else [column.in_(sorted(ids))]


def child_tables() -> list[str]:
    """The record types held with an offender (their history), in declaration order."""
    return [r.name for r in record_types(Holder.CHILD)]


class RecordState(Enum):
    SYNCED = "synced"
    PENDING = "pending"
    CONFLICT = "conflict"
    REJECTED = "rejected"


def case_state(conn: Connection, nominal_id: str) -> RecordState:
    """A whole case's state: the nominal's and every record of its history's, the worst of them (a
    photograph or document whose bytes are still to upload counts as waiting, like its record would)."""
    children = child_tables()
    history = "".join(f" UNION ALL SELECT id FROM {t} WHERE nominal_id = ?" for t in children)
    found = conn.exec_driver_sql(
        f"""WITH ids(id) AS (SELECT ?{history})
           SELECT (SELECT count(*) FROM sync_conflicts WHERE record_id IN (SELECT id FROM ids)),
                  (SELECT count(*) FROM sync_rejections WHERE record_id IN (SELECT id FROM ids)),
                  (SELECT count(*) FROM sync_outbox WHERE record_id IN (SELECT id FROM ids))
                  + (SELECT count(*) FROM attachment_transfers
                     WHERE direction = 'up' AND attachment_id IN (SELECT id FROM ids))""",
        (nominal_id,) * (1 + len(children)),
    ).one()
    for count, state in zip(
        found, (RecordState.CONFLICT, RecordState.REJECTED, RecordState.PENDING), strict=True
    ):
        if count:
            return state
    return RecordState.SYNCED


class Reader:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def panel(self) -> PanelReader:
        """Meetings, decisions and actions, read in this reader's connection."""
        return PanelReader(self.conn)

    def attempts_for(self, nominal_id: str) -> tuple[RecordedVisit, ...]:
        """The person's unsuccessful attempts at entry since last seen, oldest first (s.96B)."""
        return attempts_for(self.conn, nominal_id)

    def warrant_decisions_for(self, nominal_id: str) -> list[WarrantDecision]:
        """The person's warrant decisions, oldest first."""
        return all_decisions(self.conn, nominal_id).get(nominal_id, [])

    def sync_state(self, nominal_id: str) -> RecordState:
        return case_state(self.conn, nominal_id)

    def visor_refs(self) -> set[str]:
        """Every ViSOR reference held (an import refuses a second record with one)."""
        return {r[0] for r in self.conn.exec_driver_sql("SELECT visor_ref FROM nominals WHERE deleted = 0")}

    def earliest_relevant_date(self) -> date | None:
        """The first relevant date of any RSO held (None when none is): before it no one was registered."""
        found = self.conn.execute(
            select(func.min(nominals.c.relevant_date)).where(nominals.c.deleted.is_(False))
        ).scalar()
        return found if isinstance(found, date) or found is None else date.fromisoformat(str(found))

    def relevant_date(self, nominal_id: str) -> date | None:
        found = self.conn.execute(
            select(nominals.c.relevant_date).where(nominals.c.id == nominal_id, nominals.c.deleted.is_(False))
        ).scalar()
        return found

    def held_rows(self, record: RecordType, **where: str) -> list[dict[str, Any]]:
        """Rows of a declared record type matching `where` (column = value), removed ones too (their
        `deleted` says so): for removing a record entered in error."""
        table = table_for(record)
        rows = self.conn.execute(select(table).where(*(table.c[k] == v for k, v in where.items())))
        return [dict(r._mapping) for r in rows]

    def planned_booking(self, nominal_id: str) -> tuple[date | None, time | None] | None:
        """A case's booked visit (day, start time), or None when the case is not held here."""
        row = self.conn.execute(
            select(nominals.c.planned_visit, nominals.c.planned_visit_time).where(
                nominals.c.id == nominal_id, nominals.c.deleted.is_(False)
            )
        ).first()
        return None if row is None else (row[0], planned_time(row[1]))

    def planned_visit(self, nominal_id: str) -> date | None:
        found = self.conn.execute(
            select(nominals.c.planned_visit).where(nominals.c.id == nominal_id)
        ).scalar()
        return found

    def teams(self) -> list[Team]:
        rows = self.conn.execute(select(teams).where(teams.c.deleted.is_(False)).order_by(teams.c.name))
        return [Team(r.id, r.name, r.area) for r in rows]

    def officers(self) -> list[Officer]:
        rows = self.conn.execute(
            select(officers).where(officers.c.deleted.is_(False)).order_by(officers.c.name)
        )
        return [Officer(r.id, r.name, r.team_id, bool(r.is_som)) for r in rows]

    def _raw(self, sql: str, *params: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.conn.connection.driver_connection.execute(sql, params)  # type: ignore[union-attr]
        return [c[0] for c in cursor.description], cursor.fetchall()

    def nominal(self, nominal_id: str) -> Nominal:
        columns, rows = self._raw("SELECT * FROM nominals WHERE id = ? AND deleted = 0", nominal_id)
        if not rows:
            raise no_case(nominal_id)
        occ = self.conn.execute(
            select(occasions)
            .where(occasions.c.nominal_id == nominal_id, occasions.c.deleted.is_(False))
            .order_by(occasions.c.sentenced_on)
        )
        tr = self.conn.execute(
            select(trips)
            .where(trips.c.nominal_id == nominal_id, trips.c.deleted.is_(False))
            .order_by(trips.c.departs_on)
        )
        return NominalReader(columns)(
            rows[0],
            [occasion_from_row(o) for o in occ],
            [trip_from_row(t) for t in tr],
            self.orders_for(nominal_id),
            self.licences_for(nominal_id),
        )

    def licences_for(self, nominal_id: str) -> list[Licence]:
        """One person's licences, latest started first."""
        rows = self.conn.execute(
            select(licences)
            .where(licences.c.nominal_id == nominal_id, licences.c.deleted.is_(False))
            .order_by(licences.c.starts_on.desc(), licences.c.id)
        )
        return [licence_from_row(r) for r in rows]

    def orders_for(self, nominal_id: str) -> list[CivilOrder]:
        """One person's civil orders, latest made first, each with its terms (prohibitions first, then
        requirements; in the order recorded within each)."""
        terms: defaultdict[str, list[OrderTerm]] = defaultdict(list)
        for r in self.conn.execute(
            select(order_terms)
            .where(order_terms.c.nominal_id == nominal_id, order_terms.c.deleted.is_(False))
            .order_by(literal_column("rowid"))  # as entered (a pulled term after the ones held)
        ):
            terms[r.order_id].append(order_term_from_row(r))
        rows = self.conn.execute(
            select(civil_orders)
            .where(civil_orders.c.nominal_id == nominal_id, civil_orders.c.deleted.is_(False))
            .order_by(civil_orders.c.made_on.desc(), civil_orders.c.id)
        )
        return [order_from_row(r, terms[r.id]) for r in rows]

    def terms_per_order(self) -> dict[str, int]:
        """How many terms each civil order has, by the order's id (for the orders in force export)."""
        return dict(
            self.conn.exec_driver_sql(
                "SELECT order_id, count(*) FROM order_terms WHERE deleted = 0 GROUP BY order_id"
            ).all()
        )

    def all_breaches(self) -> dict[str, list[Breach]]:
        """Every breach held, by the person's id, latest found first (for the breaches export)."""
        out: defaultdict[str, list[Breach]] = defaultdict(list)
        rows = self.conn.execute(
            select(breaches)
            .where(breaches.c.deleted.is_(False))
            .order_by(breaches.c.found_on.desc(), breaches.c.id.desc())
        )
        for r in rows:
            out[r.nominal_id].append(breach_from_row(r))
        return dict(out)

    def find_by_visor(self, visor_ref: str) -> Nominal:
        nid = self.conn.execute(select(nominals.c.id).where(nominals.c.visor_ref == visor_ref)).scalar()
        if nid is None:
            raise NotFound(f"no RSO with ViSOR reference {visor_ref}")
        return self.nominal(nid)

    def cases(self, rules: NotificationRules | None = None, ids: Collection[str] | None = None) -> list[Case]:
        """Every active nominal as a Case for the queues and caseload (sentencing occasions left out:
        only RM2000 needs them, and `nominal()` loads them), with the registration's dates where kept;
        with `ids`, only those of them held (a saved change's cases, read again for the incremental
        refresh).

        With `rules`, the dates not kept under them are worked out (by the domain) and kept, in this
        read's transaction, which is then committed: so pass them only to a reader of its own."""
        # The same reads narrowed to `ids`: one JSON array parameter, however many ids.
        only, args = ("", ()) if ids is None else (_ONLY_IDS, (json.dumps(sorted(ids)),))
        trips_by: dict[str, list[ForeignTrip]] = defaultdict(list)
        for t in self.conn.exec_driver_sql(
            "SELECT id, nominal_id, departs_on, destination, notified_on, short_notice_reason, returns_on "
            "FROM foreign_trips WHERE deleted = 0" + only.format("nominal_id"),
            args,
        ):
            trips_by[t.nominal_id].append(trip_from_row(t))
        orders_by: dict[str, list[CivilOrder]] = defaultdict(list)  # without their terms: no rule reads them
        for nid, *values in self.conn.exec_driver_sql(
            f"SELECT nominal_id, {', '.join(ORDER_FIELDS)} FROM civil_orders WHERE deleted = 0"
            + only.format("nominal_id"),
            args,
        ).cursor.fetchall():  # plain tuples: 60,000 rows at 100,000 people
            orders_by[nid].append(order_from_values(values))
        breaches_by: dict[str, list[tuple[date, BreachKind]]] = defaultdict(list)
        charged_by: dict[str, list[date]] = defaultdict(list)
        for nid, found, kind, action, outcome in self.conn.exec_driver_sql(
            "SELECT nominal_id, found_on, kind, action, outcome FROM breaches WHERE deleted = 0"
            + only.format("nominal_id")
            + " ORDER BY found_on",
            args,
        ):
            breaches_by[nid].append((date.fromisoformat(found), BreachKind(kind)))
            if is_charged(BreachAction(action), outcome or ""):
                charged_by[nid].append(date.fromisoformat(found))
        found_by = {nid: tuple(d for d, _ in found) for nid, found in breaches_by.items()}
        latest_by = {nid: latest_breach(found) for nid, found in breaches_by.items()}
        missing: dict[str, Whereabouts] = {}
        for r in self.conn.exec_driver_sql(
            "SELECT id, nominal_id, status, circulated_on, reference, resolved_on, notes, last_reviewed_on, "
            "reviewed_by, review_note FROM whereabouts "
            "WHERE deleted = 0 AND resolved_on IS NULL"
            + only.format("nominal_id")
            + " ORDER BY circulated_on DESC",
            args,
        ):
            missing[r.nominal_id] = whereabouts_from_row(r)  # the earliest open one last, so it stays
        notices_by: dict[str, list[NameChangeNotice]] = defaultdict(list)
        for r in self.conn.execute(
            select(name_change_notices)
            .where(name_change_notices.c.deleted.is_(False), *_among(name_change_notices.c.nominal_id, ids))
            .order_by(name_change_notices.c.received_on.desc(), name_change_notices.c.id)
        ):
            notices_by[r.nominal_id].append(notice_from_values(dict(r._mapping), r.id))
        actions_by = self.panel().open_actions(ids=ids)
        failed_by = latest_failures(self.conn, ids)  # failed entry since the last seen visit (s.96B): who
        tried: list[int] = []  # may have some, found as each row is read; their attempts read after
        decisions_by = all_decisions(self.conn, among=ids)
        access_by: dict[str, list[Contact]] = defaultdict(list)
        for r in self.conn.execute(
            select(contacts).where(
                contacts.c.has_access.is_(True),
                contacts.c.deleted.is_(False),
                *_among(contacts.c.nominal_id, ids),
            )
        ):
            access_by[r.nominal_id].append(contact_from_values(dict(r._mapping), r.id))
        driver = self.conn.connection.driver_connection
        cursor = driver.execute(_CASES_SQL + only.format("id"), args)  # type: ignore[union-attr]
        columns = [c[0] for c in cursor.description]
        build = NominalReader(columns)
        extra = itemgetter(*range(len(NOMINAL_FIELDS), len(NOMINAL_FIELDS) + 5))
        kept_values = itemgetter(*range(len(NOMINAL_FIELDS) + 5, len(columns)))
        id_at = columns.index("id")
        fromiso = date.fromisoformat
        out: list[Case] = []
        # In chunks: freeing 100,000 raw rows at once is one C call that holds the interpreter lock
        # (and so the window's thread) for about 100 ms.
        while rows := cursor.fetchmany(2000):
            for r in rows:
                seen, arms, review, planned, at = extra(r)
                failed = failed_by.get(r[id_at])
                if failed is not None and failed >= (seen or ""):
                    tried.append(len(out))
                out.append(
                    Case(
                        build(r, (), trips_by.get(r[id_at], ()), orders_by.get(r[id_at], ())),
                        fromiso(seen) if seen else None,
                        fromiso(arms) if arms else None,
                        fromiso(review) if review else None,
                        fromiso(planned) if planned else None,
                        found_by.get(r[id_at], ()),
                        missing.get(r[id_at]),
                        tuple(notices_by.get(r[id_at], ())),
                        latest_by.get(r[id_at]),
                        tuple(actions_by.get(r[id_at], ())),
                        tuple(access_by.get(r[id_at], ())),
                        (),
                        tuple(decisions_by.get(r[id_at], ())),
                        tuple(charged_by.get(r[id_at], ())),
                        kept_from_row(kept_values(r)),
                        planned_time(at),
                    )
                )
        attempts_by = all_attempts(self.conn, among=[out[i].nominal.id for i in tried])
        for i in tried:
            attempts = attempts_by.get(out[i].nominal.id)
            if attempts:
                out[i] = out[i]._replace(attempts=attempts)
        if rules is not None:
            out = self._keep_dates(out, rules)
        return out

    def _keep_dates(self, cases: list[Case], rules: NotificationRules) -> list[Case]:
        """The cases with their registration's dates worked out where not kept under `rules`, kept."""
        rule = rule_of(rules)
        worked_out = []
        for i, case in enumerate(cases):
            if case.kept is None or case.kept.rule != rule:
                dates = registration_dates(case.nominal, rules)
                cases[i] = case._replace(kept=dates)
                worked_out.append((case.nominal.id, dates))
        keep(self.conn, worked_out)
        return cases

    def latest_seen_visit(self, nominal_id: str) -> date | None:
        value = self.conn.exec_driver_sql(
            "SELECT last_seen_visit FROM nominals WHERE id = ?", (nominal_id,)
        ).scalar()
        return date.fromisoformat(value) if value else None

    def latest_arms(self, nominal_id: str) -> date | None:
        value = self.conn.exec_driver_sql(
            "SELECT last_arms FROM nominals WHERE id = ?", (nominal_id,)
        ).scalar()
        return date.fromisoformat(value) if value else None

    def visits_for(self, nominal_id: str) -> list[RecordedVisit]:
        """One person's visits, latest first, each with its corrections and notes (oldest first)."""
        amendments: defaultdict[str, list[VisitAmendment]] = defaultdict(list)
        for r in self.conn.execute(
            select(visit_amendments)
            .where(visit_amendments.c.nominal_id == nominal_id, visit_amendments.c.deleted.is_(False))
            .order_by(visit_amendments.c.made_at, visit_amendments.c.id)
        ):
            amendments[r.visit_id].append(amendment_from_row(r))
        rows = self.conn.execute(
            select(visits)
            .where(visits.c.nominal_id == nominal_id, visits.c.deleted.is_(False))
            .order_by(visits.c.at.desc())
        )
        return [_recorded(r, amendments[r.id]) for r in rows]

    def arms_completed_since(self, day: date) -> list[date]:
        """The day each ARMS held was completed, on or after `day` (the burn-down's recent rate)."""
        t = arms_assessments
        rows = self.conn.execute(
            select(t.c.completed_on).where(t.c.completed_on >= day, t.c.deleted.is_(False))
        )
        return [r.completed_on for r in rows]

    def visit_log(self, since: date, ids: Collection[str] | None = None) -> list[Visit]:
        """Every visit held made on or after `since` (with `ids`, those people's only), oldest first (lone
        visits, announced share and variety per person and per officer: domain/attendance.py,
        domain/visit_variety.py)."""
        start = datetime.combine(since, datetime.min.time())
        rows = self.conn.execute(
            select(visits)
            .where(visits.c.at >= start, visits.c.deleted.is_(False), *_among(visits.c.nominal_id, ids))
            .order_by(visits.c.at)
        )
        return [visit_from_row(r) for r in rows]

    def visit(self, visit_id: str) -> RecordedVisit:
        row = self.conn.execute(
            select(visits).where(visits.c.id == visit_id, visits.c.deleted.is_(False))
        ).first()
        if row is None:
            raise NotFound(f"no visit with id {visit_id}")
        return _recorded(row, [])

    def case(self, nominal_id: str) -> Case:
        """One nominal as a Case, with sentencing occasions (for the record view and RM2000)."""
        nominal = self.nominal(nominal_id)
        row = self.conn.execute(
            select(
                nominals.c.last_seen_visit,
                nominals.c.last_arms,
                nominals.c.arms_review_requested_on,
                nominals.c.planned_visit,
            ).where(nominals.c.id == nominal_id)
        ).one()
        at = self.conn.execute(
            select(nominals.c.planned_visit_time).where(nominals.c.id == nominal_id)
        ).scalar()
        stored = list(
            self.conn.execute(
                select(breaches.c.found_on, breaches.c.kind, breaches.c.action, breaches.c.outcome).where(
                    breaches.c.nominal_id == nominal_id, breaches.c.deleted.is_(False)
                )
            )
        )
        found = [(r.found_on, BreachKind(r.kind)) for r in stored]
        charged = tuple(
            sorted(r.found_on for r in stored if is_charged(BreachAction(r.action), r.outcome or ""))
        )
        return Case(
            nominal,
            *row,
            tuple(d for d, _ in found),
            open_episode(self.whereabouts_for(nominal_id)),
            tuple(self.name_changes_for(nominal_id)),
            latest_breach(found),
            tuple(self.panel().open_actions(nominal_id).get(nominal_id, ())),
            tuple(c for c in self.contacts_for(nominal_id) if c.has_access),
            attempts_for(self.conn, nominal_id),
            tuple(self.warrant_decisions_for(nominal_id)),
            charged,
            planned_time=planned_time(at),
        )

    def name_changes_for(self, nominal_id: str) -> list[NameChangeNotice]:
        """One person's name-change notices, latest received first."""
        t = name_change_notices
        rows = self.conn.execute(
            select(t)
            .where(t.c.nominal_id == nominal_id, t.c.deleted.is_(False))
            .order_by(t.c.received_on.desc(), t.c.id)
        )
        return [notice_from_values(dict(r._mapping), r.id) for r in rows]

    def rosh_for(self, nominal_id: str) -> list[RoshAssessment]:
        """One person's RoSH assessments, latest first."""
        t = rosh_assessments
        rows = self.conn.execute(
            select(t)
            .where(t.c.nominal_id == nominal_id, t.c.deleted.is_(False))
            .order_by(t.c.assessed_on.desc(), t.c.id.desc())
        )
        return [rosh_from_row(r) for r in rows]

    def contacts_for(self, nominal_id: str) -> list[Contact]:
        """One person's household and contacts, latest recorded first."""
        rows = self.conn.execute(
            select(contacts)
            .where(contacts.c.nominal_id == nominal_id, contacts.c.deleted.is_(False))
            .order_by(contacts.c.recorded_on.desc(), contacts.c.id.desc())
        )
        return [contact_from_values(dict(r._mapping), r.id) for r in rows]

    def attachments_for(self, nominal_id: str) -> list[Attachment]:
        """One person's photographs and documents, latest taken first (the bytes are read apart)."""
        return attachment_store.attachments_of(self.conn, nominal_id)

    def attachment_thumbnail(self, attachment_id: str) -> bytes | None:
        """The thumbnail if held here (None until fetched)."""
        return attachment_store.thumbnail(self.conn, attachment_id)

    def attachment_content(self, attachment_id: str, used_at: datetime | None = None) -> bytes | None:
        """The full file if held here (None until fetched); `used_at` marks it recently used."""
        return attachment_store.content(self.conn, attachment_id, used_at)

    def attachments_full_here(self, nominal_id: str) -> set[str]:
        """Which of the person's attachments have their full copy on this device."""
        return attachment_store.full_here(self.conn, nominal_id)

    def face_thumbnails(self) -> dict[str, bytes]:
        """Each person's current face photograph's thumbnail held here, by nominal id."""
        return attachment_store.face_thumbnails(self.conn)

    def devices_for(self, nominal_id: str) -> list[Device]:
        """One person's known devices: in use first, then latest recorded first."""
        rows = self.conn.execute(
            select(devices)
            .where(devices.c.nominal_id == nominal_id, devices.c.deleted.is_(False))
            .order_by(devices.c.status, devices.c.recorded_on.desc(), devices.c.id.desc())
        )
        return [device_from_values(dict(r._mapping), r.id) for r in rows]

    def device_checks_for(self, nominal_id: str) -> list[DeviceCheck]:
        """One person's device checks, latest first."""
        t = device_checks
        rows = self.conn.execute(
            select(t)
            .where(t.c.nominal_id == nominal_id, t.c.deleted.is_(False))
            .order_by(t.c.checked_on.desc(), t.c.id.desc())
        )
        return [check_from_values(dict(r._mapping), r.id) for r in rows]

    def pre_visit_checks_for(self, nominal_id: str) -> list[PreVisitCheck]:
        """One person's pre-visit checks, latest first."""
        t = pre_visit_checks
        rows = self.conn.execute(
            select(t)
            .where(t.c.nominal_id == nominal_id, t.c.deleted.is_(False))
            .order_by(t.c.checked_at.desc(), t.c.id.desc())
        )
        return [pre_visit_from_values(dict(r._mapping), r.id) for r in rows]

    def whereabouts_for(self, nominal_id: str) -> list[Whereabouts]:
        """One person's whereabouts episodes, latest circulated first."""
        rows = self.conn.execute(
            select(whereabouts)
            .where(whereabouts.c.nominal_id == nominal_id, whereabouts.c.deleted.is_(False))
            .order_by(whereabouts.c.circulated_on.desc(), whereabouts.c.id.desc())
        )
        return [whereabouts_from_row(r) for r in rows]

    def breaches_for(self, nominal_id: str) -> list[Breach]:
        """One person's breaches, latest found first."""
        rows = self.conn.execute(
            select(breaches)
            .where(breaches.c.nominal_id == nominal_id, breaches.c.deleted.is_(False))
            .order_by(breaches.c.found_on.desc(), breaches.c.id.desc())
        )
        return [breach_from_row(r) for r in rows]

    def arms_for(self, nominal_id: str) -> list[ArmsAssessment]:
        rows = self.conn.execute(
            select(arms_assessments)
            .where(arms_assessments.c.nominal_id == nominal_id, arms_assessments.c.deleted.is_(False))
            .order_by(arms_assessments.c.completed_on.desc())
        )
        return [arms_from_row(r) for r in rows]

    def rm2000_for(self, nominal_id: str) -> list[Rm2000Assessment]:
        rows = self.conn.execute(
            select(rm2000_assessments)
            .where(rm2000_assessments.c.nominal_id == nominal_id, rm2000_assessments.c.deleted.is_(False))
            .order_by(rm2000_assessments.c.completed_on.desc(), rm2000_assessments.c.id.desc())
        )
        return [rm2000_from_row(r) for r in rows]

    def search_keys(self, ids: Collection[str] | None = None) -> dict[str, list[str]]:
        """What else the caseload search finds each person by, by nominal id (with `ids`, those only):
        every name recorded for them and their vehicles' registration marks (stored without spaces).
        Two queries, run once per refresh."""
        only, args = ("", ()) if ids is None else (_ONLY_IDS.format("nominal_id"), (json.dumps(sorted(ids)),))
        found: dict[str, list[str]] = defaultdict(list)
        for nid, name in self.conn.exec_driver_sql(
            "SELECT nominal_id, name FROM names WHERE deleted = 0" + only, args
        ):
            found[nid].append(name)
        for nid, mark in self.conn.exec_driver_sql(
            "SELECT nominal_id, reference FROM notified_details WHERE deleted = 0 AND kind = 'vehicle'"
            + only,
            args,
        ):
            found[nid].append(mark)
        return found

    def details_for(self, nominal_id: str) -> list[NotifiedDetail]:
        """One person's notified details, latest notified first."""
        t = notified_details
        rows = self.conn.execute(
            select(t)
            .where(t.c.nominal_id == nominal_id, t.c.deleted.is_(False))
            .order_by(t.c.notified_on.desc(), t.c.id.desc())
        )
        return [detail_from_row(r) for r in rows]

    def recorded_names_for(self, nominal_id: str) -> list[RecordedName]:
        """The names one person is or was known by, in alphabetical order."""
        rows = self.conn.execute(
            select(name_records)
            .where(name_records.c.nominal_id == nominal_id, name_records.c.deleted.is_(False))
            .order_by(name_records.c.name, name_records.c.id)
        )
        return [name_from_row(r) for r in rows]

    def risk_plan(self, nominal_id: str) -> RiskPlan:
        row = self.conn.execute(select(nominals).where(nominals.c.id == nominal_id)).one_or_none()
        if row is None:
            raise no_case(nominal_id)
        return plan_from_row(row)

    def cases_of(self, records: Mapping[str, str]) -> dict[str, str]:
        """The offender record each record (id -> table) belongs to, for those still on this computer."""
        found: dict[str, str] = {}
        for record_id, table in records.items():
            record = record_type(table)
            if record is None or record.holder not in (Holder.CASE, Holder.CHILD):
                continue
            column = "t.id" if record.holder is Holder.CASE else "t.nominal_id"
            row = self.conn.exec_driver_sql(
                f"SELECT n.id FROM {table} t JOIN nominals n ON n.id = {column} "
                "WHERE t.id = ? AND t.deleted = 0 AND n.deleted = 0",
                (record_id,),
            ).first()
            if row is not None:
                found[record_id] = str(row[0])
        return found

    def names_for(self, ids: Iterable[str]) -> dict[str, str]:
        """Display names ("FAMILY, Given") of the offenders these records belong to, by record id."""
        sources = {
            "nominals": "SELECT id, family_name, given_names FROM nominals WHERE id IN ({ids})",
            **{
                table: f"SELECT t.id, n.family_name, n.given_names FROM {table} t "
                "JOIN nominals n ON n.id = t.nominal_id WHERE t.id IN ({ids})"
                for table in ("visits", "arms_assessments", "rm2000_assessments")
            },
        }
        names: dict[str, str] = {}
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), 500):
            chunk = json.dumps(wanted[start : start + 500])
            for sql in sources.values():
                for record_id, family, given in self.conn.exec_driver_sql(
                    sql.format(ids="SELECT value FROM json_each(?)"), (chunk,)
                ):
                    names[record_id] = f"{family.upper()}, {given}"
        return names

    def pending_changes(self) -> int:
        """Changes waiting in the outbox for the central store."""
        return self.count(outbox)

    def count(self, table: Any) -> int:
        return int(self.conn.execute(select(func.count()).select_from(table)).scalar_one())

    def counts(self) -> dict[str, int]:
        return {
            t.name: self.count(t)
            for t in (nominals, visits, arms_assessments, officers, teams, outbox, audit_log)
        }

    def audit_rows(self) -> Any:
        return self.conn.execute(select(audit_log).order_by(audit_log.c.seq))

    def audit_for_person(self, nominal_id: str) -> list[Any]:
        """Every audit entry about one person, oldest first: their offender record's and those of every
        record held with it (visits and their corrections and notes, assessments, sentencing...)."""
        about = [audit_log.c.table_name == "nominals", audit_log.c.record_id == nominal_id]
        clauses = [and_(*about)]
        for record in record_types(Holder.CHILD):
            table = metadata.tables[record.name]
            held = select(table.c.id).where(table.c.nominal_id == nominal_id)
            clauses.append(and_(audit_log.c.table_name == record.name, audit_log.c.record_id.in_(held)))
        return list(self.conn.execute(select(audit_log).where(or_(*clauses)).order_by(audit_log.c.seq)))

    def made_elsewhere(self, nominal_id: str) -> list[tuple[str, str, Any, str, str]]:
        """The records held with one person that this device's audit log does not mention, as (table, id,
        when, by whom, kind) from their own bookkeeping: visits, notes, assessments made on another
        device and brought by sync (the audit entries of other devices stay on the central store).
        `kind` is a record's own kind where it has one (a note or a correction), else ""."""
        out: list[tuple[str, str, Any, str, str]] = []
        for record in record_types(Holder.CHILD):
            table = metadata.tables[record.name]
            logged = select(audit_log.c.record_id).where(audit_log.c.table_name == record.name)
            kind = table.c.kind if "kind" in table.c else literal("")
            rows = self.conn.execute(
                select(table.c.id, table.c.updated_at, table.c.updated_by, kind.label("kind")).where(
                    table.c.nominal_id == nominal_id,
                    table.c.deleted.is_(False),
                    table.c.version > 0,  # held by the central store: not a local import or the demo
                    table.c.id.not_in(logged),
                )
            )
            out += [(record.name, r.id, r.updated_at, r.updated_by, r.kind) for r in rows]
        return out

    def audit_for(self, table: str, record_id: str) -> list[Any]:
        return list(
            self.conn.execute(
                select(audit_log)
                .where(audit_log.c.table_name == table, audit_log.c.record_id == record_id)
                .order_by(audit_log.c.seq)
            )
        )


def _recorded(row: Any, amendments: list[VisitAmendment]) -> RecordedVisit:
    visit = visit_from_row(row, RecordedVisit, id=row.id, amendments=tuple(amendments))
    assert isinstance(visit, RecordedVisit)
    return visit
