"""A visit whose attendance is not recorded (issue 21 review): a visit imported from a file that does
not say who attended is recorded as such, not as a lone visit "authorised by" whoever ran the import.
Every visit held so far was recorded with its officers: they start as recorded.

Revision ID: 0024_visit_attendance_recorded
Revises: 0023_visit_attendance
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_visit_attendance_recorded"
down_revision: str | None = "0023_visit_attendance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as table:
        table.add_column(sa.Column("attendance_recorded", sa.Boolean(), nullable=True, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("visits") as table:
        table.drop_column("attendance_recorded")
