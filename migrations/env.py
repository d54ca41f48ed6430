"""Alembic environment for the local database. somdesk.store.migrate passes an open connection in."""

from __future__ import annotations

from alembic import context

from somdesk.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through somdesk.store.migrate, which supplies the encrypted connection"
    )

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
