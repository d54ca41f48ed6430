"""Sign-in hardening: a failed sign-in remembers the device and source address it came from (the limit
counts per account and per source, so a stranger cannot lock a colleague out), and a spent refresh token is
kept until it expires, marked spent, so that its reuse is recognised and ends the device's whole chain.

Revision ID: s0004_sign_in
Revises: s0003_unique_keys
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0004_sign_in"
down_revision: str | None = "s0003_unique_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("login_failures") as batch:
        batch.add_column(sa.Column("device_id", sa.String(length=36), nullable=False, server_default=""))
        batch.add_column(sa.Column("source", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("tokens") as batch:
        batch.add_column(sa.Column("spent_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_tokens_expires_at", "tokens", ["expires_at"])
    op.create_index("ix_tokens_device_id", "tokens", ["device_id"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_index("ix_tokens_device_id", table_name="tokens")
    op.drop_index("ix_tokens_expires_at", table_name="tokens")
    with op.batch_alter_table("tokens") as batch:
        batch.drop_column("spent_at")
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_column("source")
        batch.drop_column("device_id")
