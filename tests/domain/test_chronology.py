"""The chronology (issue 19): every significant event about one person, in date order, from the record
and, where it is the only source, the audit log."""

from __future__ import annotations

from datetime import date, datetime

from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.chronology import EventKind, chronology, of_kinds
from somdesk.domain.model import (
    Address,
    ArmsAssessment,
    Disposal,
    ForeignTrip,
    Mappa,
    Nominal,
    Registration,
    RiskLevel,
    SentencingOccasion,
    Sex,
    Term,
    Visit,
    VisitOutcome,
)
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.rosh import RoshAssessment, RoshSource
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

H = RiskLevel.HIGH

# A synthetic case: convicted 3 Mar 2021 of an offence against a child, 4 years' imprisonment, an SHPO
# made at sentence (DOMAIN.md §7), released on 1 Jun 2023 and notified in person on release (s.83),
# then yearly; a failure to notify found at a visit (s.91), a missing episode, a trip abroad.
PERSON = Nominal(
    id="n1",
    visor_ref="SYN19",
    pnc_id="SYN/19",
    family_name="Thorne",
    given_names="Ellis",
    date_of_birth=date(1979, 5, 2),
    sex=Sex.MALE,
    registration=Registration(
        date(2021, 3, 3),
        Disposal.IMPRISONMENT,
        term=Term(months=48),
        registered_on=date(2021, 3, 5),
        in_custody=False,
        released_on=date(2023, 6, 1),
        first_notification_after_release=date(2023, 6, 2),
        last_notification=date(2024, 6, 1),
    ),
    address=Address("4 Reed Lane", "Saltmarsh", "ZZ4 1AB", "Saltmarsh"),
    mappa=Mappa(1, 2, last_meeting=date(2023, 5, 20)),
    risk_level=H,
    risk_level_since=date(2023, 6, 2),
    occasions=(
        SentencingOccasion(
            date(2021, 4, 20), date(2020, 11, 1), "Sexual assault of a child", True, index=True
        ),
    ),
    orders=(
        CivilOrder(OrderKind.SHPO, "Saltmarsh Crown Court", date(2021, 4, 20), ends_on=date(2031, 4, 19)),
    ),
    trips=(ForeignTrip(date(2024, 8, 1), "France", date(2024, 7, 1), returns_on=date(2024, 8, 8)),),
)
VISITS = [
    Visit("n1", datetime(2024, 2, 9, 19, 30), VisitOutcome.REFUSED_ENTRY),
    Visit("n1", datetime(2023, 7, 10, 10, 0), VisitOutcome.SEEN, officers=("DC A", "DC B")),
]
ARMS = [ArmsAssessment("n1", date(2023, 6, 2), "DS Grey", "v3", (), H)]
BREACH = Breach(
    BreachKind.NOTIFICATION,
    date(2024, 2, 9),
    "DC A. Fenwick",
    BreachAction.ARREST,
    "new address not notified within 3 days",
    outcome="charged under s.91",
    outcome_on=date(2024, 2, 10),
)
MISSING = Whereabouts(WhereaboutsStatus.MISSING, date(2024, 3, 1), "PNC/24/1", resolved_on=date(2024, 3, 4))
ROSH = RoshAssessment(
    date(2023, 6, 2), RoshSource.OASYS, H, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.LOW
)


def entry(at: datetime, action: str, table: str = "nominals", **kw: str) -> dict[str, object]:
    return {
        "at": at,
        "action": action,
        "table_name": table,
        "user": "dc.fenwick",
        "detail": "",
        "recipient": "",
        "justification": "",
        "event": "Offender record printed or exported",
        **kw,
    }


AUDIT = [
    entry(
        datetime(2024, 2, 12, 9, 0),
        "disclosure",
        detail="case summary: summary.pdf",
        recipient="Saltmarsh CSC",
        justification="child protection strategy meeting",
    ),
    entry(datetime(2024, 2, 11, 9, 0), "alteration", detail="changed: Risk level, Risk level since; breach"),
    entry(datetime(2024, 2, 11, 10, 0), "alteration", detail="changed: Address"),
    entry(datetime(2024, 2, 11, 11, 0), "consultation"),
]


