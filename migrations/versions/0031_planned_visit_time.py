"""A booked visit's start time (issue 23): a round books each visit for a day AND a time, so the
officer's calendar shows when; `planned_visit` alone stays a visit booked for the day. Starts empty:
every visit booked so far was booked for a day only.

Revision ID: 0031_planned_visit_time
Revises: 0030_route_times
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0031_planned_visit_time"
down_revision: str | None = "0030_route_times"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.add_column(sa.Column("planned_visit_time", sa.String(length=5), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.drop_column("planned_visit_time")
