"""The two rounds a planner without an optimiser would drive, so an optimised plan can be set beside them.

- "postcode order": today's visit planner (domain/planner.py) lists the week's visits by area, then
  postcode. The team drives that list: each day from the base, the next visit on the list that may
  go on that day, until the next one would not fit the day's hours; then the next day carries on.
- "nearest neighbour": the same days, each next stop the nearest not yet visited that still fits.

Both keep planned and pinned visits to their day (they are skipped on other days) and respect the
visits' time windows. `RoundProblem.visits` is in the planner's order (app.round_planning keeps it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from somdesk.domain.round_days import RoundWeek
from somdesk.domain.rounds import RoundDay, RoundPlan, Unplaced
from somdesk.domain.text import QT_TR_NOOP

__all__ = ["BASELINES", "NEAREST_NEIGHBOUR", "POSTCODE_ORDER", "baseline_plan", "shift_order"]

POSTCODE_ORDER = QT_TR_NOOP("postcode order")  # a key (the plan's `how`): translated where shown
NEAREST_NEIGHBOUR = QT_TR_NOOP("nearest neighbour")
BASELINES = (POSTCODE_ORDER, NEAREST_NEIGHBOUR)


def shift_order(week: RoundWeek) -> list[int]:
    """The shifts as a week is worked: day by day, team by team within a day."""
    shifts = week.problem.shifts
    return sorted(range(len(shifts)), key=lambda k: (shifts[k].day, shifts[k].start, shifts[k].team))


def baseline_plan(week: RoundWeek, how: str) -> RoundPlan:
    """The week driven in postcode order or by nearest neighbour (`how` is one of BASELINES)."""
    if how not in BASELINES:
        raise ValueError(f"no baseline called {how!r}: use one of {', '.join(BASELINES)}")
    left = [v.nominal_id for v in week.problem.visits if week.placeable(v)]
    days: dict[int, RoundDay] = {}
    for k in shift_order(week):
        day_of = week.problem.shifts[k].day
        candidates = [nid for nid in left if week.fixed[nid] in (None, day_of)]
        pick = _postcode_day if how == POSTCODE_ORDER else _nearest_day
        day = pick(week, k, candidates)
        days[k] = day
        placed = {s.nominal_id for s in day.stops}
        left = [nid for nid in left if nid not in placed]
    placed_all = {s.nominal_id for d in days.values() for s in d.stops}
    unplaced = tuple(
        Unplaced(v.nominal_id, week.reason(v)) for v in week.problem.visits if v.nominal_id not in placed_all
    )
    days_in_order = tuple(days[k] for k in range(len(week.problem.shifts)))
    return RoundPlan(days_in_order, unplaced, how, week.missed_bookings())


def _grow(
    week: RoundWeek, k: int, candidates: Sequence[str], choose: Callable[[list[str], list[str]], int | None]
) -> RoundDay:
    order: list[str] = []
    day = week.time_day(k, order)
    assert day is not None  # an empty day always fits
    pool = list(candidates)
    while pool:
        i = choose(order, pool)
        if i is None:
            break
        order.append(pool.pop(i))
        timed = week.time_day(k, order)
        assert timed is not None
        day = timed
    return day


def _postcode_day(week: RoundWeek, k: int, candidates: Sequence[str]) -> RoundDay:
    def choose(order: list[str], pool: list[str]) -> int | None:
        # The list is driven as it comes: a visit whose window this day cannot meet is passed over,
        # but the first that no longer fits the hours ends the day.
        # A visit booked for a time the day has passed is passed over too (it is at its time), and so
        # is one that would make the day miss a booking still to come (it may go in after it).
        shift = week.problem.shifts[k]
        booked = _booked(week, k, pool)
        kept = _bookings_kept(week, k, order, booked)
        for i, nid in enumerate(pool):
            if week.start_window(week.visit[nid], shift) is None:
                continue
            if week.time_day(k, [*order, nid]) is None:
                if week.booked_window(week.visit[nid], shift) is None:
                    return None
                continue
            if not booked or _bookings_kept(week, k, [*order, nid], booked) >= kept:
                return i
        return None

    return _grow(week, k, candidates, choose)


def _nearest_day(week: RoundWeek, k: int, candidates: Sequence[str]) -> RoundDay:
    secs = week.matrix.seconds
    rows = week.rows.row
    base = week.problem.shifts[k].team

    def choose(order: list[str], pool: list[str]) -> int | None:
        here = rows[order[-1]] if order else base
        booked = _booked(week, k, pool)
        kept = _bookings_kept(week, k, order, booked)
        # Nearest first, unless it would make the day miss a booking still to come; a tie goes to the
        # earlier on the planner's list.
        fits = None
        for i in sorted(range(len(pool)), key=lambda i: (secs[here][rows[pool[i]]], i)):
            if week.time_day(k, [*order, pool[i]]) is not None:
                if not booked or _bookings_kept(week, k, [*order, pool[i]], booked) >= kept:
                    return i
                fits = i if fits is None else fits
        return fits

    return _grow(week, k, candidates, choose)


def _booked(week: RoundWeek, k: int, pool: Sequence[str]) -> list[str]:
    """The visits in `pool` booked for a time on shift `k`, earliest booked first."""
    shift = week.problem.shifts[k]
    at = {nid: week.booked_window(week.visit[nid], shift) for nid in pool}
    return sorted((nid for nid, t in at.items() if t is not None), key=lambda nid: (at[nid], nid))


def _bookings_kept(week: RoundWeek, k: int, order: Sequence[str], booked: Sequence[str]) -> int:
    """How many of `booked` (visits booked for a time on shift `k`, earliest first) the day keeps after
    `order`: those in it, and those that still go in after it at their times."""
    tail: list[str] = []
    for nid in booked:
        if nid not in order and week.time_day(k, [*order, *tail, nid]) is not None:
            tail.append(nid)
    return len(tail) + sum(1 for nid in booked if nid in order)
