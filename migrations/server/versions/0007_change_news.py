"""Change news from PostgreSQL itself: a trigger on the change counter's row sends NOTIFY somdesk_changes
with the new change number. PostgreSQL delivers it when (and only if) the transaction that bumped the
counter commits, to every instance listening, whichever instance committed the change. Nothing on SQLite
(the demo store has one instance and polls).

Revision ID: s0007_change_news
Revises: s0006_attachment_bytes
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "s0007_change_news"
down_revision: str | None = "s0006_attachment_bytes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "somdesk_changes"  # server/changes.py listens on it


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE FUNCTION somdesk_change_news() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', NEW.seq::text);
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER change_news AFTER UPDATE OF seq ON change_counter
        FOR EACH ROW WHEN (NEW.seq IS DISTINCT FROM OLD.seq) EXECUTE FUNCTION somdesk_change_news()
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER change_news ON change_counter")
    op.execute("DROP FUNCTION somdesk_change_news()")
