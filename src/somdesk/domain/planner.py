"""The visit planner: the home visits due in a chosen week, grouped by area and ordered for a round.

A round is worked area by area; inside an area, stops follow the postcode (outward code, then sector,
then unit), so neighbouring addresses come one after another. Overdue visits are listed whatever the
week, because they are still owed. No clock reads: the week and today are parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time, timedelta
from typing import NamedTuple

from somdesk.domain.status import CaseStatus
from somdesk.domain.text import tr
from somdesk.domain.words import counted

__all__ = ["RoundStop", "hhmm", "planned_time", "visit_round", "week_of"]


def week_of(day: date) -> date:
    """The Monday that starts `day`'s week."""
    return day - timedelta(days=day.weekday())


def planned_time(text: str | None) -> time | None:
    """A booked visit's start as the record holds it (HH:MM; records.FieldKind.TIME checked it)."""
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:  # not written by any path that checks: read as no time rather than fail the caseload
        return None


def hhmm(at: time) -> str:
    """A time as the record holds it (minutes; seconds are never booked)."""
    return f"{at.hour:02d}:{at.minute:02d}"


class RoundStop(NamedTuple):
    number: int  # place in the round, from 1
    status: CaseStatus
    area: str
    due: date | None
    planned: date | None
    overdue: bool
    reason: str  # why this visit is in this week
    planned_at: time | None = None  # the booked start, when a round booked one for `planned`

    @property
    def nominal_id(self) -> str:
        return self.status.case.nominal.id


_POSTCODE = re.compile(r"^\s*([A-Z]{1,2})(\d+)([A-Z]?)\s*(\d)([A-Z]{2})\s*$")


def postcode_key(postcode: str) -> tuple[str, int, str, int, str]:
    """Sort key that orders postcodes as a map does: ZZ2 before ZZ10; unreadable ones last."""
    m = _POSTCODE.match(postcode.upper())
    if m is None:
        return ("~", 0, "", 0, postcode)
    letters, district, suffix, sector, unit = m.groups()
    return (letters, int(district), suffix, int(sector), unit)


def _reason(s: CaseStatus, planned: date | None, monday: date, today: date) -> str:
    due = s.visit.due
    parts = []
    if due is not None and due < today:
        late = (today - due).days
        parts.append(tr("overdue by {0} (due {1:%a %d %b})").format(counted(late, tr("day")), due))
    elif due is not None and due <= monday + timedelta(days=6):
        parts.append(tr("due {0:%a %d %b}").format(due))
    if planned is not None:
        parts.append(tr("planned {0:%a %d %b}").format(planned))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def visit_round(
    statuses: Iterable[CaseStatus], monday: date, today: date, officer_id: str | None = None
) -> list[RoundStop]:
    """Visits owed by the end of the week starting `monday` (due then, overdue, or planned in it).

    `officer_id` keeps one SOM's caseload; None keeps every case given.
    """
    sunday = monday + timedelta(days=6)
    chosen = []
    for s in statuses:
        nominal = s.case.nominal
        if officer_id is not None and nominal.officer_id != officer_id:
            continue
        planned = s.case.planned_visit
        if planned is not None and planned > sunday:  # a missed plan from an earlier week still shows
            planned = None
        due = s.visit.due
        if (due is None or due > sunday) and planned is None:
            continue
        chosen.append((s, planned))

    def place(item: tuple[CaseStatus, date | None]) -> tuple[object, ...]:
        s, _ = item
        address = s.case.nominal.address
        if address is None:  # no fixed abode: met where arranged, listed last in the round
            return ("~", ("~", 0, "", 0, ""), "")
        return (address.area, postcode_key(address.postcode), address.line1)

    chosen.sort(key=place)
    return [
        RoundStop(
            i,
            s,
            s.case.nominal.area,
            s.visit.due,
            planned,
            s.visit.overdue,
            _reason(s, planned, monday, today),
            s.case.planned_time if planned is not None else None,
        )
        for i, (s, planned) in enumerate(chosen, 1)
    ]
