"""Bounded tables: when each departure was recorded, the change number up to which departures were purged,
and an index for purging stored mutation results by age.

Revision ID: s0008_retention
Revises: s0007_change_news
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0008_retention"
down_revision: str | None = "s0007_change_news"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "change_counter", sa.Column("purged_upto", sa.BigInteger(), nullable=False, server_default="0")
    )
    op.add_column(
        "departures",
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    op.create_index("ix_mutations_received_at", "mutations", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_mutations_received_at", table_name="mutations")
    op.drop_column("departures", "recorded_at")
    op.drop_column("change_counter", "purged_upto")
