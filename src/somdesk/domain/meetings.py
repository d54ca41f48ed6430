"""MAPPA meetings (DOMAIN.md §6; issue "The MAPPA meeting"): a panel meets on a date with its cases; for
each case the chair records the panel's decision and its actions, each with an owner and a due date.

Pure: which cases are due for a meeting, which actions are overdue, what needs the panel's attention.
How a meeting is stored, synced and scoped is the store's and the central store's (records.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum

from somdesk.domain.mappa import PLAN_HEADINGS, mappa_review_due, panel_case
from somdesk.domain.model import Mappa

__all__ = [
    "ActionStatus",
    "Meeting",
    "PanelAction",
    "PanelDecision",
    "cases_due",
    "open_actions",
    "overdue_actions",
]


@dataclass(frozen=True, slots=True)
class Meeting:
    """One sitting of a MAPPA panel. `cases`: the nominal ids on its agenda, in the order they are
    heard; `invited` and `attending`: agencies (and people), in words, one per item."""

    area: str  # the panel's area: a chair of another area neither sees nor changes it
    level: int  # 2 or 3
    held_on: date
    starts_at: time | None = None
    venue: str = ""
    chair: str = ""
    invited: tuple[str, ...] = ()
    attending: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not panel_case(Mappa(1, self.level)):
            raise ValueError(f"a MAPPA panel meets for level 2 or 3 cases, not level {self.level}")


class ActionStatus(Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"  # no longer needed, with the panel's reason in the action's words

    @property
    def label(self) -> str:
        return {"open": "Open", "done": "Done", "dropped": "No longer needed"}[self.value]


@dataclass(frozen=True, slots=True)
class PanelAction:
    """An action the panel set for one case: what, who (agency and person), by when, and where it stands."""

    meeting_id: str
    what: str
    agency: str
    owner: str  # the person in that agency
    due_on: date
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None
    id: str = field(default="", compare=False)

    def overdue(self, today: date) -> bool:
        return self.status is ActionStatus.OPEN and self.due_on < today


@dataclass(frozen=True, slots=True)
class PanelDecision:
    """What the panel decided for one case at one meeting: the level with its rationale, the next
    review, and the changes to the risk management plan under its four headings (mappa.PLAN_HEADINGS:
    "" where the panel changed nothing)."""

    meeting_id: str
    level: int
    rationale: str
    next_review: date | None
    supervision: str = ""
    monitoring: str = ""
    interventions: str = ""
    victim_safety: str = ""
    held_on: date | None = None  # the meeting's date, kept with the decision (a SOM holds no meeting)
    id: str = field(default="", compare=False)

    def plan_changes(self) -> list[tuple[str, str]]:
        """(heading, words) for each heading the panel changed, in the guidance's order."""
        return [(heading, getattr(self, name)) for name, heading in PLAN_HEADINGS if getattr(self, name)]


def cases_due(
    mappas: Iterable[tuple[str, Mappa, str]], meeting: Meeting, review_weeks: dict[int, int]
) -> list[str]:
    """The cases of the meeting's panel (its area and level) whose review falls due by the meeting
    date, or which no panel has heard yet: (nominal id, MAPPA, area) in, ids out, longest due first."""
    due: list[tuple[date, str]] = []
    for nominal_id, mappa, area in mappas:
        if area != meeting.area or mappa.level != meeting.level:
            continue
        review = mappa_review_due(mappa, review_weeks)
        if review is None or review <= meeting.held_on:
            due.append((review or date.min, nominal_id))
    return [nominal_id for _, nominal_id in sorted(due)]


def open_actions(actions: Iterable[PanelAction]) -> list[PanelAction]:
    """The actions still open, soonest due first."""
    return sorted((a for a in actions if a.status is ActionStatus.OPEN), key=lambda a: (a.due_on, a.what))


def overdue_actions(actions: Sequence[PanelAction], today: date) -> list[PanelAction]:
    """Open actions past their due date, most overdue first."""
    return [a for a in open_actions(actions) if a.overdue(today)]
