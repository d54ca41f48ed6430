"""Device checks at a visit (issue 21, DOMAIN.md §4 "Devices"): which of the person's devices were
examined, against which order terms (the internet and devices terms of the orders in force), the result
and the findings; a finding can open a breach of the term. The force policy keeps a checklist per
operating system ([device_checks]); the items done are kept with the check by their words, so a check
reads the same after the policy changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from somdesk.domain.devices import Device, OperatingSystem
from somdesk.domain.orders import CivilOrder, OrderTerm, TermCategory, orders_in_force
from somdesk.domain.text import QT_TR_NOOP

__all__ = [
    "CheckResult",
    "DeviceCheck",
    "DeviceChecklists",
    "check_from_values",
    "check_values",
    "device_terms",
    "ids_from_document",
    "item_key",
]


class CheckResult(Enum):
    NO_CONCERNS = "no_concerns"
    CONCERNS = "concerns"
    REFUSED = "refused"  # the person refused to hand a device over for inspection
    NOT_EXAMINED = "not_examined"  # no device could be examined (not present, no time, locked)

    @property
    def label(self) -> str:
        return {
            CheckResult.NO_CONCERNS: QT_TR_NOOP("No concerns"),
            CheckResult.CONCERNS: QT_TR_NOOP("Concerns"),
            CheckResult.REFUSED: QT_TR_NOOP("Refused"),
            CheckResult.NOT_EXAMINED: QT_TR_NOOP("Not examined"),
        }[self]

    @property
    def needs_findings(self) -> bool:
        """Concerns, a refusal or no examination are each explained in words."""
        return self is not CheckResult.NO_CONCERNS

    @property
    def examined(self) -> bool:
        """Whether devices were looked at (so the check names at least one)."""
        return self in (CheckResult.NO_CONCERNS, CheckResult.CONCERNS)


@dataclass(frozen=True, slots=True)
class DeviceChecklists:
    """The force policy's checklist per operating system ([device_checks]): the steps an officer
    follows on a device running it (e.g. Android: "Settings > Apps: no unknown sources")."""

    by_system: Mapping[OperatingSystem, tuple[str, ...]] = field(default_factory=dict)

    def for_devices(self, devices: Iterable[Device]) -> list[tuple[OperatingSystem, tuple[str, ...]]]:
        """The checklists for the systems the devices run, each once, in the devices' order."""
        out: list[tuple[OperatingSystem, tuple[str, ...]]] = []
        for d in devices:
            if d.system is not None and d.system in self.by_system and all(s != d.system for s, _ in out):
                out.append((d.system, self.by_system[d.system]))
        return out

    def items_for(self, devices: Iterable[Device]) -> tuple[str, ...]:
        """The checklist items for the devices, each as a check keeps it ("Android: ..."), in order."""
        return tuple(item_key(system, text) for system, items in self.for_devices(devices) for text in items)


def item_key(system: OperatingSystem, text: str) -> str:
    """A checklist item as a check keeps it: its system and its words."""
    return f"{system.label}: {text}"


@dataclass(frozen=True, slots=True)
class DeviceCheck:
    """One device check at a visit. `devices` and `terms` are record ids (the person's devices and the
    order terms checked against); `checklist` the policy items done, in their words."""

    visit_id: str
    checked_on: date
    result: CheckResult
    devices: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    findings: str = ""
    checked_by: str = ""
    checklist: tuple[str, ...] = ()
    id: str = field(default="", compare=False)


def device_terms(orders: Sequence[CivilOrder], day: date) -> list[tuple[CivilOrder, OrderTerm]]:
    """The internet and devices terms of the orders in force on `day` (what a device check is made
    against), each with its order, in the orders' order."""
    return [
        (order, term)
        for order in orders_in_force(orders, day)
        for term in order.terms
        if term.category is TermCategory.INTERNET
    ]


def ids_from_document(document: Any) -> tuple[str, ...]:
    """A JSON list of record ids or texts, each at most once (reads back a check's lists)."""
    if (
        not isinstance(document, list)
        or not all(isinstance(i, str) and 0 < len(i) <= 300 for i in document)
        or len(set(document)) != len(document)
    ):
        raise ValueError("a list of ids")
    return tuple(document)


def check_values(c: DeviceCheck) -> dict[str, Any]:
    """A check's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "visit_id": c.visit_id,
        "checked_on": c.checked_on,
        "result": c.result.value,
        "devices": json.dumps(list(c.devices)),
        "terms": json.dumps(list(c.terms)),
        "findings": c.findings,
        "checked_by": c.checked_by,
        "checklist": json.dumps(list(c.checklist)),
    }


def check_from_values(r: Mapping[str, Any], id: str = "") -> DeviceCheck:
    """A check from its stored or synced fields (dates as dates or ISO text)."""
    on = r["checked_on"]
    return DeviceCheck(
        r["visit_id"],
        on if isinstance(on, date) else date.fromisoformat(str(on)),
        CheckResult(r["result"]),
        ids_from_document(json.loads(r.get("devices") or "[]")),
        ids_from_document(json.loads(r.get("terms") or "[]")),
        r.get("findings") or "",
        r.get("checked_by") or "",
        ids_from_document(json.loads(r.get("checklist") or "[]")),
        id=id,
    )
