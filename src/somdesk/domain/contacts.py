"""Household and contacts (issue 19): the people in the person's household and life, and their online
identities, as one record type with a kind (DOMAIN.md §7: a residence or stay of 12 hours or more in a
household with a child under 18 is a notified detail; a child with access is a safeguarding flag).

A person contact has a name, a relationship and whether they live at the address, stay there or
visit; a child's date of birth or age, and whether they have access; the children's services contact
and employment or education details in words. An online identity is an e-mail address, or a user
name on a platform. The rules for each kind are in invariants.contact_problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from somdesk.domain.dates import add_months, age_on
from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "ADULT_AGE",
    "DISCLOSURE_SCHEME",
    "Contact",
    "ContactKind",
    "DisclosureDecision",
    "Presence",
    "Relationship",
    "child_with_access",
    "contact_from_values",
    "contact_values",
    "describe_decision",
]

ADULT_AGE = 18


class ContactKind(Enum):
    PERSON = "person"
    EMAIL = "email"  # an e-mail address the person uses
    USER_NAME = "user_name"  # a user name on a platform (a social network, a game, a forum)

    @property
    def label(self) -> str:
        return {
            ContactKind.PERSON: QT_TR_NOOP("Person"),
            ContactKind.EMAIL: QT_TR_NOOP("E-mail address"),
            ContactKind.USER_NAME: QT_TR_NOOP("User name"),
        }[self]


class Relationship(Enum):
    PARTNER = "partner"
    CHILD = "child"
    HOUSEHOLD = "household"  # another member of the household
    VISITOR = "visitor"
    EMPLOYER = "employer"
    EDUCATION = "education"  # a college, a course, a school
    OTHER = "other"

    @property
    def label(self) -> str:
        return _RELATIONSHIPS[self]


_RELATIONSHIPS = {
    Relationship.PARTNER: QT_TR_NOOP("Partner"),
    Relationship.CHILD: QT_TR_NOOP("Child"),
    Relationship.HOUSEHOLD: QT_TR_NOOP("Household member"),
    Relationship.VISITOR: QT_TR_NOOP("Visitor"),
    Relationship.EMPLOYER: QT_TR_NOOP("Employer"),
    Relationship.EDUCATION: QT_TR_NOOP("Education"),
    Relationship.OTHER: QT_TR_NOOP("Other"),
}


class Presence(Enum):
    """How the contact is at the person's address."""

    LIVES = "lives"  # lives at the address
    STAYS = "stays"  # stays there (12 hours or more)
    VISITS = "visits"

    @property
    def label(self) -> str:
        return {
            Presence.LIVES: QT_TR_NOOP("Lives there"),
            Presence.STAYS: QT_TR_NOOP("Stays there"),
            Presence.VISITS: QT_TR_NOOP("Visits"),
        }[self]


# The scheme a partner's (or anyone's) request to know is decided under, in the audit log's words.
# Kept English in the domain: the session writes it into an audit detail; translated where shown.
DISCLOSURE_SCHEME = QT_TR_NOOP("Child sex offender disclosure scheme")


