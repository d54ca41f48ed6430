"""Photograph and document bytes on the central store: a row per attachment (received so far, complete,
thumbnail, uploads that did not match the hash lately) and its chunks as they arrived, appended, never rewritten.

Revision ID: s0006_attachment_bytes
Revises: s0005_audit_attribution
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0006_attachment_bytes"
down_revision: str | None = "s0005_audit_attribution"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_bytes",
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mismatches", sa.Integer(), nullable=False),
        sa.Column("mismatch_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["attachment_id"], ["records.id"]),
        sa.PrimaryKeyConstraint("attachment_id"),
    )
    op.create_table(
        "attachment_chunks",
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        sa.Column("start", sa.BigInteger(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachment_bytes.attachment_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("attachment_id", "start"),
    )


def downgrade() -> None:
    op.drop_table("attachment_chunks")
    op.drop_table("attachment_bytes")
