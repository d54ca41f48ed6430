"""The record's rules on the central store: a pushed insert or update is held to the same domain rules
the window, the command line and the import apply (somdesk.domain.invariants), so a device that skips
them (an old client, a bug, a hand-made push) cannot store what no form would accept.

The record as it would be after the change is checked: the stored fields the pusher may see, with the
pushed ones over them. An update is refused only for a problem it could have caused (one naming a field
it changes), so a record stored before a rule existed is not refused an unrelated edit. "Today" is the
date in England and Wales (Europe/London), whatever zone the server's clock keeps: the date on the
officers' own laptops, so a visit dated tomorrow is refused here as in the window, and so is a visit
later today than now, give or take CLOCK_SLACK for a laptop's clock running ahead of the server's. A
booked visit is not checked against today here: a device that was offline for a week pushes a booking
that was in the future when it was made.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from somdesk.domain.attachment_rules import attachment_problems, hash_problems
from somdesk.domain.attachments import AttachmentCategory, MediaType
from somdesk.domain.attendance import is_authorised_exception
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.contacts import contact_from_values
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
from somdesk.domain.device_checks import check_from_values
from somdesk.domain.device_rules import check_problems, device_problems, pre_visit_problems
from somdesk.domain.devices import device_from_values
from somdesk.domain.invariants import (
    Problem,
    amendment_problems,
    arms_problems,
    breach_problems,
    contact_problems,
    detail_problems,
    licence_problems,
    name_change_problems,
    name_problems,
    nominal_problems,
    order_problems,
    order_term_problems,
    planned_time_problems,
    rm2000_problems,
    rosh_problems,
    seen_in_custody,
    touching,
    trip_problems,
    visit_problems,
    whereabouts_problems,
)
from somdesk.domain.licences import Licence, Monitoring, conditions_from_document
from somdesk.domain.meeting_rules import (
    action_problems,
    decision_problems,
    meeting_problems,
    recorded_meeting_problems,
)
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.domain.model import (
    ArmsAssessment,
    Disposal,
    ForeignTrip,
    Mappa,
    Nominal,
    RecordedVisit,
    Registration,
    RiskLevel,
    Sex,
    Term,
    Visit,
    VisitOutcome,
    VisitPlan,
)
from somdesk.domain.name_changes import notice_from_values
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.pre_visit import pre_visit_from_values
from somdesk.domain.rm2000 import Rm2000Assessment, Rm2000Inputs
from somdesk.domain.rosh import RoshAssessment, RoshSource
from somdesk.domain.terms import term_parts_from_document
from somdesk.domain.warrants import attempts_since_seen, decision_from_values, last_seen_at, undecided
from somdesk.domain.warrants import decision_problems as decision_problems_96b
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

if TYPE_CHECKING:
    from somdesk.server.scope import Scope
    from somdesk.server.sync import Mutation, _Record

__all__ = [
    "CLOCK_SLACK",
    "FAMILY_TABLES",
    "FORCE_ZONE",
    "force_now",
    "force_today",
    "invariant_problem",
    "read_beside",
    "recorded_meeting_problem",
]

FORCE_ZONE = ZoneInfo("Europe/London")  # every force somdesk serves is in England and Wales
# A laptop's clock may run a little ahead of the server's: a visit its officer recorded for "now" is
# not refused (and undone on their device) for that. Not a rule of the record: the device checks to
# the minute.
CLOCK_SLACK = timedelta(minutes=5)


def force_now(now: datetime) -> datetime:
    """The time on a clock in England and Wales at `now` (an aware time), as a visit's time is written."""
    return now.astimezone(FORCE_ZONE).replace(tzinfo=None)


def force_today(now: datetime) -> date:
    """The date in England and Wales at `now` (an aware time)."""
    return now.astimezone(FORCE_ZONE).date()


