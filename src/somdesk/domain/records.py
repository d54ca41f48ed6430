"""The record types that sync, each declared once: its fields, how it is held, how it reads to a person.

The local schema (store.schema), the outbox and replica writer (store), the central store's checks,
scope and pull (server), the sync contract's value checks (contract.sync) and the conflict view (ui)
all read these declarations. Adding a synced record type is one `register(RecordType(...))`, its
migration and its screens: nothing else changes.

Every record type also has, without declaring them: `id` (a client-made UUID), `version` (the central
store's change number when it last accepted the record), `updated_at`, `updated_by` and `deleted`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum
from functools import cached_property
from typing import Any

from somdesk.domain.attachments import AttachmentCategory, MediaType, SourceKind
from somdesk.domain.breaches import BreachAction, BreachKind
from somdesk.domain.contacts import ContactKind, DisclosureDecision, Presence, Relationship
from somdesk.domain.details import DetailKind, NameKind
from somdesk.domain.device_checks import CheckResult, ids_from_document
from somdesk.domain.devices import DeviceSource, DeviceStatus, DeviceType, OperatingSystem
from somdesk.domain.licences import Monitoring, conditions_from_document
from somdesk.domain.locations import MAX_EASTING, MAX_NORTHING
from somdesk.domain.mappa import PANEL_LEVELS
from somdesk.domain.meetings import ActionStatus
from somdesk.domain.model import AMENDMENT_KINDS, Disposal, Language, RiskLevel, Sex, VisitOutcome
from somdesk.domain.name_changes import Decision, steps_from_document
from somdesk.domain.orders import OrderKind, TermCategory, TermKind
from somdesk.domain.rm2000 import COMBINED_TABLES, LEGACY_COMBINED_TABLE, Rm2000Inputs
from somdesk.domain.roles import Capability
from somdesk.domain.rosh import RoshSource
from somdesk.domain.terms import term_parts_from_document
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.whereabouts import WhereaboutsStatus

__all__ = [
    "MAX_TEXT",
    "Field",
    "FieldKind",
    "Holder",
    "RecordType",
    "changed_detail",
    "field_label",
    "record_type",
    "record_types",
    "register",
    "text_problem",
    "unregister",
]

MAX_TEXT = 20_000  # characters in a long text field's value, when the field sets no length


class FieldKind(Enum):
    ID = "id"  # another record's id (36 characters)
    TEXT = "text"  # up to `length` characters
    LONG_TEXT = "long_text"  # free text, up to MAX_TEXT characters
    JSON = "json"  # a JSON document as text, up to MAX_TEXT characters, of the field's `shape`
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"  # ISO YYYY-MM-DD
    DATETIME = "datetime"  # ISO 8601
    TIME = "time"  # a time of day, HH:MM on the 24-hour clock (a booked visit's start)


class Holder(Enum):
    """Who holds a record, which decides who may see and change it (DESIGN.md §5)."""

    STAFF = "staff"  # teams and officers: every signed-in user holds them
    CASE = "case"  # an offender record: held by whoever's scope its officer, area and level fall in
    CHILD = "child"  # part of one offender's history (field `nominal_id`): held with that offender
    # A MAPPA meeting (fields `area` and `mappa_level`, no officer, no offender): held by the panel
    # chairs of its area, whatever cases it hears; no SOM or supervisor holds one (they see its
    # decisions and actions, which are CHILD records of each case).
    PANEL = "panel"


# Fields every record type has, set by the store and the central store rather than declared.
SYNC_FIELDS = ("version", "updated_at", "updated_by", "deleted")
# An offender record's fields that decide who may hold it (DESIGN.md §5 scopes).
SCOPE_FIELDS = ("officer_id", "area", "mappa_level")
# A meeting's fields that decide who may hold it.
PANEL_SCOPE_FIELDS = ("area", "mappa_level")
_INT_RANGE = (-(2**31), 2**31)


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind
    length: int | None = None  # TEXT: the longest value
    required: bool = False  # never empty (unknown is None, so a required field always has a value)
    default: Any = None  # the value a new local record gets when none is given
    server_default: str | None = None  # what a migration fills existing rows with
    unique: bool = False  # unique among the type's records on every device
    computed: bool = False  # kept on the device from other records (triggers); never synced
    # How the field reads to a person (conflict view), English as the audit details keep it: marked for the
    # translation file, translated where shown. Derived from the name if empty.
    label: str = ""
    choices: tuple[Any, ...] = ()  # the only values it may take (a domain enum's values)
    minimum: int | None = None  # INTEGER: the smallest and largest values it may take
    maximum: int | None = None
    shape: Callable[[Any], object] | None = None  # JSON: reads the decoded document or raises
    # Who else may change this field of a record they hold, besides those holding the type's own
    # `written_by` (a case's MAPPA level and review dates: the panel chair's decision).
    written_by: Capability | None = None
    fixed: bool = False  # set when the record is made and never changed (an attachment's hash and size)

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    def problem(self, value: Any) -> str:
        """What is wrong with `value` as JSON carries it ("" if nothing): a record another device
        could not read back is refused before it is stored anywhere."""
        if value is None:
            return "is required" if self.required else ""
        kind = self.kind
        if kind is FieldKind.DATE:
            return "" if _parses(date.fromisoformat, value, 10) else "must be a date (YYYY-MM-DD)"
        if kind is FieldKind.DATETIME:
            return "" if _parses(datetime.fromisoformat, value, 32) else "must be a date and time (ISO 8601)"
        if kind is FieldKind.TIME:
            return (
                "" if isinstance(value, str) and _HHMM.fullmatch(value) else "must be a time of day (HH:MM)"
            )
        if kind is FieldKind.BOOLEAN:
            return "" if isinstance(value, bool) else "must be true or false"
        if kind is FieldKind.INTEGER:
            ok = (
                isinstance(value, int)
                and not isinstance(value, bool)
                and _INT_RANGE[0] <= value < _INT_RANGE[1]
            )
            return self._in_range(value) if ok else "must be a whole number"
        if not isinstance(value, str):
            return "must be text"
        if len(value) > self.longest:
            return tr("must be at most {0} characters").format(self.longest)
        if problem := text_problem(value, free_text=kind in (FieldKind.LONG_TEXT, FieldKind.JSON)):
            return problem
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}"
        if kind is FieldKind.JSON:
            return self._readable(value)
        return ""

    def _in_range(self, value: int) -> str:
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}"
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            low = "" if self.minimum is None else f"at least {self.minimum}"
            high = "" if self.maximum is None else f"at most {self.maximum}"
            return "must be " + " and ".join(x for x in (low, high) if x)
        return ""

    def _readable(self, value: str) -> str:
        try:
            document = json.loads(value)
            if self.shape is not None:
                self.shape(document)
        except (ValueError, TypeError, AttributeError):
            return "is not in the form a device reads back"
        return ""

    @property
    def longest(self) -> int:
        if self.kind is FieldKind.ID:
            return 36
        return self.length or MAX_TEXT


# Characters no field holds: control characters (C0 but tab, DEL, C1), which are invisible and which the
# central store's database partly cannot hold (NUL); lone surrogates, which no database can hold; and, in
# a one-line field (a name, a reference), line separators and the bidirectional embedding, override and
# isolate controls, which make one value look like another. Free text keeps its line breaks and bidi marks.
_NOT_IN_FREE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_IN_ONE_LINE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def text_problem(value: str, free_text: bool = False) -> str:
    """What is wrong with `value` as text any field may hold ("" if nothing): the one rule for every
    path that saves text (window, import, command line, the central store)."""
    found = (_NOT_IN_FREE_TEXT if free_text else _NOT_IN_ONE_LINE).search(value)
    if found is None:
        return ""
    char = found.group()  # the words in the user's language where a window shows them (English elsewhere)
    if char == "\x00":
        return tr("must not contain NUL characters")
    if "\ud800" <= char <= "\udfff":
        return tr("must be valid Unicode text (no lone surrogates)")
    if char in "\n\r\u2028\u2029":
        return tr("must be on one line (it holds a line break, U+{0:04X})").format(ord(char))
    return tr("must not contain invisible control characters (it holds U+{0:04X})").format(ord(char))


_HHMM = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")  # ASCII digits only: no "١٠:٣٠"


def _parses(read: Any, value: Any, longest: int) -> bool:
    if not isinstance(value, str) or len(value) > longest:
        return False
    try:
        read(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class RecordType:
    """One kind of synced record. `name` is its table's name locally and its type on the wire."""

    name: str
    label: (
        str  # "visit", "ARMS assessment": how one record reads in messages (English; marked for translation)
    )
    holder: Holder
    fields: tuple[Field, ...]  # besides id and the sync fields; a CHILD's include nominal_id
    append_only: bool = False  # never changed once made (a visit's corrections and notes): only added
    # The capability that adds and changes these records, on the device and the central store alike
    # (staff records apart: server/staff.py decides who changes teams and officers).
    written_by: Capability = Capability.RECORD

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names) or {"id", *SYNC_FIELDS} & set(names):
            raise ValueError(
                f"{self.name}: field names must be unique and not id or {', '.join(SYNC_FIELDS)}"
            )
        if self.holder is Holder.CHILD and "nominal_id" not in names:
            raise ValueError(f"{self.name}: a record held with an offender needs a nominal_id field")
        if self.holder is Holder.CASE and not set(SCOPE_FIELDS) <= set(names):
            raise ValueError(f"{self.name}: an offender record needs {', '.join(SCOPE_FIELDS)}")
        if self.holder is Holder.PANEL and not set(PANEL_SCOPE_FIELDS) <= set(names):
            raise ValueError(f"{self.name}: a meeting needs {', '.join(PANEL_SCOPE_FIELDS)}")
        if sum(f.unique for f in self.fields) > 1:
            raise ValueError(f"{self.name}: at most one unique field")

    @cached_property
    def synced(self) -> frozenset[str]:
        """The fields a change carries: every declared field but the computed ones, and every record's
        own (all but `version`, which only the central store sets)."""
        return frozenset({*_IMPLICIT, *(f.name for f in self.fields if not f.computed)})

    @cached_property
    def editable(self) -> frozenset[str]:
        """What a change made on a device may set: the declared fields but the computed ones (none
        when the type is append-only)."""
        return frozenset(
            () if self.append_only else (f.name for f in self.fields if not f.computed and not f.fixed)
        )

    @cached_property
    def fixed(self) -> frozenset[str]:
        """Fields set when a record is made and never changed afterwards, on any device."""
        return frozenset(f.name for f in self.fields if f.fixed)

    @cached_property
    def required(self) -> frozenset[str]:
        """What a new record must carry (id and deleted aside: the record carries them)."""
        return frozenset(
            {"updated_at", "updated_by", *(f.name for f in self.fields if f.required and not f.computed)}
        )

    def writable_by(self, may: Callable[[Capability], bool], changed: Iterable[str] = ()) -> bool:
        """Whether a role (its `may`) adds or changes these records: it holds the type's capability,
        or the change (`changed`: its fields; none for a new record) sets only fields declaring one
        it holds. The one rule for the session and the central store."""
        if may(self.written_by):
            return True
        names = set(changed) - {"id", "updated_at", "updated_by"}
        return bool(names) and all(
            (found := self.field(name)) is not None and found.written_by is not None and may(found.written_by)
            for name in names
        )

    @property
    def unique(self) -> str | None:
        return next((f.name for f in self.fields if f.unique), None)

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @cached_property
    def checks(self) -> dict[str, Field]:
        """Every field a change carries, by name, with its check (`Field.problem`)."""
        return {**_IMPLICIT, **{f.name: f for f in self.fields if not f.computed}}

    def problem(self, name: str, value: Any) -> str:
        """What is wrong with one field's value as JSON carries it ("" if nothing)."""
        found = _IMPLICIT.get(name) or self.field(name)
        if found is None or found.computed:
            return f"{self.name}.{name} does not sync"
        problem = found.problem(value)
        return f"{name} {problem}" if problem else ""


