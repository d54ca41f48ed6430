"""The audit log's two indexes that nothing needs go: two pages fewer written, encrypted and
authenticated by every unit of work (docs/PERFORMANCE.md, "Encrypted writes").

- (device_id, seq): every entry in a profile's log is its own device's (the device id is made once, with
  the profile, and a restore keeps it), so the entries in `seq` order (the table's own key) are the
  device's chain: its latest entry is the last row, the entries after a sequence number a range of it.
- UNIQUE (id): nothing looks an entry up by its id here; the id is a new time-ordered UUID, the hash
  chain covers it (an entry copied in breaks the chain) and the central store refuses a second entry
  with the same id.

SQLite drops a table constraint only by copying the table: the entries keep their seq and every value
(their hashes still hold), and the triggers that refuse UPDATE and DELETE are made again as they were.

Revision ID: 0027_audit_without_device_index
Revises: 0026_attachment_bytes_order
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_audit_without_device_index"
down_revision: str | None = "0026_attachment_bytes_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "seq, id, at, device_id, user, action, table_name, record_id, justification, recipient, detail, "
COLUMNS += "prev_hash, hash"


def upgrade() -> None:
    # The append-only triggers as the database holds them (made by 0001), to make again on the copy.
    triggers = [
        sql
        for (sql,) in op.get_bind().exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name"
        )
    ]
    op.create_table(
        "audit_log_new",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.execute(f"INSERT INTO audit_log_new ({COLUMNS}) SELECT {COLUMNS} FROM audit_log ORDER BY seq")
    op.drop_table("audit_log")  # its triggers and indexes go with it; no trigger fires on a DROP
    op.rename_table("audit_log_new", "audit_log")
    op.create_index("ix_audit_record", "audit_log", ["table_name", "record_id"], unique=False)
    for sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    raise NotImplementedError("the local database is never downgraded: restore a backup instead")
