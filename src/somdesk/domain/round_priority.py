"""How urgent a visit of the week's rounds is: risk level first, then how many days overdue.

One owner for the order: the optimiser's penalties, its repair pass, the window's list of what could
not fit and the tests all read it from here.
"""

from __future__ import annotations

from datetime import date

from somdesk.domain.rounds import RoundVisit
from somdesk.domain.text import tr
from somdesk.domain.words import counted

__all__ = ["fixed_day", "priority", "priority_text"]


def priority(visit: RoundVisit) -> tuple[int, int]:
    """A sort key, larger first: the risk level, then the days overdue."""
    return (int(visit.risk), max(0, visit.days_overdue))


def fixed_day(visit: RoundVisit) -> date | None:
    """The day the visit is kept on: pinned by the officer, else planned; None when free to move."""
    return visit.pinned if visit.pinned is not None else visit.planned


def priority_text(visit: RoundVisit) -> str:
    """Why it comes where it does, in words: "Very High risk, overdue by 12 days"."""
    risk = tr(visit.risk.label)
    if visit.days_overdue > 0:
        return tr("{0} risk, overdue by {1}").format(risk, counted(visit.days_overdue, tr("day")))
    if visit.due is not None:
        return tr("{0} risk, due {1:%a %d %b}").format(risk, visit.due)
    return tr("{0} risk").format(risk)
