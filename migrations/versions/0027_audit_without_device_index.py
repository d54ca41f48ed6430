"""The audit log loses its (device_id, seq) index: one page fewer written, encrypted and authenticated
by every unit of work. Every entry in a profile's log is its own device's (the device id is made once,
with the profile, and a restore keeps it), so the entries in `seq` order (the table's own key) are the
device's chain: its latest entry is the last row, and the entries after a sequence number are a range of
the table. Nothing else read the index.

Revision ID: 0027_audit_without_device_index
Revises: 0026_attachment_bytes_order
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0027_audit_without_device_index"
down_revision: str | None = "0026_attachment_bytes_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_audit_device_seq", table_name="audit_log")


def downgrade() -> None:
    raise NotImplementedError("the local database is never downgraded: restore a backup instead")
