"""MAPPA management: levels and review dates (DOMAIN.md §6).

No national review interval was found, so the intervals are force policy (16 weeks at level 2 and 8 at
level 3 by default). Level 1 cases are managed by one agency and have no panel review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from somdesk.domain.model import Mappa
from somdesk.domain.text import QT_TR_NOOP

__all__ = [
    "PANEL_DECISIONS",
    "PANEL_LEVELS",
    "PLAN_HEADINGS",
    "RiskPlan",
    "mappa_review_due",
    "panel_case",
    "panel_decisions_changed",
    "panel_level",
]

# The MAPPA levels a multi-agency panel manages: the cases a panel chair holds and a panel pack lists.
PANEL_LEVELS = (2, 3)

# The four headings of a MAPPA risk management plan (MAPPA Guidance), as (field, heading) pairs.
PLAN_HEADINGS = (
    ("supervision", QT_TR_NOOP("Supervision")),
    ("monitoring", QT_TR_NOOP("Monitoring and control")),
    ("interventions", QT_TR_NOOP("Interventions and treatment")),
    ("victim_safety", QT_TR_NOOP("Victim safety planning")),
)


# What a MAPPA panel decides for a case it manages (DOMAIN.md §6; MAPPA Guidance ch.13-14): its level, the
# meeting and the review it set, the risk management plan and the actions. Named as the record's fields (the
# rules' Problem fields), with their labels. The category and the lead agency are facts of the case, not
# decisions: the lead agency keeps them.
PANEL_DECISIONS: dict[str, str] = {
    "mappa_level": QT_TR_NOOP("MAPPA level"),
    "mappa_last_meeting": QT_TR_NOOP("Last meeting"),
    "mappa_next_review": QT_TR_NOOP("Next review"),
    "rmp_supervision": QT_TR_NOOP("Supervision"),
    "rmp_monitoring": QT_TR_NOOP("Monitoring and control"),
    "rmp_interventions": QT_TR_NOOP("Interventions and treatment"),
    "rmp_victim_safety": QT_TR_NOOP("Victim safety planning"),
    "mappa_actions": QT_TR_NOOP("Panel actions"),
}


def panel_decisions_changed(before: Mappa, changed: Iterable[str]) -> list[str]:
    """The panel's decisions among the fields a change touches (PANEL_DECISIONS' names, in its order):
    only on a case a panel manages. At level 1 the lead agency manages the case alone (its plan is its
    own) and refers it to a panel by raising the level; from then on the panel decides."""
    if not panel_case(before):
        return []
    touched = set(changed)
    return [name for name in PANEL_DECISIONS if name in touched]


@dataclass(frozen=True, slots=True)
class RiskPlan:
    """The risk management plan under its four headings, and the actions the panel set."""

    supervision: str = ""
    monitoring: str = ""
    interventions: str = ""
    victim_safety: str = ""
    actions: str = ""

    @property
    def empty(self) -> bool:
        return not any((self.supervision, self.monitoring, self.interventions, self.victim_safety))


def panel_level(level: int | None) -> bool:
    """A level a MAPPA panel manages (2 or 3)."""
    return level in PANEL_LEVELS


def panel_case(mappa: Mappa) -> bool:
    """Managed at level 2 or 3: the cases a MAPPA panel sees."""
    return panel_level(mappa.level)


def mappa_review_due(mappa: Mappa, review_weeks: dict[int, int]) -> date | None:
    """The next panel review: the date the last meeting set, else the policy interval after it."""
    if not panel_case(mappa):
        return None
    if mappa.next_review is not None:
        return mappa.next_review
    if mappa.last_meeting is None:
        return None  # referred but not yet heard: the panel sets the first date
    return mappa.last_meeting + timedelta(weeks=review_weeks[mappa.level])
