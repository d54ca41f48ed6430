"""Case records as plain rows for CSV export (issue 19): the civil orders in force and the breaches,
each row naming its person by ViSOR reference and officer, as the queues' rows do. No Qt, no SQL."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from somdesk.domain.breaches import Breach
from somdesk.domain.orders import in_force
from somdesk.domain.status import CaseStatus

__all__ = [
    "BREACH_COLUMNS",
    "ORDER_COLUMNS",
    "RECORD_EXPORTS",
    "RECORD_HEADINGS",
    "breach_rows",
    "in_scope",
    "order_rows",
]

# What `somdesk report csv` and the window's File menu export besides the queues and caseload figures.
RECORD_EXPORTS = ("orders", "breaches", "breaches-all")
ORDER_COLUMNS = [
    "name", "visor_ref", "officer", "order", "court", "made", "ends", "next_review", "terms",
]  # fmt: skip
BREACH_COLUMNS = [
    "name", "visor_ref", "officer", "breach", "details", "found_on", "found_by", "action", "outcome",
    "outcome_on",
]  # fmt: skip
RECORD_HEADINGS = {
    "order": "Order",
    "court": "Court",
    "made": "Made on",
    "ends": "Last day in force",
    "next_review": "Next review",
    "terms": "Terms",
    "breach": "What was breached",
    "details": "Details",
    "found_on": "Found on",
    "found_by": "Found by",
    "action": "Action",
    "outcome": "Outcome",
    "outcome_on": "Outcome on",
}


def in_scope(statuses: Iterable[CaseStatus], officer_id: str | None) -> list[CaseStatus]:
    """The cases an export covers: `officer_id`'s own when given (a SOM's), else all held."""
    return [s for s in statuses if officer_id is None or s.case.nominal.officer_id == officer_id]


def _person(s: CaseStatus, officers: Mapping[str, str]) -> dict[str, Any]:
    n = s.case.nominal
    return {"name": n.display_name, "visor_ref": n.visor_ref, "officer": officers.get(n.officer_id or "", "")}


def order_rows(
    statuses: Sequence[CaseStatus], officers: Mapping[str, str], terms: Mapping[str, int], today: date
) -> list[dict[str, Any]]:
    """Every civil order in force today, by name then date made; an order with no end date says
    "until further order" (or "not recorded" when the record says neither), `terms` counted by the
    order's id."""
    rows = []
    for s in statuses:
        for o in s.case.nominal.orders:
            if not in_force(o, today):
                continue
            ends = o.ends_on or ("until further order" if o.until_further_order else "not recorded")
            rows.append(
                {
                    **_person(s, officers),
                    "order": o.kind.label,
                    "court": o.court,
                    "made": o.made_on,
                    "ends": ends,
                    "next_review": o.next_review,
                    "terms": terms.get(o.id, 0),
                }
            )
    rows.sort(key=lambda r: (r["name"].casefold(), r["visor_ref"], r["made"]))
    return rows


def breach_rows(
    statuses: Sequence[CaseStatus],
    officers: Mapping[str, str],
    breaches: Mapping[str, Sequence[Breach]],
    year: int | None,
) -> list[dict[str, Any]]:
    """The breaches of these cases found in `year` (every one when None), latest found first."""
    rows = []
    for s in statuses:
        for b in breaches.get(s.case.nominal.id, ()):
            if year is not None and b.found_on.year != year:
                continue
            rows.append(
                {
                    **_person(s, officers),
                    "breach": b.kind.label,
                    "details": b.details,
                    "found_on": b.found_on,
                    "found_by": b.found_by,
                    "action": b.action.label,
                    "outcome": b.outcome,
                    "outcome_on": b.outcome_on,
                }
            )
    rows.sort(key=lambda r: r["name"].casefold())
    rows.sort(key=lambda r: r["found_on"], reverse=True)  # stable: namesakes of a day stay by name
    return rows
