"""Booking a round: each placed visit's day and start time, as changes to the cases.

A plan is made from the caseload as it was read; by the time the officer books it, another device may
have booked one of its visits (a colleague, synced in meanwhile) or the case may have left the
caseload. Such a visit is left as it is and named, never overwritten: the booking says what it did.
No clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from typing import NamedTuple

from somdesk.domain.rounds import RoundPlan
from somdesk.domain.text import day_text, tr

__all__ = ["Booked", "Booking", "booking_conflict", "bookings_of", "unique_bookings"]


class Booking(NamedTuple):
    """One visit to book: the day and start a round gave it, and the booking it had when planned."""

    nominal_id: str
    day: date
    at: time
    was: tuple[date | None, time | None]  # (planned day, planned time) when the plan was made


class Booked(NamedTuple):
    """What booking a round did."""

    booked: tuple[str, ...]  # nominal ids booked (or already booked so: nothing changed)
    left: tuple[tuple[str, str], ...]  # (nominal id, why it was left as it is)


def bookings_of(plan: RoundPlan, held: Mapping[str, tuple[date | None, time | None]]) -> list[Booking]:
    """A booking for every stop of `plan`, in round order, with the booking each case had (`held`)."""
    # Booked to the minute, as the record holds it: an arrival at 10:11:12 is booked for 10:11.
    return [
        Booking(
            s.nominal_id,
            d.shift.day,
            s.arrive.replace(second=0, microsecond=0),
            held.get(s.nominal_id, (None, None)),
        )
        for d in plan.days
        for s in d.stops
    ]


def booking_conflict(booking: Booking, now_held: tuple[date | None, time | None] | None) -> str:
    """Why `booking` must not be written ("" if it may): the case is gone, or its booking changed
    since the plan was made (another device's, synced in), which the officer did not see."""
    if now_held is None:
        return tr("no longer in this caseload")
    if now_held != booking.was and now_held != (booking.day, booking.at):
        day, at = now_held
        when = tr("cancelled") if day is None else day_text(day, "%a %d %b") + (f" {at:%H:%M}" if at else "")
        return tr("booked meanwhile on another device ({0}): left as it is; plan again to include it").format(
            when
        )
    return ""


def unique_bookings(bookings: Iterable[Booking]) -> list[Booking]:
    """One booking per case (a plan places each visit once; the first wins if not)."""
    seen: set[str] = set()
    out = []
    for b in bookings:
        if b.nominal_id not in seen:
            seen.add(b.nominal_id)
            out.append(b)
    return out
