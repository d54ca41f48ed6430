"""When the latest time in custody or hospital began, so that an annual or weekly date is moved only if it
really fell in custody (s.85(3)-(4)). Starts empty: no date a user entered changes.

Revision ID: 0010_custody
Revises: 0009_terms
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_custody"
down_revision: str | None = "0009_terms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.add_column(sa.Column("custody_from", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.drop_column("custody_from")
