"""Breaches of the notification requirements, of an order or of the licence (DOMAIN.md §7): what was
breached, when it came to light and who found it, the action taken and, later, the outcome."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import NamedTuple

from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "Breach",
    "BreachAction",
    "BreachKind",
    "FoundBreach",
    "breaches_in_year",
    "is_charged",
    "latest_breach",
]


class BreachKind(Enum):
    """What was breached."""

    NOTIFICATION = "notification"  # failing to comply with the notification requirements (s.91)
    ORDER = "order"  # a term of an SHPO, SRO or other civil order
    LICENCE = "licence"  # a licence condition
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    BreachKind.NOTIFICATION: QT_TR_NOOP("Failure to notify (s.91)"),
    BreachKind.ORDER: QT_TR_NOOP("Term of an order"),
    BreachKind.LICENCE: QT_TR_NOOP("Licence"),
    BreachKind.OTHER: QT_TR_NOOP("Other"),
}


class BreachAction(Enum):
    """What the police did about it."""

    ARREST = "arrest"
    WARNING = "warning"
    RECALL_REQUEST = "recall_request"  # asked probation to recall the person to prison
    CPS_FILE = "cps_file"  # a file to the Crown Prosecution Service
    NONE_YET = "none_yet"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    BreachAction.ARREST: QT_TR_NOOP("Arrest"),
    BreachAction.WARNING: QT_TR_NOOP("Warning"),
    BreachAction.RECALL_REQUEST: QT_TR_NOOP("Recall request"),
    BreachAction.CPS_FILE: QT_TR_NOOP("File to the CPS"),
    BreachAction.NONE_YET: QT_TR_NOOP("None yet"),
}


@dataclass(frozen=True, slots=True)
class Breach:
    """One breach as recorded. The id says which stored record holds it (for an edit)."""

    kind: BreachKind
    found_on: date
    found_by: str
    action: BreachAction
    details: str = ""  # what was breached, in words: the term, the condition, the missed notification
    outcome: str = ""  # charged, convicted, NFA...: "" while there is none
    outcome_on: date | None = None
    id: str = field(default="", compare=False)

    @property
    def what(self) -> str:
        """The breach in a few words: its kind, and its details when given."""
        return (
            tr("{0}: {1}").format(tr(self.kind.label), self.details) if self.details else tr(self.kind.label)
        )


class FoundBreach(NamedTuple):
    """When a breach came to light and what was breached: a breach without reasonable excuse is itself
    an offence, so the latest one counts against reactive management (DOMAIN.md §4)."""

    found_on: date
    kind: BreachKind

    @property
    def words(self) -> str:
        """What was breached as a sentence reads it: "breach of notification"."""
        return tr(_KIND_WORDS[self.kind])


_KIND_WORDS = {
    BreachKind.NOTIFICATION: QT_TR_NOOP("breach of notification"),
    BreachKind.ORDER: QT_TR_NOOP("breach of an order"),
    BreachKind.LICENCE: QT_TR_NOOP("breach of licence"),
    BreachKind.OTHER: QT_TR_NOOP("breach"),
}


_CHARGED = re.compile(r"\b(charged|convicted|summonsed|postal requisition)\b", re.IGNORECASE)
_NOT_CHARGED = re.compile(r"\b(not|no|un)[ -]?(charged|convicted|summonsed)\b", re.IGNORECASE)


def is_charged(action: BreachAction, outcome: str) -> bool:
    """Whether a breach counts among those charged (DOMAIN.md §8 "breaches charged"): a file sent to the
    CPS, or an outcome that says the person was charged, summonsed or convicted (not "not charged")."""
    if _NOT_CHARGED.search(outcome):
        return False
    return action is BreachAction.CPS_FILE or bool(_CHARGED.search(outcome))


def breaches_in_year(found: Iterable[date], year: int) -> int:
    """How many of the breaches found on these dates came to light in the calendar year `year`."""
    return sum(1 for day in found if day.year == year)


def latest_breach(found: Iterable[tuple[date, BreachKind]]) -> FoundBreach | None:
    """The breach found last; two found the same day are told apart by kind, so the answer never
    depends on the order the records were read in."""
    return max((FoundBreach(d, k) for d, k in found), key=lambda b: (b.found_on, b.kind.value), default=None)
