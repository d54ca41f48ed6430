"""The offender record: RM2000 assessments with their inputs, the MAPPA risk management plan under its
four headings and its actions, and per-user settings (saved caseload filters) kept inside the encrypted
database because a filter can hold a name.

Revision ID: 0003_records
Revises: 0002_planner
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_records"
down_revision: str | None = "0002_planner"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLAN_COLUMNS = (
    "rmp_supervision",
    "rmp_monitoring",
    "rmp_interventions",
    "rmp_victim_safety",
    "mappa_actions",
)


def upgrade() -> None:
    with op.batch_alter_table("nominals") as batch:
        for name in PLAN_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "rm2000_assessments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("completed_on", sa.String(length=10), nullable=False),
        sa.Column("assessor", sa.String(length=200), nullable=False),
        sa.Column("instrument_version", sa.String(length=60), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("sexual", sa.Integer(), nullable=True),
        sa.Column("violent", sa.Integer(), nullable=True),
        sa.Column("combined", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_rm2000_nominal_completed", "rm2000_assessments", ["nominal_id", "completed_on"], unique=False
    )
    op.create_table(
        "user_settings",
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("user", "key"),
    )


def downgrade() -> None:
    op.drop_table("user_settings")
    op.drop_index("ix_rm2000_nominal_completed", table_name="rm2000_assessments")
    op.drop_table("rm2000_assessments")
    with op.batch_alter_table("nominals") as batch:
        for name in PLAN_COLUMNS:
            batch.drop_column(name)
