"""The central store's own tables (SQLAlchemy Core). migrations/server creates exactly these."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

__all__ = [
    "attachment_bytes",
    "attachment_chunks",
    "audit_entries",
    "audit_forks",
    "change_counter",
    "conflicts",
    "departures",
    "devices",
    "login_failures",
    "metadata",
    "mutations",
    "policy",
    "records",
    "tokens",
    "users",
]

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False),
    Column("role", String(20), nullable=False),  # som, supervisor, panel_chair, admin
    Column("officer_id", String(36)),  # the officer record a SOM manages cases as
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Scope (s0002): a supervisor's teams (JSON list of team ids), a panel chair's area (null: all).
    Column("team_ids", Text, nullable=False, default="[]", server_default="[]"),
    Column("area", String(100)),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),  # the client's device id (UUID)
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),  # set: wipe the device's cache at its next contact
)

# Opaque random tokens; only their SHA-256 is stored, so a copy of the database grants nothing.
tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("kind", String(10), nullable=False),  # access or refresh
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("device_id", String(36), ForeignKey("devices.id"), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    # s0004: a spent refresh token stays, marked, until it expires: its reuse ends the device's chain.
    Column("spent_at", DateTime(timezone=True)),
)
Index("ix_tokens_expires_at", tokens.c.expires_at)
Index("ix_tokens_device_id", tokens.c.device_id)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    # s0004: where the attempt came from (the limit counts per account and per source; server/signin.py)
    Column("device_id", String(36), nullable=False, server_default=""),
    Column("source", String(64), nullable=False, server_default=""),
)
Index("ix_login_failures_username_at", login_failures.c.username, login_failures.c.at)
Index("ix_login_failures_at", login_failures.c.at)


# -- sync (s0002)

# Every synced row of every table, its fields as JSON text exactly as served (pull pastes it, never
# parses it). `version` is the change number that last touched the row; the scope columns repeat the
# owning nominal's, so a pull filters children without a join.
records = Table(
    "records",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("table_name", String(40), nullable=False),
    Column("nominal_id", String(36)),  # the nominal itself, or the one a child belongs to
    Column("officer_id", String(36)),
    Column("area", String(100)),
    Column("mappa_level", Integer),
    Column("data", Text, nullable=False),
    # JSON {field: [version, device]}: which change last set each field, for the field-level merge.
    Column("field_meta", Text, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    # A value unique among the table's records on every device (a nominal's VISOR reference).
    Column("unique_key", String(100)),
)
Index("ux_records_unique_key", records.c.table_name, records.c.unique_key, unique=True)
Index("ix_records_version", records.c.version)
Index("ix_records_officer_version", records.c.officer_id, records.c.version)
Index("ix_records_nominal", records.c.nominal_id)

# The one row whose lock orders every push: change numbers are handed out in commit order, so a pull
# after a cursor never misses a row committed late.
change_counter = Table(
    "change_counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", BigInteger, nullable=False),
    # s0008: departures up to this change number have been purged (server/retention.py): a device whose
    # cursor is older may have missed one, and must resync in full.
    Column("purged_upto", BigInteger, nullable=False, default=0, server_default="0"),
)

# Each mutation once: a replay returns the stored result.
mutations = Table(
    "mutations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("result", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
Index("ix_mutations_received_at", mutations.c.received_at)  # s0008: the retention purge

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("table_name", String(40), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("field", String(60), nullable=False),
    Column("base_version", BigInteger, nullable=False),
    Column("theirs", Text, nullable=False),  # JSON: the value the central store kept
    Column("mine", Text, nullable=False),  # JSON: the value the pushing device wanted
    Column("username", String(64), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("resolved_by", String(64)),
)
Index("ix_conflicts_record", conflicts.c.record_id)

# A nominal leaving some holders' scope (reallocated, moved area or level): who held it before, so
# their devices purge it at the next pull.
departures = Table(
    "departures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", BigInteger, nullable=False),
    Column("nominal_id", String(36), nullable=False),
    Column("officer_id", String(36)),
    Column("area", String(100)),
    Column("mappa_level", Integer),
    # s0008: when it was recorded, for the retention purge (rows from before have the migration's time).
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
Index("ix_departures_version", departures.c.version)

# Each device's audit log, checked link by link as it arrives (DPA 2018 s.62).
audit_entries = Table(
    "audit_entries",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("id", String(36), nullable=False),
    Column("data", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("id", name="uq_audit_entries_id"),
    # s0004: the account signed in on the device that pushed it (the entry's own `user` is the device's
    # claim), the record it names, the mutation it accounts for, and what is doubtful about it.
    Column("username", String(64)),
    Column("table_name", String(50)),
    Column("record_id", String(36)),
    Column("mutation_id", String(36)),
    Column("flags", Text, nullable=False, default="", server_default=""),
)
Index(
    "ix_audit_entries_record",
    audit_entries.c.device_id,
    audit_entries.c.table_name,
    audit_entries.c.record_id,
)

# A pushed entry that differs from the one already stored at its place in the device's chain (s0004).
audit_forks = Table(
    "audit_forks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("username", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# The force policy every client runs with (one row).
policy = Table(
    "policy",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)


# -- photograph and document bytes (s0006); server/attachment_store.py and server/attachments.py own them

# One row per attachment record whose bytes have begun to arrive: how many so far, whether they are all
# here and match the record's hash, and its thumbnail. Its lock orders every write of the attachment.
attachment_bytes = Table(
    "attachment_bytes",
    metadata,
    Column("attachment_id", String(36), ForeignKey("records.id"), primary_key=True),
    Column("received", BigInteger, nullable=False),
    Column("complete", Boolean, nullable=False),
    Column("thumbnail", LargeBinary),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Whole uploads that did not match the record's hash, and when the last did: the bound on them
    # (server/attachments.py MAX_MISMATCHES).
    Column("mismatches", Integer, nullable=False),
    Column("mismatch_at", DateTime(timezone=True)),
)

# The bytes as they arrived, one row per accepted upload (an append never rewrites earlier rows).
attachment_chunks = Table(
    "attachment_chunks",
    metadata,
    Column(
        "attachment_id",
        String(36),
        ForeignKey("attachment_bytes.attachment_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("start", BigInteger, primary_key=True),  # the offset of its first byte
    Column("length", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)