def whole():
    return chronology(PERSON, VISITS, ARMS, (), [BREACH], [MISSING], [ROSH], AUDIT)


def test_every_significant_event_appears_once_in_date_order():
    events = whole()
    assert [e.on for e in events] == sorted(e.on for e in events)
    words = [(e.on, e.words) for e in events]
    assert (date(2021, 3, 3), "Relevant date: imprisonment") in words
    assert (date(2021, 4, 20), "Sentenced: Sexual assault of a child (index offence)") in words
    assert (date(2021, 4, 20), "Sexual Harm Prevention Order made at Saltmarsh Crown Court") in words
    assert (date(2023, 6, 1), "Released from custody") in words
    assert (date(2023, 6, 2), "First notification after release") in words
    assert (date(2024, 6, 1), "Notification (latest recorded)") in words
    assert (date(2024, 2, 10), "Breach outcome: charged under s.91") in words
    assert (date(2024, 3, 4), "Found or resolved") in words
    assert any(e.on == date(2031, 4, 19) and "ends" in e.words for e in events)  # the order's last day
    assert len(words) == len(set(words))


def test_visits_and_attempts_say_their_outcome():
    visits = of_kinds(whole(), [EventKind.VISIT])
    assert [(e.on, e.words) for e in visits] == [
        (date(2023, 7, 10), "Home visit (unannounced) at 10:00: Seen"),
        (date(2024, 2, 9), "Visit attempted (unannounced) at 19:30: Refused entry"),
    ]


def test_the_audit_log_gives_disclosures_and_risk_level_changes_but_not_every_entry():
    from_audit = [e for e in whole() if e.source == "Audit log"]
    assert [(e.on, e.kind) for e in from_audit] == [
        (date(2024, 2, 11), EventKind.RISK),
        (date(2024, 2, 12), EventKind.DISCLOSURE),
    ]
    disclosure = from_audit[1].words
    assert "Saltmarsh CSC" in disclosure and "child protection strategy meeting" in disclosure
    assert "(case summary: summary.pdf)" in disclosure
    # The risk level change says who changed it and the reason given, which is free text.
    assert from_audit[0].words == "Managing risk level changed by dc.fenwick: breach"
    assert from_audit[0].free_text


def test_events_of_one_day_keep_the_order_of_a_case_s_life():
    # Released and notified, risk set, ARMS and RoSH done on one day: the same order every time.
    day = [e for e in whole() if e.on == date(2023, 6, 2)]
    assert [e.kind for e in day] == [
        EventKind.NOTIFICATION,
        EventKind.RISK,
        EventKind.ASSESSMENT,
        EventKind.ASSESSMENT,
    ]
    assert [e.source for e in day][2:] == ["ARMS", "RoSH"]
    # On the day the breach was found at the refused visit, the visit comes before the breach.
    found = [e.kind for e in whole() if e.on == date(2024, 2, 9)]
    assert found == [EventKind.VISIT, EventKind.BREACH]
    # The input's order does not matter.
    again = chronology(PERSON, VISITS[::-1], ARMS, (), [BREACH], [MISSING], [ROSH], AUDIT[::-1])
    assert again == whole()


def test_filter_by_kind_keeps_only_those_kinds_in_order():
    events = whole()
    picked = of_kinds(events, {EventKind.BREACH, EventKind.WHEREABOUTS})
    assert [e.words.split(":")[0] for e in picked] == [
        "Breach found",
        "Breach outcome",
        "Missing",
        "Found or resolved",
    ]
    assert of_kinds(events, []) == []
    assert of_kinds(events, EventKind) == events