def invariant_problem(
    m: Mutation,
    state: Mapping[str, _Record],
    scope: Scope,
    now: datetime,
    supervisors: Callable[[], Collection[str] | None] = lambda: None,
) -> str:
    """Why the record after this insert or update breaks a rule, naming the field; "" if it keeps them.
    `now` is the time in England and Wales (force_now); `supervisors` gives the force's supervisors on
    the officers list the central store holds (None where it holds none), who alone authorise a lone
    visit."""
    check = _CHECKS.get(m.table)
    family_check = _FAMILY_CHECKS.get(m.table)
    if check is None and family_check is None:
        return ""
    stored = _visible(state, m.record_id, m.table, scope) if m.operation == "update" else None
    record = {**(stored or {}), **m.fields}
    key, table = _PARENTS.get(m.table, ("nominal_id", "nominals"))
    parent_id = record.get(key)
    parent = _visible(state, parent_id, table, scope) if isinstance(parent_id, str) else None
    try:
        if family_check is not None:
            family = _family(state, parent_id, m.record_id, scope) if isinstance(parent_id, str) else []
            problems = family_check(record, parent, family, scope, now)
        elif m.table == "visits":
            # Attendance not recorded is the import's alone: a case and its last visit imported
            # together, so taken only on a visit inserted in the push that inserts its case.
            held = state.get(parent_id) if isinstance(parent_id, str) else None
            imported = m.operation == "insert" and held is not None and held.new
            problems = _visit(record, parent, now, supervisors, imported)
        else:
            assert check is not None
            problems = check(record, parent, now)
    except (KeyError, TypeError, ValueError):
        return ""  # a record this malformed is refused by the checks before and after this one
    if m.operation == "update":
        problems = touching(problems, m.fields)
    return "; ".join(f"{p.field}: {p.message} ({p.label.lower()})" for p in problems)


def read_beside(m: Mutation, state: Mapping[str, _Record]) -> str | None:
    """The id of the record other than the person that the rule for `m` reads (a device check's visit),
    from the pushed fields or the stored record, so the push loads it; None if there is none."""
    if m.table not in _PARENTS:
        return None
    key = _PARENTS[m.table][0]
    stored = state.get(m.record_id)
    found = m.fields.get(key, stored.data.get(key) if stored is not None else None)
    return found if isinstance(found, str) else None


def _visible(state: Mapping[str, _Record], record_id: str, table: str, scope: Scope) -> dict[str, Any] | None:
    """A stored record's fields, when the pusher may see them (else a refusal could tell them a value)."""
    rec = state.get(record_id)
    if rec is None or rec.table != table or rec.deleted or not rec.held_by(scope):
        return None
    return rec.data


def _family(state: Mapping[str, _Record], nominal_id: str, record_id: str, scope: Scope) -> list[_Record]:
    """The person's other records the pusher may see (the push loads them for a record that needs them)."""
    return [
        rec
        for rec in state.values()
        if rec.nominal_id == nominal_id and rec.id != record_id and not rec.deleted and rec.held_by(scope)
    ]


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _required_date(value: Any) -> date:
    day = _date(value)
    if day is None:
        raise ValueError("no date")
    return day


_DISPOSALS = {d.value: d for d in Disposal}


