"""The chronology: every significant event about one person, in date order, built from what their
record holds (the offender record, its history) and, where it is the only source, the audit log.

Pure: the session hands over the record it read; the record view, the printed chronology and the
tests all read the same list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from somdesk.domain.audit import event_label
from somdesk.domain.breaches import Breach
from somdesk.domain.contacts import Contact, describe_decision
from somdesk.domain.details import DetailKind, NotifiedDetail, RecordedName
from somdesk.domain.model import ArmsAssessment, Nominal, Visit, VisitOutcome
from somdesk.domain.name_changes import NameChangeNotice, NameChangeRules, late_steps
from somdesk.domain.rm2000 import Rm2000Assessment
from somdesk.domain.rosh import RoshAssessment
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.whereabouts import Whereabouts
from somdesk.domain.words import day

__all__ = ["AUDIT_LOG", "Event", "EventKind", "chronology", "in_panel_pack", "of_kinds"]


class EventKind(Enum):
    """What an event is about: what the chronology is filtered by."""

    CONVICTION = "conviction"  # the relevant date, sentencing occasions
    NOTIFICATION = "notification"  # registration and each notification recorded
    CUSTODY = "custody"  # into custody, released
    VISIT = "visit"  # visits and attempts, with their outcome
    ASSESSMENT = "assessment"  # ARMS, RM2000, RoSH
    RISK = "risk"  # the managing risk level set or changed
    MAPPA = "mappa"  # MAPPA meetings and level decisions
    ORDER = "order"  # civil orders made and ended, licences started and ended
    BREACH = "breach"  # breaches found and their outcomes
    WHEREABOUTS = "whereabouts"  # missing or wanted episodes opened and found
    TRAVEL = "travel"  # trips abroad
    CONTACT = "contact"  # household members and contacts recorded
    DISCLOSURE = "disclosure"  # the record printed or exported, to whom and why

    @property
    def label(self) -> str:
        """In English (marked for translation: shown through tr)."""
        return _LABELS[self]


_LABELS = {
    EventKind.CONVICTION: QT_TR_NOOP("Conviction and sentence"),
    EventKind.NOTIFICATION: QT_TR_NOOP("Registration and notification"),
    EventKind.CUSTODY: QT_TR_NOOP("Custody and release"),
    EventKind.VISIT: QT_TR_NOOP("Home visit"),
    EventKind.ASSESSMENT: QT_TR_NOOP("Risk assessment"),
    EventKind.RISK: QT_TR_NOOP("Risk level"),
    EventKind.MAPPA: QT_TR_NOOP("MAPPA"),
    EventKind.ORDER: QT_TR_NOOP("Order or licence"),
    EventKind.BREACH: QT_TR_NOOP("Breach"),
    EventKind.WHEREABOUTS: QT_TR_NOOP("Missing or wanted"),
    EventKind.TRAVEL: QT_TR_NOOP("Travel abroad"),
    EventKind.CONTACT: QT_TR_NOOP("Household and contacts"),
    EventKind.DISCLOSURE: QT_TR_NOOP("Disclosure"),
}


@dataclass(frozen=True, slots=True)
class Event:
    """One event: the day it happened, what kind it is, what happened in words and where it was read."""

    on: date
    kind: EventKind
    words: str  # in the current language (a document's, while one is rendered): never stored
    # The part of the record it comes from: "Registration", "Visits", "Audit log"... In English, compared
    # (AUDIT_LOG) and marked for translation: shown through tr.
    source: str
    free_text: bool = False  # its words hold text a person typed (left out of a copy with free text)
    number: str = ""  # an account, card or document number in its words (withheld without numbers)


AUDIT_LOG = QT_TR_NOOP("Audit log")  # the source of what only the audit log dates


def in_panel_pack(event: Event) -> bool:
    """Whether a panel pack's chronology since the last meeting lists the event: all but the record's
    own printing and exporting (the audit log's disclosures), which would make each pack, minutes or
    export noise in the next pack and name files; the record's chronology keeps them. A decision under
    the disclosure scheme is about the case, and stays."""
    return not (event.kind is EventKind.DISCLOSURE and event.source == AUDIT_LOG)


def chronology(
    nominal: Nominal,
    visits: Iterable[Visit] = (),
    arms: Iterable[ArmsAssessment] = (),
    rm2000: Iterable[Rm2000Assessment] = (),
    breaches: Iterable[Breach] = (),
    whereabouts: Iterable[Whereabouts] = (),
    rosh: Iterable[RoshAssessment] = (),
    audit: Iterable[Mapping[str, Any]] = (),
    contacts: Iterable[Contact] = (),
    name_changes: Iterable[NameChangeNotice] = (),
    decision_step: str = "",
    name_change_rules: NameChangeRules | None = None,
    details: Iterable[NotifiedDetail] = (),
    names: Iterable[RecordedName] = (),
    today: date | None = None,
) -> list[Event]:
    """Every event about the person, oldest first. Events of one day keep the order they happen in a
    case's life (conviction before sentence before registration...), each source's own in date order:
    the same record always gives the same list. Given `today`, only what happened up to today: a day
    still ahead (an order or licence ending in 2028, a trip booked) is not an event yet, and is read
    where it is recorded (the Orders tab, the notifications queue)."""
    events = [
        *_registration(nominal),
        *_orders(nominal),
        *(_visit(v) for v in visits),
        *_assessments(arms, rm2000, rosh),
        *_breaches(breaches),
        *_whereabouts(whereabouts),
        *_trips(nominal),
        *_intelligence(nominal),
        *_contacts(contacts),
        *_name_changes(name_changes, decision_step, name_change_rules),
        *_details(details),
        *_names(names),
    ]
    happened = [e for e in events if today is None or e.on <= today]
    return sorted([*happened, *_audit(audit)], key=lambda e: e.on)  # the audit log holds only the past


def of_kinds(events: Iterable[Event], kinds: Iterable[EventKind]) -> list[Event]:
    """The events of the kinds asked for, in the order given."""
    wanted = frozenset(kinds)
    return [e for e in events if e.kind in wanted]


def _registration(nominal: Nominal) -> Iterator[Event]:
    reg = nominal.registration
    k = EventKind
    source = QT_TR_NOOP("Registration")
    words = tr("Relevant date: {0}").format(tr(reg.disposal.label).lower())
    yield Event(reg.relevant_date, k.CONVICTION, words, source)
    for occasion in sorted(nominal.occasions, key=lambda o: o.sentenced_on):
        if occasion.index:
            words = tr("Sentenced: {0} (index offence)").format(occasion.description)
        else:
            words = tr("Sentenced: {0}").format(occasion.description)
        yield Event(occasion.sentenced_on, k.CONVICTION, words, QT_TR_NOOP("Convictions"), True)
    if reg.custody_from:
        yield Event(reg.custody_from, k.CUSTODY, tr("Into custody"), source)
    if reg.released_on:
        yield Event(reg.released_on, k.CUSTODY, tr("Released from custody"), source)
    if reg.registered_on:
        yield Event(reg.registered_on, k.NOTIFICATION, tr("Registered: initial notification"), source)
    if reg.first_notification_after_release:
        words = tr("First notification after release")
        yield Event(reg.first_notification_after_release, k.NOTIFICATION, words, source)
    if reg.last_notification and reg.last_notification != reg.registered_on:
        yield Event(reg.last_notification, k.NOTIFICATION, tr("Notification (latest recorded)"), source)
    if reg.review_refused_on:
        words = tr("Indefinite review: discharge refused")
        yield Event(reg.review_refused_on, k.NOTIFICATION, words, source)
    if nominal.risk_level is not None and nominal.risk_level_since:
        words = tr("Managing risk level {0} from this date").format(tr(nominal.risk_level.label))
        yield Event(nominal.risk_level_since, k.RISK, words, QT_TR_NOOP("Risk management plan"))
    mappa = nominal.mappa
    if mappa.last_meeting:
        words = tr("MAPPA meeting: category {0}, level {1} ({2} leads)").format(
            mappa.category, mappa.level, mappa.lead_agency
        )
        yield Event(mappa.last_meeting, k.MAPPA, words, QT_TR_NOOP("MAPPA"))


def _orders(nominal: Nominal) -> Iterator[Event]:
    orders, licences = QT_TR_NOOP("Orders"), QT_TR_NOOP("Licences")
    for order in sorted(nominal.orders, key=lambda o: o.made_on):
        kind = tr(order.kind.label)
        if order.court:
            words = tr("{0} made at {1}").format(kind, order.court)
        else:
            words = tr("{0} made").format(kind)
        yield Event(order.made_on, EventKind.ORDER, words, orders)
        if order.ends_on:
            yield Event(order.ends_on, EventKind.ORDER, tr("{0} ends").format(kind), orders)
    for licence in sorted(nominal.licences, key=lambda lic: lic.starts_on):
        yield Event(licence.starts_on, EventKind.ORDER, tr("Licence starts"), licences)
        if licence.ends_on:
            yield Event(licence.ends_on, EventKind.ORDER, tr("Licence ends"), licences)


def _visit(visit: Visit) -> Event:
    seen = visit.outcome is VisitOutcome.SEEN
    outcome = tr(visit.outcome.label)
    if visit.announced:
        template = (
            tr("Home visit (announced) at {0:%H:%M}: {1}")
            if seen
            else tr("Visit attempted (announced) at {0:%H:%M}: {1}")
        )
    else:
        template = (
            tr("Home visit (unannounced) at {0:%H:%M}: {1}")
            if seen
            else tr("Visit attempted (unannounced) at {0:%H:%M}: {1}")
        )
    return Event(visit.at.date(), EventKind.VISIT, template.format(visit.at, outcome), QT_TR_NOOP("Visits"))


def _assessments(
    arms: Iterable[ArmsAssessment], rm2000: Iterable[Rm2000Assessment], rosh: Iterable[RoshAssessment]
) -> Iterator[Event]:
    k = EventKind.ASSESSMENT
    for a in sorted(arms, key=lambda a: a.completed_on):
        words = tr("ARMS assessment: priority {0}").format(tr(a.priority.label))
        yield Event(a.completed_on, k, words, QT_TR_NOOP("ARMS"))
    for r in sorted(rm2000, key=lambda r: r.completed_on):
        combined = tr(r.combined.label) if r.combined is not None else tr("not settled")
        words = tr("RM2000 assessment: combined {0}").format(combined)
        yield Event(r.completed_on, k, words, QT_TR_NOOP("RM2000"))
    for s in sorted(rosh, key=lambda s: s.assessed_on):
        words = tr("{0} ({1})").format(s.headline(), tr(s.source.label))
        yield Event(s.assessed_on, k, words, QT_TR_NOOP("RoSH"))


def _breaches(breaches: Iterable[Breach]) -> Iterator[Event]:
    source = QT_TR_NOOP("Breaches")
    for b in sorted(breaches, key=lambda b: b.found_on):
        words = tr("Breach found: {0}; action: {1}").format(b.what, tr(b.action.label))
        yield Event(b.found_on, EventKind.BREACH, words, source, bool(b.details))
        if b.outcome:
            words = tr("Breach outcome: {0}").format(b.outcome)
            yield Event(b.outcome_on or b.found_on, EventKind.BREACH, words, source, True)


def _whereabouts(episodes: Iterable[Whereabouts]) -> Iterator[Event]:
    source = QT_TR_NOOP("Whereabouts")
    for w in sorted(episodes, key=lambda w: w.circulated_on):
        status = tr(w.status.label)
        if w.reference:
            words = tr("{0}: circulated ({1})").format(status, w.reference)
        else:
            words = tr("{0}: circulated").format(status)
        yield Event(w.circulated_on, EventKind.WHEREABOUTS, words, source)
        if w.last_reviewed_on:
            by = tr(" by {0}").format(w.reviewed_by) if w.reviewed_by else ""
            note = f": {w.review_note}" if w.review_note else ""
            words = tr("{0}: reviewed{1}{2}").format(status, by, note)
            yield Event(w.last_reviewed_on, EventKind.WHEREABOUTS, words, source, bool(note))
        if w.resolved_on:
            yield Event(w.resolved_on, EventKind.WHEREABOUTS, tr("Found or resolved"), source)


def _trips(nominal: Nominal) -> Iterator[Event]:
    for t in sorted(nominal.trips, key=lambda t: t.departs_on):
        if t.returns_on:
            words = tr("Travels to {0}, returning {1}").format(t.destination, day(t.returns_on))
        else:
            words = tr("Travels to {0}").format(t.destination)
        yield Event(t.departs_on, EventKind.TRAVEL, words, QT_TR_NOOP("Travel"))


def _contacts(contacts: Iterable[Contact]) -> Iterator[Event]:
    source = QT_TR_NOOP("Household and contacts")
    for c in sorted(contacts, key=lambda c: c.recorded_on):
        if c.has_access:
            words = tr("Contact recorded: {0}: has access").format(c.what)
        else:
            words = tr("Contact recorded: {0}").format(c.what)
        yield Event(c.recorded_on, EventKind.CONTACT, words, source)
        if c.disclosure is not None:
            on = c.disclosure_on or c.recorded_on
            words = tr("Child sex offender disclosure scheme, {0}: {1}").format(c.name, describe_decision(c))
            yield Event(on, EventKind.DISCLOSURE, words, source)


def _name_changes(
    notices: Iterable[NameChangeNotice], decision_step: str, rules: NameChangeRules | None
) -> Iterator[Event]:
    """A notice of an intended change of name, and each step done; the decision with the step that
    records it (`decision_step`, the policy's), a prohibition's reason being typed text; a step done
    after its deadline (under the policy's `rules`) marked late. A step's name is the policy's (and
    the key it is kept by): as the policy writes it."""
    source = QT_TR_NOOP("Name-change notices")
    for n in sorted(notices, key=lambda n: n.received_on):
        late = dict(late_steps(n, rules)) if rules is not None else {}
        if n.change_on is not None:
            words = tr("Name-change notice: to {0} on {1}").format(n.intended_name, day(n.change_on))
        else:
            words = tr("Name-change notice: to {0}").format(n.intended_name)
        yield Event(n.received_on, EventKind.NOTIFICATION, words, source)
        for name, done in sorted(n.steps.items(), key=lambda step: step[1]):
            words = tr("Name-change notice ({0}): {1}").format(n.intended_name, name)
            if name in late:
                words += tr(" (late: due by {0})").format(day(late[name]))
            if name == decision_step and n.decision is not None:
                reason = f" ({n.decision_reason})" if n.decision_reason else ""
                words += f": {tr(n.decision.label).lower()}{reason}"
                yield Event(done, EventKind.NOTIFICATION, words, source, free_text=bool(reason))
            else:
                yield Event(done, EventKind.NOTIFICATION, words, source)


def _details(details: Iterable[NotifiedDetail]) -> Iterator[Event]:
    """A notified detail on the day notified ("Notified: debit or credit card (Visa debit) ending
    9012"), verified and ended. Its number is the event's `number`: withheld from a copy without
    numbers (a registration mark is not one); its words are typed text."""
    source = QT_TR_NOOP("Notified details")
    for d in sorted(details, key=lambda d: d.notified_on):
        ref = d.reference.strip()
        if d.kind is DetailKind.CARD and ref:
            shown = tr(" ending {0}").format(ref)
        elif ref:
            shown = f" {ref}" if d.kind is DetailKind.VEHICLE else f": {ref}"
        else:
            shown = ""
        number = ref if d.kind.confidential_number else ""
        # Compared with the English label: a description that only repeats the kind is not said again.
        said = "" if d.description.strip().casefold() == d.kind.label.casefold() else f" ({d.description})"
        what = f"{tr(d.kind.label).lower()}{said}{shown}"
        yield Event(
            d.notified_on, EventKind.NOTIFICATION, tr("Notified: {0}").format(what), source, True, number
        )
        if d.verified and d.verified_on is not None:
            words = tr("Verified: {0}").format(what)
            yield Event(d.verified_on, EventKind.NOTIFICATION, words, source, True, number)
        if d.ended_on is not None:
            words = tr("Ended: {0}").format(what)
            yield Event(d.ended_on, EventKind.NOTIFICATION, words, source, True, number)


def _names(names: Iterable[RecordedName]) -> Iterator[Event]:
    """A name the person is known by from the day it was first used, and the day they stopped (a name
    recorded without a date has no place in time: it is read on the Identity tab)."""
    source = QT_TR_NOOP("Names")
    for n in sorted((n for n in names if n.from_on is not None), key=lambda n: n.from_on or date.min):
        assert n.from_on is not None
        kind = tr(n.kind.label)
        if n.source:
            words = tr("{0}: {1}, source {2}").format(kind, n.name, n.source)
        else:
            words = tr("{0}: {1}").format(kind, n.name)
        yield Event(n.from_on, EventKind.NOTIFICATION, words, source)
        if n.to_on is not None:
            words = tr("{0} no longer used: {1}").format(kind, n.name)
            yield Event(n.to_on, EventKind.NOTIFICATION, words, source)


# Alterations of the offender record the audit log alone dates: (field label in the detail, kind, words).
# The field labels are the stored detail's (English, compared); the words are said through tr.
_AUDITED_CHANGES = (
    ("Risk level", EventKind.RISK, QT_TR_NOOP("Managing risk level changed")),
    ("MAPPA level", EventKind.MAPPA, QT_TR_NOOP("MAPPA level changed")),
)


def _audit(entries: Iterable[Mapping[str, Any]]) -> Iterator[Event]:
    for entry in entries:
        at = entry["at"]
        on = at.date() if isinstance(at, datetime) else at
        by = tr(" by {0}").format(entry["user"]) if entry.get("user") else ""
        if entry["action"] == "disclosure" and entry["table_name"] == "contacts":
            continue  # a decision under the disclosure scheme: its contact dates it (_contacts)
        if entry["action"] == "disclosure":
            # The event and its detail are the audit log's own words, stored: quoted as they are.
            to = tr(" to {0}").format(entry["recipient"]) if entry.get("recipient") else ""
            why = f": {entry['justification']}" if entry.get("justification") else ""
            what = f" ({entry['detail']})" if entry.get("detail") else ""  # "chronology: chronology.pdf"
            # The event in the language written in now (a document's may not be the window's that read it).
            event = event_label(entry["table_name"], entry["action"], str(entry.get("detail") or ""))
            words = f"{event}{what}{to}{by}{why}"
            yield Event(on, EventKind.DISCLOSURE, words, AUDIT_LOG, bool(why))
        elif entry["action"] == "alteration" and entry["table_name"] == "nominals":
            named = _named_fields(str(entry.get("detail", "")))
            detail = str(entry.get("detail", ""))
            why = detail.split(";", 1)[1].strip() if ";" in detail else ""  # the reason given, if any
            for label, kind, words in _AUDITED_CHANGES:
                if label in named:
                    said = f"{tr(words)}{by}: {why}" if why else f"{tr(words)}{by}"
                    yield Event(on, kind, said, AUDIT_LOG, bool(why))


def _named_fields(detail: str) -> set[str]:
    """The field labels an alteration's detail names ("changed: Risk level, Risk level since; why")."""
    if not detail.startswith("changed: "):
        return set()
    return {name.strip() for name in detail.removeprefix("changed: ").split(";")[0].split(",")}


def _intelligence(nominal: Nominal) -> Iterator[Event]:
    """The latest intelligence that the person may offend (the record keeps only the latest)."""
    if nominal.intelligence_on is not None:
        note = nominal.intelligence_note
        if note:
            words = tr("Intelligence that they may offend: {0}").format(note)
        else:
            words = tr("Intelligence that they may offend")
        yield Event(nominal.intelligence_on, EventKind.RISK, words, QT_TR_NOOP("Visit plan"), bool(note))