def test_a_record_with_only_its_registration_still_has_a_chronology():
    bare = Nominal(
        "n2",
        "SYN20",
        "SYN/20",
        "Vale",
        "Jo",
        date(1990, 1, 1),
        Sex.FEMALE,
        Registration(date(2025, 1, 10), Disposal.CAUTION),
        None,
    )
    assert [(e.on, e.kind) for e in chronology(bare)] == [(date(2025, 1, 10), EventKind.CONVICTION)]


def test_contacts_recorded_appear_on_the_day_recorded():
    from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship

    child = Contact(
        ContactKind.PERSON, date(2024, 3, 2), "Maisie Corran", Relationship.CHILD, Presence.STAYS,
        age=7, has_access=True,
    )  # fmt: skip
    events = chronology(PERSON, contacts=[child])
    (recorded,) = of_kinds(events, [EventKind.CONTACT])
    assert (recorded.on, recorded.words) == (
        date(2024, 3, 2),
        "Contact recorded: Maisie Corran (Child, stays there): has access",
    )


def test_notified_details_and_names_appear_when_notified_verified_ended_and_used():
    from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName

    card = NotifiedDetail(DetailKind.CARD, "Visa debit", date(2024, 3, 5), "9012", True, date(2024, 3, 8))
    passport = NotifiedDetail(DetailKind.PASSPORT, "UK passport", date(2024, 4, 1), "533401927")
    car = NotifiedDetail(
        DetailKind.VEHICLE, "Ford Focus, red", date(2024, 4, 2), "AB12CDE", ended_on=date(2024, 5, 1)
    )
    names = [
        RecordedName("Al ZELL", NameKind.ALIAS, "PNC", date(2019, 6, 1), date(2022, 1, 1)),
        RecordedName("Aldous QUIST", NameKind.ALIAS, "self-declared", date(2023, 2, 1)),
        RecordedName("Undated NAME", NameKind.ALIAS, "PNC"),  # no date: not placed in time
    ]
    ni = NotifiedDetail(DetailKind.NI_NUMBER, "National insurance number", date(2024, 6, 1), "ZZ164819A")
    events = chronology(PERSON, details=[card, passport, car, ni], names=names)
    words = [(e.on, e.words) for e in events if e.source in ("Notified details", "Names")]
    assert words == [
        (date(2019, 6, 1), "Alias: Al ZELL, source PNC"),
        (date(2022, 1, 1), "Alias no longer used: Al ZELL"),
        (date(2023, 2, 1), "Alias: Aldous QUIST, source self-declared"),
        (date(2024, 3, 5), "Notified: debit or credit card (Visa debit) ending 9012"),
        (date(2024, 3, 8), "Verified: debit or credit card (Visa debit) ending 9012"),
        (date(2024, 4, 1), "Notified: passport (UK passport): 533401927"),
        (date(2024, 4, 2), "Notified: vehicle (Ford Focus, red) AB12CDE"),
        (date(2024, 5, 1), "Ended: vehicle (Ford Focus, red) AB12CDE"),
        (date(2024, 6, 1), "Notified: national insurance number: ZZ164819A"),
    ]
    numbers = {e.words: e.number for e in events if e.source == "Notified details"}
    assert numbers["Notified: passport (UK passport): 533401927"] == "533401927"
    assert numbers["Notified: vehicle (Ford Focus, red) AB12CDE"] == ""  # a mark is not withheld


def test_given_today_the_chronology_lists_only_what_has_happened():
    # The SHPO of 2021 ends on 19 Apr 2031 (whole()): on 1 Jan 2025 that is not an event yet.
    events = chronology(PERSON, VISITS, ARMS, (), [BREACH], [MISSING], [ROSH], AUDIT, today=date(2025, 1, 1))
    assert events and all(e.on <= date(2025, 1, 1) for e in events)
    assert not any("ends" in e.words for e in events)
    assert [e for e in whole() if e.on <= date(2025, 1, 1)] == events  # nothing else left out
