"""Intelligence that the person may offend (issue 19, DOMAIN.md §4): its date and a line saying what it
is, on the nominal. Within the policy's years it bars reactive management. Starts empty: none recorded.

Revision ID: 0016_intelligence
Revises: 0015_name_changes
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_intelligence"
down_revision: str | None = "0015_name_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.add_column(sa.Column("intelligence_on", sa.String(length=10), nullable=True))
        table.add_column(
            sa.Column("intelligence_note", sa.String(length=200), nullable=True, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.drop_column("intelligence_note")
        table.drop_column("intelligence_on")
