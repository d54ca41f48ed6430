"""Each device's audit chain is continued from its own latest entry, read along the log's own key: no
index on device_id is written by every unit of work (migration 0027), and no read sorts or scans the log
to find where a chain stands."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, event

from somdesk.store import migrate
from somdesk.store.audit import latest_entry, verify
from somdesk.store.engine import sqlcipher_engine
from somdesk.store.keys import new_database_key
from somdesk.store.read import Reader
from somdesk.store.replica import LocalSync
from somdesk.store.restoring import ProfileDatabase
from somdesk.store.uow import UnitOfWork

OURS, OTHER = str(uuid.uuid4()), str(uuid.uuid4())


def clock() -> datetime:
    return datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def consult(engine: Engine, device: str, record: str) -> None:
    with UnitOfWork(engine, device, "dc.test", False, clock) as work:
        work.consult("nominals", record, "")


@contextmanager
def audit_reads(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement run on the engine that reads the audit log, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> None:
        if "FROM audit_log" in sql and not many:
            seen.append((sql, params))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def plan(engine: Engine, sql: str, params: Any) -> list[str]:
    with engine.connect() as conn:
        return [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]


def test_each_chain_continues_from_its_own_devices_latest_entry_whatever_follows_it(tmp_path):
    engine = sqlcipher_engine(tmp_path / "db", new_database_key())
    migrate.upgrade(engine)
    for device in (OURS, OURS, OTHER, OURS, OTHER):  # the other device's entry is the last row
        consult(engine, device, str(uuid.uuid4()))
    with engine.connect() as conn:
        rows = list(Reader(conn).audit_rows())
        ours = latest_entry(conn, OURS)
    assert verify(rows) == (5, None)  # both chains unbroken, each continued from its own latest entry
    assert ours == (rows[3].seq, rows[3].hash)
    # A restore's catch-up reports this device's latest entry, not the log's last row.
    assert ProfileDatabase(engine).append_audit([], {}, OURS) == rows[3].seq
    assert ProfileDatabase(engine).audit_hashes(OURS, after=rows[0].seq) == {
        rows[1].seq: rows[1].hash,
        rows[3].seq: rows[3].hash,
    }
    engine.dispose()


def test_where_a_chain_stands_is_read_along_the_logs_key_with_no_index_and_no_sort(opened):
    engine = opened.engine
    consult(engine, opened.device_id, str(uuid.uuid4()))
    with audit_reads(engine) as reads:
        consult(engine, opened.device_id, str(uuid.uuid4()))  # where the chain stands
        LocalSync(opened).outgoing(10)  # the entries not yet pushed
        ProfileDatabase(engine).append_audit([], {}, opened.device_id)  # a restore's catch-up
        ProfileDatabase(engine).audit_hashes(opened.device_id, after=1)
    assert len(reads) == 4
    for sql, params in reads:
        (step,) = plan(engine, sql, params)  # one step: no temporary B-tree sorting the log
        assert step in ("SCAN audit_log", "SEARCH audit_log USING INTEGER PRIMARY KEY (rowid>?)"), sql
    with engine.connect() as conn:
        indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(audit_log)")}
    assert indexes == {"ix_audit_record"}  # a record's history
