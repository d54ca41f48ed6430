"""A unit of work's statements stay prepared on a connection that has run many others.

sqlcipher3's statement cache evicts its least-used entry, which is the newest: with the driver's default
of 128, a connection that had run 128 statements twice each compiled every new statement again at
each use (a visit's INSERT with its triggers among them); and SQLCipher's SQLite compiles a statement
with a bound `LIMIT ?` again at every run (the audit chain's latest entry, read by every unit of work).
SQLite calls the authorizer only while it compiles a statement, so a unit of work that calls it had a
statement prepared afresh.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.store import migrate
from somdesk.store.engine import sqlcipher_engine
from somdesk.store.keys import new_database_key
from somdesk.store.uow import UnitOfWork

DEVICE = "0d5c1d62-5b0a-4f7e-9a57-55a4d0d1c0de"


def clock() -> datetime:
    return datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def visit(nominal_id: str, n: int) -> Visit:
    return Visit(nominal_id, datetime(2026, 11, 23, 10), VisitOutcome.SEEN, notes=f"visit {n}")


def test_a_visit_s_statements_are_not_compiled_again_after_many_others(tmp_path: Path, force: Any) -> None:
    engine = sqlcipher_engine(tmp_path / "cache.db", new_database_key())
    try:
        migrate.upgrade(engine)
        with UnitOfWork(engine, DEVICE, "dc.test", True, clock) as uow:
            uow.import_force(force.teams, force.officers, force.cases, force.visits, force.arms, "test")
        nominal = force.cases[0].nominal.id
        with engine.connect() as conn:  # the pool hands this same connection to each unit of work
            for _ in range(2):  # 300 other statements, each run twice: the cache's counts all at 2
                for n in range(300):
                    conn.exec_driver_sql(f"SELECT {n} FROM somdesk_meta LIMIT 1").all()
        compiled: list[Any] = []
        with engine.connect() as conn:
            raw: Any = conn.connection.dbapi_connection
            # 0: SQLITE_OK. Setting an authorizer expires every prepared statement (SQLite's own rule).
            raw.set_authorizer(lambda *a: compiled.append(a) or 0)
        with UnitOfWork(engine, DEVICE, "dc.test", True, clock) as uow:  # a first visit prepares them
            uow.add_visit(visit(nominal, 0))
        compiled.clear()
        for n in range(1, 6):
            with UnitOfWork(engine, DEVICE, "dc.test", True, clock) as uow:
                uow.add_visit(visit(nominal, n))
        raw.set_authorizer(None)
        # The driver's commit() prepares its COMMIT afresh every time (a few microseconds): not counted.
        compiled = [call for call in compiled if call[:2] != (22, "COMMIT")]
        assert compiled == [], f"{len(compiled)} authorizer calls, first {compiled[:3]}"
    finally:
        engine.dispose()
