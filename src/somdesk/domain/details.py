"""Notified personal details (SOA 2003 s.83(5), SI 2012/1876; DOMAIN.md §7) and the names a person is
known by, with where each came from.

A detail is one thing the person notified: a bank account, a debit or credit card, a passport or other
identity document, a stay of 12 hours or more in a household with a child under 18, a vehicle (practice)
or their national insurance number. Each has its words ("Barclays current account ending 1234"), a
reference (for a card only its last four digits: the police need no more to recognise it), the day
notified, whether and when it was verified, and the day it ended (an account closed, a car sold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from somdesk.domain.text import QT_TR_NOOP

__all__ = [
    "CARD_DIGITS",
    "LONG_NUMBER_DIGITS",
    "DetailKind",
    "NameKind",
    "NotifiedDetail",
    "RecordedName",
    "has_long_number",
    "mask_long_numbers",
    "normalise_registration",
    "search_reference",
]

CARD_DIGITS = 4  # a card is recorded by its last four digits, never its whole number

# A run of this many digits or more (spaces or hyphens between them allowed) reads as a whole card or
# account number: refused in the words of a detail or a name, masked in a copy without numbers.
LONG_NUMBER_DIGITS = 13  # a card number has 13 to 19; a phone number, +44 included, no more than 12
# Between the digits: a space, hyphen, slash or dot, as people write a card number out.
_LONG_NUMBER = re.compile(rf"\d(?:[ ./-]?\d){{{LONG_NUMBER_DIGITS - 1},}}")


def has_long_number(text: str) -> bool:
    """Whether free text holds a run of LONG_NUMBER_DIGITS (13) or more digits ("4929 1234 5678 9012",
    "4929-1234-...")."""
    return _LONG_NUMBER.search(text) is not None


def mask_long_numbers(text: str, mask: str) -> str:
    """Free text with each run of LONG_NUMBER_DIGITS or more digits replaced by `mask` (a redacted copy)."""
    return _LONG_NUMBER.sub(mask, text)


class DetailKind(Enum):
    BANK_ACCOUNT = "bank_account"
    CARD = "card"  # a debit or credit card
    PASSPORT = "passport"
    IDENTITY_DOCUMENT = "identity_document"  # any other identity document
    HOUSEHOLD_STAY = "household_stay"  # 12 hours or more in a household with a child under 18
    VEHICLE = "vehicle"
    NI_NUMBER = "ni_number"  # national insurance number

    @property
    def label(self) -> str:
        return _DETAIL_LABELS[self]

    @property
    def confidential_number(self) -> bool:
        """Whether its reference is an account, card or document number: left out of a redacted copy."""
        return self not in (DetailKind.HOUSEHOLD_STAY, DetailKind.VEHICLE)


_DETAIL_LABELS = {
    DetailKind.BANK_ACCOUNT: QT_TR_NOOP("Bank account"),
    DetailKind.CARD: QT_TR_NOOP("Debit or credit card"),
    DetailKind.PASSPORT: QT_TR_NOOP("Passport"),
    DetailKind.IDENTITY_DOCUMENT: QT_TR_NOOP("Other identity document"),
    DetailKind.HOUSEHOLD_STAY: QT_TR_NOOP("Stay of 12+ hours in a household with a child under 18"),
    DetailKind.VEHICLE: QT_TR_NOOP("Vehicle"),
    DetailKind.NI_NUMBER: QT_TR_NOOP("National insurance number"),
}


def normalise_registration(mark: str) -> str:
    """A vehicle registration mark as searched and stored: upper case, no spaces ("ab12 cde" -> "AB12CDE")."""
    return "".join(mark.split()).upper()


def search_reference(kind: DetailKind, reference: str) -> str:
    """A reference as the record keeps it: a vehicle's mark normalised, anything else trimmed."""
    return normalise_registration(reference) if kind is DetailKind.VEHICLE else reference.strip()


@dataclass(frozen=True, slots=True)
class NotifiedDetail:
    """One notified detail as recorded. The id says which stored record holds it (for an edit)."""

    kind: DetailKind
    description: str  # the detail in words
    notified_on: date
    reference: str = ""  # the number; a card's last four digits; a vehicle's registration mark
    verified: bool = False
    verified_on: date | None = None
    ended_on: date | None = None
    id: str = field(default="", compare=False)

    def current(self, today: date) -> bool:
        return self.ended_on is None or self.ended_on > today


class NameKind(Enum):
    ALIAS = "alias"
    PREVIOUS = "previous"  # a name used before, e.g. a maiden name
    CHANGE = "change"  # a change of name (deed poll, marriage)

    @property
    def label(self) -> str:
        return _NAME_LABELS[self]


_NAME_LABELS = {
    NameKind.ALIAS: QT_TR_NOOP("Alias"),
    NameKind.PREVIOUS: QT_TR_NOOP("Previous name"),
    NameKind.CHANGE: QT_TR_NOOP("Name change"),
}


@dataclass(frozen=True, slots=True)
class RecordedName:
    """A name the person is or was known by, with its source ("PNC", "self-declared", "deed poll")."""

    name: str
    kind: NameKind
    source: str = ""
    from_on: date | None = None
    to_on: date | None = None
    id: str = field(default="", compare=False)