# The fields every record carries on the wire without declaring them.
_IMPLICIT = {
    "id": Field("id", FieldKind.ID, required=True),
    "updated_at": Field("updated_at", FieldKind.DATETIME, required=True),
    "updated_by": Field("updated_by", FieldKind.TEXT, 100, required=True),
    "deleted": Field("deleted", FieldKind.BOOLEAN, required=True),
}


_REGISTRY: dict[str, RecordType] = {}


def register(record: RecordType) -> RecordType:
    """Declare a synced record type. Staff first, then offenders, then their history: the order
    records are written in when they arrive together (parents before children)."""
    if record.name in _REGISTRY:
        raise ValueError(f"record type {record.name} is already declared")
    _REGISTRY[record.name] = record
    return record


def unregister(name: str) -> None:
    """Take a declaration back (tests that declare a throwaway type)."""
    _REGISTRY.pop(name, None)


def record_types(holder: Holder | None = None) -> Iterator[RecordType]:
    """Every declared type in write order (staff, offenders, history), or those of one holder."""
    for kind in (Holder.STAFF, Holder.PANEL, Holder.CASE, Holder.CHILD):
        if holder is None or holder is kind:
            yield from (r for r in _REGISTRY.values() if r.holder is kind)


def record_type(name: str) -> RecordType | None:
    return _REGISTRY.get(name)


