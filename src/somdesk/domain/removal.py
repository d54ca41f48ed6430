"""Removing a record entered in error (a trip typed twice, a contact on the wrong person).

A removed record is marked `deleted` (the tombstone every synced record carries): reads, the chronology
and documents no longer show it, the audit trail keeps it and says what was removed and why. Which
records may be removed this way, the reason's rule and the audit words live here (no Qt, SQL or I/O).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from somdesk.domain.audit import REMOVED
from somdesk.domain.invariants import Problem
from somdesk.domain.records import (
    BREACHES,
    CIVIL_ORDERS,
    CONTACTS,
    DEVICES,
    LICENCES,
    NAME_CHANGE_NOTICES,
    NAMES,
    NOTIFIED_DETAILS,
    ORDER_TERMS,
    ROSH,
    TRIPS,
    WHEREABOUTS,
    Field,
    FieldKind,
    RecordType,
    text_problem,
)
from somdesk.domain.text import tr

# The records held with an offender that a user may remove as entered in error. (Visits are corrected,
# not removed; an offender record and its sentencing history are never removed from a device.)
REMOVABLE: tuple[RecordType, ...] = (
    CIVIL_ORDERS, ORDER_TERMS, LICENCES, BREACHES, WHEREABOUTS, ROSH, NOTIFIED_DETAILS, NAMES,
    NAME_CHANGE_NOTICES, CONTACTS, TRIPS, DEVICES,
)  # fmt: skip

MAX_REASON = 500


def reason_problems(reason: str) -> list[Problem]:
    """The reason a record is removed: required, one paragraph of ordinary text."""
    if not reason.strip():
        return [
            Problem("reason", tr("Reason"), tr("say why the record is removed (for example: typed twice)"))
        ]
    if len(reason) > MAX_REASON:
        return [Problem("reason", tr("Reason"), tr("at most {0} characters").format(MAX_REASON))]
    if problem := text_problem(reason, free_text=True):
        return [Problem("reason", tr("Reason"), problem)]
    return []


def _shown(field: Field, value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).replace("\n", " ").strip()
    return text if len(text) <= 60 else text[:59] + "…"


def record_summary(record: RecordType, values: Mapping[str, Any]) -> str:
    """A record in a few words for the audit trail: its label and its first three filled-in fields
    ("foreign trip (Departs on: 2027-01-04; Destination: France; Notified on: 2026-12-01)")."""
    parts = []
    for f in record.fields:
        value = values.get(f.name)
        if f.kind in (FieldKind.ID, FieldKind.JSON) or value in (None, "") or isinstance(value, bool):
            continue
        parts.append(f"{f.title}: {_shown(f, value)}")
        if len(parts) == 3:
            break
    return f"{record.label} ({'; '.join(parts)})" if parts else record.label


def removed_detail(record: RecordType, values: Mapping[str, Any], reason: str, with_: str = "") -> str:
    """The audit entry's detail for a removal: what was removed and why."""
    along = f" with its {with_}" if with_ else ""
    return f"{REMOVED}: {record_summary(record, values)}{along}; reason: {reason.strip()}"
