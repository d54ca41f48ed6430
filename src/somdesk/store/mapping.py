"""Rows to domain objects and back. The only place that knows both the tables and the domain types."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName, search_reference
from somdesk.domain.licences import Licence, Monitoring, conditions_document, conditions_from_document
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import (
    Address,
    ArmsAssessment,
    Disposal,
    ForeignTrip,
    Language,
    Mappa,
    Nominal,
    Officer,
    Registration,
    RiskLevel,
    SentencingOccasion,
    Sex,
    Team,
    Term,
    Visit,
    VisitAmendment,
    VisitOutcome,
    VisitPlan,
)
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.rm2000 import LEGACY_COMBINED_TABLE, Rm2000Assessment, Rm2000Inputs
from somdesk.domain.rosh import GROUPS, RoshAssessment, RoshSource
from somdesk.domain.terms import term_parts_document, term_parts_from_document
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

__all__ = [
    "NOMINAL_FIELDS",
    "ORDER_FIELDS",
    "PLAN_FIELDS",
    "NominalReader",
    "amendment_from_row",
    "arms_from_row",
    "arms_row",
    "breach_from_row",
    "breach_values",
    "detail_from_row",
    "detail_values",
    "licence_from_row",
    "licence_row",
    "name_from_row",
    "name_values",
    "nominal_row",
    "occasion_from_row",
    "occasion_row",
    "officer_row",
    "order_from_row",
    "order_from_values",
    "order_rows",
    "order_term_from_row",
    "order_term_row",
    "plan_columns",
    "plan_from_row",
    "rm2000_from_row",
    "rm2000_row",
    "rm2000_values",
    "rosh_from_row",
    "rosh_values",
    "team_row",
    "trip_from_row",
    "trip_row",
    "visit_from_row",
    "visit_row",
    "whereabouts_from_row",
    "whereabouts_values",
]


def _sync(at: datetime, by: str) -> dict[str, Any]:
    return {"version": 0, "updated_at": at, "updated_by": by, "deleted": False}


def nominal_row(n: Nominal, at: datetime, by: str) -> dict[str, Any]:
    reg, address, mappa, plan = n.registration, n.address, n.mappa, n.visit_plan
    return {
        "id": n.id,
        "visor_ref": n.visor_ref,
        "pnc_id": n.pnc_id,
        "family_name": n.family_name,
        "given_names": n.given_names,
        "aliases": json.dumps(list(n.aliases)),
        "date_of_birth": n.date_of_birth,
        "sex": n.sex.value,
        "never_married": n.never_married,
        "address_line1": address.line1 if address else None,
        "town": address.town if address else None,
        "postcode": address.postcode if address else None,
        "area": address.area if address else None,
        "relevant_date": reg.relevant_date,
        "disposal": reg.disposal.value,
        "term_months": reg.term.months if reg.term else None,
        "term_days": reg.term.days if reg.term else None,
        "term_parts": json.dumps(term_parts_document(reg.term_parts)) if reg.term_parts else None,
        "discharge_months": reg.discharge_months,
        "registered_on": reg.registered_on,
        "last_notification": reg.last_notification,
        "in_custody": reg.in_custody,
        "released_on": reg.released_on,
        "custody_from": reg.custody_from,
        "first_notification_after_release": reg.first_notification_after_release,
        "review_refused_on": reg.review_refused_on,
        "review_further_on": reg.review_further_on,
        "mappa_category": mappa.category,
        "mappa_level": mappa.level,
        "mappa_lead_agency": mappa.lead_agency,
        "mappa_last_meeting": mappa.last_meeting,
        "mappa_next_review": mappa.next_review,
        "officer_id": n.officer_id,
        "risk_level": int(n.risk_level) if n.risk_level is not None else None,
        "risk_level_since": n.risk_level_since,
        "plan_interval_months": plan.interval_months,
        "plan_rationale": plan.rationale,
        "plan_reactive": plan.reactive,
        "intelligence_on": n.intelligence_on,
        "intelligence_note": n.intelligence_note,
        "preferred_language": n.preferred_language.value if n.preferred_language is not None else None,
        **_sync(at, by),
    }


_fromiso = date.fromisoformat
_SEX = {s.value: s for s in Sex}
_DISPOSAL = {d.value: d for d in Disposal}
_LANGUAGE = {language.value: language for language in Language}
_RISK = {int(r): r for r in RiskLevel}
_DEFAULT_PLAN = VisitPlan()
_MAPPA: dict[tuple[Any, ...], Mappa] = {}  # most nominals share one of a handful of MAPPA values


def _req(value: Any) -> date:
    """A date the schema requires (NOT NULL)."""
    return value if isinstance(value, date) else _fromiso(value)


def _d(value: Any) -> date | None:
    """Dates arrive as ISO text (raw queries) or as dates (typed columns)."""
    if not value:
        return None
    return value if isinstance(value, date) else _fromiso(value)


NOMINAL_FIELDS = (
    "id",
    "visor_ref",
    "pnc_id",
    "family_name",
    "given_names",
    "aliases",
    "date_of_birth",
    "sex",
    "never_married",
    "address_line1",
    "town",
    "postcode",
    "area",
    "relevant_date",
    "disposal",
    "term_months",
    "term_days",
    "term_parts",
    "discharge_months",
    "registered_on",
    "last_notification",
    "in_custody",
    "released_on",
    "first_notification_after_release",
    "review_refused_on",
    "review_further_on",
    "custody_from",
    "mappa_category",
    "mappa_level",
    "mappa_lead_agency",
    "mappa_last_meeting",
    "mappa_next_review",
    "officer_id",
    "risk_level",
    "risk_level_since",
    "plan_interval_months",
    "plan_rationale",
    "plan_reactive",
    "intelligence_on",
    "intelligence_note",
    "preferred_language",
)


class NominalReader:
    """Builds Nominals from raw nominals rows (plain tuples, ISO-text dates) of a known column order.

    Tuned because the queues rebuild 100,000 of these per refresh: one itemgetter call per row, dict
    lookups for enums, shared instances for the common plan and MAPPA values.
    """

    def __init__(self, columns: Sequence[str]) -> None:
        index = {name: i for i, name in enumerate(columns)}
        self.get = itemgetter(*(index[f] for f in NOMINAL_FIELDS))
        self.index = index

    def __call__(
        self,
        row: Sequence[Any],
        occasions: Sequence[SentencingOccasion] = (),
        trips: Sequence[ForeignTrip] = (),
        orders: Sequence[CivilOrder] = (),
        licences: Sequence[Licence] = (),
    ) -> Nominal:
        (id_, visor, pnc, family, given, aliases, dob, sex, married, line1, town, postcode, area, relevant,
         disposal, term_months, term_days, term_parts, discharge, registered, last_notification, custody,
         released, first_after, refused, further, custody_from, m_cat, m_level, m_lead, m_last, m_next,
         officer, risk, risk_since,
         plan_months, plan_rationale, plan_reactive,
         intelligence_on, intelligence_note, language) = self.get(row)  # fmt: skip
        iso = _fromiso  # raw rows carry ISO text; parsing inline saves a call per date (10 a row)
        plan = (
            _DEFAULT_PLAN
            if plan_months is None and not plan_reactive and not plan_rationale
            else VisitPlan(plan_months, plan_rationale, bool(plan_reactive))
        )
        mappa_key = (m_cat, m_level, m_lead, m_last, m_next)
        mappa = _MAPPA.get(mappa_key)
        if mappa is None:
            mappa = Mappa(
                m_cat, m_level, m_lead, iso(m_last) if m_last else None, iso(m_next) if m_next else None
            )
            if m_last is None and len(_MAPPA) < 64:
                _MAPPA[mappa_key] = mappa
        registration = Registration(
            iso(relevant),
            _DISPOSAL[disposal],
            Term(term_months, term_days or 0) if term_months is not None else None,
            discharge,
            iso(registered) if registered else None,
            iso(last_notification) if last_notification else None,
            bool(custody),
            iso(released) if released else None,
            iso(first_after) if first_after else None,
            iso(refused) if refused else None,
            iso(further) if further else None,
            term_parts_from_document(json.loads(term_parts)) if term_parts else (),
            iso(custody_from) if custody_from else None,
        )
        return Nominal(
            id_, visor, pnc, family, given, iso(dob), _SEX[sex], registration,
            Address(line1, town, postcode, area) if line1 is not None else None, mappa, officer,
            _RISK[risk] if risk is not None else None, iso(risk_since) if risk_since else None, plan,
            None if married is None else bool(married),
            () if aliases == "[]" else tuple(json.loads(aliases)), tuple(occasions), tuple(trips),
            tuple(orders), tuple(licences), iso(intelligence_on) if intelligence_on else None,
            intelligence_note or "", _LANGUAGE[language] if language is not None else None,
        )  # fmt: skip


def occasion_row(
    nominal_id: str, record_id: str, o: SentencingOccasion, at: datetime, by: str
) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": nominal_id,
        "sentenced_on": o.sentenced_on,
        "offence_on": o.offence_on,
        "description": o.description,
        "sexual": o.sexual,
        "violent": o.violent,
        "burglary": o.burglary,
        "male_victim": o.male_victim,
        "stranger_victim": o.stranger_victim,
        "non_contact": o.non_contact,
        "is_index": o.index,
        **_sync(at, by),
    }


def _b(value: Any) -> bool | None:
    return None if value is None else bool(value)


def occasion_from_row(r: Any) -> SentencingOccasion:
    return SentencingOccasion(
        _req(r.sentenced_on),
        _d(r.offence_on),
        r.description,
        bool(r.sexual),
        bool(r.violent),
        bool(r.burglary),
        _b(r.male_victim),
        _b(r.stranger_victim),
        _b(r.non_contact),
        bool(r.is_index),
    )


def trip_row(nominal_id: str, record_id: str, t: ForeignTrip, at: datetime, by: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": nominal_id,
        "departs_on": t.departs_on,
        "destination": t.destination,
        "notified_on": t.notified_on,
        "short_notice_reason": t.short_notice_reason,
        "returns_on": t.returns_on,
        **_sync(at, by),
    }


def order_rows(
    nominal_id: str, orders: Sequence[CivilOrder], at: datetime, by: str, new_id: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One new person's orders and their terms as rows, each with a new id (`new_id()`): ids a copied
    record carries are never reused."""
    order_list, term_list = [], []
    for o in orders:
        order_id = new_id()
        order_list.append(order_row(nominal_id, order_id, o, at, by))
        term_list += [order_term_row(nominal_id, order_id, new_id(), t, at, by) for t in o.terms]
    return order_list, term_list


