"""The registration's notification dates kept on the nominal (domain/kept_dates.py): the period's last
day, the initial and periodic notification dates and the indefinite-review date, with the rule and policy
values they were worked out under (`kept_rule`). Triggers empty `kept_rule` whenever an input changes (a
field of the registration, the address, a trip abroad), whoever writes it (unit of work, import, sync);
the next read of the cases works the dates out again and keeps them. Nothing is backfilled here: the
first read after this migration works them out for every case.

Revision ID: 0028_kept_dates
Revises: 0027_audit_without_device_index
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028_kept_dates"
down_revision: str | None = "0027_audit_without_device_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# domain/kept_dates.py DEPENDS_ON as of this revision (a test holds the two together).
INPUTS = (
    "date_of_birth",
    "relevant_date",
    "disposal",
    "term_months",
    "term_days",
    "term_parts",
    "discharge_months",
    "registered_on",
    "last_notification",
    "in_custody",
    "released_on",
    "custody_from",
    "first_notification_after_release",
    "review_refused_on",
    "review_further_on",
    "address_line1",
)
_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in INPUTS)
_STALE = "UPDATE nominals SET kept_rule = NULL WHERE kept_rule IS NOT NULL AND id"

TRIGGERS = {
    "nominals_kept_stale": f"""CREATE TRIGGER nominals_kept_stale AFTER UPDATE ON nominals
        WHEN NEW.kept_rule IS NOT NULL AND ({_CHANGED})
        BEGIN UPDATE nominals SET kept_rule = NULL WHERE id = NEW.id; END""",
    "trips_kept_stale_insert": f"""CREATE TRIGGER trips_kept_stale_insert AFTER INSERT ON foreign_trips
        BEGIN {_STALE} = NEW.nominal_id; END""",
    "trips_kept_stale_update": f"""CREATE TRIGGER trips_kept_stale_update AFTER UPDATE ON foreign_trips
        BEGIN {_STALE} IN (NEW.nominal_id, OLD.nominal_id); END""",
    "trips_kept_stale_delete": f"""CREATE TRIGGER trips_kept_stale_delete AFTER DELETE ON foreign_trips
        BEGIN {_STALE} = OLD.nominal_id; END""",
}


def upgrade() -> None:
    with op.batch_alter_table("nominals") as batch:
        batch.add_column(sa.Column("kept_rule", sa.String(length=100), nullable=True))
        for name in ("kept_last_day", "kept_initial", "kept_unmoved", "kept_periodic"):
            batch.add_column(sa.Column(name, sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("kept_start_unknown", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("kept_review", sa.String(length=10), nullable=True))
    for trigger in TRIGGERS.values():
        op.execute(trigger)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("nominals") as batch:
        for name in (
            "kept_review",
            "kept_start_unknown",
            "kept_periodic",
            "kept_unmoved",
            "kept_initial",
            "kept_last_day",
            "kept_rule",
        ):
            batch.drop_column(name)
