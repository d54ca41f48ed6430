"""Instruments and wording: each RM2000 assessment keeps the RM2000/C table it was scored with (two are in
circulation; the force policy names the one in force). Assessments stored before get the only table
somdesk scored with then; a foreign trip keeps the reason for notice given inside the 7 days.

Revision ID: 0007_instr
Revises: 0006_kept_changes
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_instr"
down_revision: str | None = "0006_kept_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# rm2000.LEGACY_COMBINED_TABLE, written out: a migration keeps what it did when the code moves on.
LEGACY_COMBINED_TABLE = "points-1-4"


def upgrade() -> None:
    with op.batch_alter_table("rm2000_assessments") as table:
        table.add_column(
            sa.Column("c_table", sa.String(length=40), nullable=True, server_default=LEGACY_COMBINED_TABLE)
        )
    with op.batch_alter_table("foreign_trips") as table:
        table.add_column(sa.Column("short_notice_reason", sa.Text(), nullable=True, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("foreign_trips") as table:
        table.drop_column("short_notice_reason")
    with op.batch_alter_table("rm2000_assessments") as table:
        table.drop_column("c_table")