def field_label(table: str, name: str) -> str:
    found = (record := _REGISTRY.get(table)) and record.field(name)
    return found.title if found else name.replace("_", " ").capitalize()


def changed_detail(table: str, changes: Iterable[str], reason: str = "") -> str:
    """An alteration's audit detail in the words the forms use: "changed: Last notification; why"."""
    names = sorted(field_label(table, name) for name in changes)
    return "changed: " + ", ".join(names) + (f"; {reason}" if reason else "")


def _texts(document: Any) -> None:
    """A JSON list of short texts (aliases, the officers at a visit)."""
    if not isinstance(document, list) or not all(
        isinstance(t, str) and len(t) <= 200 and not text_problem(t) for t in document
    ):
        raise ValueError("a list of names")


def _ratings(document: Any) -> None:
    """ARMS ratings: factor key -> rating key."""
    if not isinstance(document, dict) or not all(isinstance(v, str) for v in document.values()):
        raise ValueError("factor -> rating")


_RM2000_ITEMS = {f.name: f.type for f in fields(Rm2000Inputs)}


def _rm2000_inputs(document: Any) -> None:
    """The RM2000 items as entered: known names, whole numbers or true/false, or null (not known)."""
    if not isinstance(document, dict) or not set(document) <= set(_RM2000_ITEMS):
        raise ValueError("RM2000 items")
    for name, value in document.items():
        flag = "bool" in str(_RM2000_ITEMS[name])
        if value is not None and (isinstance(value, bool) != flag or not isinstance(value, int)):
            raise ValueError(name)


def _values(enum: Any) -> tuple[Any, ...]:
    return tuple(member.value for member in enum)


_LEVELS = _values(RiskLevel)


def _text(name: str, length: int, required: bool = True, **extra: Any) -> Field:
    return Field(name, FieldKind.TEXT, length, required=required, **extra)


def _date(name: str, required: bool = False, **extra: Any) -> Field:
    return Field(name, FieldKind.DATE, required=required, **extra)


def _time(name: str, **extra: Any) -> Field:
    return Field(name, FieldKind.TIME, 5, **extra)


def _int(name: str, required: bool = False, **extra: Any) -> Field:
    return Field(name, FieldKind.INTEGER, required=required, **extra)


def _bool(name: str, required: bool = True, **extra: Any) -> Field:
    return Field(name, FieldKind.BOOLEAN, required=required, **extra)


def _long(name: str, required: bool = True, default: Any = "", **extra: Any) -> Field:
    return Field(name, FieldKind.LONG_TEXT, required=required, default=default, **extra)


def _json(name: str, shape: Callable[[Any], object], default: Any = None) -> Field:
    return Field(name, FieldKind.JSON, required=True, default=default, shape=shape)


_NOMINAL_ID = Field("nominal_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Offender"))
# The panel chair's: meetings, and the decisions and actions of each case heard (and, with a decision,
# the case's MAPPA level and review dates, its risk management plan and the panel's actions: every field
# of mappa.PANEL_DECISIONS, which no other role changes on a level 2 or 3 case).
_PANEL = Capability.RECORD_PANEL_DECISIONS