def order_row(nominal_id: str, record_id: str, o: CivilOrder, at: datetime, by: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": nominal_id,
        "kind": o.kind.value,
        "court": o.court,
        "made_on": o.made_on,
        "ends_on": o.ends_on,
        "until_further_order": o.until_further_order,
        "next_review": o.next_review,
        "notes": o.notes,
        **_sync(at, by),
    }


ORDER_FIELDS = ("id", "kind", "court", "made_on", "ends_on", "until_further_order", "next_review", "notes")
_ORDER_KIND = {k.value: k for k in OrderKind}


def order_from_row(r: Any, terms: Sequence[OrderTerm] = ()) -> CivilOrder:
    return order_from_values(tuple(getattr(r, f) for f in ORDER_FIELDS), terms)


def order_from_values(values: Sequence[Any], terms: Sequence[OrderTerm] = ()) -> CivilOrder:
    """An order from ORDER_FIELDS' values (dates as ISO text or dates): the bulk read's 60,000 rows
    come as plain tuples."""
    id_, kind, court, made_on, ends_on, until, review, notes = values
    return CivilOrder(
        _ORDER_KIND[kind], court, _req(made_on), _d(ends_on), bool(until), _d(review), notes or "",
        tuple(terms), id_,
    )  # fmt: skip


