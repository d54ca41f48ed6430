"""The sync contract: every message the device and the central store exchange, typed once.

Both sides import this module: the client builds and reads these shapes, the central store validates
requests against them (its FastAPI bodies are these types, with the constraints written here) and
answers in them. The records inside push and pull are declared in somdesk.domain.records. The
schema revision each side speaks is checked on every push and pull.

Types are `TypedDict`s (from typing_extensions, which pydantic needs on Python 3.11): a pulled page of
10,000 records stays plain JSON, with no object made per record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, NotRequired

from annotated_types import Interval, Len, MaxLen
from typing_extensions import TypedDict  # pydantic needs this one on Python 3.11

from somdesk.domain.records import MAX_TEXT, record_type

__all__ = [
    "FORKED_HEADER",
    "MAX_BATCH",
    "MAX_CASES",
    "MAX_HEADS",
    "MAX_PAGE",
    "MAX_PUSH_BYTES",
    "MAX_SEQ",
    "MAX_TEXT",
    "NEWS_PAGE",
    "NO_NUL",
    "PROTOCOL",
    "RECORDS_LAST",
    "REQUESTS",
    "AuditEntry",
    "AuditHead",
    "CasesRequest",
    "CheckRequest",
    "CheckResponse",
    "CheckResult",
    "Conflict",
    "Login",
    "Manifest",
    "Matches",
    "Me",
    "Mutation",
    "MutationResult",
    "Operation",
    "OwnAudit",
    "PolicyText",
    "PullPage",
    "PushRequest",
    "PushResponse",
    "ReceivedPage",
    "Refresh",
    "ServedRecord",
    "Tokens",
    "Versions",
    "WaitAnswer",
    "page_text",
    "received",
    "value_problem",
    "woken",
]

PROTOCOL = 1
MAX_BATCH = 500  # mutations per push
MAX_PAGE = 10_000  # records per pull page
MAX_AUDIT = 5000  # audit entries per push
MAX_FIELDS = 80  # fields in one mutation
# Bytes in one push's body: the largest batch a device sends (engine.PUSH_BATCH, 200 changes, with up to
# 2,000 audit entries) fits many times over; an anonymous or oversized body is refused before it is read.
MAX_PUSH_BYTES = 16 * 1024 * 1024
MAX_SEQ = 2**31 - 1  # an audit sequence number (the central store keeps it in a 32-bit column)


@dataclass(frozen=True)
class Matches:
    """A text constraint: the whole value matches `pattern`. The central store's validation (pydantic)
    reads it through the hook below; nothing on the device needs pydantic."""

    pattern: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["pattern"] = self.pattern
        return schema


Operation = Literal["insert", "update", "delete", "resolve"]
AuditAction = Literal["collection", "alteration", "consultation", "disclosure", "combination", "erasure"]
# Text with no NUL character (PostgreSQL cannot store one; it would fail the request after sign-in).
NO_NUL = r"^[^\x00]*$"
Uuid = Annotated[str, Matches(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
# Table and field names as they may appear on the wire (lower case, digits, underscores).
Name = Annotated[str, Len(1, 60), Matches(r"^[a-z_][a-z0-9_]*$")]
Value = bool | Annotated[int, Interval(ge=-(2**53), le=2**53)] | Annotated[str, MaxLen(MAX_TEXT)] | None
Short = Annotated[str, MaxLen(100)]
Long = Annotated[str, MaxLen(MAX_TEXT)]
Hash = Annotated[str, Matches(r"^[0-9a-f]{64}$")]
Version = Annotated[int, Interval(ge=0, le=2**62)]
ProtocolNumber = Annotated[int, Interval(ge=1, le=1000)]
SchemaName = Annotated[str, Len(1, 40)]


# -- accounts


class Versions(TypedDict):
    server: str
    protocol: int
    schema_revision: str


class AuditHead(TypedDict):
    """One entry of a device's log it has not yet sent: at sign-in, the central store checks that it
    does not hold a different entry there (another copy of the device synced first)."""

    seq: Annotated[int, Interval(ge=1, le=MAX_SEQ)]
    hash: Hash


MAX_HEADS = 100


class Login(TypedDict):
    username: Annotated[str, Len(2, 64), Matches(r"^[A-Za-z0-9.\-]+$")]
    password: Annotated[str, Len(1, 200)]
    device_id: Uuid
    device_name: Annotated[str, Len(1, 100), Matches(NO_NUL)]
    protocol: ProtocolNumber
    # How the profile's key is protected (checked against the force policy); none: an older somdesk.
    key_mode: NotRequired[Literal["keychain", "passphrase"]]
    # The first of the device's entries not yet sent (none: an older somdesk, or nothing unsent).
    audit: NotRequired[Annotated[list[AuditHead], MaxLen(MAX_HEADS)]]


class Refresh(TypedDict):
    refresh_token: Annotated[str, Len(1, 200)]
    device_id: Uuid


class Tokens(TypedDict):
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: Literal["bearer"]


class Me(TypedDict):
    username: str
    display_name: str
    role: str
    officer_id: str | None
    device_id: str
    teams: list[str] | None  # the teams whose figures the account sees (a supervisor's); None: no such scope


class PolicyText(TypedDict):
    text: str
    hash: str


class WaitAnswer(TypedDict):
    """A long poll's answer. Asked with `page` (a number of records), the answer to news is the first page
    after `after` itself, this field first (`woken`): the device writes it without a pull of its own."""

    latest: int  # the latest change number, once one in the scope is after `after`; else `after`


NEWS_PAGE = 200  # records at most in a page sent with news; a device pulls the rest


def woken(text: str) -> tuple[int, ReceivedPage | None]:
    """A long poll's answer as it came: the latest change number, and the page after the cursor that
    came with it (None: news alone, or nothing new)."""
    if RECORDS_LAST not in text:
        answer: WaitAnswer = json.loads(text)
        return int(answer["latest"]), None
    page = received(text)
    return page.latest, page


# -- push


class Mutation(TypedDict):
    """One change from a device's outbox. `fields`: an insert's or update's synced fields; a
    resolve's {"conflict_id", "value"}; nothing for a delete."""

    id: Uuid
    table: Name
    record_id: Uuid
    operation: Operation
    base_version: Version
    fields: Annotated[dict[Name, Value], MaxLen(MAX_FIELDS)]


