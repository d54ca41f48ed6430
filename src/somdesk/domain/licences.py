"""Licence conditions (DOMAIN.md §7): probation leads, police must know and record them. A licence
runs from release on licence to its end (the last day); its standard and additional conditions are
kept as a list in the licence's words, with the curfew, electronic monitoring and exclusion zones."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from somdesk.domain.text import QT_TR_NOOP

__all__ = [
    "ConditionKind",
    "Licence",
    "LicenceCondition",
    "Monitoring",
    "conditions_document",
    "conditions_from_document",
    "licence_on",
]


class Monitoring(Enum):
    NONE = "none"
    GPS = "gps"
    RADIO_FREQUENCY = "rf"

    @property
    def label(self) -> str:
        return {
            Monitoring.NONE: QT_TR_NOOP("None"),
            Monitoring.GPS: QT_TR_NOOP("GPS tag"),
            Monitoring.RADIO_FREQUENCY: QT_TR_NOOP("Radio frequency"),
        }[self]


class ConditionKind(Enum):
    STANDARD = "standard"
    ADDITIONAL = "additional"

    @property
    def label(self) -> str:
        return QT_TR_NOOP("Standard") if self is ConditionKind.STANDARD else QT_TR_NOOP("Additional")


@dataclass(frozen=True, slots=True)
class LicenceCondition:
    kind: ConditionKind
    text: str


@dataclass(frozen=True, slots=True)
class Licence:
    starts_on: date
    ends_on: date | None  # the last day on licence; None: a licence for life (life, IPP)
    probation_contact: str = ""
    curfew: str = ""  # in words: hours and address
    monitoring: Monitoring = Monitoring.NONE
    exclusion_zones: str = ""
    conditions: tuple[LicenceCondition, ...] = ()
    id: str = field(default="", compare=False)

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


def licence_on(licences: Iterable[Licence], day: date) -> Licence | None:
    """The licence running on `day`, the latest started if records overlap."""
    running = [lic for lic in licences if lic.runs_on(day)]
    return max(running, key=lambda lic: lic.starts_on, default=None)


def conditions_document(conditions: Iterable[LicenceCondition]) -> str:
    return json.dumps([{"kind": c.kind.value, "text": c.text} for c in conditions])


def conditions_from_document(document: Any) -> tuple[LicenceCondition, ...]:
    """A licence's conditions from the JSON the record keeps: a list of {kind, text}; raises
    ValueError (or KeyError, TypeError) for anything else, so the record type refuses it."""
    if not isinstance(document, list):
        raise ValueError("a list of conditions")
    out = []
    for item in document:
        if not isinstance(item, dict) or set(item) != {"kind", "text"} or not isinstance(item["text"], str):
            raise ValueError("each condition: kind and text")
        out.append(LicenceCondition(ConditionKind(item["kind"]), item["text"]))
    return tuple(out)
