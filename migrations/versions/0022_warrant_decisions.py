"""Warrant decisions (issue 21, failed entry and s.96B): after two unsuccessful attempts at entry, a
supervisor's decision whether to apply for a warrant (apply or not, the reason, who decided and when,
and the attempts it covers), held with the case. Starts empty.

Revision ID: 0022_warrant_decisions
Revises: 0021_devices
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_warrant_decisions"
down_revision: str | None = "0021_devices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "warrant_decisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("decided_on", sa.String(length=10), nullable=False),
        sa.Column("apply", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("attempts", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_warrant_decisions_nominal", "warrant_decisions", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_warrant_decisions_nominal", table_name="warrant_decisions")
    op.drop_table("warrant_decisions")