def order_term_row(
    nominal_id: str, order_id: str, record_id: str, t: OrderTerm, at: datetime, by: str
) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": nominal_id,
        "order_id": order_id,
        "kind": t.kind.value,
        "category": t.category.value,
        "text": t.text,
        **_sync(at, by),
    }


def licence_row(nominal_id: str, record_id: str, lic: Licence, at: datetime, by: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": nominal_id,
        "starts_on": lic.starts_on,
        "ends_on": lic.ends_on,
        "probation_contact": lic.probation_contact,
        "curfew": lic.curfew,
        "monitoring": lic.monitoring.value,
        "exclusion_zones": lic.exclusion_zones,
        "conditions": conditions_document(lic.conditions),
        **_sync(at, by),
    }


def licence_from_row(r: Any) -> Licence:
    return Licence(
        _req(r.starts_on),
        _d(r.ends_on),
        r.probation_contact or "",
        r.curfew or "",
        Monitoring(r.monitoring),
        r.exclusion_zones or "",
        conditions_from_document(json.loads(r.conditions or "[]")),
        r.id,
    )


def order_term_from_row(r: Any) -> OrderTerm:
    return OrderTerm(TermKind(r.kind), TermCategory(r.category), r.text, r.id)


def trip_from_row(r: Any) -> ForeignTrip:
    return ForeignTrip(
        _req(r.departs_on),
        r.destination,
        _d(r.notified_on),
        short_notice_reason=r.short_notice_reason or "",
        returns_on=_d(r.returns_on),
        id=r.id,
    )


