"""Whereabouts reviews and partners' disclosure decisions (issue 19 review): the latest review of a
whereabouts episode (when, by whom, a note; each earlier one is in the audit log), and on a contact the
decision under the child sex offender disclosure scheme (disclosed or not, when, to whom). Start empty:
no review and no decision recorded.

Revision ID: 0018_reviews_and_disclosures
Revises: 0017_meetings
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_reviews_and_disclosures"
down_revision: str | None = "0017_meetings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("whereabouts") as table:
        table.add_column(sa.Column("last_reviewed_on", sa.String(length=10), nullable=True))
        table.add_column(sa.Column("reviewed_by", sa.String(length=200), nullable=True, server_default=""))
        table.add_column(sa.Column("review_note", sa.Text(), nullable=True, server_default=""))
    with op.batch_alter_table("contacts") as table:
        table.add_column(sa.Column("disclosure", sa.String(length=20), nullable=True))
        table.add_column(sa.Column("disclosure_on", sa.String(length=10), nullable=True))
        table.add_column(sa.Column("disclosure_to", sa.String(length=200), nullable=True, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("contacts") as table:
        table.drop_column("disclosure_to")
        table.drop_column("disclosure_on")
        table.drop_column("disclosure")
    with op.batch_alter_table("whereabouts") as table:
        table.drop_column("review_note")
        table.drop_column("reviewed_by")
        table.drop_column("last_reviewed_on")