TEAMS = register(
    RecordType("teams", QT_TR_NOOP("team"), Holder.STAFF, (_text("name", 200), _text("area", 100)))
)
OFFICERS = register(
    RecordType(
        "officers",
        QT_TR_NOOP("officer"),
        Holder.STAFF,
        (
            _text("name", 200),
            Field("team_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Team")),
            _bool("is_som"),
        ),
    )
)
NOMINALS = register(
    RecordType(
        "nominals",
        QT_TR_NOOP("offender record"),
        Holder.CASE,
        (
            _text("visor_ref", 40, unique=True, label=QT_TR_NOOP("ViSOR reference")),
            _text("pnc_id", 40, label=QT_TR_NOOP("PNC ID")),
            _text("family_name", 100),
            _text("given_names", 200),
            _json("aliases", _texts, default="[]"),
            _date("date_of_birth", required=True),
            _text("sex", 10, choices=_values(Sex)),
            _bool("never_married", required=False),
            # address (all null: no fixed abode)
            _text("address_line1", 200, required=False, label=QT_TR_NOOP("Address")),
            _text("town", 100, required=False),
            _text("postcode", 10, required=False),
            _text("area", 100, required=False),
            # registration
            _date("relevant_date", required=True),
            _text("disposal", 30, choices=_values(Disposal)),
            _int("term_months", minimum=0),
            _int("term_days", minimum=0),
            # The terms making up the term (s.82(3)-(4)); null until entered: the term above then counts.
            Field("term_parts", FieldKind.JSON, shape=term_parts_from_document, label=QT_TR_NOOP("Terms")),
            _int("discharge_months", minimum=0),
            _date("registered_on"),
            _date("last_notification"),
            _bool("in_custody", default=False),
            _date("released_on"),
            _date("custody_from", label=QT_TR_NOOP("In custody from")),
            _date("first_notification_after_release"),
            _date("review_refused_on"),
            _date("review_further_on", label=QT_TR_NOOP("Further review date (chief officer's notice)")),
            # MAPPA
            _int("mappa_category", required=True, label=QT_TR_NOOP("MAPPA category"), minimum=1, maximum=3),
            _int(
                "mappa_level",
                required=True,
                label=QT_TR_NOOP("MAPPA level"),
                minimum=1,
                maximum=3,
                written_by=_PANEL,
            ),
            _text("mappa_lead_agency", 100, label=QT_TR_NOOP("MAPPA lead agency")),
            _date("mappa_last_meeting", label=QT_TR_NOOP("MAPPA last meeting"), written_by=_PANEL),
            _date("mappa_next_review", label=QT_TR_NOOP("MAPPA next review"), written_by=_PANEL),
            # management
            Field("officer_id", FieldKind.ID, label=QT_TR_NOOP("Officer")),
            _int("risk_level", choices=_LEVELS),
            _date("risk_level_since"),
            _int("plan_interval_months", minimum=1, maximum=60),
            _long("plan_rationale"),
            _bool("plan_reactive", default=False),
            # The latest intelligence that the person may offend (empty: none) and what it is, in a line;
            # within the policy's years it bars reactive management (DOMAIN.md §4).
            _date("intelligence_on", label=QT_TR_NOOP("Intelligence that they may offend")),
            _text(
                "intelligence_note",
                200,
                required=False,
                default="",
                server_default="",
                label=QT_TR_NOOP("Intelligence"),
            ),
            # The language they wish to correspond in (DOMAIN.md §9); empty: not recorded (never guessed).
            _text(
                "preferred_language",
                10,
                required=False,
                choices=_values(Language),
                label=QT_TR_NOOP("Preferred language"),
            ),
            _date("arms_review_requested_on", label=QT_TR_NOOP("ARMS review requested on")),
            _date("planned_visit"),
            # The booked visit's start when a round booked it (empty: the day only); cleared with the day.
            _time("planned_visit_time", label=QT_TR_NOOP("Planned time")),
            # Kept by the device's triggers from the visits and assessments it holds; never sent.
            _date("last_seen_visit", computed=True),
            _date("last_arms", computed=True, label=QT_TR_NOOP("Last ARMS")),
            # The registration's notification dates (domain/kept_dates.py), worked out under `kept_rule`;
            # the device's triggers empty `kept_rule` when an input changes, and the next read works them
            # out again. Never sent.
            _text("kept_rule", 100, required=False, computed=True),
            _date("kept_last_day", computed=True),
            _date("kept_initial", computed=True),
            _date("kept_unmoved", computed=True),
            _date("kept_periodic", computed=True),
            _bool("kept_start_unknown", required=False, computed=True),
            _date("kept_review", computed=True),
            # The MAPPA risk management plan under its four headings, and the panel's actions.
            _long(
                "rmp_supervision", server_default="", label=QT_TR_NOOP("Plan: supervision"), written_by=_PANEL
            ),
            _long(
                "rmp_monitoring",
                server_default="",
                label=QT_TR_NOOP("Plan: monitoring and control"),
                written_by=_PANEL,
            ),
            _long(
                "rmp_interventions",
                server_default="",
                label=QT_TR_NOOP("Plan: interventions and treatment"),
                written_by=_PANEL,
            ),
            _long(
                "rmp_victim_safety",
                server_default="",
                label=QT_TR_NOOP("Plan: victim safety"),
                written_by=_PANEL,
            ),
            _long("mappa_actions", server_default="", label=QT_TR_NOOP("MAPPA actions"), written_by=_PANEL),
        ),
    )
)
OCCASIONS = register(
    RecordType(
        "sentencing_occasions",
        QT_TR_NOOP("sentencing occasion"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("sentenced_on", required=True),
            _date("offence_on"),
            _text("description", 300),
            _bool("sexual"),
            _bool("violent"),
            _bool("burglary"),
            _bool("male_victim", required=False),
            _bool("stranger_victim", required=False),
            _bool("non_contact", required=False),
            _bool("is_index"),
        ),
    )
)
TRIPS = register(
    RecordType(
        "foreign_trips",
        QT_TR_NOOP("foreign trip"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("departs_on", required=True),
            _text("destination", 100),
            _date("notified_on"),
            # Notice inside the 7 days before departure is allowed only for a reason: kept here. Not
            # required, so a device of an earlier version can still send a trip without it.
            _long(
                "short_notice_reason",
                required=False,
                server_default="",
                label=QT_TR_NOOP("Reason for short notice"),
            ),
            _date("returns_on", label=QT_TR_NOOP("Returns on")),
        ),
    )
)
CIVIL_ORDERS = register(
    RecordType(
        "civil_orders",
        QT_TR_NOOP("civil order"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("kind", 20, choices=_values(OrderKind), label=QT_TR_NOOP("Order")),
            _text("court", 200),
            _date("made_on", required=True, label=QT_TR_NOOP("Made on")),
            _date("ends_on", label=QT_TR_NOOP("Ends on (last day)")),
            _bool("until_further_order", default=False, label=QT_TR_NOOP("Until further order")),
            _date("next_review", label=QT_TR_NOOP("Next review")),
            _long("notes"),
        ),
    )
)
# An order's prohibitions and positive requirements, each its own record so two devices adding terms
# to one order never conflict.
ORDER_TERMS = register(
    RecordType(
        "order_terms",
        QT_TR_NOOP("order term"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("order_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Order")),
            _text("kind", 20, choices=_values(TermKind), label=QT_TR_NOOP("Prohibition or requirement")),
            _text("category", 20, choices=_values(TermCategory)),
            _long("text", label=QT_TR_NOOP("Term")),
        ),
    )
)
# A licence (probation leads): its conditions, standard and additional, as one list in its words.
LICENCES = register(
    RecordType(
        "licences",
        QT_TR_NOOP("licence"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("starts_on", required=True, label=QT_TR_NOOP("Licence starts")),
            _date("ends_on", label=QT_TR_NOOP("Licence ends (last day; blank: for life)")),
            _text("probation_contact", 200, required=False, label=QT_TR_NOOP("Probation contact")),
            _long("curfew"),
            _text("monitoring", 10, choices=_values(Monitoring), label=QT_TR_NOOP("Electronic monitoring")),
            _long("exclusion_zones", label=QT_TR_NOOP("Exclusion zones")),
            _json("conditions", conditions_from_document, default="[]"),
        ),
    )
)
VISITS = register(
    RecordType(
        "visits",
        QT_TR_NOOP("visit"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("at", FieldKind.DATETIME, required=True, label=QT_TR_NOOP("Visited at")),
            _text("outcome", 20, choices=_values(VisitOutcome)),
            _bool("announced"),
            _json("officers", _texts, default="[]"),
            _bool("address_checked"),
            _long("concerns"),
            _long("notes"),
            # A lone visit's exception (DOMAIN.md §4): empty when two or more officers attended.
            _long(
                "lone_reason", required=False, server_default="", label=QT_TR_NOOP("Reason for a lone visit")
            ),
            _text(
                "lone_authorised_by",
                200,
                required=False,
                default="",
                server_default="",
                label=QT_TR_NOOP("Authorised by"),
            ),
            # False: a visit imported from a file that does not say who attended (only the import).
            _bool(
                "attendance_recorded",
                required=False,
                default=True,
                server_default="1",
                label=QT_TR_NOOP("Attendance"),
            ),
        ),
    )
)
ARMS = register(
    RecordType(
        "arms_assessments",
        QT_TR_NOOP("ARMS assessment"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("completed_on", required=True),
            _text("assessor", 200),
            _text("instrument_version", 60),
            _json("ratings", _ratings),
            _int("priority", required=True, choices=_LEVELS),
            _long("notes"),
        ),
    )
)
RM2000 = register(
    RecordType(
        "rm2000_assessments",
        "RM2000 assessment",
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("completed_on", required=True),
            _text("assessor", 200),
            _text("instrument_version", 60),
            _json("inputs", _rm2000_inputs),  # the items as entered (null: unknown)
            _int("sexual", choices=_LEVELS),  # risk levels; null when the scale could not be settled
            _int("violent", choices=_LEVELS),
            _int("combined", choices=_LEVELS),
            _long("notes"),
            # The RM2000/C table the categories were scored with (rm2000.COMBINED_TABLES): an
            # assessment made before the choice existed, or sent by an older device, used the first.
            _text(
                "c_table",
                40,
                required=False,
                choices=tuple(t.key for t in COMBINED_TABLES),
                server_default=LEGACY_COMBINED_TABLE,
                label=QT_TR_NOOP("RM2000/C table"),
            ),
        ),
    )
)


