"""Sync: records, the change counter, mutations, conflicts, departures, audit entries, policy; user scope.

Revision ID: s0002_sync
Revises: s0001_accounts
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0002_sync"
down_revision: str | None = "s0001_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("team_ids", sa.Text(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("area", sa.String(length=100), nullable=True))
    op.create_table(
        "records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=True),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("area", sa.String(length=100), nullable=True),
        sa.Column("mappa_level", sa.Integer(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("field_meta", sa.Text(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_records_version", "records", ["version"])
    op.create_index("ix_records_officer_version", "records", ["officer_id", "version"])
    op.create_index("ix_records_nominal", "records", ["nominal_id"])
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO change_counter (id, seq) VALUES (1, 0)")
    op.create_table(
        "mutations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("base_version", sa.BigInteger(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_conflicts_record", "conflicts", ["record_id"])
    op.create_table(
        "departures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("area", sa.String(length=100), nullable=True),
        sa.Column("mappa_level", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_departures_version", "departures", ["version"])
    op.create_table(
        "audit_entries",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq"),
        sa.UniqueConstraint("id", name="uq_audit_entries_id"),
    )
    op.create_table(
        "policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in ("policy", "audit_entries", "departures", "conflicts", "mutations", "change_counter"):
        op.drop_table(table)
    op.drop_index("ix_records_nominal", table_name="records")
    op.drop_index("ix_records_officer_version", table_name="records")
    op.drop_index("ix_records_version", table_name="records")
    op.drop_table("records")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("area")
        batch.drop_column("team_ids")
