"""MAPPA meetings (issue 20): a meeting of a panel (its area and level, held by that panel's chairs),
and for each case heard the panel's decision and its actions, held with the case.

Revision ID: 0017_meetings
Revises: 0016_intelligence
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_meetings"
down_revision: str | None = "0016_intelligence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=False),
        sa.Column("mappa_level", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.String(length=10), nullable=False),
        sa.Column("starts_at", sa.String(length=5), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=False),
        sa.Column("invited", sa.Text(), nullable=False),
        sa.Column("attending", sa.Text(), nullable=False),
        sa.Column("cases", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meetings_held_on", "meetings", ["held_on"], unique=False)
    op.create_table(
        "panel_decisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.String(length=10), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("next_review", sa.String(length=10), nullable=True),
        sa.Column("supervision", sa.Text(), nullable=False),
        sa.Column("monitoring", sa.Text(), nullable=False),
        sa.Column("interventions", sa.Text(), nullable=False),
        sa.Column("victim_safety", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_panel_decisions_nominal", "panel_decisions", ["nominal_id"], unique=False)
    op.create_table(
        "panel_actions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nominal_id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("agency", sa.String(length=100), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("done_on", sa.String(length=10), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["nominal_id"], ["nominals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_panel_actions_nominal", "panel_actions", ["nominal_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_panel_actions_nominal", table_name="panel_actions")
    op.drop_table("panel_actions")
    op.drop_index("ix_panel_decisions_nominal", table_name="panel_decisions")
    op.drop_table("panel_decisions")
    op.drop_index("ix_meetings_held_on", table_name="meetings")
    op.drop_table("meetings")
