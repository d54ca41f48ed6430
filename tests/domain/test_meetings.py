"""MAPPA meetings: the cases due for a panel, and the actions past their date (DOMAIN.md §6)."""

from __future__ import annotations

from datetime import date

import pytest

from somdesk.domain.meetings import (
    ActionStatus,
    Meeting,
    PanelAction,
    PanelDecision,
    cases_due,
    overdue_actions,
)
from somdesk.domain.model import Mappa

WEEKS = {2: 16, 3: 8}  # the policy's default review intervals
MEETING = Meeting("North", 2, date(2026, 12, 10))


def test_a_panel_hears_its_own_area_and_level_due_by_the_meeting_date_and_new_referrals_first():
    cases = [
        ("due-on-the-day", Mappa(1, 2, next_review=date(2026, 12, 10)), "North"),
        ("due-after", Mappa(1, 2, next_review=date(2026, 12, 11)), "North"),
        ("overdue", Mappa(1, 2, next_review=date(2026, 11, 1)), "North"),
        ("never-heard", Mappa(1, 2), "North"),
        ("from-last-meeting", Mappa(1, 2, last_meeting=date(2026, 8, 1)), "North"),  # + 16 weeks: 21 Nov
        ("level-3", Mappa(1, 3, next_review=date(2026, 11, 1)), "North"),
        ("other-area", Mappa(1, 2, next_review=date(2026, 11, 1)), "South"),
        ("level-1", Mappa(1, 1), "North"),
    ]
    assert cases_due(cases, MEETING, WEEKS) == [
        "never-heard",
        "overdue",
        "from-last-meeting",
        "due-on-the-day",
    ]


def test_a_panel_meets_only_at_level_2_or_3():
    with pytest.raises(ValueError, match="level 2 or 3"):
        Meeting("North", 1, date(2026, 12, 10))


def test_an_open_action_past_its_date_is_overdue_and_a_done_or_dropped_one_never_is():
    def action(what: str, due: date, status: ActionStatus = ActionStatus.OPEN) -> PanelAction:
        return PanelAction("m1", what, "Police", "DC Synth", due, status)

    actions = [
        action("due today", date(2026, 12, 10)),
        action("late", date(2026, 12, 1)),
        action("later", date(2026, 11, 20)),
        action("done", date(2026, 11, 1), ActionStatus.DONE),
        action("dropped", date(2026, 11, 1), ActionStatus.DROPPED),
    ]
    assert [a.what for a in overdue_actions(actions, date(2026, 12, 10))] == ["later", "late"]


def test_a_decision_lists_only_the_plan_headings_the_panel_changed_in_the_guidance_order():
    decision = PanelDecision(
        "m1", 2, "risk unchanged", date(2027, 4, 1), victim_safety="new partner told", supervision="weekly"
    )
    assert decision.plan_changes() == [
        ("Supervision", "weekly"),
        ("Victim safety planning", "new partner told"),
    ]
