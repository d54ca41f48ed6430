"""Value types for the people, records and events somdesk tracks (DOMAIN.md §1-6).

Plain frozen dataclasses: no behaviour beyond small derived facts, no I/O, no framework.
`None` always means "not known", never "no" or zero.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, NamedTuple

from somdesk.domain.breaches import FoundBreach
from somdesk.domain.contacts import Contact
from somdesk.domain.kept_dates import RegistrationDates
from somdesk.domain.licences import Licence
from somdesk.domain.name_changes import NameChangeNotice
from somdesk.domain.orders import CivilOrder
from somdesk.domain.text import QT_TR_NOOP, day_text, tr
from somdesk.domain.whereabouts import Whereabouts
from somdesk.domain.words import counted

if TYPE_CHECKING:
    from somdesk.domain.meetings import PanelAction
    from somdesk.domain.warrants import WarrantDecision

__all__ = [
    "AMENDMENT_KINDS",
    "Address",
    "ArmsAssessment",
    "Case",
    "Disposal",
    "ForeignTrip",
    "Language",
    "Mappa",
    "Nominal",
    "Officer",
    "RecordedVisit",
    "Registration",
    "RiskLevel",
    "SentencingOccasion",
    "Sex",
    "Team",
    "Term",
    "TermPart",
    "Visit",
    "VisitAmendment",
    "VisitOutcome",
    "VisitPlan",
    "language_words",
    "summarise_case",
    "visit_value_text",
]


class RiskLevel(IntEnum):
    """The four levels every instrument and plan in the field uses, ordered low to very high."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    VERY_HIGH = 4

    # Enum hashes by name in Python code; int's C hash agrees with IntEnum equality and is far
    # cheaper in the dict lookups done for every case.
    __hash__ = int.__hash__

    @property
    def label(self) -> str:
        return _RISK_LABELS[self]

    @property
    def key(self) -> str:
        """The policy-file spelling: low, medium, high, very_high."""
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> RiskLevel:
        return cls[key.upper()]


_RISK_LABELS = {
    RiskLevel.LOW: QT_TR_NOOP("Low"),
    RiskLevel.MEDIUM: QT_TR_NOOP("Medium"),
    RiskLevel.HIGH: QT_TR_NOOP("High"),
    RiskLevel.VERY_HIGH: QT_TR_NOOP("Very High"),
}


class Sex(Enum):
    MALE = "male"
    FEMALE = "female"

    @property
    def words(self) -> str:
        """As a sentence says it, in the current language ("male", "gwryw")."""
        return tr(_SEX_WORDS[self])


_SEX_WORDS = {Sex.MALE: QT_TR_NOOP("male"), Sex.FEMALE: QT_TR_NOOP("female")}


class Language(Enum):
    """The language a person wishes to correspond in (DOMAIN.md §9). Not recorded is None, never a guess."""

    ENGLISH = "english"
    WELSH = "welsh"

    @property
    def label(self) -> str:
        return _LANGUAGE_LABELS[self]


# Marked for the translation file: the window shows them through tr.
_LANGUAGE_LABELS = {Language.ENGLISH: QT_TR_NOOP("English"), Language.WELSH: QT_TR_NOOP("Welsh (Cymraeg)")}


def language_words(language: Language | None) -> str:
    """How a record reads a preferred language: "Welsh (Cymraeg)", "English", "Not recorded"."""
    return language.label if language is not None else "Not recorded"


class Disposal(Enum):
    """How the court (or police) dealt with the relevant offence; selects the s.82 period."""

    IMPRISONMENT = "imprisonment"  # custody or detention for a fixed term (the term decides)
    DETENTION_TRAINING = "detention_training"  # detention and training order: half counts (s.131(a))
    LIFE_OR_IPP = "life_or_ipp"  # life, IPP or other indeterminate custody
    HOSPITAL_RESTRICTED = "hospital_restricted"  # hospital order with a restriction order
    HOSPITAL = "hospital"  # hospital order without restriction
    CAUTION = "caution"
    CONDITIONAL_DISCHARGE = "conditional_discharge"
    OTHER = "other"  # community order, fine, anything else

    @property
    def label(self) -> str:
        return _DISPOSAL_LABELS[self]


