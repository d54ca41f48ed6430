"""Running the local database's Alembic migrations on an open (encrypted) connection."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from somdesk.store.errors import NewerSchema

__all__ = ["current_revision", "head_revision", "known_revisions", "upgrade"]


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("somdesk.migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, before: Callable[[str | None], None] | None = None, target: str = "head") -> bool:
    """Bring the database to `target`. Calls `before(current)` first (the backup) when there is work.

    A database from a newer somdesk (a revision this version does not know) is refused untouched.
    Returns whether anything was migrated.
    """
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise NewerSchema(
            f"this profile was last opened by a newer version of somdesk (schema {current}); "
            "install that version or newer to open it"
        )
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return False
    if before is not None:
        before(current)
    with engine.begin() as conn:
        command.upgrade(_config(conn), target)
    return True
