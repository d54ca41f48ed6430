"""The oversight board's weekly trend: one snapshot of the headline figures per ISO week, recorded
by the profile as it goes. Local only (never synced); starts empty.

Revision ID: 0020_oversight_snapshots
Revises: 0019_meeting_audit
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_oversight_snapshots"
down_revision: str | None = "0019_meeting_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "oversight_snapshots",
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("taken_on", sa.String(length=10), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("week"),
    )


def downgrade() -> None:
    op.drop_table("oversight_snapshots")
