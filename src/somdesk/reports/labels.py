"""The domain's labels (risk levels, visit outcomes, order kinds, …) in the document's language.

The domain names each value once in English (`.label`); a document prints `label(value)`. The table below
spells every one out as a literal `tr("…")`, so pyside6-lupdate extracts them into the documents'
catalogue (tests/reports/test_language.py checks every value of these enums is here)."""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Any

from somdesk.domain.breaches import BreachAction, BreachKind
from somdesk.domain.chronology import EventKind
from somdesk.domain.contacts import ContactKind, DisclosureDecision, Presence, Relationship
from somdesk.domain.details import DetailKind, NameKind
from somdesk.domain.device_checks import CheckResult
from somdesk.domain.devices import DeviceSource, DeviceStatus, DeviceType
from somdesk.domain.licences import ConditionKind, Monitoring
from somdesk.domain.meetings import ActionStatus
from somdesk.domain.model import Disposal, Language, RiskLevel, VisitOutcome
from somdesk.domain.name_changes import Decision
from somdesk.domain.orders import OrderKind, TermCategory, TermKind
from somdesk.domain.rosh import RoshSource
from somdesk.domain.whereabouts import WhereaboutsStatus
from somdesk.reports.language import current_language, tr

__all__ = ["LABELLED", "label", "language_text", "text"]

LABELLED: tuple[type[Enum], ...] = (
    BreachKind,
    BreachAction,
    EventKind,
    ContactKind,
    Relationship,
    Presence,
    DisclosureDecision,
    DetailKind,
    NameKind,
    CheckResult,
    DeviceType,
    DeviceSource,
    DeviceStatus,
    Monitoring,
    ConditionKind,
    ActionStatus,
    RiskLevel,
    Disposal,
    Language,
    VisitOutcome,
    Decision,
    OrderKind,
    TermKind,
    TermCategory,
    RoshSource,
    WhereaboutsStatus,
)


