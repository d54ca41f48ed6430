"""Civil orders (SHPO, SOPO, SRO, their interim forms, Foreign Travel and Notification Orders) and each
order's terms: prohibitions and positive requirements, one record each. Licences, with their
conditions as a list.

Revision ID: 0011_orders
Revises: 0010_custody
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_orders"
down_revision: str | None = "0010_custody"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    ]


def upgrade() -> None:
    op.create_table(
        "civil_orders",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("court", sa.String(length=200), nullable=False),
        sa.Column("made_on", sa.String(length=10), nullable=False),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("until_further_order", sa.Boolean(), nullable=False),
        sa.Column("next_review", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_civil_orders_nominal", "civil_orders", ["nominal_id"], unique=False)
    op.create_table(
        "order_terms",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_order_terms_nominal", "order_terms", ["nominal_id"], unique=False)
    op.create_table(
        "licences",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("starts_on", sa.String(length=10), nullable=False),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("probation_contact", sa.String(length=200), nullable=True),
        sa.Column("curfew", sa.Text(), nullable=False),
        sa.Column("monitoring", sa.String(length=10), nullable=False),
        sa.Column("exclusion_zones", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_licences_nominal", "licences", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_licences_nominal", table_name="licences")
    op.drop_table("licences")
    op.drop_index("ix_order_terms_nominal", table_name="order_terms")
    op.drop_table("order_terms")
    op.drop_index("ix_civil_orders_nominal", table_name="civil_orders")
    op.drop_table("civil_orders")
