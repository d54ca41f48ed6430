"""Two officers at a home visit (DOMAIN.md §4): a lone visit is "contrary to authorised professional
practice" (it exposes the officer to grooming) unless it is an exception recorded with the visit, with
its reason and the supervisor who authorised it; the force policy says whether exceptions are allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from somdesk.domain.dates import add_months
from somdesk.domain.model import Visit

__all__ = ["LoneCounts", "attendance_problems", "is_lone", "lone_counts", "officers_present"]

_REASON, _BY = "Reason for a lone visit", "Authorised by"


def officers_present(visit: Visit) -> list[str]:
    """The officers named, each once (a name typed twice is one officer), in the order given."""
    seen: dict[str, str] = {}
    for name in visit.officers:
        if name.strip():
            seen.setdefault(" ".join(name.split()).casefold(), name.strip())
    return list(seen.values())


def is_lone(visit: Visit) -> bool:
    """Fewer than two officers attended."""
    return len(officers_present(visit)) < 2


def attendance_problems(visit: Visit, exceptions_allowed: bool = True) -> list[tuple[str, str, str]]:
    """What is wrong with who attended, as (field, label, message): two officers, or (where the force
    allows it) one with the exception's reason and the supervisor who authorised it, who is not the
    officer who went alone. An exception is only for a lone visit. (No officer at all is
    invariants.visit_problems' own problem.)"""
    present = officers_present(visit)
    reason, by = visit.lone_reason.strip(), visit.lone_authorised_by.strip()
    if len(present) >= 2:
        out = []
        if reason:
            out.append(("lone_reason", _REASON, "two officers attended: a lone visit's reason is not needed"))
        if by:
            out.append(("lone_authorised_by", _BY, "two officers attended: no exception to authorise"))
        return out
    if not present:
        return []
    if not exceptions_allowed:
        return [
            ("officers", "Officers", "two officers attend a home visit (force policy allows no exception): "
             "name the second officer")
        ]  # fmt: skip
    out = []
    if not reason:
        out.append(
            ("lone_reason", _REASON, "two officers attend a home visit: name the second officer, or give "
             "the reason for the exception")
        )  # fmt: skip
    if not by:
        out.append(("lone_authorised_by", _BY, "name the supervisor who authorised the lone visit"))
    elif " ".join(by.split()).casefold() == " ".join(present[0].split()).casefold():
        out.append(("lone_authorised_by", _BY, "the officer who went alone cannot authorise their own visit"))
    return out


class LoneCounts(NamedTuple):
    """Visits attended by fewer than two officers: this calendar year and the last 12 months."""

    this_year: int
    last_12_months: int
    visits_12_months: int  # every visit in the last 12 months, to read the count against


def lone_counts(visits: Iterable[Visit], today: date) -> LoneCounts:
    """Lone visits made this year (from 1 January) and in the 12 months up to today."""
    year_start, since = date(today.year, 1, 1), add_months(today, -12)
    this_year = last = total = 0
    for v in visits:
        day = v.at.date()
        if day > today:
            continue
        lone = is_lone(v)
        if day >= year_start:
            this_year += lone
        if day > since:
            total += 1
            last += lone
    return LoneCounts(this_year, last, total)
