"""The rows of a pulled page, written by SQLCipher from the page's JSON text: no Python object per record
and no Python work per row, so the interpreter lock stays free (for the next page's fetch) while the
page is written.

A page's records are `{"t": table, "id": ..., "v": version, "x": deleted, "d": {field: value}}` in a
JSON array at `$.records` (contract.sync.ServedRecord). The text is parsed once, into the connection's
scratch table `temp.pulled` (each record's data as JSONB, read without parsing again: `jsonb_each` and
`jsonb_extract`, since `json_each` hands each record back as text, parsed again by every `->>`, which
made loading a page 4-5 times slower); each declared type
is then one `INSERT ... SELECT ... ON CONFLICT(id) DO UPDATE` from it, parents first. The per-row
triggers that keep the computed fields of offender records are suspended while the rows go in (they
cost a nominal update per row), and the fields are recomputed once for every offender the page touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Connection

from somdesk.domain.records import NOMINALS, Holder, RecordType, record_types

__all__ = ["PULLED", "load", "removes", "tables", "write_rows"]

PULLED = "temp.pulled"  # the page being written: n (its place on the page), t, id, v, x, d (JSONB)
LATEST_SEEN = (
    "(SELECT substr(max(v.at), 1, 10) FROM visits v WHERE v.nominal_id = nominals.id "
    "AND v.outcome = 'seen' AND v.deleted = 0)"
)
LATEST_ARMS = (
    "(SELECT max(a.completed_on) FROM arms_assessments a WHERE a.nominal_id = nominals.id AND a.deleted = 0)"
)
# The tables whose rows the computed fields of offender records follow from, and those fields.
DERIVED_FROM = ("visits", "arms_assessments")
RECOMPUTED = ("last_seen_visit", "last_arms")


def load(conn: Connection, page: str) -> int:
    """The page's records (JSON text) into `temp.pulled`, in page order. Returns how many."""
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS pulled "
        "(n INTEGER PRIMARY KEY, t TEXT NOT NULL, id TEXT NOT NULL, v INTEGER, x INTEGER, d BLOB)"
    )
    conn.exec_driver_sql(f"DELETE FROM {PULLED}")
    return int(
        conn.exec_driver_sql(
            f"INSERT INTO {PULLED} (t, id, v, x, d) SELECT value ->> 't', value ->> 'id', value ->> 'v', "
            "value ->> 'x', jsonb_extract(value, '$.d') FROM jsonb_each(?, '$.records')",
            (page,),
        ).rowcount
    )


def tables(conn: Connection) -> set[str]:
    """The tables the loaded page writes to."""
    return {t for (t,) in conn.exec_driver_sql(f"SELECT DISTINCT t FROM {PULLED}")}


def removes(conn: Connection, table: str) -> bool:
    """Whether the loaded page marks a record of `table` removed."""
    found = conn.exec_driver_sql(f"SELECT 1 FROM {PULLED} WHERE t = ? AND x LIMIT 1", (table,)).first()
    return found is not None


def _source(column: str) -> str:
    """Where a column's value sits in one record: the wire's deleted flag and version are the record's
    own, everything else is in its data (a field the data lacks is NULL, as it was for a row written
    before the field existed)."""
    return {"deleted": "x", "version": "v"}.get(column, f"d ->> '{column}'")


@cache
def _insert_sql(record: RecordType) -> str:
    """One statement per declared type, made the first time a page holds one."""
    names = [*sorted(record.synced), "version"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in names if c != "id")
    return (
        f"INSERT INTO {record.name} ({', '.join(names)}) "
        f"SELECT {', '.join(_source(c) for c in names)} FROM {PULLED} WHERE t = ? ORDER BY n "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


def write_rows(conn: Connection, written: set[str]) -> frozenset[str] | None:
    """Upsert every loaded record into its table (`written`: the page's tables), parents first, with the
    computed fields of the offenders it touched brought up to date. Returns those offenders
    (`touched_offenders`)."""
    before = _touched_before(conn, written)
    with _suspended_triggers(conn, written):
        for record in record_types():  # parents first
            if record.name in written:
                conn.exec_driver_sql(_insert_sql(record), (record.name,))
    _recompute_latest(conn, before)
    return touched_offenders(conn, before)


def touched_offenders(conn: Connection, before: Sequence[str] = ()) -> frozenset[str] | None:
    """The offenders whose cases the loaded page changes (the window evaluates only those again): an
    offender record's own id, any other record's holder, and `before` (a moved row's earlier holder).
    None when the page holds a record that belongs to no offender (an officer, a team, a meeting): then
    everything is read again."""
    ids = set(before)
    holders = conn.exec_driver_sql(
        f"SELECT DISTINCT CASE WHEN t = '{NOMINALS.name}' THEN id ELSE d ->> 'nominal_id' END FROM {PULLED}"
    )
    for (holder,) in holders:
        if not isinstance(holder, str):
            return None
        ids.add(holder)
    return frozenset(ids)


def _touched_before(conn: Connection, written: set[str]) -> list[str]:
    """The offenders whose computed fields the page may change, as they were before it is written: a
    row moved from one offender to another changes both (the old one's is only known now)."""
    old = [
        f"SELECT nominal_id FROM {table} WHERE id IN (SELECT id FROM {PULLED} WHERE t = '{table}')"
        for table in DERIVED_FROM
        if table in written
    ]
    if not old:
        return []
    return [n for (n,) in conn.exec_driver_sql(" UNION ".join(old)) if n is not None]


def _recompute_latest(conn: Connection, before: list[str]) -> None:
    """One update of the computed fields of every offender on the page, every offender a page row of a
    table they follow from belongs to, and `before`: what the triggers do row by row."""
    cases = ", ".join(f"'{c.name}'" for c in record_types(Holder.CASE))
    derived = ", ".join(f"'{t}'" for t in DERIVED_FROM)
    conn.exec_driver_sql(
        f"UPDATE nominals SET {RECOMPUTED[0]} = {LATEST_SEEN}, {RECOMPUTED[1]} = {LATEST_ARMS} WHERE id IN ("
        f"SELECT id FROM {PULLED} WHERE t IN ({cases}) "
        f"UNION SELECT d ->> 'nominal_id' FROM {PULLED} WHERE t IN ({derived}) "
        "UNION SELECT value FROM json_each(?))",
        (json.dumps(before),),
    )


@contextmanager
def _suspended_triggers(conn: Connection, written: set[str]) -> Iterator[None]:
    """The triggers that keep the fields recomputed here (and only those: any other trigger on these
    tables still fires row by row), dropped for the block and made again from their own stored text,
    inside the caller's transaction, so no commit ever lacks one; no copy of a trigger is kept here."""
    tables = sorted(t for t in DERIVED_FROM if t in written)
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN (SELECT value FROM json_each(?1)) "
        "AND EXISTS (SELECT 1 FROM json_each(?2) WHERE instr(sql, value)) ORDER BY name",
        (json.dumps(tables), json.dumps(RECOMPUTED)),
    ).all()
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield  # a failure leaves the caller's transaction to roll back, the drops with it
    for _name, sql in found:
        conn.exec_driver_sql(sql)