def visit_row(record_id: str, v: Visit, at: datetime, by: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": v.nominal_id,
        "at": v.at,
        "outcome": v.outcome.value,
        "announced": v.announced,
        "officers": json.dumps(list(v.officers)),
        "address_checked": v.address_checked,
        "concerns": v.concerns,
        "notes": v.notes,
        "lone_reason": v.lone_reason,
        "lone_authorised_by": v.lone_authorised_by,
        "attendance_recorded": v.attendance_recorded,
        **_sync(at, by),
    }


def visit_from_row(r: Any, kind: type[Visit] = Visit, **extra: Any) -> Visit:
    return kind(
        r.nominal_id,
        r.at,
        VisitOutcome(r.outcome),
        bool(r.announced),
        tuple(json.loads(r.officers)),
        bool(r.address_checked),
        r.concerns,
        r.notes,
        r.lone_reason or "",
        r.lone_authorised_by or "",
        r.attendance_recorded is None or bool(r.attendance_recorded),
        **extra,
    )


def amendment_from_row(r: Any) -> VisitAmendment:
    return VisitAmendment(r.kind, r.made_at, r.made_by, r.text, tuple(json.loads(r.changes).items()))


def arms_row(record_id: str, a: ArmsAssessment, at: datetime, by: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "nominal_id": a.nominal_id,
        "completed_on": a.completed_on,
        "assessor": a.assessor,
        "instrument_version": a.instrument_version,
        "ratings": json.dumps(dict(a.ratings)),
        "priority": int(a.priority),
        "notes": a.notes,
        **_sync(at, by),
    }


def arms_from_row(r: Any) -> ArmsAssessment:
    return ArmsAssessment(
        r.nominal_id,
        _req(r.completed_on),
        r.assessor,
        r.instrument_version,
        tuple(json.loads(r.ratings).items()),
        RiskLevel(r.priority),
        r.notes,
    )


def rm2000_row(record_id: str, a: Rm2000Assessment, at: datetime, by: str) -> dict[str, Any]:
    return {"id": record_id, "nominal_id": a.nominal_id, **rm2000_values(a), **_sync(at, by)}


def rm2000_values(a: Rm2000Assessment) -> dict[str, Any]:
    """An assessment's values without its person (a case record's rows name the person themselves)."""
    return {
        "completed_on": a.completed_on,
        "assessor": a.assessor,
        "instrument_version": a.instrument_version,
        "inputs": json.dumps(asdict(a.inputs)),
        "sexual": _level(a.sexual),
        "violent": _level(a.violent),
        "combined": _level(a.combined),
        "notes": a.notes,
        "c_table": a.c_table,
    }


def _level(level: RiskLevel | None) -> int | None:
    return int(level) if level is not None else None


def rm2000_from_row(r: Any) -> Rm2000Assessment:
    def level(v: Any) -> RiskLevel | None:
        return RiskLevel(v) if v is not None else None

    return Rm2000Assessment(
        r.nominal_id,
        _req(r.completed_on),
        r.assessor,
        r.instrument_version,
        Rm2000Inputs(**json.loads(r.inputs)),
        level(r.sexual),
        level(r.violent),
        level(r.combined),
        r.notes,
        r.c_table or LEGACY_COMBINED_TABLE,
    )


