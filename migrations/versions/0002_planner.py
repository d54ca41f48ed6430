"""Visit planner and fast queues: a planned visit date, and each nominal's latest seen visit and
latest ARMS kept on the nominal by triggers (so the queues read one table), backfilled from history;
an index to continue each device's audit chain without scanning the log.

Revision ID: 0002_planner
Revises: 0001_initial
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_planner"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LATEST_SEEN = (
    "(SELECT substr(max(v.at), 1, 10) FROM visits v WHERE v.nominal_id = {id} "
    "AND v.outcome = 'seen' AND v.deleted = 0)"
)
LATEST_ARMS = (
    "(SELECT max(a.completed_on) FROM arms_assessments a WHERE a.nominal_id = {id} AND a.deleted = 0)"
)

# Triggers, not application code, keep the two columns right: whoever writes a visit or an ARMS
# (a unit of work, an import, sync) updates them in the same transaction.
TRIGGERS = (
    # An insert can only move the latest date forward: O(1), whatever the history's length.
    """CREATE TRIGGER visits_latest_after_insert AFTER INSERT ON visits
        WHEN NEW.outcome = 'seen' AND NEW.deleted = 0
        BEGIN UPDATE nominals SET last_seen_visit = max(coalesce(last_seen_visit, ''), substr(NEW.at, 1, 10))
              WHERE id = NEW.nominal_id; END""",
    f"""CREATE TRIGGER visits_latest_after_update AFTER UPDATE ON visits
        BEGIN UPDATE nominals SET last_seen_visit = {LATEST_SEEN.format(id="nominals.id")}
              WHERE id IN (NEW.nominal_id, OLD.nominal_id); END""",
    f"""CREATE TRIGGER visits_latest_after_delete AFTER DELETE ON visits
        BEGIN UPDATE nominals SET last_seen_visit = {LATEST_SEEN.format(id="OLD.nominal_id")}
              WHERE id = OLD.nominal_id; END""",
    """CREATE TRIGGER arms_latest_after_insert AFTER INSERT ON arms_assessments WHEN NEW.deleted = 0
        BEGIN UPDATE nominals SET last_arms = max(coalesce(last_arms, ''), NEW.completed_on)
              WHERE id = NEW.nominal_id; END""",
    f"""CREATE TRIGGER arms_latest_after_update AFTER UPDATE ON arms_assessments
        BEGIN UPDATE nominals SET last_arms = {LATEST_ARMS.format(id="nominals.id")}
              WHERE id IN (NEW.nominal_id, OLD.nominal_id); END""",
    f"""CREATE TRIGGER arms_latest_after_delete AFTER DELETE ON arms_assessments
        BEGIN UPDATE nominals SET last_arms = {LATEST_ARMS.format(id="OLD.nominal_id")}
              WHERE id = OLD.nominal_id; END""",
)


def upgrade() -> None:
    with op.batch_alter_table("nominals") as batch:
        batch.add_column(sa.Column("planned_visit", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("last_seen_visit", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("last_arms", sa.String(length=10), nullable=True))
    op.create_index("ix_visits_nominal_outcome_at", "visits", ["nominal_id", "outcome", "at"], unique=False)
    # Each unit of work continues its device's hash chain from the latest entry of that device.
    op.create_index("ix_audit_device_seq", "audit_log", ["device_id", "seq"], unique=False)
    op.execute(
        f"UPDATE nominals SET last_seen_visit = {LATEST_SEEN.format(id='nominals.id')}, "
        f"last_arms = {LATEST_ARMS.format(id='nominals.id')}"
    )
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    raise NotImplementedError("the local database is never downgraded: restore a backup instead")
