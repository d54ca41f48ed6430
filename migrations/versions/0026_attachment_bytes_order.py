"""Attachment bytes: the small columns (pinned, used_at) before the blobs. SQLite reads a row's columns in
order, so reaching a column stored after a 3 MB blob walks (and, in SQLCipher, decrypts) every overflow
page of that blob: the cache's eviction, which reads pinned and used_at of every cached copy, read the
whole cache on each full copy fetched. Rows are copied as they are.

Revision ID: 0026_attachment_bytes_order
Revises: 0025_attachments
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_attachment_bytes_order"
down_revision: str | None = "0025_attachments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _small() -> list[sa.Column]:
    return [
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("used_at", sa.String(length=32), nullable=True),
    ]


def _blobs() -> list[sa.Column]:
    return [
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
    ]


def _rebuild(small_first: bool) -> None:
    columns = [*_small(), *_blobs()] if small_first else [*_blobs(), *_small()]
    names = ", ".join(["attachment_id", *(c.name for c in columns)])
    op.create_table(
        "attachment_bytes_new",
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("attachment_id"),
    )
    op.execute(f"INSERT INTO attachment_bytes_new ({names}) SELECT {names} FROM attachment_bytes")
    op.drop_table("attachment_bytes")
    op.rename_table("attachment_bytes_new", "attachment_bytes")


def upgrade() -> None:
    _rebuild(small_first=True)


def downgrade() -> None:
    _rebuild(small_first=False)
