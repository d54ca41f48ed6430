"""One service for the figures every view needs: statuses, the three queues and the caseload.

The UI, the command line and the benchmarks all call this, so they agree by construction.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from somdesk.domain.caseload import CaseloadReport, ForecastYear, caseload, forecast
from somdesk.domain.model import Case, Officer, Team
from somdesk.domain.policy import Policy
from somdesk.domain.queues import QUEUES, QueueItem
from somdesk.domain.status import CaseStatus, evaluate_all

__all__ = ["Figures", "compute_figures", "gc_paused", "lookup_order"]


@dataclass(frozen=True)
class Figures:
    today: date
    statuses: list[CaseStatus]
    queues: dict[str, list[QueueItem]]
    caseload: CaseloadReport
    forecast: list[ForecastYear]
    # Each status by nominal id: where an incremental refresh finds a touched case (app/incremental.py).
    by_id: dict[str, CaseStatus] = field(default_factory=dict, compare=False, repr=False)


def lookup_order(case: Case) -> tuple[str, str, date, str]:
    """The caseload's order until a column is clicked: as people look someone up, by surname, then
    forenames, then date of birth to part namesakes (the queues order themselves)."""
    n = case.nominal
    return n.family_name.casefold(), n.given_names.casefold(), n.date_of_birth, n.id


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a batch that creates no reference cycles.

    Building 100,000 statuses otherwise triggers collections that rescan every new object as it
    ages (a third of the time at that size); reference counting still frees everything.

    On the way out the objects made meanwhile are frozen (gc.freeze): they would all still sit in the
    youngest generation, and the first collection after re-enabling would scan millions of objects
    in one go, holding the interpreter lock (and the window) for a quarter of a second.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def compute_figures(
    cases: Sequence[Case], officers: Sequence[Officer], teams: Sequence[Team], today: date, policy: Policy
) -> Figures:
    """Everything from every case (unlock, F5, a new day, a new policy): `cases` in `lookup_order`."""
    with gc_paused():
        statuses = evaluate_all(cases, today, policy)
        queues = {name: queue(statuses, today, policy) for name, queue in QUEUES.items()}
        report = caseload(statuses, officers, teams, policy.caseload, today)
        ahead = forecast(report.force.rsos, report.soms, policy.caseload)
        by_id = {s.case.nominal.id: s for s in statuses}
    return Figures(today, statuses, queues, report, ahead, by_id)