_DISPOSAL_LABELS = {
    Disposal.IMPRISONMENT: QT_TR_NOOP("Imprisonment"),
    Disposal.DETENTION_TRAINING: QT_TR_NOOP("Detention and training order"),
    Disposal.LIFE_OR_IPP: QT_TR_NOOP("Life or IPP"),
    Disposal.HOSPITAL_RESTRICTED: QT_TR_NOOP("Hospital order with restriction"),
    Disposal.HOSPITAL: QT_TR_NOOP("Hospital order"),
    Disposal.CAUTION: QT_TR_NOOP("Caution"),
    Disposal.CONDITIONAL_DISCHARGE: QT_TR_NOOP("Conditional discharge"),
    Disposal.OTHER: QT_TR_NOOP("Other disposal"),
}


@dataclass(frozen=True, slots=True, order=True)
class Term:
    """A custodial term in whole months plus days: s.82 turns on "6 months" and "30 months" exactly."""

    months: int
    days: int = 0

    def __post_init__(self) -> None:
        if self.months < 0 or self.days < 0:
            raise ValueError(f"a term cannot be negative: {self.months} months {self.days} days")

    def __str__(self) -> str:
        parts = []
        if self.months:
            parts.append(counted(self.months, tr("month")))
        if self.days or not parts:
            parts.append(counted(self.days, tr("day")))
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class TermPart:
    """One term of a sentence made of several (s.82(3)-(4)): its length and how it runs against the
    terms before it. The first part runs on its own; `concurrent` parts begin on `starts_on` (the
    first part then needs its own start), consecutive parts begin when the part before them ends."""

    term: Term
    concurrent: bool = False
    starts_on: date | None = None


@dataclass(frozen=True, slots=True)
class Address:
    line1: str
    town: str
    postcode: str
    area: str  # the policing area a visit round is planned by


@dataclass(frozen=True, slots=True)
class SentencingOccasion:
    """One sentencing occasion (offences sentenced together count once; a caution counts too)."""

    sentenced_on: date
    offence_on: date | None  # first offence date of the occasion, when known
    description: str
    sexual: bool  # includes a sexual offence
    violent: bool = False  # includes a non-sexual violent offence
    burglary: bool = False
    male_victim: bool | None = None  # any sexual offence against a male
    stranger_victim: bool | None = None
    non_contact: bool | None = None  # any non-contact sexual offence
    index: bool = False  # the offence that led to registration


@dataclass(frozen=True, slots=True)
class Registration:
    """The notification requirement under SOA 2003 Part 2 and the dates that drive it."""

    relevant_date: date  # conviction, finding or caution
    disposal: Disposal
    term: Term | None = None  # for imprisonment: the term as entered (the sum, when parts are not)
    discharge_months: int | None = None  # for a conditional discharge
    registered_on: date | None = None  # initial notification made; None if still awaited
    last_notification: date | None = None  # latest s.83/84/85 notification
    in_custody: bool = False
    released_on: date | None = None  # latest release from custody or hospital
    first_notification_after_release: date | None = None  # starts the indefinite-review clock
    review_refused_on: date | None = None  # latest refusal to discharge an indefinite requirement
    # The further qualifying date given in the chief officer's notice of that refusal (s.91B(3) allows
    # periods other than 8 years); None when the notice is not recorded.
    review_further_on: date | None = None
    term_parts: tuple[TermPart, ...] = ()  # the terms that make up `term`, when entered
    # When the latest time in custody or hospital began (remand included); None: not recorded, read as
    # "since before any date compared with" (notification.absences_of).
    custody_from: date | None = None


@dataclass(frozen=True, slots=True)
class Mappa:
    category: int  # 1 registered sexual offender, 2 violent, 3 other dangerous
    level: int  # 1 ordinary agency management, 2 or 3 multi-agency
    lead_agency: str = "Police"
    last_meeting: date | None = None
    next_review: date | None = None


@dataclass(frozen=True, slots=True)
class VisitPlan:
    """The risk management plan's visit frequency; None means the policy default for the risk level."""

    interval_months: int | None = None
    rationale: str = ""
    reactive: bool = False  # under reactive management: no routine visits


