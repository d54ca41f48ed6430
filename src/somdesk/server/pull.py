"""Pull on the central store: the rows after a cursor that a user's scope holds, the cases that left it,
the open conflicts, over one connection. No HTTP."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from string import Formatter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Text,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB, aggregate_order_by
from sqlalchemy.sql.expression import Executable
from sqlalchemy.sql.util import ClauseAdapter

from somdesk.contract.sync import RECORDS_LAST, Conflict, Manifest
from somdesk.domain.model import RiskLevel
from somdesk.domain.policy_text import PolicyFileError, parse_policy
from somdesk.domain.records import NOMINALS, Holder, record_types
from somdesk.domain.roles import Capability
from somdesk.server.scope import Scope, staff_tables
from somdesk.server.tables import change_counter, conflicts, departures, policy, records

__all__ = ["cases", "latest", "manifest", "policy_hash", "pull", "served_conflict"]

PRIORITY_LEVELS = (RiskLevel.HIGH, RiskLevel.VERY_HIGH)  # sent first to a new device
SMALL_PAGE = 1000  # records: a page this size sorts within PostgreSQL's default work_mem (4 MB)
# What a page needs of a record, and the columns its scope is decided on.
_CASE_COLUMNS = (
    "id",
    "table_name",
    "version",
    "deleted",
    "data",
    "nominal_id",
    "officer_id",
    "area",
    "mappa_level",
)
# One record of a page, the one owner of its format: formatted in Python (`_served`) or, on PostgreSQL,
# concatenated in SQL from the same pieces (`_assembled`). Ids and table names are pasted as they are
# (ours: uuids and record type names), the stored data as its JSON text.
RECORD = '{{"t":"{table_name}","id":"{id}","v":{version},"x":{deleted},"d":{data}}}'


def served_conflict(row: Mapping[Any, Any]) -> Conflict:
    """A row of the conflicts table as the contract serves it."""
    return {
        "id": row["id"], "table": row["table_name"], "record_id": row["record_id"], "field": row["field"],
        "theirs": json.loads(row["theirs"]), "mine": json.loads(row["mine"]),
        "base_version": row["base_version"], "username": row["username"],
        "created_at": row["created_at"].isoformat(),
    }  # fmt: skip


def latest(conn: Connection) -> int:
    return int(conn.execute(select(change_counter.c.seq).where(change_counter.c.id == 1)).scalar_one())


def policy_hash(conn: Connection) -> str:
    return conn.execute(select(policy.c.hash).where(policy.c.id == 1)).scalar() or ""


def pull(conn: Connection, scope: Scope, cursor: int, limit: int) -> bytes:
    """One page as JSON bytes: {"gone": [...], "cursor": n, "more": bool, "conflicts": [...] (on the
    last page), "policy_hash": "...", "scope": fingerprint, "records": [...]}. Stored JSON is pasted,
    not parsed; the records come last, so a device reads the rest without them (contract.sync.received)."""
    # one read for the three: an empty page (most pulls) is a few round trips in all
    top, purged, hash_now = conn.execute(_STATE).one()
    if 0 < cursor < purged:
        # Departures after the cursor were purged: the device cannot know which cases left it.
        resync: dict[str, Any] = {"gone": [], "cursor": cursor, "more": False, "conflicts": [],
                                  "policy_hash": hash_now or "", "scope": scope.fingerprint(),
                                  "resync": True}  # fmt: skip
        return _page(resync, "")
    if limit > SMALL_PAGE:
        # The aggregate sorts its input, the records' text with it: a page (about 5 MB at 10,000 records)
        # spills to disk at the default 4 MB of work_mem, which took about a third of its time.
        _big_page(conn)
    page = _kept(conn, "page", scope, lambda: _records_statement(conn, _after_cursor(scope)))
    count, last, body = _records(conn, page, {"cursor": cursor, "limit": limit, **scope.bound()})
    more = count == limit
    upto = last if more else top
    gone = _gone(conn, scope, cursor, upto) if cursor > 0 else []
    open_conflicts = [] if more else _open_conflicts(conn, scope)
    tail = {"gone": gone, "cursor": upto, "more": more, "conflicts": open_conflicts,
            "policy_hash": hash_now or "", "scope": scope.fingerprint()}  # fmt: skip
    return _page(tail, body)


# The change number, purge mark and policy hash, read together at every pull.
_STATE = select(
    change_counter.c.seq,
    change_counter.c.purged_upto,
    select(policy.c.hash).where(policy.c.id == 1).scalar_subquery(),
).where(change_counter.c.id == 1)

# Statements kept by what they are, the scope's shape and who assembles the page: a pull's statements
# are the same for every scope of a shape but its values (Scope.bound), and building them with
# SQLAlchemy at each pull was over half a pull's time under the national soak (docs/PERFORMANCE.md).
_statements: dict[tuple[object, ...], Executable] = {}


def _kept(conn: Connection, kind: str, scope: Scope, build: Callable[[], Executable]) -> Executable:
    key = (kind, scope.shape, _in_database(conn))
    found = _statements.get(key)
    if found is None:
        found = _statements[key] = build()  # a race builds the same statement twice: harmless
    return found


def _after_cursor(scope: Scope) -> Select[Any]:
    """The scope's records after the `cursor` parameter, in change order, at most `limit` of them."""
    return (
        select(records.c.id, records.c.table_name, records.c.version, records.c.deleted, records.c.data)
        .where(records.c.version > bindparam("cursor"), scope.clause())
        .order_by(records.c.version)
        .limit(bindparam("limit"))
    )