@cache
def _labels(code: str) -> dict[Enum, str]:
    """Every label, translated: `code` (the current language) keys the cache."""
    return {
        BreachKind.NOTIFICATION: tr("Failure to notify (s.91)"),
        BreachKind.ORDER: tr("Term of an order"),
        BreachKind.LICENCE: tr("Licence"),
        BreachKind.OTHER: tr("Other"),
        BreachAction.ARREST: tr("Arrest"),
        BreachAction.WARNING: tr("Warning"),
        BreachAction.RECALL_REQUEST: tr("Recall request"),
        BreachAction.CPS_FILE: tr("File to the CPS"),
        BreachAction.NONE_YET: tr("None yet"),
        EventKind.CONVICTION: tr("Conviction and sentence"),
        EventKind.NOTIFICATION: tr("Registration and notification"),
        EventKind.CUSTODY: tr("Custody and release"),
        EventKind.VISIT: tr("Home visit"),
        EventKind.ASSESSMENT: tr("Risk assessment"),
        EventKind.RISK: tr("Risk level"),
        EventKind.MAPPA: tr("MAPPA"),
        EventKind.ORDER: tr("Order or licence"),
        EventKind.BREACH: tr("Breach"),
        EventKind.WHEREABOUTS: tr("Missing or wanted"),
        EventKind.TRAVEL: tr("Travel abroad"),
        EventKind.CONTACT: tr("Household and contacts"),
        EventKind.DISCLOSURE: tr("Disclosure"),
        ContactKind.PERSON: tr("Person"),
        ContactKind.EMAIL: tr("E-mail address"),
        ContactKind.USER_NAME: tr("User name"),
        Relationship.PARTNER: tr("Partner"),
        Relationship.CHILD: tr("Child"),
        Relationship.HOUSEHOLD: tr("Household member"),
        Relationship.VISITOR: tr("Visitor"),
        Relationship.EMPLOYER: tr("Employer"),
        Relationship.EDUCATION: tr("Education"),
        Relationship.OTHER: tr("Other"),
        Presence.LIVES: tr("Lives there"),
        Presence.STAYS: tr("Stays there"),
        Presence.VISITS: tr("Visits"),
        DisclosureDecision.DISCLOSED: tr("Disclosed"),
        DisclosureDecision.NOT_DISCLOSED: tr("Not disclosed"),
        DetailKind.BANK_ACCOUNT: tr("Bank account"),
        DetailKind.CARD: tr("Debit or credit card"),
        DetailKind.PASSPORT: tr("Passport"),
        DetailKind.IDENTITY_DOCUMENT: tr("Other identity document"),
        DetailKind.HOUSEHOLD_STAY: tr("Stay of 12+ hours in a household with a child under 18"),
        DetailKind.VEHICLE: tr("Vehicle"),
        DetailKind.NI_NUMBER: tr("National insurance number"),
        NameKind.ALIAS: tr("Alias"),
        NameKind.PREVIOUS: tr("Previous name"),
        NameKind.CHANGE: tr("Name change"),
        CheckResult.NO_CONCERNS: tr("No concerns"),
        CheckResult.CONCERNS: tr("Concerns"),
        CheckResult.REFUSED: tr("Refused"),
        CheckResult.NOT_EXAMINED: tr("Not examined"),
        DeviceType.PHONE: tr("Phone"),
        DeviceType.COMPUTER: tr("Computer"),
        DeviceType.TABLET: tr("Tablet"),
        DeviceType.CONSOLE: tr("Games console"),
        DeviceType.STORAGE: tr("Storage"),
        DeviceType.OTHER: tr("Other"),
        DeviceSource.DECLARED: tr("Declared"),
        DeviceSource.FOUND: tr("Found"),
        DeviceStatus.IN_USE: tr("In use"),
        DeviceStatus.REMOVED: tr("Removed"),
        Monitoring.NONE: tr("None"),
        Monitoring.GPS: tr("GPS tag"),
        Monitoring.RADIO_FREQUENCY: tr("Radio frequency"),
        ConditionKind.STANDARD: tr("Standard"),
        ConditionKind.ADDITIONAL: tr("Additional"),
        ActionStatus.OPEN: tr("Open"),
        ActionStatus.DONE: tr("Done"),
        ActionStatus.DROPPED: tr("No longer needed"),
        RiskLevel.LOW: tr("Low"),
        RiskLevel.MEDIUM: tr("Medium"),
        RiskLevel.HIGH: tr("High"),
        RiskLevel.VERY_HIGH: tr("Very High"),
        Language.ENGLISH: tr("English"),
        Language.WELSH: tr("Welsh (Cymraeg)"),
        Disposal.IMPRISONMENT: tr("Imprisonment"),
        Disposal.DETENTION_TRAINING: tr("Detention and training order"),
        Disposal.LIFE_OR_IPP: tr("Life or IPP"),
        Disposal.HOSPITAL_RESTRICTED: tr("Hospital order with restriction"),
        Disposal.HOSPITAL: tr("Hospital order"),
        Disposal.CAUTION: tr("Caution"),
        Disposal.CONDITIONAL_DISCHARGE: tr("Conditional discharge"),
        Disposal.OTHER: tr("Other disposal"),
        VisitOutcome.SEEN: tr("Seen"),
        VisitOutcome.NOT_SEEN: tr("Not seen / no reply"),
        VisitOutcome.REFUSED_ENTRY: tr("Refused entry"),
        VisitOutcome.NOT_RESIDENT: tr("Not resident"),
        Decision.ALLOWED: tr("Allowed"),
        Decision.PROHIBITED: tr("Prohibited"),
        OrderKind.SHPO: tr("Sexual Harm Prevention Order"),
        OrderKind.INTERIM_SHPO: tr("Interim Sexual Harm Prevention Order"),
        OrderKind.SOPO: tr("Sexual Offences Prevention Order"),
        OrderKind.INTERIM_SOPO: tr("Interim Sexual Offences Prevention Order"),
        OrderKind.SRO: tr("Sexual Risk Order"),
        OrderKind.INTERIM_SRO: tr("Interim Sexual Risk Order"),
        OrderKind.FOREIGN_TRAVEL: tr("Foreign Travel Order"),
        OrderKind.NOTIFICATION: tr("Notification Order"),
        TermKind.PROHIBITION: tr("Prohibition"),
        TermKind.REQUIREMENT: tr("Positive requirement"),
        TermCategory.INTERNET: tr("Internet and devices"),
        TermCategory.CHILDREN: tr("Contact with children"),
        TermCategory.RESIDENCE: tr("Residence"),
        TermCategory.TRAVEL: tr("Travel"),
        TermCategory.PROGRAMME: tr("Programme"),
        TermCategory.OTHER: tr("Other"),
        RoshSource.OASYS: tr("OASys"),
        RoshSource.MAPPA: tr("MAPPA"),
        RoshSource.POLICE: tr("police"),
        WhereaboutsStatus.UNKNOWN: tr("Whereabouts unknown"),
        WhereaboutsStatus.MISSING: tr("Missing"),
        WhereaboutsStatus.WANTED: tr("Wanted"),
    }


def label(value: Any) -> str:
    """`value.label` in the document's language (as it is, for a value not in the table)."""
    return _labels(current_language()).get(value, value.label)  # type: ignore[no-any-return]


@cache
def _texts(code: str) -> dict[str, str]:
    """The domain's fixed headings and phrases a document prints (the plan's headings, …)."""
    return {
        "Supervision": tr("Supervision"),
        "Monitoring and control": tr("Monitoring and control"),
        "Interventions and treatment": tr("Interventions and treatment"),
        "Victim safety planning": tr("Victim safety planning"),
        "Earlier notes (before meetings were recorded)": tr("Earlier notes (before meetings were recorded)"),
        "not due while in custody: 3 days beginning with release": tr(
            "not due while in custody: 3 days beginning with release"
        ),
    }


def text(english: str) -> str:
    """One of the domain's fixed phrases (PLAN_HEADINGS, EARLIER_NOTES, …) in the document's language."""
    return _texts(current_language()).get(english, english)


def language_text(language: Language | None) -> str:
    """A preferred language as a document prints it: its label, or "Not recorded" (DOMAIN.md §9)."""
    return label(language) if language is not None else tr("Not recorded")
