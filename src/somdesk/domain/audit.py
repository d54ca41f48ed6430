"""The s.62 audit log's hash chain (DPA 2018): what an entry says, its digest, and the check that names
the first entry altered, removed or inserted. Pure: the local store writes entries, the central store
checks each device's chain as it arrives, both with this."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from somdesk.domain.records import record_type
from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "GENESIS",
    "NEEDS_JUSTIFICATION",
    "Action",
    "AuditEntry",
    "ChainBreak",
    "LoggedEntry",
    "event_label",
    "verify",
]


GENESIS = "0" * 64


class Action(Enum):
    COLLECTION = "collection"
    ALTERATION = "alteration"
    CONSULTATION = "consultation"
    DISCLOSURE = "disclosure"
    COMBINATION = "combination"
    ERASURE = "erasure"


NEEDS_JUSTIFICATION = (Action.CONSULTATION, Action.DISCLOSURE)

# Each s.62 kind as the audit trail names it (kept in the log as its value; shown in the user's language).
_KINDS = {
    Action.COLLECTION: QT_TR_NOOP("Collection"),
    Action.ALTERATION: QT_TR_NOOP("Alteration"),
    Action.CONSULTATION: QT_TR_NOOP("Consultation"),
    Action.DISCLOSURE: QT_TR_NOOP("Disclosure"),
    Action.COMBINATION: QT_TR_NOOP("Combination"),
    Action.ERASURE: QT_TR_NOOP("Erasure"),
}


def kind_words(action: str) -> str:
    """An entry's s.62 kind in words, in the current language ("Consultation", "Ymgynghoriad")."""
    try:
        return tr(_KINDS[Action(action)])
    except ValueError:
        return action  # a kind this version does not know, as kept


# What happened to a record, in words, by the s.62 kind of event.
_VERBS = {
    Action.COLLECTION: QT_TR_NOOP("recorded"),
    Action.ALTERATION: QT_TR_NOOP("changed"),
    Action.CONSULTATION: QT_TR_NOOP("opened"),
    Action.DISCLOSURE: QT_TR_NOOP("printed or exported"),
    Action.COMBINATION: QT_TR_NOOP("combined"),
    Action.ERASURE: QT_TR_NOOP("erased"),
}
# Where the plain "<record> <verb>" would mislead: (table, action, detail) -> words.
_EVENTS = {
    ("nominals", "collection", ""): QT_TR_NOOP("Offender record created"),
    ("visits", "alteration", ""): QT_TR_NOOP("Visit corrected"),
    ("visit_amendments", "collection", "note"): QT_TR_NOOP("Note added to a visit"),
    ("visit_amendments", "collection", "correction"): QT_TR_NOOP("Visit correction kept with its reason"),
    ("whereabouts", "collection", ""): QT_TR_NOOP("Missing or wanted recorded"),
    ("whereabouts", "alteration", ""): QT_TR_NOOP("Whereabouts changed"),
}


# How the detail of a disclosure under the scheme begins (app/session.py save_contact).
_SCHEME = "child sex offender disclosure scheme"

# How a removal's audit entry (an alteration: the record is marked deleted) begins (domain/removal.py).
REMOVED = "removed, entered in error"


def event_label(table: str, action: str, detail: str = "") -> str:
    """An audit entry's event in words ("Visit recorded"), for the record's audit trail: in the current
    language (worked out when shown from the entry's kept table, action and detail, which stay as kept)."""
    if action == Action.ALTERATION.value and detail.startswith(REMOVED):
        what = _record_words(table)
        return tr("{0} removed (entered in error)").format(f"{what[:1].upper()}{what[1:]}")
    if table == "contacts" and action == Action.DISCLOSURE.value and detail.startswith(_SCHEME):
        return tr("Disclosure under the child sex offender disclosure scheme")
    if table == "whereabouts" and action == Action.ALTERATION.value and detail.endswith("; reviewed"):
        return tr("Missing or wanted reviewed")
    for key in ((table, action, detail), (table, action, "")):
        if key in _EVENTS:
            return tr(_EVENTS[key])
    what = _record_words(table)
    try:
        verb = tr(_VERBS[Action(action)])
    except ValueError:
        verb = action
    return f"{what[:1].upper()}{what[1:]} {verb}"


def _record_words(table: str) -> str:
    """A table's record as the trail names it: its label (translated where the catalogue has it)."""
    record = record_type(table)
    return tr(record.label) if record is not None else table.replace("_", " ")


def storable(text: str) -> bool:
    """Text every store keeps as text: no NUL, no lone surrogate."""
    return "\x00" not in text and not any("\ud800" <= c <= "\udfff" for c in text)


def made_storable(text: str) -> str:
    """`text` with NUL and lone surrogates (a file name in a foreign encoding, a pasted control) as
    U+FFFD: an entry logged with them could never reach the central store, and would hold back every
    entry after it."""
    if storable(text):
        return text
    return "".join("\ufffd" if c == "\x00" or "\ud800" <= c <= "\udfff" else c for c in text)


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: datetime
    device_id: str
    user: str
    action: str
    table_name: str
    record_id: str
    justification: str
    recipient: str
    detail: str
    prev_hash: str

    def digest(self) -> str:
        fields = [
            self.id,
            self.at.isoformat(),
            self.device_id,
            self.user,
            self.action,
            self.table_name,
            self.record_id,
            self.justification,
            self.recipient,
            self.detail,
            self.prev_hash,
        ]
        return hashlib.sha256(json.dumps(fields, separators=(",", ":")).encode("utf-8")).hexdigest()

    def row(self) -> dict[str, Any]:
        return {**self.__dict__, "hash": self.digest()}


@dataclass(frozen=True)
class LoggedEntry(AuditEntry):
    """An entry as the log holds it: its place in the device's chain and its hash."""

    seq: int
    hash: str

    @classmethod
    def from_wire(cls, e: Mapping[str, Any]) -> LoggedEntry:
        """An entry as a device pushed it (somdesk.contract.sync.AuditEntry)."""
        return cls(
            e["id"], datetime.fromisoformat(e["at"]), e["device_id"], e["user"], e["action"],
            e["table_name"], e["record_id"], e["justification"], e["recipient"], e["detail"],
            e["prev_hash"], e["seq"], e["hash"],
        )  # fmt: skip


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    device_id: str
    reason: str

    def __str__(self) -> str:
        return f"audit entry {self.seq} (device {self.device_id}): {self.reason}"


def verify(rows: Iterable[Any], heads: dict[str, str] | None = None) -> tuple[int, ChainBreak | None]:
    """Check every device's chain in log order. Returns (entries checked, first break or None).

    `heads` continues chains already checked (device id -> hash of its last entry); the central
    store passes what it holds so each pushed batch is checked against it."""
    last: dict[str, str] = dict(heads or {})
    checked = 0
    for r in rows:
        checked += 1
        e = AuditEntry(
            r.id,
            r.at,
            r.device_id,
            r.user,
            r.action,
            r.table_name,
            r.record_id,
            r.justification,
            r.recipient,
            r.detail,
            r.prev_hash,
        )
        expected_prev = last.get(r.device_id, GENESIS)
        if r.prev_hash != expected_prev:
            return checked, ChainBreak(
                r.seq,
                r.device_id,
                "does not follow the previous entry of its device "
                "(an entry before it was removed, inserted or altered)",
            )
        if e.digest() != r.hash:
            return checked, ChainBreak(r.seq, r.device_id, "its content does not match its hash (altered)")
        last[r.device_id] = r.hash
    return checked, None
