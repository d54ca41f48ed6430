"""The language a person wishes to correspond in (issue 24, DOMAIN.md §9): "english", "welsh", or empty
when not recorded. Starts empty on every record: nobody's wish is guessed, from their name, their area or
anything else.

Revision ID: 0032_preferred_language
Revises: 0031_planned_visit_time
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0032_preferred_language"
down_revision: str | None = "0031_planned_visit_time"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.add_column(sa.Column("preferred_language", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominals") as table:
        table.drop_column("preferred_language")
