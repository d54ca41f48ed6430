"""The registration's notification dates kept on each nominal (domain/kept_dates.py; migration 0028).

The store keeps the domain's result, never the rule: rows are read into `RegistrationDates` with the rule
they were worked out under, and the dates the domain works out for rows without them (new, changed, or
kept under another rule) are written back in the transaction that read them. The triggers of migration
0028 empty `kept_rule` when an input changes, whoever writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from somdesk.domain.kept_dates import RegistrationDates

__all__ = ["KEPT_COLUMNS", "keep", "kept_from_row"]

KEPT_COLUMNS = (
    "kept_rule",
    "kept_last_day",
    "kept_initial",
    "kept_unmoved",
    "kept_periodic",
    "kept_start_unknown",
    "kept_review",
)
_fromiso = date.fromisoformat


def kept_from_row(values: Sequence[Any]) -> RegistrationDates | None:
    """KEPT_COLUMNS' values (ISO text, as a raw query gives them) as the domain's value; None if not kept."""
    rule, last_day, initial, unmoved, periodic, start_unknown, review = values
    if rule is None:
        return None
    return RegistrationDates(
        rule,
        _fromiso(last_day) if last_day else None,
        _fromiso(initial) if initial else None,
        _fromiso(unmoved) if unmoved else None,
        _fromiso(periodic) if periodic else None,
        bool(start_unknown),
        _fromiso(review) if review else None,
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _values(d: RegistrationDates) -> tuple[Any, ...]:
    iso = _iso
    return (d.rule, iso(d.last_day), iso(d.initial), iso(d.unmoved), iso(d.periodic), d.start_unknown,
            iso(d.review))  # fmt: skip


def keep(conn: Connection, worked_out: Sequence[tuple[str, RegistrationDates]]) -> bool:
    """Write freshly worked-out dates (by nominal id) in the transaction that read their inputs, and commit.

    If another connection wrote since that read began, SQLite refuses to upgrade the read to a write
    (the inputs may have changed), and while one is writing this does not wait for it: nothing is kept,
    and the next read works them out again. Returns whether they were kept."""
    if not worked_out:
        return True
    raw = conn.connection.driver_connection
    assert raw is not None
    waits = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute("PRAGMA busy_timeout = 0")  # never wait on sync's writes: they are worked out next time
    try:
        conn.exec_driver_sql(
            f"UPDATE nominals SET {', '.join(f'{c} = ?' for c in KEPT_COLUMNS)} WHERE id = ?",
            [(*_values(d), nominal_id) for nominal_id, d in worked_out],
        )
        conn.commit()
    except OperationalError:  # busy, or the read's snapshot is out of date
        conn.rollback()
        return False
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(waits)}")
    return True
