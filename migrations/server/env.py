"""Alembic environment for the central store (PostgreSQL, or SQLite for the demo server)."""

from __future__ import annotations

from alembic import context

from somdesk.server.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run server migrations through `somdesk-server migrate`")

context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