@dataclass(frozen=True, slots=True)
class ForeignTrip:
    """A trip abroad as notified. Two trips with the same facts are equal whatever their ids: the id
    says which stored record holds them, for an edit."""

    departs_on: date
    destination: str
    notified_on: date | None = None
    short_notice_reason: str = ""  # why notice came inside the 7 days before departure
    returns_on: date | None = None  # back in the United Kingdom (s.83(6), s.85(4)(d)); None: not known
    id: str = field(default="", compare=False)  # the stored record's id, "" before it is saved


@dataclass(frozen=True, slots=True)
class Officer:
    id: str
    name: str
    team_id: str
    is_som: bool = True  # supervisors and others hold no caseload of their own

    @property
    def sort_key(self) -> tuple[str, str]:
        """Surname first (the last word of "DC G. Holdale"), as people look an officer up in a list."""
        return self.name.rsplit(" ", 1)[-1].casefold(), self.name.casefold()


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    area: str


@dataclass(frozen=True, slots=True)
class Nominal:
    """A registered sex offender as the SOM manages them."""

    id: str
    visor_ref: str
    pnc_id: str
    family_name: str
    given_names: str
    date_of_birth: date
    sex: Sex
    registration: Registration
    address: Address | None  # None: no fixed abode
    mappa: Mappa = Mappa(category=1, level=1)
    officer_id: str | None = None
    risk_level: RiskLevel | None = None  # the managing risk level; None until assessed
    risk_level_since: date | None = None
    visit_plan: VisitPlan = VisitPlan()
    never_married: bool | None = None
    aliases: tuple[str, ...] = ()
    occasions: tuple[SentencingOccasion, ...] = ()
    trips: tuple[ForeignTrip, ...] = ()
    orders: tuple[CivilOrder, ...] = ()  # civil orders, ended ones too (their terms with `nominal()`)
    licences: tuple[Licence, ...] = ()  # loaded with one person's record; () in the caseload's cases
    # The latest intelligence that the person may offend (None: none recorded) and a line saying what
    # it is; within the policy's years it bars reactive management (DOMAIN.md §4).
    intelligence_on: date | None = None
    intelligence_note: str = ""
    # The language they wish to correspond in (DOMAIN.md §9); None: not recorded, which is never guessed.
    preferred_language: Language | None = None

    @property
    def display_name(self) -> str:
        return f"{self.family_name.upper()}, {self.given_names}"

    @property
    def no_fixed_abode(self) -> bool:
        return self.address is None

    @property
    def area(self) -> str:
        # A key (areas are compared and grouped): translated where shown.
        return self.address.area if self.address else QT_TR_NOOP("No fixed abode")


class VisitOutcome(Enum):
    SEEN = "seen"
    NOT_SEEN = "not_seen"  # no reply
    REFUSED_ENTRY = "refused_entry"
    NOT_RESIDENT = "not_resident"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    VisitOutcome.SEEN: QT_TR_NOOP("Seen"),
    VisitOutcome.NOT_SEEN: QT_TR_NOOP("Not seen / no reply"),
    VisitOutcome.REFUSED_ENTRY: QT_TR_NOOP("Refused entry"),
    VisitOutcome.NOT_RESIDENT: QT_TR_NOOP("Not resident"),
}


@dataclass(frozen=True, slots=True)
class Visit:
    nominal_id: str
    at: datetime
    outcome: VisitOutcome
    announced: bool = False
    officers: tuple[str, ...] = ()
    address_checked: bool = False
    concerns: str = ""
    notes: str = ""
    # Fewer than two officers attended (DOMAIN.md §4): why, and the supervisor who authorised it.
    lone_reason: str = ""
    lone_authorised_by: str = ""
    # False: who attended is not recorded (a visit imported from a file that does not say): not a lone
    # visit, authorised by no one; only the import makes one (attendance.attendance_problems).
    attendance_recorded: bool = True


AMENDMENT_KINDS = ("correction", "note")  # what a visit's amendment is


def visit_value_text(name: str, value: object, longest: int = 200) -> str:
    """A visit's field value as the record stores and syncs it, in words (history, audit detail)."""
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if name == "at":
        return day_text(datetime.fromisoformat(str(value)), "%d %b %Y %H:%M")
    if name == "outcome":
        return VisitOutcome(value).label
    if name == "officers":
        names = json.loads(value) if isinstance(value, str) else value
        return ", ".join(map(str, names)) if isinstance(names, list) else str(names)
    text = " ".join(str(value).split())
    return text if len(text) <= longest else text[: longest - 1] + "…"


