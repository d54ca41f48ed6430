"""The local database's tables (SQLAlchemy Core). Migrations in migrations/ create exactly these.

The synced tables are made from their declarations (somdesk.domain.records). Every syncable table
has a client-made UUID, `version` (the server's change number when it last
accepted the row; 0 if never synced), `updated_at`, `updated_by` and a tombstone (`deleted`). Dates
are ISO text (readable, sortable, and parsed fast with date.fromisoformat).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

from somdesk.domain import records
from somdesk.domain.records import Field, FieldKind, Holder, RecordType

__all__ = ["IsoDate", "IsoDateTime", "forget_table", "metadata", "table_for"]

metadata = MetaData()


class IsoDate(TypeDecorator[date]):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Any) -> str | None:
        return value.isoformat() if value is not None else None

    def process_result_value(self, value: str | None, dialect: Any) -> date | None:
        return date.fromisoformat(value) if value is not None else None


class IsoDateTime(TypeDecorator[datetime]):
    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        return value.isoformat() if value is not None else None

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        return datetime.fromisoformat(value) if value is not None else None


def _sync_columns() -> list[Column[Any]]:
    return [
        Column("version", Integer, nullable=False, default=0),
        Column("updated_at", IsoDateTime, nullable=False),
        Column("updated_by", String(100), nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
    ]


meta = Table(
    "somdesk_meta",
    metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)


def _column(record: RecordType, field: Field) -> Column[Any]:
    kind = field.kind
    sql_type: Any = {
        FieldKind.ID: String(36),
        FieldKind.LONG_TEXT: Text,
        FieldKind.JSON: Text,
        FieldKind.INTEGER: Integer,
        FieldKind.BOOLEAN: Boolean,
        FieldKind.DATE: IsoDate,
        FieldKind.DATETIME: IsoDateTime,
    }.get(kind) or String(field.length)
    parent = (
        [ForeignKey("nominals.id")] if record.holder is Holder.CHILD and field.name == "nominal_id" else []
    )
    extra: dict[str, Any] = {"nullable": not field.required, "unique": field.unique or None}
    if field.default is not None:
        extra["default"] = field.default
    if field.server_default is not None:
        extra["server_default"] = field.server_default
    return Column(field.name, sql_type, *parent, **extra)


def table_for(record: RecordType) -> Table:
    """The local table of a declared record type (made once, from its declaration)."""
    if record.name in metadata.tables:
        return metadata.tables[record.name]
    return Table(
        record.name,
        metadata,
        Column("id", String(36), primary_key=True),
        *(_column(record, f) for f in record.fields),
        *_sync_columns(),
    )


def forget_table(name: str) -> None:
    """Drop a throwaway record type's table from the schema in code (tests)."""
    if name in metadata.tables:
        metadata.remove(metadata.tables[name])


