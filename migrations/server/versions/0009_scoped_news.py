"""Change news says whose records changed: a trigger on the records table sends, for each row a
transaction writes, NOTIFY somdesk_changes with the row's change number, its kind and its scope columns
(and, on an update that moves the row, where it was). An instance wakes only the devices whose scope a
change touches (server/changes.py); before this, every push woke every waiting device in the force, and
each of them pulled an empty page. PostgreSQL folds identical payloads of one transaction into one, so a
push of many rows of one case sends one or two. Nothing on SQLite (one instance, polling).

Revision ID: s0009_scoped_news
Revises: s0008_retention
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "s0009_scoped_news"
down_revision: str | None = "s0008_retention"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "somdesk_changes"  # server/changes.py listens on it
# Frozen at this revision (domain/records.py's Holder.STAFF): every signed-in user holds these.
STAFF = "('teams', 'officers')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The payload is a JSON array: [change number, kind, officer id, area, MAPPA level]; kind is
    # "staff" (everyone hears), "case" (a case or a record held with one) or "panel" (a meeting).
    op.execute(
        f"""
        CREATE FUNCTION somdesk_scoped_news() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            kind text := CASE WHEN NEW.table_name IN {STAFF} THEN 'staff'
                              WHEN NEW.nominal_id IS NULL THEN 'panel' ELSE 'case' END;
        BEGIN
            PERFORM pg_notify('{CHANNEL}', json_build_array(
                NEW.version, kind, NEW.officer_id, NEW.area, NEW.mappa_level)::text);
            IF TG_OP = 'UPDATE' AND (OLD.officer_id, OLD.area, OLD.mappa_level)
                    IS DISTINCT FROM (NEW.officer_id, NEW.area, NEW.mappa_level) THEN
                PERFORM pg_notify('{CHANNEL}', json_build_array(
                    NEW.version, kind, OLD.officer_id, OLD.area, OLD.mappa_level)::text);
            END IF;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER scoped_news AFTER INSERT OR UPDATE ON records
        FOR EACH ROW EXECUTE FUNCTION somdesk_scoped_news()
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER scoped_news ON records")
    op.execute("DROP FUNCTION somdesk_scoped_news()")
