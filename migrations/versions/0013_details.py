"""The whole case (issue 19): notified personal details (SI 2012/1876) and the names a person is
known by (aliases, previous names, changes of name) with their source.

Revision ID: 0013_details
Revises: 0012_case
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_details"
down_revision: str | None = "0012_case"
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
        "notified_details",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("notified_on", sa.String(length=10), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("verified_on", sa.String(length=10), nullable=True),
        sa.Column("ended_on", sa.String(length=10), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notified_details_nominal", "notified_details", ["nominal_id"], unique=False)
    op.create_table(
        "names",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("from_on", sa.String(length=10), nullable=True),
        sa.Column("to_on", sa.String(length=10), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_names_nominal", "names", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_names_nominal", table_name="names")
    op.drop_table("names")
    op.drop_index("ix_notified_details_nominal", table_name="notified_details")
    op.drop_table("notified_details")