teams = table_for(records.TEAMS)
officers = table_for(records.OFFICERS)
nominals = table_for(records.NOMINALS)
Index("ix_nominals_officer", nominals.c.officer_id)
occasions = table_for(records.OCCASIONS)
Index("ix_occasions_nominal", occasions.c.nominal_id)
trips = table_for(records.TRIPS)
Index("ix_trips_nominal", trips.c.nominal_id)
civil_orders = table_for(records.CIVIL_ORDERS)
Index("ix_civil_orders_nominal", civil_orders.c.nominal_id)
order_terms = table_for(records.ORDER_TERMS)
Index("ix_order_terms_nominal", order_terms.c.nominal_id)
licences = table_for(records.LICENCES)
Index("ix_licences_nominal", licences.c.nominal_id)
visits = table_for(records.VISITS)
# The queues need each nominal's latest visit where they were seen: this index answers it directly.
Index("ix_visits_nominal_outcome_at", visits.c.nominal_id, visits.c.outcome, visits.c.at)
arms_assessments = table_for(records.ARMS)
Index("ix_arms_nominal_completed", arms_assessments.c.nominal_id, arms_assessments.c.completed_on)
rm2000_assessments = table_for(records.RM2000)
Index("ix_rm2000_nominal_completed", rm2000_assessments.c.nominal_id, rm2000_assessments.c.completed_on)
visit_amendments = table_for(records.VISIT_AMENDMENTS)
Index("ix_visit_amendments_nominal", visit_amendments.c.nominal_id)
breaches = table_for(records.BREACHES)
Index("ix_breaches_nominal", breaches.c.nominal_id)
whereabouts = table_for(records.WHEREABOUTS)
Index("ix_whereabouts_nominal", whereabouts.c.nominal_id)
rosh_assessments = table_for(records.ROSH)
Index("ix_rosh_nominal_assessed", rosh_assessments.c.nominal_id, rosh_assessments.c.assessed_on)
notified_details = table_for(records.NOTIFIED_DETAILS)
Index("ix_notified_details_nominal", notified_details.c.nominal_id)
names = table_for(records.NAMES)
Index("ix_names_nominal", names.c.nominal_id)
contacts = table_for(records.CONTACTS)
Index("ix_contacts_nominal", contacts.c.nominal_id)
name_change_notices = table_for(records.NAME_CHANGE_NOTICES)
Index("ix_name_change_notices_nominal", name_change_notices.c.nominal_id)
meetings = table_for(records.MEETINGS)
Index("ix_meetings_held_on", meetings.c.held_on)
panel_decisions = table_for(records.PANEL_DECISIONS)
Index("ix_panel_decisions_nominal", panel_decisions.c.nominal_id)
panel_actions = table_for(records.PANEL_ACTIONS)
Index("ix_panel_actions_nominal", panel_actions.c.nominal_id)
devices = table_for(records.DEVICES)
Index("ix_devices_nominal", devices.c.nominal_id)
device_checks = table_for(records.DEVICE_CHECKS)
Index("ix_device_checks_nominal", device_checks.c.nominal_id)
pre_visit_checks = table_for(records.PRE_VISIT_CHECKS)
Index("ix_pre_visit_checks_nominal", pre_visit_checks.c.nominal_id)
warrant_decisions = table_for(records.WARRANT_DECISIONS)
Index("ix_warrant_decisions_nominal", warrant_decisions.c.nominal_id)

attachments = table_for(records.ATTACHMENTS)
Index("ix_attachments_nominal", attachments.c.nominal_id)

# The bytes of photographs and documents (0025), inside the encrypted file like every record: never in
# clear on disk. Local only: sync moves them through attachment_transfers, not the outbox. `content` is the
# full file (None until received); `pinned` keeps one made here until the central store has all of it;
# other full copies are a cache the least recently used leave first (store/attachments.py).
attachment_bytes = Table(
    "attachment_bytes",
    metadata,
    Column("attachment_id", String(36), primary_key=True),
    # Small columns before the blobs (0026): SQLite reaches a later column only through the blob's pages.
    Column("pinned", Boolean, nullable=False, default=False),
    Column("used_at", IsoDateTime, nullable=True),
    Column("thumbnail", LargeBinary, nullable=True),
    Column("content", LargeBinary, nullable=True),
)

# Bytes still to move (0025): an upload of one made here ("up"), a thumbnail or a full copy to fetch
# ("thumb", "full"). Durable, so a killed process or a dropped connection resumes where it was; `received`
# holds a download's bytes so far, `next_try_at` spaces out retries after a failure.
attachment_transfers = Table(
    "attachment_transfers",
    metadata,
    Column("attachment_id", String(36), primary_key=True),
    Column("direction", String(5), primary_key=True),
    Column("done", Integer, nullable=False, default=0),
    Column("received", LargeBinary, nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_try_at", IsoDateTime, nullable=True),
    Column("last_error", Text, nullable=False, default=""),
)

hand_points = table_for(records.HAND_POINTS)
Index("ix_hand_points_nominal", hand_points.c.nominal_id)

# The force's postcode centroids (0029; domain/locations.py): local only, never synced (every device loads
# the open file itself, and the central store has no use for 2.6 million rows). One file at a time: an
# import replaces them all in one transaction. WITHOUT ROWID: the postcode is the key a lookup uses, and
# the rows go in in the file's (postcode) order.
postcode_points = Table(
    "postcode_points",
    metadata,
    Column("postcode", String(8), primary_key=True),  # domain.locations.normal_postcode's form
    Column("easting", Integer, nullable=False),
    Column("northing", Integer, nullable=False),
    Column("terminated", Boolean, nullable=False, default=False),  # ONSPD doterm: kept, marked
    sqlite_with_rowid=False,
)

# Which file the centroids came from (0029): one row (id 1), or none before the first import.
postcode_sources = Table(
    "postcode_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", Text, nullable=False),  # its name only, never the folder it was in
    Column("format", String(40), nullable=False),  # CentroidFormat's value, or "demo"
    Column("loaded_at", IsoDateTime, nullable=False),
    Column("loaded_by", String(200), nullable=False),
    Column("points", Integer, nullable=False),
    Column("terminated", Integer, nullable=False),
    Column("skipped", Integer, nullable=False),  # rows the file says carry no coordinates
)