def _changes(document: Any) -> None:
    """What a correction changed: a visit's field -> its value before (the value after is the next
    correction's before, or the visit's own)."""
    if not isinstance(document, dict) or not set(document) <= VISITS.editable - {"nominal_id"}:
        raise ValueError("field -> value before")


# A visit's corrections and notes: each added, dated and signed, never changed, so two devices adding
# to one visit at once never conflict, and a correction keeps what the visit said before.
VISIT_AMENDMENTS = register(
    RecordType(
        "visit_amendments",
        QT_TR_NOOP("correction or note on a visit"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("visit_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Visit")),
            _text("kind", 20, choices=AMENDMENT_KINDS),
            Field("made_at", FieldKind.DATETIME, required=True, label=QT_TR_NOOP("Made at")),
            _text("made_by", 200, label=QT_TR_NOOP("Made by")),
            _long("text", label=QT_TR_NOOP("Reason or note")),
            _json("changes", _changes, default="{}"),
        ),
        append_only=True,
    )
)

# A breach of the notification requirements, an order or the licence (DOMAIN.md §7), with the action
# taken and, once known, the outcome.
BREACHES = register(
    RecordType(
        "breaches",
        QT_TR_NOOP("breach"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("kind", 20, choices=_values(BreachKind), label=QT_TR_NOOP("What was breached")),
            _long("details", label=QT_TR_NOOP("Breach details")),
            _date("found_on", required=True, label=QT_TR_NOOP("Found on")),
            _text("found_by", 200, label=QT_TR_NOOP("Found by")),
            _text("action", 20, choices=_values(BreachAction), label=QT_TR_NOOP("Action")),
            _long("outcome", label=QT_TR_NOOP("Outcome")),
            _date("outcome_on", label=QT_TR_NOOP("Outcome date")),
        ),
    )
)

