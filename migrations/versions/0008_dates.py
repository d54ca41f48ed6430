"""Notification dates as the Act reads them: a trip's return (time abroad is disregarded for the initial
notification and moves an annual or weekly date, s.83(6), s.85(3)-(4)), and the further review date in
the chief officer's notice of a refusal (s.91B(3)). Both start empty: no date a user entered changes.

Revision ID: 0008_dates
Revises: 0007_instr
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_dates"
down_revision: str | None = "0007_instr"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("foreign_trips") as table:
        table.add_column(sa.Column("returns_on", sa.String(length=10), nullable=True))
    with op.batch_alter_table("nominals") as table:
        table.add_column(sa.Column("review_further_on", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.drop_column("review_further_on")
    with op.batch_alter_table("foreign_trips") as table:
        table.drop_column("returns_on")
