"""Errors from the central store's engine carry no record values (its demo database, SQLite, will do:
the setting is the engine's, whatever the database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from somdesk.server.store import ServerStore

NAME = "QUENFORD"


def test_an_integrity_error_holds_no_bound_values(tmp_path: Path):
    store = ServerStore(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (k TEXT PRIMARY KEY)")
            conn.exec_driver_sql("INSERT INTO t VALUES (?)", (NAME,))
        with pytest.raises(IntegrityError) as caught, store.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO t VALUES (?)", (NAME,))
    finally:
        store.engine.dispose()
    assert "UNIQUE constraint failed: t.k" in str(caught.value) and NAME not in str(caught.value)
