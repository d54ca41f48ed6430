"""Refused and set-aside changes kept whole: what the change was (operation and base version), whether the
central store refused it or sync set it aside after it kept failing, and a name for it that outlives the
record; the outbox counts a change's failed sends.

Revision ID: 0006_kept_changes
Revises: 0005_visit_amendments
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_kept_changes"
down_revision: str | None = "0005_visit_amendments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_rejections") as table:
        table.add_column(
            sa.Column("operation", sa.String(length=10), nullable=False, server_default="update")
        )
        table.add_column(sa.Column("base_version", sa.Integer(), nullable=False, server_default="0"))
        table.add_column(sa.Column("kind", sa.String(length=10), nullable=False, server_default="refused"))
        table.add_column(sa.Column("label", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("sync_outbox") as table:
        table.add_column(sa.Column("failures", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox") as table:
        table.drop_column("failures")
    with op.batch_alter_table("sync_rejections") as table:
        for name in ("label", "kind", "base_version", "operation"):
            table.drop_column(name)
