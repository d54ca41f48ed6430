"""Initial local schema: nominals and their history, officers, teams, sync outbox, audit log.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# DPA 2018 s.62 logs must not be altered: the database itself refuses UPDATE and DELETE.
AUDIT_TRIGGERS = (
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_audit_record", "audit_log", ["table_name", "record_id"], unique=False)
    op.create_table(
        "nominals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visor_ref", sa.String(length=40), nullable=False),
        sa.Column("pnc_id", sa.String(length=40), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("date_of_birth", sa.String(length=10), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=False),
        sa.Column("never_married", sa.Boolean(), nullable=True),
        sa.Column("address_line1", sa.String(length=200), nullable=True),
        sa.Column("town", sa.String(length=100), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("area", sa.String(length=100), nullable=True),
        sa.Column("relevant_date", sa.String(length=10), nullable=False),
        sa.Column("disposal", sa.String(length=30), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=True),
        sa.Column("term_days", sa.Integer(), nullable=True),
        sa.Column("discharge_months", sa.Integer(), nullable=True),
        sa.Column("registered_on", sa.String(length=10), nullable=True),
        sa.Column("last_notification", sa.String(length=10), nullable=True),
        sa.Column("in_custody", sa.Boolean(), nullable=False),
        sa.Column("released_on", sa.String(length=10), nullable=True),
        sa.Column("first_notification_after_release", sa.String(length=10), nullable=True),
        sa.Column("review_refused_on", sa.String(length=10), nullable=True),
        sa.Column("mappa_category", sa.Integer(), nullable=False),
        sa.Column("mappa_level", sa.Integer(), nullable=False),
        sa.Column("mappa_lead_agency", sa.String(length=100), nullable=False),
        sa.Column("mappa_last_meeting", sa.String(length=10), nullable=True),
        sa.Column("mappa_next_review", sa.String(length=10), nullable=True),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("risk_level", sa.Integer(), nullable=True),
        sa.Column("risk_level_since", sa.String(length=10), nullable=True),
        sa.Column("plan_interval_months", sa.Integer(), nullable=True),
        sa.Column("plan_rationale", sa.Text(), nullable=False),
        sa.Column("plan_reactive", sa.Boolean(), nullable=False),
        sa.Column("arms_review_requested_on", sa.String(length=10), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("visor_ref"),
    )
    op.create_index("ix_nominals_officer", "nominals", ["officer_id"], unique=False)
    op.create_table(
        "officers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("is_som", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "somdesk_meta",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=10), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("mutation_id"),
    )
    op.create_table(
        "teams",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "arms_assessments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("completed_on", sa.String(length=10), nullable=False),
        sa.Column("assessor", sa.String(length=200), nullable=False),
        sa.Column("instrument_version", sa.String(length=60), nullable=False),
        sa.Column("ratings", sa.Text(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nominal_id"],
            ["nominals.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_arms_nominal_completed", "arms_assessments", ["nominal_id", "completed_on"], unique=False
    )
    op.create_table(
        "foreign_trips",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("departs_on", sa.String(length=10), nullable=False),
        sa.Column("destination", sa.String(length=100), nullable=False),
        sa.Column("notified_on", sa.String(length=10), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nominal_id"],
            ["nominals.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_trips_nominal", "foreign_trips", ["nominal_id"], unique=False)
    op.create_table(
        "sentencing_occasions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("sentenced_on", sa.String(length=10), nullable=False),
        sa.Column("offence_on", sa.String(length=10), nullable=True),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("sexual", sa.Boolean(), nullable=False),
        sa.Column("violent", sa.Boolean(), nullable=False),
        sa.Column("burglary", sa.Boolean(), nullable=False),
        sa.Column("male_victim", sa.Boolean(), nullable=True),
        sa.Column("stranger_victim", sa.Boolean(), nullable=True),
        sa.Column("non_contact", sa.Boolean(), nullable=True),
        sa.Column("is_index", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nominal_id"],
            ["nominals.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_occasions_nominal", "sentencing_occasions", ["nominal_id"], unique=False)
    op.create_table(
        "visits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.Column("officers", sa.Text(), nullable=False),
        sa.Column("address_checked", sa.Boolean(), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nominal_id"],
            ["nominals.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )

    for trigger in AUDIT_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    raise NotImplementedError("the local database is never downgraded: restore a backup instead")
