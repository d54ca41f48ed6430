"""The meeting audit (issue 20, minutes): on a MAPPA meeting, the chair's audit the guidance asks for:
when recorded, quorate, the invited agencies absent without apology, the confidentiality statement
read, victim issues and diversity considered, and the chair's summary. Start empty: no audit recorded.

Revision ID: 0019_meeting_audit
Revises: 0018_reviews_and_disclosures
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_meeting_audit"
down_revision: str | None = "0018_reviews_and_disclosures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as table:
        table.add_column(sa.Column("audit_on", sa.String(length=10), nullable=True))
        table.add_column(sa.Column("audit_quorate", sa.Boolean(), nullable=True))
        table.add_column(sa.Column("audit_absent", sa.Text(), nullable=True, server_default="[]"))
        table.add_column(sa.Column("audit_confidentiality", sa.Boolean(), nullable=True))
        table.add_column(sa.Column("audit_victims", sa.Boolean(), nullable=True))
        table.add_column(sa.Column("audit_diversity", sa.Boolean(), nullable=True))
        table.add_column(sa.Column("audit_summary", sa.Text(), nullable=True, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as table:
        for name in (
            "audit_summary",
            "audit_diversity",
            "audit_victims",
            "audit_confidentiality",
            "audit_absent",
            "audit_quorate",
            "audit_on",
        ):
            table.drop_column(name)
