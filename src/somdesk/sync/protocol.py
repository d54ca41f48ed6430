"""What client and server agree on: the protocol number, the tables that sync and their fields.

Both sides import this module, so a field added to the local schema is known to the server at once;
the schema revision each side speaks is checked on every push and pull.
"""

from __future__ import annotations

from somdesk.store.schema import (
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
    "SCOPE_FIELDS",
    "STAFF_TABLES",
    "SYNCED_TABLES",
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
# A nominal's fields that decide who may hold it (DESIGN.md §5 scopes).
SCOPE_FIELDS = ("officer_id", "area", "mappa_level")

SYNCED_TABLES: dict[str, frozenset[str]] = {
    t.name: frozenset(c.name for c in t.columns) - COMPUTED - _SERVER_OWNED
    for t in (teams, officers, nominals, occasions, trips, visits, arms_assessments, rm2000_assessments)
}
