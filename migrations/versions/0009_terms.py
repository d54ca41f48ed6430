"""The terms making up a custodial term (s.82(3)-(4)): consecutive or concurrent, as entered. Existing
records get none, so the term the user entered stays the counted term until its parts are entered.

Revision ID: 0009_terms
Revises: 0008_dates
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_terms"
down_revision: str | None = "0008_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.add_column(sa.Column("term_parts", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.drop_column("term_parts")
