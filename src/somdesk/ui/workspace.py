"""What the window shows, computed once: statuses, queues and caseload for one force. No Qt.

Today this is a demo force from the generator; the encrypted store will supply the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from somdesk.compute import Figures, compute_figures
from somdesk.demo import generate
from somdesk.domain.caseload import CaseloadReport
from somdesk.domain.model import Officer, Team
from somdesk.domain.policy import Policy
from somdesk.domain.queues import QueueItem
from somdesk.domain.status import CaseStatus

__all__ = ["Workspace", "demo_workspace"]

DEMO_RSOS = 1500
DEMO_SEED = 2026


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


def demo_workspace(policy: Policy, today: date, rsos: int = DEMO_RSOS, seed: int = DEMO_SEED) -> Workspace:
    data = generate(rsos, seed, today)
    figures = compute_figures(data.cases, data.officers, data.teams, today, policy)
    return Workspace("Demo profile (synthetic data)", policy, data.officers, data.teams, figures)
