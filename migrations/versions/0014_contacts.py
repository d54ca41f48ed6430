"""Household and contacts (issue 19): the people in the person's household and life, and their online
identities, one record type with a kind.

Revision ID: 0014_contacts
Revises: 0013_details
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_contacts"
down_revision: str | None = "0013_details"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("recorded_on", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=20), nullable=True),
        sa.Column("presence", sa.String(length=20), nullable=True),
        sa.Column("date_of_birth", sa.String(length=10), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("has_access", sa.Boolean(), nullable=True),
        sa.Column("childrens_services", sa.Text(), nullable=False),
        sa.Column("employment", sa.Text(), nullable=False),
        sa.Column("identity", sa.String(length=320), nullable=False),
        sa.Column("platform", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contacts_nominal", "contacts", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_contacts_nominal", table_name="contacts")
    op.drop_table("contacts")
