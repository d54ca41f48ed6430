"""Locations for home-visit rounds (issue 23): points officers set by hand for an address (`hand_points`,
a synced record held with the person), the force's postcode centroids (`postcode_points`, local only,
loaded from Code-Point Open or the ONS Postcode Directory) and which file they came from
(`postcode_sources`). All start empty.

Revision ID: 0029_locations
Revises: 0028_kept_dates
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029_locations"
down_revision: str | None = "0028_kept_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hand_points",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("easting", sa.Integer(), nullable=False),
        sa.Column("northing", sa.Integer(), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_hand_points_nominal", "hand_points", ["nominal_id"], unique=False)
    op.create_table(
        "postcode_points",
        sa.Column("postcode", sa.String(length=8), nullable=False),
        sa.Column("easting", sa.Integer(), nullable=False),
        sa.Column("northing", sa.Integer(), nullable=False),
        sa.Column("terminated", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("postcode"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "postcode_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=40), nullable=False),
        sa.Column("loaded_at", sa.String(length=32), nullable=False),
        sa.Column("loaded_by", sa.String(length=200), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("terminated", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("postcode_sources")
    op.drop_table("postcode_points")
    op.drop_index("ix_hand_points_nominal", table_name="hand_points")
    op.drop_table("hand_points")