@dataclass(frozen=True, slots=True)
class VisitAmendment:
    """A correction of a recorded visit or a note added to it: dated, signed and never changed.

    `kind` is "correction" or "note"; `text` the correction's reason or the note; `before` what a
    correction changed, as (field, value before) with values as the record stores and syncs them."""

    kind: str
    at: datetime
    by: str
    text: str
    before: tuple[tuple[str, object], ...] = ()


Changed = tuple[str, object, object]  # a field a correction changed: (name, before, after)


@dataclass(frozen=True, slots=True)
class RecordedVisit(Visit):
    """A visit as the record holds it: its id and its corrections and notes, oldest first."""

    id: str = ""
    amendments: tuple[VisitAmendment, ...] = ()

    @property
    def corrected(self) -> bool:
        return any(a.kind == "correction" for a in self.amendments)

    def history(self, now: dict[str, object]) -> list[tuple[VisitAmendment, list[Changed]]]:
        """Each amendment with what it changed as (field, before, after): a field's value after one
        correction is its value before the next correction of it, or `now` (the visit's stored values)."""
        after = dict(now)
        out: list[tuple[VisitAmendment, list[Changed]]] = []
        for a in reversed(self.amendments):
            out.append((a, [(name, old, after.get(name)) for name, old in a.before]))
            after.update(a.before)
        return out[::-1]


@dataclass(frozen=True, slots=True)
class ArmsAssessment:
    nominal_id: str
    completed_on: date
    assessor: str
    instrument_version: str
    ratings: tuple[tuple[str, str], ...]  # (factor key, rating key) pairs
    priority: RiskLevel  # the assessor's priority for work: judgement, not a score
    notes: str = ""


class Case(NamedTuple):
    """Everything the queues and caseload need about one nominal, summarised from their history.

    The store builds these with a few aggregates instead of loading every visit, so the rules stay
    fast at 100,000 nominals; a NamedTuple because 100,000 are built per refresh.
    """

    nominal: Nominal
    last_seen_visit: date | None = None  # latest visit with outcome "seen"
    last_arms: date | None = None  # latest completed ARMS
    arms_review_requested_on: date | None = None  # a significant change since the last ARMS
    planned_visit: date | None = None  # a visit booked in the planner
    breaches_found: tuple[date, ...] = ()  # the day each recorded breach came to light
    missing: Whereabouts | None = None  # an open whereabouts episode (unknown, missing, wanted)
    # Name-change notices (the queue takes those the policy's steps leave open), latest received first.
    name_changes: tuple[NameChangeNotice, ...] = ()
    # The breach found last: an offence (reactive management), and the queues' reasons and order.
    latest_breach: FoundBreach | None = None
    panel_actions: tuple[PanelAction, ...] = ()  # the MAPPA panel's actions still open, soonest due first
    # The people recorded as ones the person has access to (children, while under 18: the caseload flag).
    access_contacts: tuple[Contact, ...] = ()
    # Failed entry (domain/warrants.py): the unsuccessful attempts (no reply, refused entry) since the
    # last seen visit, oldest first, and the s.96B warrant decisions that cover any of them.
    attempts: tuple[RecordedVisit, ...] = ()
    warrant_decisions: tuple[WarrantDecision, ...] = ()
    # The day each breach counted as charged came to light (breaches.is_charged): the annual figures.
    breaches_charged: tuple[date, ...] = ()
    # The registration's notification dates as the store keeps them (kept_dates.py); None: not kept.
    kept: RegistrationDates | None = None
    planned_time: time | None = None  # the booked visit's start, when a round booked it


def summarise_case(
    nominal: Nominal,
    visits: Iterable[Visit],
    assessments: Iterable[ArmsAssessment],
    arms_review_requested_on: date | None = None,
    planned_visit: date | None = None,
) -> Case:
    """The `Case` for a nominal from their full visit and ARMS history."""
    seen = [v.at.date() for v in visits if v.outcome is VisitOutcome.SEEN]
    arms = [a.completed_on for a in assessments]
    return Case(
        nominal, max(seen, default=None), max(arms, default=None), arms_review_requested_on, planned_visit
    )
