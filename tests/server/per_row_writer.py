"""The replica writer as it was before pages were written by SQLCipher from their JSON (main at
c10a73d, store/replica.py `_write`): rows bound one by one from Python, with the per-row triggers
on. Kept here, frozen, only as the reference the new writer is compared with (tests) and timed against
(bench/bench_firstsync.py); nothing in the application uses it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from somdesk.contract.sync import ServedRecord
from somdesk.domain.records import Holder, record_type, record_types
from somdesk.store import pulled
from somdesk.store.replica import LocalSync

KEPT_MARK = " (refused: held by another record)"
LATEST_SEEN = (
    "(SELECT substr(max(v.at), 1, 10) FROM visits v WHERE v.nominal_id = nominals.id "
    "AND v.outcome = 'seen' AND v.deleted = 0)"
)
LATEST_ARMS = (
    "(SELECT max(a.completed_on) FROM arms_assessments a WHERE a.nominal_id = nominals.id AND a.deleted = 0)"
)


def _upsert_sql(table: str) -> tuple[str, list[str]]:
    record = record_type(table)
    assert record is not None
    names = [*sorted(record.synced), "version"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in names if c != "id")
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
    return sql, names


def _make_way(conn: Connection, table: str, unique: str, rows: Sequence[ServedRecord]) -> None:
    values = {r["d"].get(unique): r["id"] for r in rows if isinstance(r["d"].get(unique), str)}
    if not values:
        return
    conn.exec_driver_sql(
        f"UPDATE {table} SET {unique} = substr({unique}, 1, 60) || ? || substr(id, 1, 8) "
        f"WHERE {unique} IN (SELECT key FROM json_each(?)) "
        f"AND id NOT IN (SELECT value FROM json_each(?)) "
        "AND id IN (SELECT record_id FROM sync_rejections)",
        (KEPT_MARK + " ", json.dumps(values), json.dumps(list(values.values()))),
    )


def write_per_row(conn: Connection, rows: Sequence[ServedRecord]) -> None:
    """The old `_write`: make way for unique values, upsert row by row, recompute the page's offenders,
    keep pending changes on top."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        grouped[r["t"]].append(r)
    for record in record_types():
        batch = grouped.get(record.name)
        if not batch:
            continue
        if record.unique is not None:
            _make_way(conn, record.name, record.unique, batch)
        sql, columns = _upsert_sql(record.name)
        row_of = itemgetter(*columns)
        params = []
        for r in batch:
            data = r["d"]
            data["deleted"] = r["x"]
            data["version"] = r["v"]
            try:
                params.append(row_of(data))
            except KeyError:
                params.append(tuple(data.get(c) for c in columns))
        conn.exec_driver_sql(sql, params)
    nominal_ids = [r["id"] for c in record_types(Holder.CASE) for r in grouped.get(c.name, ())]
    if nominal_ids:
        conn.exec_driver_sql(
            f"UPDATE nominals SET last_seen_visit = {LATEST_SEEN}, last_arms = {LATEST_ARMS} "
            f"WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(nominal_ids),),
        )
    pending = conn.exec_driver_sql(
        "SELECT table_name, record_id, payload FROM sync_outbox WHERE operation = 'update' "
        "AND record_id IN (SELECT value FROM json_each(?)) ORDER BY seq",
        (json.dumps([r["id"] for r in rows]),),
    ).all()
    for table, record_id, payload in pending:
        record = record_type(table)
        synced = record.synced if record is not None else frozenset()
        fields = {k: v for k, v in json.loads(payload).items() if k in synced}
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?", (*fields.values(), record_id))


class PerRowSync(LocalSync):
    """A device writing pages the old way (the page parsed in Python, rows bound one by one, the
    triggers on); everything else (purges, conflicts, cursor) as now."""

    def _write(self, conn: Connection, page: str) -> tuple[int, frozenset[str] | None]:
        pulled.load(conn, page)  # what the rest of apply_page reads the page from
        rows = json.loads(page)["records"]
        write_per_row(conn, rows)
        return len(rows), pulled.touched_offenders(conn)