class DisclosureDecision(Enum):
    """The decision on a request under the child sex offender disclosure scheme about the person (a
    partner asking, or told to protect a child): disclosed or not."""

    DISCLOSED = "disclosed"
    NOT_DISCLOSED = "not_disclosed"

    @property
    def label(self) -> str:
        return {
            DisclosureDecision.DISCLOSED: QT_TR_NOOP("Disclosed"),
            DisclosureDecision.NOT_DISCLOSED: QT_TR_NOOP("Not disclosed"),
        }[self]


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact as recorded. For a person: `name`, `relationship`, `presence`, a child's
    `date_of_birth` or `age` (in years when recorded) and `has_access`; for an online identity:
    `identity` (the address or user name) and, for a user name, `platform`."""

    kind: ContactKind
    recorded_on: date
    name: str = ""
    relationship: Relationship | None = None
    presence: Presence | None = None
    date_of_birth: date | None = None
    age: int | None = None  # when the date of birth is not known: the age on `recorded_on`
    has_access: bool | None = None  # a child: whether the person has access to them
    childrens_services: str = ""  # the children's services contact, in words
    employment: str = ""  # employment or education details, in words
    identity: str = ""  # an e-mail address or user name
    platform: str = ""  # where a user name is used
    # A decision under the child sex offender disclosure scheme about the person, for this contact
    # (typically a partner): disclosed or not, on a day, to whom (who decided is the audit's user).
    disclosure: DisclosureDecision | None = None
    disclosure_on: date | None = None
    disclosure_to: str = ""
    id: str = field(default="", compare=False)

    def age_on(self, today: date) -> int | None:
        """Age in whole years on `today`: from the date of birth, or the age recorded grown by the
        whole years since; None when neither is known."""
        if self.date_of_birth is not None:
            return age_on(self.date_of_birth, today)
        if self.age is None:
            return None
        years = 0
        while add_months(self.recorded_on, 12 * (years + 1)) <= today:
            years += 1
        return self.age + years

    def under_18(self, today: date) -> bool:
        age = self.age_on(today)
        return age is not None and age < ADULT_AGE

    @property
    def what(self) -> str:
        """The contact in a few words: "Ana Reyes (Child, lives there)", "E-mail: x@example.org"."""
        if self.kind is ContactKind.EMAIL:
            return tr("E-mail address: {0}").format(self.identity)
        if self.kind is ContactKind.USER_NAME:
            return tr("User name: {0} on {1}").format(self.identity, self.platform)
        facts = [tr(r.label) for r in (self.relationship, self.presence) if r is not None]
        return f"{self.name} ({', '.join(facts).capitalize()})" if facts else self.name


def describe_decision(c: Contact) -> str:
    """ "Disclosed to Jade Corran on 12 Nov 2026" or "Not disclosed (12 Nov 2026)", or "" with none."""
    if c.disclosure is None:
        return ""
    # English whatever the window's language: the session keeps it in an audit detail.
    on = f"{c.disclosure_on.day} {c.disclosure_on:%b %Y}" if c.disclosure_on else "date not recorded"
    if c.disclosure is DisclosureDecision.DISCLOSED:
        return f"Disclosed to {c.disclosure_to or c.name} on {on}"
    return f"Not disclosed ({on})"


def child_with_access(contacts: Iterable[Contact], today: date) -> list[Contact]:
    """The children under 18 the person has access to (a flag on the record)."""
    return [c for c in contacts if c.kind is ContactKind.PERSON and c.has_access and c.under_18(today)]


def contact_values(c: Contact) -> dict[str, Any]:
    """A contact's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "kind": c.kind.value,
        "recorded_on": c.recorded_on,
        "name": c.name,
        "relationship": c.relationship.value if c.relationship is not None else None,
        "presence": c.presence.value if c.presence is not None else None,
        "date_of_birth": c.date_of_birth,
        "age": c.age,
        "has_access": c.has_access,
        "childrens_services": c.childrens_services,
        "employment": c.employment,
        "identity": c.identity,
        "platform": c.platform,
        "disclosure": c.disclosure.value if c.disclosure is not None else None,
        "disclosure_on": c.disclosure_on,
        "disclosure_to": c.disclosure_to,
    }


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def contact_from_values(r: Mapping[str, Any], id: str = "") -> Contact:
    """A contact from its stored or synced fields (dates as dates or ISO text)."""
    recorded = _day(r["recorded_on"])
    assert recorded is not None, "recorded_on is required"
    relationship, presence = r.get("relationship"), r.get("presence")
    return Contact(
        ContactKind(r["kind"]),
        recorded,
        r.get("name") or "",
        Relationship(relationship) if relationship else None,
        Presence(presence) if presence else None,
        _day(r.get("date_of_birth")),
        r.get("age"),
        r.get("has_access"),
        r.get("childrens_services") or "",
        r.get("employment") or "",
        r.get("identity") or "",
        r.get("platform") or "",
        DisclosureDecision(decision) if (decision := r.get("disclosure")) else None,
        _day(r.get("disclosure_on")),
        r.get("disclosure_to") or "",
        id=id,
    )