def _page(tail: dict[str, Any], records_text: str) -> bytes:
    text = json.dumps(tail, separators=(",", ":"))
    return (text[:-1] + RECORDS_LAST + records_text + "]}").encode()


def _big_page(conn: Connection) -> None:
    """Room for the page's aggregate to sort a page of up to 10,000 records in memory (PostgreSQL)."""
    if _in_database(conn):
        conn.exec_driver_sql("SET LOCAL work_mem = '32MB'")


def _records_statement(conn: Connection, query: Select[Any]) -> Select[Any]:
    """What `_records` runs for a query of (id, table_name, version, deleted, data) in change order: on
    PostgreSQL the records concatenated by the database (`_assembled`: faster than a Python object and
    a string per row), with their count and the last change number; elsewhere the query itself."""
    if not _in_database(conn):
        return query
    rows = query.subquery("page")
    return select(
        func.count(),
        func.max(rows.c.version),
        func.string_agg(_assembled(rows.c), aggregate_order_by(literal_column("','"), rows.c.version)),
    )


def _records(conn: Connection, statement: Executable, values: Mapping[str, Any]) -> tuple[int, int, str]:
    """The page's records as JSON text (comma-separated, in change order), how many and the last one's
    change number (0 for no record), by a `_records_statement` with these parameter values."""
    if _in_database(conn):
        count, last, joined = conn.execute(statement, values).one()
        return int(count), int(last or 0), joined or ""
    served = conn.execute(statement, values).all()
    return len(served), served[-1].version if served else 0, ",".join(_served(served))


def _in_database(conn: Connection) -> bool:
    """Whether the database assembles a page's records (PostgreSQL), or Python does (SQLite, tests)."""
    return conn.dialect.name == "postgresql"


def _served(rows: Sequence[Any]) -> list[str]:
    return [
        RECORD.format(
            table_name=r.table_name, id=r.id, version=r.version, deleted="true" if r.deleted else "false",
            data=r.data,
        )
        for r in rows
    ]  # fmt: skip


def _assembled(columns: Any) -> ColumnElement[str]:
    """RECORD as SQL over these columns: its text between fields as literals, `deleted` as true/false."""
    fields: dict[str, ColumnElement[Any]] = {
        "table_name": columns.table_name, "id": columns.id, "version": cast(columns.version, Text),
        "deleted": case((columns.deleted, "true"), else_="false"), "data": columns.data,
    }  # fmt: skip
    parts: list[ColumnElement[Any]] = []
    between = ""  # the text since the last field ("{{" comes apart from the text after it)
    for text, field, _spec, _conversion in Formatter().parse(RECORD):
        between += text
        if field:
            parts += [literal(between, Text), fields[field]] if between else [fields[field]]
            between = ""
    if between:
        parts.append(literal(between, Text))
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(part)
    return joined


def _field(conn: Connection, name: str) -> ColumnElement[Any]:
    """A field of the stored JSON text, read by the database (PostgreSQL's jsonb, SQLite's json1)."""
    if conn.dialect.name == "postgresql":
        found: ColumnElement[Any] = records.c.data.cast(JSONB)[name].astext
        return found
    return func.json_extract(records.c.data, f"$.{name}")


def _unassessed_first(conn: Connection) -> bool:
    """Whether the force policy prioritises an offender with no risk level yet as high or very high."""
    text = conn.execute(select(policy.c.text).where(policy.c.id == 1)).scalar()
    if text is None:
        return True  # the built-in policy: unassessed_risk = "high"
    try:
        return parse_policy(text, "the force policy").unassessed_risk in PRIORITY_LEVELS
    except PolicyFileError:
        return True