def _nominal(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    booked = planned_time_problems(_date(r.get("planned_visit")), r.get("planned_visit_time"))
    return nominal_problems(_nominal_of(r), now.date()) + booked


def _nominal_of(r: dict[str, Any]) -> Nominal:
    """A stored (or pushed) nominal record as the domain's Nominal, as far as its rules read it."""
    months, days = r.get("term_months"), r.get("term_days")
    registration = Registration(
        _required_date(r["relevant_date"]),
        _DISPOSALS.get(r["disposal"], Disposal.OTHER),  # an unknown disposal: no term is required
        Term(months, days or 0) if months is not None else None,
        r.get("discharge_months"),
        _date(r.get("registered_on")),
        _date(r.get("last_notification")),
        bool(r.get("in_custody")),
        _date(r.get("released_on")),
        _date(r.get("first_notification_after_release")),
        _date(r.get("review_refused_on")),
        _date(r.get("review_further_on")),
        # The shape was checked with the record's fields; a part list here is well formed.
        term_parts_from_document(json.loads(r["term_parts"])) if r.get("term_parts") else (),
        _date(r.get("custody_from")),
    )
    nominal = Nominal(
        "", "", "", "", "",
        _required_date(r["date_of_birth"]), Sex.MALE, registration, None,
        Mappa(
            r.get("mappa_category", 1), r.get("mappa_level", 1), r.get("mappa_lead_agency") or "",
            _date(r.get("mappa_last_meeting")), _date(r.get("mappa_next_review")),
        ),
        risk_level_since=_date(r.get("risk_level_since")),
        visit_plan=VisitPlan(r.get("plan_interval_months"), r.get("plan_rationale") or ""),
        intelligence_on=_date(r.get("intelligence_on")),
        intelligence_note=r.get("intelligence_note") or "",
    )  # fmt: skip
    return nominal


def _visit(
    r: dict[str, Any],
    parent: dict[str, Any] | None,
    now: datetime,
    supervisors: Callable[[], Collection[str] | None] = lambda: None,
    imported: bool = False,
) -> list[Problem]:
    try:
        officers = json.loads(r.get("officers") or "[]")
    except ValueError:
        officers = None
    if not isinstance(officers, list) or not all(isinstance(o, str) for o in officers):
        return [Problem("officers", "Officers", "must be a list of names")]
    visit = Visit(
        "",
        datetime.fromisoformat(r["at"]),
        _OUTCOMES.get(str(r.get("outcome")), VisitOutcome.NOT_SEEN),
        officers=tuple(officers),
        concerns=r.get("concerns") or "",
        notes=r.get("notes") or "",
        lone_reason=r.get("lone_reason") or "",
        lone_authorised_by=r.get("lone_authorised_by") or "",
        attendance_recorded=r.get("attendance_recorded") is None or bool(r.get("attendance_recorded")),
    )
    # Whether the force allows a lone visit as an exception is the clients' policy, not known here: an
    # exception is accepted with its reason and who authorised it, as on a device whose policy allows it.
    latest = min(now + CLOCK_SLACK, datetime.combine(now.date(), time.max))  # never into tomorrow
    relevant = _date(parent.get("relevant_date")) if parent else None
    # The supervisors are read only for a lone visit that names who authorised it: no other visit asks
    # (reading the officers list at every visit was a tenth of a busy central store's time).
    known = supervisors() if is_authorised_exception(visit) else None
    problems = visit_problems(visit, latest, relevant, True, known, imported)
    if parent is not None and parent.get("in_custody"):
        # The person's custody as the central store holds it (seen at home while in prison: refused).
        custody = Registration(
            date.min, Disposal.OTHER, in_custody=True, custody_from=_date(parent.get("custody_from"))
        )
        problems += seen_in_custody(visit, custody)
    return problems


def _arms(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    # The force's instrument is the clients' policy, not known here: the ratings are not checked.
    assessment = ArmsAssessment(
        "", _required_date(r["completed_on"]), r.get("assessor") or "", "", (), RiskLevel.MEDIUM
    )
    return arms_problems(assessment, now.date())


def _rm2000(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    inputs = Rm2000Inputs(None, None, None, None, None, None, None, None, None)
    assessment = Rm2000Assessment(
        "", _required_date(r["completed_on"]), r.get("assessor") or "", "", inputs, None, None, None
    )
    return rm2000_problems(assessment, now.date())


def _amendment(r: dict[str, Any], _parent: dict[str, Any] | None, _now: datetime) -> list[Problem]:
    return amendment_problems(r["kind"], r.get("text") or "", len(json.loads(r.get("changes") or "{}")))


def _trip_of(r: dict[str, Any]) -> ForeignTrip:
    return ForeignTrip(
        _required_date(r["departs_on"]),
        r.get("destination") or "",
        _date(r.get("notified_on")),
        r.get("short_notice_reason") or "",
        _date(r.get("returns_on")),
    )


def _trip(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    return trip_problems(_trip_of(r), (now + CLOCK_SLACK).date())  # a laptop's clock a little ahead


def _order(r: dict[str, Any], parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    order = CivilOrder(
        OrderKind(r["kind"]),
        r.get("court") or "",
        _required_date(r["made_on"]),
        _date(r.get("ends_on")),
        bool(r.get("until_further_order")),
        _date(r.get("next_review")),
        r.get("notes") or "",
    )
    born_value = parent.get("date_of_birth") if parent else None
    born = born_value if isinstance(born_value, date) else _date(born_value)
    return order_problems(order, (now + CLOCK_SLACK).date(), born)  # a laptop's clock a little ahead


def _order_term(r: dict[str, Any], _parent: dict[str, Any] | None, _now: datetime) -> list[Problem]:
    term = OrderTerm(TermKind(r["kind"]), TermCategory(r["category"]), r.get("text") or "")
    return order_term_problems(term)


def _licence(r: dict[str, Any], _parent: dict[str, Any] | None, _now: datetime) -> list[Problem]:
    licence = Licence(
        _required_date(r["starts_on"]),
        _date(r.get("ends_on")),
        r.get("probation_contact") or "",
        r.get("curfew") or "",
        Monitoring(r.get("monitoring") or "none"),
        r.get("exclusion_zones") or "",
        conditions_from_document(json.loads(r.get("conditions") or "[]")),
    )
    return licence_problems(licence)


def _breach(r: dict[str, Any], parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    breach = Breach(
        BreachKind(r["kind"]),
        _required_date(r["found_on"]),
        r.get("found_by") or "",
        BreachAction(r["action"]),
        r.get("details") or "",
        r.get("outcome") or "",
        _date(r.get("outcome_on")),
    )
    relevant = _date(parent.get("relevant_date")) if parent else None
    return breach_problems(breach, (now + CLOCK_SLACK).date(), relevant)


def _whereabouts(r: dict[str, Any], parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    # The person's other episodes and visits are not read here: one open at a time, and none against
    # a later visit at which the person was seen, are the devices' rules.
    episode = Whereabouts(
        WhereaboutsStatus(r["status"]),
        _required_date(r["circulated_on"]),
        r.get("reference") or "",
        _date(r.get("resolved_on")),
        r.get("notes") or "",
        _date(r.get("last_reviewed_on")),
        r.get("reviewed_by") or "",
        r.get("review_note") or "",
    )
    relevant = _date(parent.get("relevant_date")) if parent else None
    return whereabouts_problems(episode, (now + CLOCK_SLACK).date(), relevant)


def _rosh(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    # The levels are the declaration's choices, checked with every field; the date is the rule here.
    low = RiskLevel.LOW
    assessment = RoshAssessment(
        _required_date(r["assessed_on"]), RoshSource(r["source"]), low, low, low, low, low
    )
    return rosh_problems(assessment, (now + CLOCK_SLACK).date())


def _detail(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    detail = NotifiedDetail(
        DetailKind(r["kind"]),
        r.get("description") or "",
        _required_date(r["notified_on"]),
        r.get("reference") or "",
        bool(r.get("verified")),
        _date(r.get("verified_on")),
        _date(r.get("ended_on")),
    )
    return detail_problems(detail, (now + CLOCK_SLACK).date())


def _name(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    name = RecordedName(
        r.get("name") or "",
        NameKind(r["kind"]),
        r.get("source") or "",
        _date(r.get("from_on")),
        _date(r.get("to_on")),
    )
    return name_problems(name, (now + CLOCK_SLACK).date())


def _name_change(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    return name_change_problems(notice_from_values(r), (now + CLOCK_SLACK).date())


def _contact(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    return contact_problems(contact_from_values(r), (now + CLOCK_SLACK).date())


def _attachment(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    problems = attachment_problems(
        AttachmentCategory(r["category"]),
        MediaType(r["media_type"]),
        date.fromisoformat(r["taken_on"]),
        r["taken_by"],
        r.get("caption") or "",
        (now + CLOCK_SLACK).date(),
    )
    return problems + hash_problems(r["sha256"], r["thumbnail_sha256"])


def _device(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    return device_problems(device_from_values(r), (now + CLOCK_SLACK).date())


def _device_check(r: dict[str, Any], visit: dict[str, Any] | None, now: datetime) -> list[Problem]:
    # Which devices and terms the person has, and the policy's checklist, are the device's to check
    # (session.save_device_check). The visit (its date and outcome) is checked when the pusher holds it.
    made_at = None
    if visit is not None and visit.get("at") and visit.get("outcome") in _OUTCOMES:
        made_at = Visit("", datetime.fromisoformat(visit["at"]), _OUTCOMES[visit["outcome"]])
    return check_problems(check_from_values(r), (now + CLOCK_SLACK).date(), visit=made_at)


_OUTCOMES = {o.value: o for o in VisitOutcome}


def _pre_visit(r: dict[str, Any], _parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    return pre_visit_problems(pre_visit_from_values(r), now + CLOCK_SLACK)


def _meeting_of(r: dict[str, Any]) -> Meeting:
    return Meeting(
        r["area"], r["mappa_level"], _required_date(r["held_on"]),
        time.fromisoformat(r["starts_at"]) if r.get("starts_at") else None, r.get("venue") or "",
        r.get("chair") or "", tuple(json.loads(r.get("invited") or "[]")),
        tuple(json.loads(r.get("attending") or "[]")), tuple(json.loads(r.get("cases") or "[]")),
    )  # fmt: skip


def _meeting(r: dict[str, Any], parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    # The agenda's cases are the device's to check against what the chair holds (session.save_meeting).
    return meeting_problems(_meeting_of(r))


def recorded_meeting_problem(m: Mutation, state: Mapping[str, _Record], scope: Scope) -> str:
    """Why this update of a meeting on the record breaks meeting_rules.recorded_meeting_problems: a
    decision or action recorded at it (records of their own here, in `state` once their cases' records
    are loaded) or its audit, and its date, panel or a case heard changed; "" if none."""
    stored = _visible(state, m.record_id, "meetings", scope)
    if stored is None:
        return ""
    heard: dict[str, tuple[str, str]] = {}
    for table, what in (("panel_actions", "action recorded"), ("panel_decisions", "decision recorded")):
        for rec in state.values():
            if rec.table == table and not rec.deleted and rec.data.get("meeting_id") == m.record_id:
                case = _visible(state, str(rec.nominal_id), "nominals", scope) or {}
                name = f"{str(case.get('family_name') or '').upper()}, {case.get('given_names') or ''}"
                heard[str(rec.nominal_id)] = (name if case else str(rec.nominal_id), what)
    try:
        problems = recorded_meeting_problems(
            _meeting_of(stored), _meeting_of({**stored, **m.fields}), heard, bool(stored.get("audit_on"))
        )
    except (KeyError, TypeError, ValueError):
        return ""  # a record this malformed is refused by the other checks
    return "; ".join(f"{p.field}: {p.message} ({p.label.lower()})" for p in problems)


def _decision(r: dict[str, Any], parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    decision = PanelDecision(
        r["meeting_id"], r["level"], r.get("rationale") or "", _date(r.get("next_review")),
        r.get("supervision") or "", r.get("monitoring") or "", r.get("interventions") or "",
        r.get("victim_safety") or "", _date(r.get("held_on")),
    )  # fmt: skip
    # The case's level before the decision: a push sends the decision before the case's new level.
    return decision_problems(decision, parent.get("mappa_level") if parent else None)


def _action(r: dict[str, Any], parent: dict[str, Any] | None, now: datetime) -> list[Problem]:
    action = PanelAction(
        r["meeting_id"], r.get("what") or "", r.get("agency") or "", r.get("owner") or "",
        _required_date(r["due_on"]), ActionStatus(r["status"]), _date(r.get("done_on")),
    )  # fmt: skip
    # The meeting is a chair's record, which the pusher may not hold: its date is the device's check.
    return action_problems(action, None, (now + CLOCK_SLACK).date())


_OUTCOMES = {o.value: o for o in VisitOutcome}


def _warrant(
    r: dict[str, Any], parent: dict[str, Any] | None, family: list[_Record], scope: Scope, now: datetime
) -> list[Problem]:
    """A warrant decision held to decision_problems against what the central store holds of the
    person: their visits (the attempts since last seen, by date and time), their other decisions (the
    attempts not yet decided on), their custody and their notified trips (s.96B(4)); and who decided
    is the pushing account's name (its devices sign in with it)."""
    decision = decision_from_values(r)
    visits = [
        RecordedVisit(decision.nominal_id, datetime.fromisoformat(v.data["at"]), outcome, id=v.id)
        for v in family
        if v.table == "visits" and (outcome := _OUTCOMES.get(v.data.get("outcome", ""))) is not None
    ]
    tried = attempts_since_seen(visits, last_seen_at(visits))
    others = [decision_from_values(d.data, d.id) for d in family if d.table == "warrant_decisions"]
    nominal = None
    if parent is not None:
        trips = tuple(_trip_of(t.data) for t in family if t.table == "foreign_trips")
        nominal = replace(_nominal_of(parent), trips=trips)
    today = (now + CLOCK_SLACK).date()
    author = scope.display_name
    return decision_problems_96b(decision, tried, today, nominal, undecided(tried, others), author)


_FAMILY_CHECKS = {"warrant_decisions": _warrant}
FAMILY_TABLES = frozenset(_FAMILY_CHECKS)  # the push loads the person's records for these


# The record a rule reads beside the one pushed, when not the person (by the field naming it): a device
# check is held to its visit's date and outcome.
_PARENTS = {"device_checks": ("visit_id", "visits")}

_CHECKS = {
    "meetings": _meeting,
    "panel_decisions": _decision,
    "panel_actions": _action,
    "notified_details": _detail,
    "names": _name,
    "contacts": _contact,
    "devices": _device,
    "attachments": _attachment,
    "device_checks": _device_check,
    "pre_visit_checks": _pre_visit,
    "name_change_notices": _name_change,
    "rosh_assessments": _rosh,
    "whereabouts": _whereabouts,
    "nominals": _nominal,
    "breaches": _breach,
    "foreign_trips": _trip,
    "civil_orders": _order,
    "order_terms": _order_term,
    "licences": _licence,
    "visits": _visit,
    "arms_assessments": _arms,
    "rm2000_assessments": _rm2000,
    "visit_amendments": _amendment,
}