# Per-user settings such as saved caseload filters: local only, never synced, inside the encrypted file.
user_settings = Table(
    "user_settings",
    metadata,
    Column("user", String(100), primary_key=True),
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

# The oversight board's weekly trend (0019): one row per ISO week, the week's latest figures as JSON
# (domain/trend.py). Local only, never synced: figures about this profile's own scope, no names.
oversight_snapshots = Table(
    "oversight_snapshots",
    metadata,
    Column("week", String(10), primary_key=True),
    Column("taken_on", String(10), nullable=False),
    Column("figures", Text, nullable=False),
)

# Driving times from the force's own routing server (0030, app/routing_server.py): one row per ordered
# pair of National Grid points and server, so a week's rounds ask the server only for pairs not yet
# known. Local only, never synced: coordinates and times, no names or addresses.
route_times = Table(
    "route_times",
    metadata,
    Column("server", String(300), primary_key=True),
    Column("from_easting", Integer, primary_key=True),
    Column("from_northing", Integer, primary_key=True),
    Column("to_easting", Integer, primary_key=True),
    Column("to_northing", Integer, primary_key=True),
    Column("seconds", Integer, nullable=False),
    Column("metres", Integer, nullable=False),
)

outbox = Table(
    "sync_outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("mutation_id", String(36), nullable=False, unique=True),
    Column("table_name", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("operation", String(10), nullable=False),  # insert, update, delete
    Column("base_version", Integer, nullable=False),
    Column("payload", Text, nullable=False),  # JSON of the changed fields
    Column("created_at", IsoDateTime, nullable=False),
    Column("failures", Integer, nullable=False, default=0),  # sends the central store failed on (0006)
)
Index("ix_sync_outbox_record", outbox.c.record_id)

# What the central store said about this device's changes (0004): conflicts to resolve, field by field,
# and changes it refused or sync set aside, with the reason, kept until the user sends them again or
# discards them (store/kept.py).
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("table_name", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("field", String(60), nullable=False),
    Column("theirs", Text, nullable=False),  # JSON: the value the central store kept
    Column("mine", Text, nullable=False),  # JSON: the value the other side wanted
    Column("username", String(100), nullable=False),  # who pushed the losing value
    Column("created_at", String(40), nullable=False),
)
Index("ix_sync_conflicts_record", sync_conflicts.c.record_id)

# The change number sync has pulled up to, kept in somdesk_meta (store/replica.py moves it).
SYNC_CURSOR = "sync_cursor"

sync_rejections = Table(
    "sync_rejections",
    metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("table_name", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("fields", Text, nullable=False),  # JSON of what was refused
    Column("reason", Text, nullable=False),
    Column("at", IsoDateTime, nullable=False),
    # 0006: the change whole, to send again; refused by the central store or set aside by sync after it
    # kept failing; and what it was about in words (the record may since have gone from this computer).
    Column("operation", String(10), nullable=False, default="update"),
    Column("base_version", Integer, nullable=False, default=0),
    Column("kind", String(10), nullable=False, default="refused"),
    Column("label", Text, nullable=False, default=""),
)
Index("ix_sync_rejections_record", sync_rejections.c.record_id)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    # No UNIQUE: nothing looks an entry up by id here, the chain covers it and the central store
    # refuses a second entry with the same id (migration 0027: one page fewer written per change).
    Column("id", String(36), nullable=False),
    Column("at", IsoDateTime, nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("user", String(100), nullable=False),
    Column("action", String(20), nullable=False),  # DPA 2018 s.62 kinds
    Column("table_name", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("justification", Text, nullable=False, default=""),
    Column("recipient", Text, nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("ix_audit_record", audit_log.c.table_name, audit_log.c.record_id)
# No index on device_id: a profile's log holds only its own device's entries, so its chain is the
# table in `seq` order, the table's own key (migration 0027; store/audit.py `latest_entry`).
