"""Timing a day's round, and saying why a visit could not be placed.

A day starts at its team's base at the shift's start; each drive comes from the matrix; a visit
starts when the team arrives or when its window opens, whichever is later (they wait), lasts its
minutes, and the day ends back at the base by the shift's end. A visit's window bounds when it may
*start*: a daytime visit starts before the evening slot, an evening visit within it; every visit
also ends, and the team gets back, within the shift. A visit booked for a day and a time starts at
that minute on that day (a window of that minute: arriving early, the team waits); a booked
time that cannot be met there (outside the hours or its window, or not reachable from the base by
then) is not held to: the visit takes its ordinary window, starts as early as it can, and
`missed_bookings` says so. The baselines and the optimiser's plan are timed here alike, so their
totals compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from somdesk.domain.round_priority import fixed_day
from somdesk.domain.rounds import (
    DayShift,
    PlacedStop,
    RoundDay,
    RoundProblem,
    RoundVisit,
    TravelMatrix,
    UnplacedReason,
    VisitWindow,
)
from somdesk.domain.text import tr
from somdesk.domain.travel import MatrixLayout

__all__ = ["RoundWeek", "clock", "seconds_of"]


def seconds_of(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def clock(seconds: int) -> time:
    seconds = max(0, min(seconds, 86_399))
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60)


class RoundWeek:
    """A problem with its matrix: the timing rules every plan of the week is held to."""

    def __init__(self, problem: RoundProblem, rows: MatrixLayout, matrix: TravelMatrix) -> None:
        if len(matrix.points) != len(rows.points):
            raise ValueError(
                f"the travel matrix has {len(matrix.points)} points, the week's rounds {len(rows.points)}"
            )
        self.problem = problem
        self.rows = rows
        self.matrix = matrix
        self.visit = {v.nominal_id: v for v in problem.visits}
        self.fixed = {v.nominal_id: fixed_day(v) for v in problem.visits}

    def service(self, visit: RoundVisit) -> int:
        return max(0, visit.minutes) * 60

    def start_window(self, visit: RoundVisit, shift: DayShift) -> tuple[int, int] | None:
        """Earliest and latest start of `visit` on `shift` (seconds from midnight), None if none."""
        booked = self.booked_window(visit, shift)
        if booked is not None:
            return booked
        return self._ordinary_window(visit, shift)

    def booked_window(self, visit: RoundVisit, shift: DayShift) -> tuple[int, int] | None:
        """When `visit` must start on `shift` (seconds from midnight): within the minute it is booked for
        (a booking is to the minute, as the sheet shows it), when it is booked for `shift`'s day and
        that minute can be met there alone (in its window, reachable from the base, back by the end);
        None otherwise (not booked, moved to another day, or the time cannot be met)."""
        if visit.booked_at is None or visit.planned != shift.day or self.fixed[visit.nominal_id] != shift.day:
            return None
        row = self.rows.row.get(visit.nominal_id)
        window = self._ordinary_window(visit, shift)
        if row is None or window is None:
            return None
        at = seconds_of(visit.booked_at.replace(second=0, microsecond=0))
        opens, closes = max(at, window[0]), min(at + 59, window[1])
        secs = self.matrix.seconds
        first = max(opens, seconds_of(shift.start) + secs[shift.team][row])  # straight from the base
        back = first + self.service(visit) + secs[row][shift.team] <= seconds_of(shift.end)
        return (opens, closes) if first <= closes and back else None

    def missed_bookings(self) -> tuple[str, ...]:
        """A note for each visit whose booked time cannot be met on its day (it goes in at its earliest)."""
        notes = []
        for v in self.problem.visits:
            if v.booked_at is None or v.planned is None or self.fixed[v.nominal_id] != v.planned:
                continue
            shifts = [s for s in self.problem.shifts if s.day == v.planned]
            if (
                v.nominal_id in self.rows.row
                and shifts
                and all(self.booked_window(v, s) is None for s in shifts)
            ):
                notes.append(
                    tr(
                        "{0}: booked for {1:%H:%M} on {2:%a %d %b}, a time that"
                        " cannot be met (outside the hours or its window, or too soon to get there from the"
                        " base); planned at its earliest instead."
                    ).format(v.label, v.booked_at, v.planned)
                )
        return tuple(notes)

    def _ordinary_window(self, visit: RoundVisit, shift: DayShift) -> tuple[int, int] | None:
        rules = self.problem.rules
        opens, closes = seconds_of(shift.start), seconds_of(shift.end) - self.service(visit)
        if visit.window is VisitWindow.DAYTIME:
            closes = min(closes, seconds_of(rules.evening_start) - 60)
        elif visit.window is VisitWindow.EVENING:
            opens = max(opens, seconds_of(rules.evening_start))
            closes = min(closes, seconds_of(rules.evening_end))
        return (opens, closes) if opens <= closes else None

    def allowed_shifts(self, visit: RoundVisit) -> tuple[int, ...]:
        """The shifts `visit` may go on: those of its fixed day when it has one, else every shift."""
        day = self.fixed[visit.nominal_id]
        shifts = self.problem.shifts
        return tuple(k for k, s in enumerate(shifts) if day is None or s.day == day)

    def time_day(self, shift_index: int, order: Sequence[str]) -> RoundDay | None:
        """`shift_index`'s day driven in `order` (nominal ids), or None if it breaks a window or the hours."""
        shift = self.problem.shifts[shift_index]
        secs, metres = self.matrix.seconds, self.matrix.metres
        base = shift.team
        t = seconds_of(shift.start)
        here = base
        stops: list[PlacedStop] = []
        total_s = total_m = 0
        for number, nid in enumerate(order, 1):
            visit = self.visit[nid]
            row = self.rows.row[nid]
            window = self.start_window(visit, shift)
            if window is None:
                return None
            t += secs[here][row]
            if t > window[1]:
                return None
            t = max(t, window[0])
            arrive = t
            t += self.service(visit)
            stops.append(
                PlacedStop(
                    nid,
                    number,
                    clock(arrive),
                    clock(t),
                    secs[here][row],
                    metres[here][row],
                    self.fixed[nid] is not None,
                )
            )
            total_s += secs[here][row]
            total_m += metres[here][row]
            here = row
        t += secs[here][base]
        if t > seconds_of(shift.end):
            return None
        return RoundDay(shift, tuple(stops), total_s + secs[here][base], total_m + metres[here][base])

    def fits_alone(self, visit: RoundVisit, shift_index: int) -> bool:
        """`visit` fits `shift_index`'s day as its only visit (window and hours met)."""
        if visit.nominal_id not in self.rows.row:
            return False
        return self.time_day(shift_index, (visit.nominal_id,)) is not None

    def _fits_any_time(self, visit: RoundVisit, shift_index: int) -> bool:
        shift = self.problem.shifts[shift_index]
        row = self.rows.row[visit.nominal_id]
        there_and_back = self.matrix.seconds[shift.team][row] + self.matrix.seconds[row][shift.team]
        return there_and_back + self.service(visit) <= seconds_of(shift.end) - seconds_of(shift.start)

    def reason(self, visit: RoundVisit) -> UnplacedReason:
        """Why `visit` is not in a plan: the first of these that holds."""
        if visit.nominal_id not in self.rows.row:
            return UnplacedReason.NO_LOCATION
        shifts = self.allowed_shifts(visit)
        if not shifts:
            return UnplacedReason.PINNED_DAY_NOT_WORKED
        if not any(self._fits_any_time(visit, k) for k in shifts):
            return UnplacedReason.TOO_FAR
        if not any(self.fits_alone(visit, k) for k in shifts):
            return UnplacedReason.WINDOW
        if self.fixed[visit.nominal_id] is not None:
            return UnplacedReason.PINNED_DAY_FULL
        return UnplacedReason.NO_TIME

    def placeable(self, visit: RoundVisit) -> tuple[int, ...]:
        """The shifts `visit` could go on were it the day's only visit (none: it cannot be placed)."""
        if visit.nominal_id not in self.rows.row:
            return ()
        return tuple(k for k in self.allowed_shifts(visit) if self.fits_alone(visit, k))
