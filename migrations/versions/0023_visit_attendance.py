"""Two officers at a home visit (issue 21): a visit attended by fewer than two officers records the
reason for the exception and the supervisor who authorised it. Start empty: visits recorded before
the rule carry no exception.

Revision ID: 0023_visit_attendance
Revises: 0022_warrant_decisions
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_visit_attendance"
down_revision: str | None = "0022_warrant_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as table:
        table.add_column(sa.Column("lone_reason", sa.Text(), nullable=True, server_default=""))
        table.add_column(
            sa.Column("lone_authorised_by", sa.String(length=200), nullable=True, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("visits") as table:
        table.drop_column("lone_authorised_by")
        table.drop_column("lone_reason")
