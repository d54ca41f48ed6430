"""Photographs and documents (issue 22): the attachment records held with a person, their bytes (inside
the encrypted file, never in clear on disk) and the durable queue of bytes to upload or fetch. Starts
empty.

Revision ID: 0025_attachments
Revises: 0024_visit_attendance_recorded
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_attachments"
down_revision: str | None = "0024_visit_attendance_recorded"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("taken_on", sa.String(length=10), nullable=False),
        sa.Column("taken_by", sa.String(length=200), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("thumbnail_sha256", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("original_name", sa.String(length=255), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=True),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_attachments_nominal", "attachments", ["nominal_id"], unique=False)
    op.create_table(
        "attachment_bytes",
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("used_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("attachment_id"),
    )
    op.create_table(
        "attachment_transfers",
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=5), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("received", sa.LargeBinary(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("attachment_id", "direction"),
    )


def downgrade() -> None:
    op.drop_table("attachment_transfers")
    op.drop_table("attachment_bytes")
    op.drop_index("ix_attachments_nominal", table_name="attachments")
    op.drop_table("attachments")