class AuditEntry(TypedDict):
    """One entry of a device's s.62 audit log, with the hash chain that links it to the previous one."""

    seq: Annotated[int, Interval(ge=1, le=MAX_SEQ)]
    id: Uuid
    at: Annotated[str, Matches(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2})?$")]
    device_id: Uuid
    user: Short
    action: AuditAction
    table_name: Annotated[str, MaxLen(50)]
    record_id: Annotated[str, MaxLen(36)]
    justification: Long
    recipient: Long
    detail: Long
    prev_hash: Hash
    hash: Hash


class PushRequest(TypedDict):
    protocol: ProtocolNumber
    schema_revision: SchemaName
    mutations: Annotated[list[Mutation], MaxLen(MAX_BATCH)]
    audit: NotRequired[Annotated[list[AuditEntry], MaxLen(MAX_AUDIT)]]  # none: nothing new to log


class Conflict(TypedDict):
    """A field changed on two devices before they synced: the central store kept `theirs`."""

    id: str
    table: str
    record_id: str
    field: str
    theirs: Any
    mine: Any
    base_version: int
    username: str
    created_at: str


class ServedRecord(TypedDict):
    """A record as the central store holds it: t(able), id, v(ersion), x (deleted), d(ata)."""

    t: str
    id: str
    v: int
    x: bool
    d: dict[str, Any]


class MutationResult(TypedDict):
    id: str
    status: Literal["applied", "conflict", "rejected"]
    reason: str
    version: int | None
    conflicts: list[Conflict]
    record: ServedRecord | None  # a refused change: the central store's copy, to put back


class PushResponse(TypedDict):
    results: list[MutationResult]
    audit_seq: int


# -- a dry run: what a push of these changes would be answered, with nothing written and nothing logged


class CheckRequest(TypedDict):
    protocol: ProtocolNumber
    schema_revision: SchemaName
    mutations: Annotated[list[Mutation], MaxLen(MAX_BATCH)]


class CheckResult(TypedDict):
    id: str
    ok: bool  # a push would apply it (or record a conflict on it): nothing refuses it
    reason: str  # why it would be refused, in words a user acts on ("" when ok)


class CheckResponse(TypedDict):
    results: list[CheckResult]


# -- pull


