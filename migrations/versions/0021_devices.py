"""Devices (issue 21): each RSO's known devices (type, make and model, IMEI or serial, declared or found,
monitoring software and its alerts, in use or removed, its operating system), and the device checks made
at visits (devices examined, order terms, result, findings, the policy's checklist items done), and the pre-visit checks (intelligence, open-source and social media,
when and by whom). Start
empty.

Revision ID: 0021_devices
Revises: 0020_oversight_snapshots
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_devices"
down_revision: str | None = "0020_oversight_snapshots"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("make_model", sa.String(length=200), nullable=False),
        sa.Column("recorded_on", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("identifier", sa.String(length=40), nullable=False),
        sa.Column("monitoring", sa.String(length=200), nullable=False),
        sa.Column("alerts", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("removed_on", sa.String(length=10), nullable=True),
        sa.Column("system", sa.String(length=20), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_devices_nominal", "devices", ["nominal_id"], unique=False)
    op.create_table(
        "device_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("checked_on", sa.String(length=10), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("devices", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        sa.Column("checklist", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_device_checks_nominal", "device_checks", ["nominal_id"], unique=False)
    op.create_table(
        "pre_visit_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("checked_at", sa.String(length=32), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("visit_on", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_pre_visit_checks_nominal", "pre_visit_checks", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_pre_visit_checks_nominal", table_name="pre_visit_checks")
    op.drop_table("pre_visit_checks")
    op.drop_index("ix_device_checks_nominal", table_name="device_checks")
    op.drop_table("device_checks")
    op.drop_index("ix_devices_nominal", table_name="devices")
    op.drop_table("devices")