# A person whose whereabouts are unknown, who is missing or wanted: one record per episode, open
# until the date found (DOMAIN.md §7).
WHEREABOUTS = register(
    RecordType(
        "whereabouts",
        QT_TR_NOOP("whereabouts record"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("status", 20, choices=_values(WhereaboutsStatus)),
            _date("circulated_on", required=True, label=QT_TR_NOOP("Circulated on")),
            _text("reference", 60, default="", label=QT_TR_NOOP("Circulation reference")),
            _date("resolved_on", label=QT_TR_NOOP("Found or resolved on")),
            _long("notes"),
            _date("last_reviewed_on", label=QT_TR_NOOP("Reviewed on")),
            _text(
                "reviewed_by",
                200,
                required=False,
                default="",
                server_default="",
                label=QT_TR_NOOP("Reviewed by"),
            ),
            _long("review_note", required=False, server_default="", label=QT_TR_NOOP("Review note")),
        ),
    )
)

# Risk of serious harm: one assessment (OASys, MAPPA or police) with a level for each group at risk.
ROSH = register(
    RecordType(
        "rosh_assessments",
        QT_TR_NOOP("RoSH assessment"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("assessed_on", required=True, label=QT_TR_NOOP("Assessed on")),
            _text("source", 20, choices=_values(RoshSource)),
            _int("children", required=True, choices=_LEVELS, label=QT_TR_NOOP("RoSH to children")),
            _int("known_adult", required=True, choices=_LEVELS, label=QT_TR_NOOP("RoSH to a known adult")),
            _int("public", required=True, choices=_LEVELS, label=QT_TR_NOOP("RoSH to the public")),
            _int("staff", required=True, choices=_LEVELS, label=QT_TR_NOOP("RoSH to staff")),
            _int("self_harm", required=True, choices=_LEVELS, label=QT_TR_NOOP("RoSH to self")),
        ),
    )
)

# A personal detail the person notified under the 2012 regulations (DOMAIN.md §7): a card by its last
# four digits only; a vehicle's registration mark kept upper case without spaces, for search.
NOTIFIED_DETAILS = register(
    RecordType(
        "notified_details",
        QT_TR_NOOP("notified detail"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("kind", 20, choices=_values(DetailKind), label=QT_TR_NOOP("Kind of detail")),
            _text("description", 300, label=QT_TR_NOOP("Detail")),
            _text("reference", 60, default="", label=QT_TR_NOOP("Reference or number")),
            _date("notified_on", required=True, label=QT_TR_NOOP("Notified on")),
            _bool("verified", default=False),
            _date("verified_on", label=QT_TR_NOOP("Verified on")),
            _date("ended_on", label=QT_TR_NOOP("Ended on")),
        ),
    )
)

# A name the person is or was known by: an alias, a previous name or a change of name, with its source.
NAMES = register(
    RecordType(
        "names",
        QT_TR_NOOP("name"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("name", 200),
            _text("kind", 20, choices=_values(NameKind), label=QT_TR_NOOP("Kind of name")),
            _text("source", 100, default="", label=QT_TR_NOOP("Source")),
            _date("from_on", label=QT_TR_NOOP("Used from")),
            _date("to_on", label=QT_TR_NOOP("Used until")),
        ),
    )
)

# Household and contacts: a person in the household or the person's life, or an online identity (an
# e-mail address, a user name on a platform), one kind of record with the fields each kind uses
# (invariants.contact_problems says which). The chronology dates each by when it was recorded.
CONTACTS = register(
    RecordType(
        "contacts",
        QT_TR_NOOP("contact"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("kind", 20, choices=_values(ContactKind), label=QT_TR_NOOP("Kind of contact")),
            _date("recorded_on", required=True, label=QT_TR_NOOP("Recorded on")),
            _text("name", 200, default="", label=QT_TR_NOOP("Name")),
            _text(
                "relationship",
                20,
                required=False,
                choices=_values(Relationship),
                label=QT_TR_NOOP("Relationship"),
            ),
            _text(
                "presence", 20, required=False, choices=_values(Presence), label=QT_TR_NOOP("At the address")
            ),
            _date("date_of_birth", label=QT_TR_NOOP("Date of birth")),
            _int("age", minimum=0, maximum=120, label=QT_TR_NOOP("Age")),
            _bool("has_access", required=False, label=QT_TR_NOOP("Has access")),
            _long("childrens_services", label=QT_TR_NOOP("Children's services contact")),
            _long("employment", label=QT_TR_NOOP("Employment or education")),
            _text("identity", 320, default="", label=QT_TR_NOOP("E-mail address or user name")),
            _text("platform", 100, default="", label=QT_TR_NOOP("Platform")),
            _text(
                "disclosure",
                20,
                required=False,
                choices=_values(DisclosureDecision),
                label=QT_TR_NOOP("Disclosure scheme decision"),
            ),
            _date("disclosure_on", label=QT_TR_NOOP("Decided on")),
            _text(
                "disclosure_to",
                200,
                required=False,
                default="",
                server_default="",
                label=QT_TR_NOOP("Disclosed to"),
            ),
        ),
    )
)