# The risk management plan's columns on nominals, by RiskPlan field.
PLAN_FIELDS = {
    "supervision": "rmp_supervision",
    "monitoring": "rmp_monitoring",
    "interventions": "rmp_interventions",
    "victim_safety": "rmp_victim_safety",
    "actions": "mappa_actions",
}


def plan_columns(plan: RiskPlan) -> dict[str, str]:
    return {column: getattr(plan, name) for name, column in PLAN_FIELDS.items()}


def plan_from_row(r: Any) -> RiskPlan:
    return RiskPlan(**{f: getattr(r, c) or "" for f, c in PLAN_FIELDS.items()})


def officer_row(o: Officer, at: datetime, by: str) -> dict[str, Any]:
    return {"id": o.id, "name": o.name, "team_id": o.team_id, "is_som": o.is_som, **_sync(at, by)}


def team_row(t: Team, at: datetime, by: str) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "area": t.area, **_sync(at, by)}


def breach_values(b: Breach) -> dict[str, Any]:
    """A breach's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "kind": b.kind.value,
        "details": b.details,
        "found_on": b.found_on,
        "found_by": b.found_by,
        "action": b.action.value,
        "outcome": b.outcome,
        "outcome_on": b.outcome_on,
    }


def breach_from_row(r: Any) -> Breach:
    return Breach(
        BreachKind(r.kind),
        _req(r.found_on),
        r.found_by,
        BreachAction(r.action),
        r.details or "",
        r.outcome or "",
        _d(r.outcome_on),
        id=r.id,
    )


def whereabouts_values(w: Whereabouts) -> dict[str, Any]:
    """An episode's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "status": w.status.value,
        "circulated_on": w.circulated_on,
        "reference": w.reference,
        "resolved_on": w.resolved_on,
        "notes": w.notes,
        "last_reviewed_on": w.last_reviewed_on,
        "reviewed_by": w.reviewed_by,
        "review_note": w.review_note,
    }


def whereabouts_from_row(r: Any) -> Whereabouts:
    return Whereabouts(
        WhereaboutsStatus(r.status),
        _req(r.circulated_on),
        r.reference or "",
        _d(r.resolved_on),
        r.notes or "",
        _d(r.last_reviewed_on),
        r.reviewed_by or "",
        r.review_note or "",
        id=r.id,
    )


def rosh_values(a: RoshAssessment) -> dict[str, Any]:
    """A RoSH assessment's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "assessed_on": a.assessed_on,
        "source": a.source.value,
        **{name: int(level) for name, level in a.levels().items()},
    }


def rosh_from_row(r: Any) -> RoshAssessment:
    levels = {name: RiskLevel(getattr(r, name)) for name, _ in GROUPS}
    return RoshAssessment(_req(r.assessed_on), RoshSource(r.source), **levels, id=r.id)


def detail_values(d: NotifiedDetail) -> dict[str, Any]:
    """A notified detail's fields as the record stores and syncs them: a vehicle's registration mark
    upper case without spaces, so a search finds it however it was typed."""
    return {
        "kind": d.kind.value,
        "description": d.description.strip(),
        "reference": search_reference(d.kind, d.reference),
        "notified_on": d.notified_on,
        "verified": d.verified,
        "verified_on": d.verified_on,
        "ended_on": d.ended_on,
    }


def detail_from_row(r: Any) -> NotifiedDetail:
    return NotifiedDetail(
        DetailKind(r.kind),
        r.description,
        _req(r.notified_on),
        r.reference or "",
        bool(r.verified),
        _d(r.verified_on),
        _d(r.ended_on),
        id=r.id,
    )


def name_values(n: RecordedName) -> dict[str, Any]:
    """A recorded name's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "name": n.name.strip(),
        "kind": n.kind.value,
        "source": n.source.strip(),
        "from_on": n.from_on,
        "to_on": n.to_on,
    }


def name_from_row(r: Any) -> RecordedName:
    return RecordedName(r.name, NameKind(r.kind), r.source or "", _d(r.from_on), _d(r.to_on), id=r.id)
