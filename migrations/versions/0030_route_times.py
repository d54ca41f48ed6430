"""Driving times from the force's own routing server (OSRM or Valhalla), cached in the profile: one row per
ordered pair of National Grid points and server, so planning a week's rounds again asks the server only
for the pairs it has not answered before, and works from the cache when the server is out of reach.
Local only, never synced: coordinates and times, no names or addresses.

Revision ID: 0030_route_times
Revises: 0029_locations
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030_route_times"
down_revision: str | None = "0029_locations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "route_times",
        sa.Column("server", sa.String(length=300), nullable=False),
        sa.Column("from_easting", sa.Integer(), nullable=False),
        sa.Column("from_northing", sa.Integer(), nullable=False),
        sa.Column("to_easting", sa.Integer(), nullable=False),
        sa.Column("to_northing", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("metres", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("server", "from_easting", "from_northing", "to_easting", "to_northing"),
    )


def downgrade() -> None:
    op.drop_table("route_times")
