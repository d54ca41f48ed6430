"""Planned visits as an iCalendar (.ics) file, for a calendar on the officer's own device.

A visit booked for a day only is an all-day event. A visit a round booked for a time is a timed event
from its start to the end of the visit's length (the force policy's minutes for its risk level), in the
Europe/London zone with its VTIMEZONE carried in the file: a calendar app then shows 10:00 as 10:00
local time on either side of the clock change, which a floating time or a UTC time would not
guarantee (a floating time moves with a phone that travels; UTC needs converting correctly by every app).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from somdesk.domain.model import RiskLevel
from somdesk.domain.planner import RoundStop
from somdesk.reports.labels import label
from somdesk.reports.language import tr

__all__ = ["UK_ZONE", "visits_calendar"]

UK_ZONE = ZoneInfo("Europe/London")  # every force somdesk serves is in England and Wales


def visits_calendar(
    stops: Sequence[RoundStop],
    officer: str,
    marking: str,
    made_at: datetime,
    leave_out_addresses: bool,
    visit_minutes: Mapping[RiskLevel, int],
) -> bytes:
    """One event per booked visit (the stops with a planned date), marked in its description: timed
    when a round booked a start, all day otherwise. `visit_minutes`: a visit's length by risk level."""
    cal = Calendar()
    cal.add("prodid", "-//somdesk//visit plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", tr("Home visits: {0}").format(officer))
    for stop in stops:
        if stop.planned is None:
            continue
        n = stop.status.case.nominal
        event = Event()
        event.add("uid", f"visit-{n.id}-{stop.planned.isoformat()}@somdesk")
        event.add("dtstamp", made_at)
        if stop.planned_at is None:
            event.add("dtstart", stop.planned)
            event.add("dtend", stop.planned + timedelta(days=1))
        else:
            start = datetime.combine(stop.planned, stop.planned_at, tzinfo=UK_ZONE)
            # Wall-clock arithmetic: a visit is its minutes long on the clock the officer reads.
            end = start + timedelta(minutes=visit_minutes.get(stop.status.risk, 60))
            event.add("dtstart", start)
            event.add("dtend", end)
        event.add(
            "summary", tr("Home visit: {name} ({visor})").format(name=n.display_name, visor=n.visor_ref)
        )
        a = n.address
        if not leave_out_addresses and a is not None:
            event.add("location", f"{a.line1}, {a.town} {a.postcode}")
        event.add(
            "description", f"{marking}\n{stop.reason}\n" + tr("Risk: {0}").format(label(stop.status.risk))
        )
        event.add("class", "CONFIDENTIAL")
        cal.add_component(event)
    cal.add_missing_timezones()  # the VTIMEZONE for Europe/London, when a timed event uses it
    return bytes(cal.to_ical())
