"""When in the day a visit of the week's rounds may start (domain/visit_variety.py's rules applied).

An officer's request for an unannounced evening visit is kept. Otherwise the variety rules ask for a
change when the person's latest visits (the policy's `variety_last` of them) were all in the daytime
(an evening visit next) or all in the evening (a daytime one); with fewer visits recorded, any time.
"""

from __future__ import annotations

from collections.abc import Iterable

from somdesk.domain.model import Visit
from somdesk.domain.rounds import VisitWindow
from somdesk.domain.visit_variety import DayPart, VarietyRules, day_part

__all__ = ["visit_window"]


def visit_window(
    recent: Iterable[Visit], rules: VarietyRules, evening_requested: bool = False
) -> VisitWindow:
    """The window for the person's next visit, from their recorded visits and any evening request."""
    if evening_requested:
        return VisitWindow.EVENING
    if rules.last <= 0:
        return VisitWindow.ANY
    latest = sorted(recent, key=lambda v: v.at)[-rules.last :]
    if len(latest) < rules.last:
        return VisitWindow.ANY
    evenings = [day_part(v.at.time(), rules) is DayPart.EVENING for v in latest]
    if all(evenings):
        return VisitWindow.DAYTIME
    if not any(evenings):
        return VisitWindow.EVENING
    return VisitWindow.ANY
