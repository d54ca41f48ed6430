"""Audit attribution: each stored audit entry names the account that pushed it, its record, the
mutation it accounts for and anything doubtful about it; forks of a device's chain are kept.

Revision ID: s0005_audit_attribution
Revises: s0004_sign_in
Create Date: 2026-11-30
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0005_audit_attribution"
down_revision: str | None = "s0004_sign_in"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(sa.Column("username", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("table_name", sa.String(length=50), nullable=True))
        batch.add_column(sa.Column("record_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("mutation_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("flags", sa.Text(), server_default="", nullable=False))
    entries = sa.table(
        "audit_entries", sa.column("device_id"), sa.column("seq"), sa.column("data"),
        sa.column("table_name"), sa.column("record_id"),
    )  # fmt: skip
    conn = op.get_bind()
    rows = conn.execute(sa.select(entries.c.device_id, entries.c.seq, entries.c.data)).all()
    found = [
        {
            "d": r.device_id,
            "s": r.seq,
            "t": json.loads(r.data)["table_name"],
            "r": json.loads(r.data)["record_id"],
        }
        for r in rows
    ]
    if found:
        conn.execute(
            entries.update()
            .where(entries.c.device_id == sa.bindparam("d"), entries.c.seq == sa.bindparam("s"))
            .values(table_name=sa.bindparam("t"), record_id=sa.bindparam("r")),
            found,
        )
    op.create_index("ix_audit_entries_record", "audit_entries", ["device_id", "table_name", "record_id"])
    op.create_table(
        "audit_forks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("audit_forks")
    op.drop_index("ix_audit_entries_record", table_name="audit_entries")
    with op.batch_alter_table("audit_entries") as batch:
        for name in ("flags", "mutation_id", "record_id", "table_name", "username"):
            batch.drop_column(name)
