"""Unique keys: a nominal's VISOR reference is unique on every device, so the central store keeps it
unique too (a duplicate accepted here would stop every device in scope from writing its pull).

Revision ID: s0003_unique_keys
Revises: s0002_sync
Create Date: 2026-11-23
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0003_unique_keys"
down_revision: str | None = "s0002_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("unique_key", sa.String(length=100), nullable=True))
    records = sa.table(
        "records", sa.column("id"), sa.column("table_name"), sa.column("data"), sa.column("unique_key")
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(records.c.id, records.c.data).where(records.c.table_name == "nominals"))
    keys = [{"rid": r.id, "key": json.loads(r.data).get("visor_ref")} for r in rows]
    if keys:
        conn.execute(
            records.update()
            .where(records.c.id == sa.bindparam("rid"))
            .values(unique_key=sa.bindparam("key")),
            keys,
        )
    op.create_index("ux_records_unique_key", "records", ["table_name", "unique_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_records_unique_key", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("unique_key")