def manifest(conn: Connection, scope: Scope, today: date) -> Manifest:
    """Every offender record the scope holds, highest priority first: very high and high risk (and those
    with no level yet, when the policy treats them as high), then a visit planned this week (Monday to
    Sunday), then the rest; erased ones last. A device fetches their cases in this order (`cases`), so a
    new laptop holds what matters most within seconds."""
    top = latest(conn)
    monday = today - timedelta(days=today.weekday())
    week = (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    unassessed = _unassessed_first(conn)
    tiers: tuple[list[str], list[str], list[str], list[str]] = ([], [], [], [])
    for row in conn.execute(
        select(records.c.id, records.c.deleted, _field(conn, "risk_level"), _field(conn, "planned_visit"))
        .where(records.c.table_name == NOMINALS.name, scope.clause())
        .order_by(records.c.version)
    ):
        nid, deleted, level, planned = row
        if deleted:
            tiers[3].append(nid)
        elif (level is None and unassessed) or (level is not None and int(level) in PRIORITY_LEVELS):
            tiers[0].append(nid)
        elif planned is not None and week[0] <= str(planned)[:10] <= week[1]:
            tiers[1].append(nid)
        else:
            tiers[2].append(nid)
    panel = [r.name for r in record_types(Holder.PANEL)]
    meetings = conn.execute(
        select(records.c.id).where(records.c.table_name.in_(panel), scope.clause()).order_by(records.c.id)
    ).scalars()
    return {
        "latest": top, "scope": scope.fingerprint(), "cases": [*tiers[0], *tiers[1], *tiers[2], *tiers[3]],
        "priority": len(tiers[0]) + len(tiers[1]), "meetings": list(meetings),
    }  # fmt: skip


def cases(conn: Connection, scope: Scope, ids: Sequence[str], loose: bool) -> bytes:
    """A page of every record of these offenders (or meetings) the scope holds (an offender's own record
    carries its own id as `nominal_id`), and (`loose`) every record it holds of no offender: teams,
    officers, meetings.
    Its cursor is the latest change number: what changed after comes by the cursor pull."""
    top = latest(conn)
    which = [records.c.nominal_id.in_(list(ids)), records.c.id.in_(list(ids))] if ids else []
    if loose:
        which.append(records.c.nominal_id.is_(None))
    parts = ""
    if which:
        # The asked-for rows first (by the nominal and primary key indexes), then the scope over them:
        # left to itself the planner walks the whole scope for every chunk, which grows with its square.
        asked = (
            select(*(records.c[c] for c in _CASE_COLUMNS))
            .where(or_(*which))
            .cte("asked")
            .prefix_with("MATERIALIZED")
        )
        held = ClauseAdapter(asked).traverse(scope.clause())
        query = (
            select(asked.c.id, asked.c.table_name, asked.c.version, asked.c.deleted, asked.c.data)
            .where(held)
            .order_by(asked.c.version)
        )
        _big_page(conn)
        _count, _last, parts = _records(conn, _records_statement(conn, query), {})
    tail = {"gone": [], "cursor": top, "more": False, "conflicts": [], "policy_hash": policy_hash(conn),
            "scope": scope.fingerprint()}  # fmt: skip
    return _page(tail, parts)


def _gone(conn: Connection, scope: Scope, cursor: int, upto: int) -> list[str]:
    moves = conn.execute(_DEPARTURES, {"cursor": cursor, "upto": upto}).all()
    held_before = {m.nominal_id for m in moves if scope.holds(m.officer_id, m.area, m.mappa_level)}
    if not held_before:
        return []
    now_held = {
        r.id
        for r in conn.execute(
            select(records.c.id).where(records.c.id.in_(sorted(held_before)), scope.clause())
        )
    }
    return sorted(held_before - now_held)


_DEPARTURES = select(departures).where(
    departures.c.version > bindparam("cursor"), departures.c.version <= bindparam("upto")
)


def _open_conflicts(conn: Connection, scope: Scope) -> list[Conflict]:
    """The open conflicts on records the scope holds; those on teams and officers go to the administrator
    alone (every device holds staff records, and only the administrator may settle who is where)."""

    def build() -> Select[Any]:
        query = select(conflicts).join(records, records.c.id == conflicts.c.record_id)
        if not scope.may(Capability.MANAGE_TEAMS):
            query = query.where(records.c.table_name.not_in(staff_tables()))
        return query.where(conflicts.c.resolved_at.is_(None), scope.clause()).order_by(
            conflicts.c.created_at, conflicts.c.id
        )

    rows = conn.execute(_kept(conn, "conflicts", scope, build), scope.bound()).all()
    return [served_conflict(r._mapping) for r in rows]
