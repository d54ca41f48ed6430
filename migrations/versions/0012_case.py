"""The whole case (issue 19): breaches of the notification requirements, an order or the licence;
whereabouts unknown, missing and wanted; risk of serious harm (RoSH) assessments.

Revision ID: 0012_case
Revises: 0011_orders
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_case"
down_revision: str | None = "0011_orders"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# RoSH's groups at risk, one level each (written out: a migration does not follow the code).
_GROUPS = ("children", "known_adult", "public", "staff", "self_harm")


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "breaches",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("found_on", sa.String(length=10), nullable=False),
        sa.Column("found_by", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("outcome_on", sa.String(length=10), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_breaches_nominal", "breaches", ["nominal_id"], unique=False)
    op.create_table(
        "whereabouts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("circulated_on", sa.String(length=10), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("resolved_on", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_whereabouts_nominal", "whereabouts", ["nominal_id"], unique=False)
    op.create_table(
        "rosh_assessments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("assessed_on", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _GROUPS),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_rosh_nominal_assessed", "rosh_assessments", ["nominal_id", "assessed_on"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_rosh_nominal_assessed", table_name="rosh_assessments")
    op.drop_table("rosh_assessments")
    op.drop_index("ix_whereabouts_nominal", table_name="whereabouts")
    op.drop_table("whereabouts")
    op.drop_index("ix_breaches_nominal", table_name="breaches")
    op.drop_table("breaches")
