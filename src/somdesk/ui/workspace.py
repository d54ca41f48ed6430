"""What the window shows, computed once from an open profile: statuses, queues and caseload. No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from somdesk.compute import Figures, compute_figures, gc_paused
from somdesk.domain.caseload import CaseloadReport
from somdesk.domain.model import Officer, Team
from somdesk.domain.policy import Policy
from somdesk.domain.queues import QueueItem
from somdesk.domain.status import CaseStatus
from somdesk.profiles import DEMO_RSOS, DEMO_SEED, open_demo_profile
from somdesk.store.profile import OpenProfile

__all__ = ["Workspace", "demo_workspace"]


@dataclass(frozen=True)
class Workspace:
    title: str
    policy: Policy
    officers: list[Officer]
    teams: list[Team]
    figures: Figures

    @property
    def today(self) -> date:
        return self.figures.today

    @property
    def statuses(self) -> list[CaseStatus]:
        return self.figures.statuses

    @property
    def queues(self) -> dict[str, list[QueueItem]]:
        return self.figures.queues

    @property
    def caseload(self) -> CaseloadReport:
        return self.figures.caseload

    @property
    def officer_names(self) -> dict[str, str]:
        return {o.id: o.name for o in self.officers}


def demo_workspace(
    policy: Policy, today: date, folder: Path | None = None, rsos: int = DEMO_RSOS, seed: int = DEMO_SEED
) -> Workspace:
    """The demo profile's figures, read from its encrypted store (made on first use)."""
    with open_demo_profile(today, folder, rsos, seed) as opened:
        return store_workspace(opened, "Demo profile (synthetic data)", policy, today)


def store_workspace(opened: OpenProfile, title: str, policy: Policy, today: date) -> Workspace:
    with opened.reader() as reader:
        with gc_paused():
            cases = reader.cases()
        officers, teams = reader.officers(), reader.teams()
    figures = compute_figures(cases, officers, teams, today, policy)
    return Workspace(title, policy, officers, teams, figures)