# A notice of an intended change of name (DOMAIN.md §5 end): the steps it goes through and their
# deadlines are the force policy's ([name_changes]); the record keeps each completed step by its name
# (step name -> date), so it reads the same after the policy changes.
NAME_CHANGE_NOTICES = register(
    RecordType(
        "name_change_notices",
        QT_TR_NOOP("name-change notice"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("intended_name", 200, label=QT_TR_NOOP("Intended name")),
            _date("received_on", required=True, label=QT_TR_NOOP("Notice received on")),
            _date("change_on", label=QT_TR_NOOP("Change of name on")),
            _json("steps", steps_from_document, default="{}"),
            _text("decision", 20, required=False, choices=_values(Decision), label=QT_TR_NOOP("Decision")),
            _long("decision_reason", label=QT_TR_NOOP("Reason for the decision")),
        ),
    )
)


def _ids(document: Any) -> None:
    """A JSON list of record ids (a meeting's cases, in the order heard), each at most once."""
    if (
        not isinstance(document, list)
        or not all(isinstance(i, str) and 0 < len(i) <= 36 and not text_problem(i) for i in document)
        or len(set(document)) != len(document)
    ):
        raise ValueError("a list of record ids")


# A MAPPA meeting (domain.meetings.Meeting): one sitting of a panel (its area and level) with the cases
# it hears. Held by the chairs of that panel (Holder.PANEL), not with any one case.
MEETINGS = register(
    RecordType(
        "meetings",
        QT_TR_NOOP("MAPPA meeting"),
        Holder.PANEL,
        (
            _text("area", 100, label=QT_TR_NOOP("Panel area")),
            _int("mappa_level", required=True, choices=PANEL_LEVELS, label=QT_TR_NOOP("Panel level")),
            _date("held_on", required=True, label=QT_TR_NOOP("Meeting date")),
            _text("starts_at", 5, required=False, label=QT_TR_NOOP("Starts at")),  # HH:MM, or empty
            _text("venue", 200, default="", label=QT_TR_NOOP("Venue")),
            _text("chair", 200, default="", label=QT_TR_NOOP("Chair")),
            _json("invited", _texts, default="[]"),
            _json("attending", _texts, default="[]"),
            _json("cases", _ids, default="[]"),
            # The chair's meeting audit (domain.meeting_audit.MeetingAudit): none until audit_on is set.
            _date("audit_on", label=QT_TR_NOOP("Audit recorded on")),
            _bool("audit_quorate", required=False, label=QT_TR_NOOP("Quorate")),
            Field(
                "audit_absent",
                FieldKind.JSON,
                required=False,  # a meeting from an older device or the demo's seed carries none
                default="[]",
                server_default="[]",
                shape=_texts,
                label=QT_TR_NOOP("Absent without apology"),
            ),
            _bool(
                "audit_confidentiality", required=False, label=QT_TR_NOOP("Confidentiality statement read")
            ),
            _bool("audit_victims", required=False, label=QT_TR_NOOP("Victim issues considered")),
            _bool("audit_diversity", required=False, label=QT_TR_NOOP("Diversity considered")),
            _long("audit_summary", required=False, server_default="", label=QT_TR_NOOP("Chair's summary")),
        ),
        written_by=_PANEL,
    )
)

# What a panel decided for one case at one meeting (domain.meetings.PanelDecision): held with the case,
# so its SOM and supervisor see it; only a panel chair records or changes it.
PANEL_DECISIONS = register(
    RecordType(
        "panel_decisions",
        QT_TR_NOOP("panel decision"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("meeting_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Meeting")),
            _date("held_on", required=True, label=QT_TR_NOOP("Meeting date")),
            _int("level", required=True, minimum=1, maximum=3, label=QT_TR_NOOP("Level decided")),
            _long("rationale", label=QT_TR_NOOP("Rationale")),
            _date("next_review", label=QT_TR_NOOP("Next review")),
            _long("supervision", label=QT_TR_NOOP("Plan changes: supervision")),
            _long("monitoring", label=QT_TR_NOOP("Plan changes: monitoring and control")),
            _long("interventions", label=QT_TR_NOOP("Plan changes: interventions and treatment")),
            _long("victim_safety", label=QT_TR_NOOP("Plan changes: victim safety")),
        ),
        written_by=_PANEL,
    )
)

# An action the panel set for one case (domain.meetings.PanelAction): its owner, due date and status.
PANEL_ACTIONS = register(
    RecordType(
        "panel_actions",
        QT_TR_NOOP("panel action"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("meeting_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Meeting")),
            _long("what", label=QT_TR_NOOP("Action")),
            _text("agency", 100, label=QT_TR_NOOP("Owner's agency")),
            _text("owner", 200, label=QT_TR_NOOP("Owner")),
            _date("due_on", required=True, label=QT_TR_NOOP("Due by")),
            _text(
                "status",
                20,
                choices=_values(ActionStatus),
                default=ActionStatus.OPEN.value,
                label=QT_TR_NOOP("Status"),
            ),
            _date("done_on", label=QT_TR_NOOP("Done on")),
        ),
        written_by=_PANEL,
    )
)

# A device the person is known to have (domain.devices, DOMAIN.md §4 "Devices"): declared or found,
# with any monitoring software and its alerts. The identifier (IMEI or serial) is checked, never logged.
DEVICES = register(
    RecordType(
        "devices",
        QT_TR_NOOP("device"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("type", 20, choices=_values(DeviceType), label=QT_TR_NOOP("Type of device")),
            _text("make_model", 200, label=QT_TR_NOOP("Make and model")),
            _date("recorded_on", required=True, label=QT_TR_NOOP("Recorded on")),
            _text("source", 20, choices=_values(DeviceSource), label=QT_TR_NOOP("Declared or found")),
            _text("identifier", 40, default="", label=QT_TR_NOOP("IMEI or serial number")),
            _text("monitoring", 200, default="", label=QT_TR_NOOP("Monitoring software")),
            _long("alerts", label=QT_TR_NOOP("Monitoring alerts")),
            _text(
                "status",
                20,
                choices=_values(DeviceStatus),
                default=DeviceStatus.IN_USE.value,
                label=QT_TR_NOOP("Status"),
            ),
            _date("removed_on", label=QT_TR_NOOP("Removed on")),
            _text(
                "system",
                20,
                required=False,
                choices=_values(OperatingSystem),
                label=QT_TR_NOOP("Operating system"),
            ),
        ),
    )
)

