"""Name-change notices (issue 19): a notice of an intended change of name, its completed steps by name
(the steps and deadlines are the force policy's) and the police decision.

Revision ID: 0015_name_changes
Revises: 0014_contacts
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_name_changes"
down_revision: str | None = "0014_contacts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "name_change_notices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("intended_name", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.String(length=10), nullable=False),
        sa.Column("change_on", sa.String(length=10), nullable=True),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_name_change_notices_nominal", "name_change_notices", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_name_change_notices_nominal", table_name="name_change_notices")
    op.drop_table("name_change_notices")
