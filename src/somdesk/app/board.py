"""The oversight board as one computed value: the domain's figures, forecasts and trend together
(domain/oversight.py, domain/trend.py). Built on the worker thread, never the window's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from somdesk.app.compute import gc_paused
from somdesk.domain.dates import add_months
from somdesk.domain.model import Visit
from somdesk.domain.oversight import (
    BurnDown,
    Oversight,
    Scenario,
    arms_burn_down,
    falling_due,
    growth_scenarios,
    oversight,
)
from somdesk.domain.policy import Policy
from somdesk.domain.status import CaseStatus
from somdesk.domain.trend import Snapshot, trend

__all__ = ["Board", "compute_board", "default_target"]


@dataclass(frozen=True)
class Board:
    oversight: Oversight
    scenarios: list[Scenario]
    burn_down: BurnDown
    trend: list[Snapshot]

    @property
    def today(self) -> date:
        return self.oversight.today


def default_target(today: date) -> date:
    """The ARMS backlog's default target: the end of the reporting year (31 March) at least three
    months away, when MAPPA annual-report figures are taken."""
    year = today.year if today.month < 3 else today.year + 1
    end = date(year, 3, 31)
    return end if end >= add_months(today, 3) else date(year + 1, 3, 31)


def compute_board(
    statuses: Sequence[CaseStatus],
    visits: Iterable[Visit],
    arms_completed: Iterable[date],
    snapshots: Iterable[Snapshot],
    today: date,
    policy: Policy,
    soms: int,
    target: date | None = None,
) -> Board:
    rules = policy.oversight
    with gc_paused():
        board = oversight(statuses, today, rules, visits)
        months = rules.lookback_months
        burn = arms_burn_down(
            board.figure("arms").value,
            arms_completed,
            falling_due(statuses, today, months),
            today,
            months,
            target or default_target(today),
        )
        scenarios = growth_scenarios(board.figure("rsos").value, soms, policy.caseload, rules)
    return Board(board, scenarios, burn, trend(snapshots))