# A device check at a visit (domain.device_checks): the devices examined and the order terms checked
# against (record ids), the result and findings, and the policy's checklist items done (their words).
DEVICE_CHECKS = register(
    RecordType(
        "device_checks",
        QT_TR_NOOP("device check"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("visit_id", FieldKind.ID, required=True, label=QT_TR_NOOP("Visit")),
            _date("checked_on", required=True, label=QT_TR_NOOP("Checked on")),
            _text("result", 20, choices=_values(CheckResult), label=QT_TR_NOOP("Result")),
            _json("devices", ids_from_document, default="[]"),
            _json("terms", ids_from_document, default="[]"),
            _long("findings", label=QT_TR_NOOP("Findings")),
            _text("checked_by", 200, default="", label=QT_TR_NOOP("Checked by")),
            _json("checklist", ids_from_document, default="[]"),
        ),
    )
)

# A pre-visit check (domain.pre_visit): intelligence systems, open-source and social media checked before a
# visit, from the policy's list ([pre_visit_checks]); when, by whom, for which planned visit's day.
PRE_VISIT_CHECKS = register(
    RecordType(
        "pre_visit_checks",
        QT_TR_NOOP("pre-visit check"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            Field("checked_at", FieldKind.DATETIME, required=True, label=QT_TR_NOOP("Checked at")),
            _text("checked_by", 200, label=QT_TR_NOOP("Checked by")),
            _json("items", ids_from_document, default="[]"),
            _date("visit_on", label=QT_TR_NOOP("For the visit on")),
            _long("notes", label=QT_TR_NOOP("Notes")),
        ),
        append_only=True,
    )
)

# A supervisor's decision whether to apply for a s.96B warrant after unsuccessful attempts at entry
# (domain.warrants.WarrantDecision): apply or not, why, who decided and when, and the attempts (visit
# ids) it covers. Held with the case, so its SOM sees it; only a role that may DECIDE_WARRANT records it.
WARRANT_DECISIONS = register(
    RecordType(
        "warrant_decisions",
        QT_TR_NOOP("warrant decision"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _date("decided_on", required=True, label=QT_TR_NOOP("Decided on")),
            _bool("apply", label=QT_TR_NOOP("Apply for a warrant")),
            _long("reason", label=QT_TR_NOOP("Reason")),
            _text("decided_by", 200, label=QT_TR_NOOP("Decided by")),
            _json("attempts", _ids, default="[]"),
        ),
        written_by=Capability.DECIDE_WARRANT,
    )
)

# A photograph or document held with a person (domain.attachments): what it shows, when and by whom it
# was taken, where it came from; the bytes themselves are kept apart (store/attachments.py) and named by
# their hash, which with the size and type is fixed when the record is made.
ATTACHMENTS = register(
    RecordType(
        "attachments",
        QT_TR_NOOP("photograph or document"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _text("category", 20, choices=_values(AttachmentCategory), label=QT_TR_NOOP("Category")),
            _date("taken_on", required=True, label=QT_TR_NOOP("Date taken")),
            _text("taken_by", 200, label=QT_TR_NOOP("Taken by")),
            _long("caption", label=QT_TR_NOOP("Caption")),
            _text("media_type", 40, choices=_values(MediaType), label=QT_TR_NOOP("Type"), fixed=True),
            _int(
                "size",
                required=True,
                minimum=1,
                maximum=1024 * 1024 * 1024,
                label=QT_TR_NOOP("Size"),
                fixed=True,
            ),
            _text("sha256", 64, label=QT_TR_NOOP("Content hash"), fixed=True),
            # The thumbnail is checked like the content: a device keeps, and the central store takes,
            # only the thumbnail made with the record (no later writer can swap the face shown).
            _text("thumbnail_sha256", 64, label=QT_TR_NOOP("Thumbnail hash"), fixed=True),
            _int("width", minimum=1, maximum=1_000_000, label=QT_TR_NOOP("Width"), fixed=True),
            _int("height", minimum=1, maximum=1_000_000, label=QT_TR_NOOP("Height"), fixed=True),
            _text(
                "original_name", 255, required=False, default="", label=QT_TR_NOOP("File name"), fixed=True
            ),
            _text(
                "source",
                20,
                required=False,
                choices=_values(SourceKind),
                default="",
                label=QT_TR_NOOP("Came from"),
            ),
            Field("source_id", FieldKind.ID, label=QT_TR_NOOP("Came from record")),
        ),
    )
)

# A point an officer set by hand for a person's address (domain.locations), where the force's postcode
# file places it badly: with the person so the other officer of the pair has it too. It applies while the
# address keeps the postcode it was set for; a new postcode leaves it standing but no longer used.
HAND_POINTS = register(
    RecordType(
        "hand_points",
        QT_TR_NOOP("point set by hand"),
        Holder.CHILD,
        (
            _NOMINAL_ID,
            _int("easting", required=True, minimum=0, maximum=MAX_EASTING, label=QT_TR_NOOP("Easting")),
            _int("northing", required=True, minimum=0, maximum=MAX_NORTHING, label=QT_TR_NOOP("Northing")),
            _text("postcode", 10, required=False, default="", label=QT_TR_NOOP("Set for postcode")),
            _text("set_by", 200, label=QT_TR_NOOP("Set by")),
            Field("set_at", FieldKind.DATETIME, required=True, label=QT_TR_NOOP("Set at")),
        ),
    )
)
