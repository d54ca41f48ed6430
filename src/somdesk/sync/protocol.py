"""What client and server agree on: the protocol number, the tables that sync and their fields.

Both sides import this module, so a field added to the local schema is known to the server at once;
the schema revision each side speaks is checked on every push and pull.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text

from somdesk.store.schema import (
    IsoDate,
    IsoDateTime,
    arms_assessments,
    nominals,
    occasions,
    officers,
    rm2000_assessments,
    teams,
    trips,
    visits,
)

__all__ = [
    "CHILD_TABLES",
    "COMPUTED",
    "MAX_BATCH",
    "MAX_PAGE",
    "MAX_TEXT",
    "PROTOCOL",
    "REQUIRED_FIELDS",
    "SCOPE_FIELDS",
    "STAFF_TABLES",
    "SYNCED_TABLES",
    "UNIQUE_FIELDS",
    "value_problem",
]

PROTOCOL = 1
MAX_BATCH = 500  # mutations per push
MAX_PAGE = 10_000  # records per pull page
MAX_TEXT = 20_000  # characters in one field's value

# Kept locally by triggers from the visits and assessments the device holds; never sent.
COMPUTED = frozenset({"last_seen_visit", "last_arms"})
_SERVER_OWNED = frozenset({"version"})

STAFF_TABLES = ("teams", "officers")  # every signed-in user holds these
CHILD_TABLES = ("sentencing_occasions", "foreign_trips", "visits", "arms_assessments", "rm2000_assessments")
# Fields unique among a table's records on every device (a UNIQUE column in the local schema).
UNIQUE_FIELDS = {"nominals": "visor_ref"}
# A nominal's fields that decide who may hold it (DESIGN.md §5 scopes).
SCOPE_FIELDS = ("officer_id", "area", "mappa_level")

_TABLES = (teams, officers, nominals, occasions, trips, visits, arms_assessments, rm2000_assessments)
SYNCED_TABLES: dict[str, frozenset[str]] = {
    t.name: frozenset(c.name for c in t.columns) - COMPUTED - _SERVER_OWNED for t in _TABLES
}
# What an insert must carry: a device writes every synced column, so a record without one of these
# (id and deleted aside: the record carries them) could never be written on any device.
REQUIRED_FIELDS: dict[str, frozenset[str]] = {
    t.name: frozenset(c.name for c in t.columns if not c.nullable)
    - COMPUTED
    - _SERVER_OWNED
    - {"id", "deleted"}
    for t in _TABLES
}


def _parses(read: Any, value: Any, longest: int) -> bool:
    if not isinstance(value, str) or len(value) > longest:
        return False
    try:
        read(value)
    except ValueError:
        return False
    return True


def _column_check(column: Any) -> Any:
    """A check for one column's values as JSON carries them; returns what is wrong, or ""."""
    kind, nullable = column.type, column.nullable

    def check(value: Any) -> str:
        if value is None:
            return "" if nullable else "is required"
        if isinstance(kind, IsoDate):
            return "" if _parses(date.fromisoformat, value, 10) else "must be a date (YYYY-MM-DD)"
        if isinstance(kind, IsoDateTime):
            return "" if _parses(datetime.fromisoformat, value, 32) else "must be a date and time (ISO 8601)"
        if isinstance(kind, Boolean):
            return "" if isinstance(value, bool) else "must be true or false"
        if isinstance(kind, Integer):
            ok = isinstance(value, int) and not isinstance(value, bool) and -(2**31) <= value < 2**31
            return "" if ok else "must be a whole number"
        if isinstance(kind, String | Text):
            if not isinstance(value, str):
                return "must be text"
            limit = getattr(kind, "length", None) or MAX_TEXT
            return "" if len(value) <= limit else f"must be at most {limit} characters"
        return ""

    return check


_CHECKS = {
    t.name: {c.name: _column_check(c) for c in t.columns if c.name in SYNCED_TABLES[t.name]}
    for t in (teams, officers, nominals, occasions, trips, visits, arms_assessments, rm2000_assessments)
}


def value_problem(table: str, field: str, value: Any) -> str:
    """What is wrong with `value` for `table.field` ("" if nothing): the central store refuses a change
    another device could not read back."""
    check = _CHECKS.get(table, {}).get(field)
    if check is None:
        return f"{table}.{field} does not sync"
    problem: str = check(value)
    return f"{field} {problem}" if problem else ""
