"""Planned visits as an iCalendar (.ics) file, for a calendar on the officer's own device."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from somdesk.domain.planner import RoundStop

__all__ = ["visits_calendar"]


def visits_calendar(
    stops: Sequence[RoundStop], officer: str, marking: str, made_at: datetime, leave_out_addresses: bool
) -> bytes:
    """One all-day event per booked visit (the stops with a planned date), marked in its description."""
    cal = Calendar()
    cal.add("prodid", "-//somdesk//visit plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Home visits: {officer}")
    for stop in stops:
        if stop.planned is None:
            continue
        n = stop.status.case.nominal
        event = Event()
        event.add("uid", f"visit-{n.id}-{stop.planned.isoformat()}@somdesk")
        event.add("dtstamp", made_at)
        event.add("dtstart", stop.planned)
        event.add("dtend", stop.planned + timedelta(days=1))
        event.add("summary", f"Home visit: {n.display_name} ({n.visor_ref})")
        a = n.address
        if not leave_out_addresses and a is not None:
            event.add("location", f"{a.line1}, {a.town} {a.postcode}")
        event.add("description", f"{marking}\n{stop.reason}\nRisk: {stop.status.risk.label}")
        event.add("class", "CONFIDENTIAL")
        cal.add_component(event)
    return bytes(cal.to_ical())
