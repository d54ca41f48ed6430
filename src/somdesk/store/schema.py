"""The local database's tables (SQLAlchemy Core). Migrations in migrations/ create exactly these.

Every syncable table has a client-made UUID, `version` (the server's change number when it last
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
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

__all__ = ["IsoDate", "IsoDateTime", "metadata"]

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

teams = Table(
    "teams",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("area", String(100), nullable=False),
    *_sync_columns(),
)

officers = Table(
    "officers",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("team_id", String(36), nullable=False),
    Column("is_som", Boolean, nullable=False),
    *_sync_columns(),
)

nominals = Table(
    "nominals",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("visor_ref", String(40), nullable=False, unique=True),
    Column("pnc_id", String(40), nullable=False),
    Column("family_name", String(100), nullable=False),
    Column("given_names", String(200), nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list
    Column("date_of_birth", IsoDate, nullable=False),
    Column("sex", String(10), nullable=False),
    Column("never_married", Boolean),
    # address (all null: no fixed abode)
    Column("address_line1", String(200)),
    Column("town", String(100)),
    Column("postcode", String(10)),
    Column("area", String(100)),
    # registration
    Column("relevant_date", IsoDate, nullable=False),
    Column("disposal", String(30), nullable=False),
    Column("term_months", Integer),
    Column("term_days", Integer),
    Column("discharge_months", Integer),
    Column("registered_on", IsoDate),
    Column("last_notification", IsoDate),
    Column("in_custody", Boolean, nullable=False, default=False),
    Column("released_on", IsoDate),
    Column("first_notification_after_release", IsoDate),
    Column("review_refused_on", IsoDate),
    # MAPPA
    Column("mappa_category", Integer, nullable=False),
    Column("mappa_level", Integer, nullable=False),
    Column("mappa_lead_agency", String(100), nullable=False),
    Column("mappa_last_meeting", IsoDate),
    Column("mappa_next_review", IsoDate),
    # management
    Column("officer_id", String(36)),
    Column("risk_level", Integer),
    Column("risk_level_since", IsoDate),
    Column("plan_interval_months", Integer),
    Column("plan_rationale", Text, nullable=False, default=""),
    Column("plan_reactive", Boolean, nullable=False, default=False),
    Column("arms_review_requested_on", IsoDate),
    Column("planned_visit", IsoDate),
    # Kept by triggers (migration 0002) from visits and arms_assessments; never written by the app.
    Column("last_seen_visit", IsoDate),
    Column("last_arms", IsoDate),
    # The MAPPA risk management plan under its four headings, and the panel's actions (0003).
    Column("rmp_supervision", Text, nullable=False, default="", server_default=""),
    Column("rmp_monitoring", Text, nullable=False, default="", server_default=""),
    Column("rmp_interventions", Text, nullable=False, default="", server_default=""),
    Column("rmp_victim_safety", Text, nullable=False, default="", server_default=""),
    Column("mappa_actions", Text, nullable=False, default="", server_default=""),
    *_sync_columns(),
)
Index("ix_nominals_officer", nominals.c.officer_id)

occasions = Table(
    "sentencing_occasions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("nominal_id", String(36), ForeignKey("nominals.id"), nullable=False),
    Column("sentenced_on", IsoDate, nullable=False),
    Column("offence_on", IsoDate),
    Column("description", String(300), nullable=False),
    Column("sexual", Boolean, nullable=False),
    Column("violent", Boolean, nullable=False),
    Column("burglary", Boolean, nullable=False),
    Column("male_victim", Boolean),
    Column("stranger_victim", Boolean),
    Column("non_contact", Boolean),
    Column("is_index", Boolean, nullable=False),
    *_sync_columns(),
)
Index("ix_occasions_nominal", occasions.c.nominal_id)

trips = Table(
    "foreign_trips",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("nominal_id", String(36), ForeignKey("nominals.id"), nullable=False),
    Column("departs_on", IsoDate, nullable=False),
    Column("destination", String(100), nullable=False),
    Column("notified_on", IsoDate),
    *_sync_columns(),
)
Index("ix_trips_nominal", trips.c.nominal_id)

visits = Table(
    "visits",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("nominal_id", String(36), ForeignKey("nominals.id"), nullable=False),
    Column("at", IsoDateTime, nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("announced", Boolean, nullable=False),
    Column("officers", Text, nullable=False, default="[]"),  # JSON list of names
    Column("address_checked", Boolean, nullable=False),
    Column("concerns", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    *_sync_columns(),
)
# The queues need each nominal's latest visit where they were seen: this index answers it directly.
Index("ix_visits_nominal_outcome_at", visits.c.nominal_id, visits.c.outcome, visits.c.at)

arms_assessments = Table(
    "arms_assessments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("nominal_id", String(36), ForeignKey("nominals.id"), nullable=False),
    Column("completed_on", IsoDate, nullable=False),
    Column("assessor", String(200), nullable=False),
    Column("instrument_version", String(60), nullable=False),
    Column("ratings", Text, nullable=False),  # JSON object: factor -> rating
    Column("priority", Integer, nullable=False),
    Column("notes", Text, nullable=False, default=""),
    *_sync_columns(),
)
Index("ix_arms_nominal_completed", arms_assessments.c.nominal_id, arms_assessments.c.completed_on)

rm2000_assessments = Table(
    "rm2000_assessments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("nominal_id", String(36), ForeignKey("nominals.id"), nullable=False),
    Column("completed_on", IsoDate, nullable=False),
    Column("assessor", String(200), nullable=False),
    Column("instrument_version", String(60), nullable=False),
    Column("inputs", Text, nullable=False),  # JSON object of the items as entered (null: unknown)
    Column("sexual", Integer),  # risk levels; null when the scale could not be settled
    Column("violent", Integer),
    Column("combined", Integer),
    Column("notes", Text, nullable=False, default=""),
    *_sync_columns(),
)
Index("ix_rm2000_nominal_completed", rm2000_assessments.c.nominal_id, rm2000_assessments.c.completed_on)

# Per-user settings such as saved caseload filters: local only, never synced, inside the encrypted file.
user_settings = Table(
    "user_settings",
    metadata,
    Column("user", String(100), primary_key=True),
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
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
)
Index("ix_sync_outbox_record", outbox.c.record_id)

# What the central store said about this device's changes (0004): conflicts to resolve, field by field,
# and changes it refused, with its reason. Replaced and added to by sync, never by the app's own writes.
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

sync_rejections = Table(
    "sync_rejections",
    metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("table_name", String(50), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("fields", Text, nullable=False),  # JSON of what was refused
    Column("reason", Text, nullable=False),
    Column("at", IsoDateTime, nullable=False),
)
Index("ix_sync_rejections_record", sync_rejections.c.record_id)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
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
Index("ix_audit_device_seq", audit_log.c.device_id, audit_log.c.seq)