class PullPage(TypedDict):
    records: list[ServedRecord]
    gone: list[str]  # offender records that left the user's scope: purged with their history
    cursor: int
    more: bool
    conflicts: list[Conflict]  # every open conflict in scope, on the last page
    policy_hash: str
    scope: str  # the scope's fingerprint: a change means fetch the difference (a Manifest)
    # The cursor is older than the departures the central store still keeps (purged after the policy's
    # [sync] retention_days): a page with no records; the device resyncs in full (highest risk first).
    resync: NotRequired[bool]


# -- the first sync, a resync and a changed scope: a manifest of the offenders held, then their cases

MAX_CASES = 1000  # offender records asked for at once
CaseId = Annotated[str, Len(1, 36), Matches(r"^[A-Za-z0-9\-]+$")]


class Manifest(TypedDict):
    """GET /v1/pull/manifest: what the account's scope holds now, as of change `latest`."""

    latest: int
    scope: str  # the scope's fingerprint
    cases: list[str]  # every offender record held, highest priority first
    priority: int  # how many of `cases` come first: very high and high risk, a visit planned this week
    meetings: list[str]  # the MAPPA meetings held (a panel chair's)


class CasesRequest(TypedDict):
    """POST /v1/pull/cases: the answer is a page (PullPage) of every record of these offenders (or MAPPA
    meetings) the scope holds, and (`loose`) every record it holds of no offender (teams, officers,
    meetings)."""

    protocol: ProtocolNumber
    schema_revision: SchemaName
    ids: Annotated[list[CaseId], MaxLen(MAX_CASES)]
    loose: bool


def page_text(records: list[ServedRecord]) -> str:
    """Records as the JSON text of a page, for the store's writer (which reads them from the text)."""
    return json.dumps({"records": records}, separators=(",", ":"))


# The central store writes a page's records last, after this (its other fields are compact JSON whose
# values hold no object with a "records" key, so the first such text is where the records begin).
RECORDS_LAST = ',"records":['


def received(text: str) -> ReceivedPage:
    """A page's text as it came: its fields other than the records read from the text before them
    alone (a page in any other order is read whole)."""
    at = text.find(RECORDS_LAST)
    fields = json.loads(text[:at] + "}") if at > 0 else json.loads(text)
    return ReceivedPage(
        text, fields["gone"], fields["cursor"], fields["more"], fields["conflicts"],
        fields.get("policy_hash", ""), fields.get("scope", ""), bool(fields.get("resync", False)),
        int(fields.get("latest", fields["cursor"])),
    )  # fmt: skip


@dataclass(frozen=True)
class ReceivedPage:
    """A pulled page as the device receives it: the JSON text whole, its records left unread (the
    store's writer reads them from the text, with no Python object per record), and the page's other
    fields read."""

    text: str
    gone: list[str]
    cursor: int
    more: bool
    conflicts: list[Conflict]
    policy_hash: str
    scope: str
    resync: bool = False
    # A page sent with news: the change number the news was of (else its cursor); not part of the page.
    latest: int = field(default=0, compare=False)

    @staticmethod
    def of(page: PullPage) -> ReceivedPage:
        """A page already read (a test's, or one built by hand) in the received form."""
        return ReceivedPage(
            page_text(page["records"]), page["gone"], page["cursor"], page["more"], page.get("conflicts", []),
            page.get("policy_hash", ""), page.get("scope", ""), bool(page.get("resync", False)),
        )  # fmt: skip


# -- a device's own audit log (GET /v1/audit/own): what a restored profile fetches to rejoin its chain

FORKED_HEADER = "X-Somdesk-Refusal"  # "audit-forked" on a 409: another copy of the device synced first


class OwnAudit(TypedDict):
    head: int  # the device's last sequence number on the central store (0: none)
    entries: list[AuditEntry]  # as the device sent them, in sequence order


# What a device sends: the central store validates these strictly (no coercion of "1" to 1).
REQUESTS = (AuditHead, Login, Refresh, Mutation, AuditEntry, PushRequest, CheckRequest, CasesRequest)


def value_problem(table: str, field: str, value: Any) -> str:
    """What is wrong with `value` for `table.field` ("" if nothing): the central store refuses a change
    another device could not read back."""
    record = record_type(table)
    if record is None:
        return f"{table}.{field} does not sync"
    return record.problem(field, value)
