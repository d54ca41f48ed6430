"""MAPPA meetings: the cases due for a panel, and the actions past their date (DOMAIN.md §6)."""

from __future__ import annotations

from datetime import date

import pytest

from somdesk.app.policy import default_policy
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.meetings import (
    ActionStatus,
    Meeting,
    PanelAction,
    PanelDecision,
    agencies_of,
    agenda_reason,
    attention,
    cases_due,
    level_before,
    overdue_actions,
    owned_by,
)
from somdesk.domain.model import Address, Case, Disposal, Mappa, Nominal, Registration, Sex
from somdesk.domain.status import CaseStatus, evaluate
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

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


# -- what needs the panel's attention (issue 20: the pack highlights it at the top of each case)

TODAY = date(2026, 12, 1)
POLICY = default_policy()
LAST_MEETING = date(2026, 8, 1)


def status(mappa: Mappa, last_notification: date = date(2026, 6, 1)) -> CaseStatus:
    reg = Registration(
        date(2024, 1, 1), Disposal.OTHER, registered_on=date(2024, 1, 2), last_notification=last_notification
    )
    home = Address("4 Pipit Court", "Ravensholt", "ZZ5 4GH", "Ravensholt")
    nominal = Nominal(
        "n1", "SYN1", "SYN/1", "Quenford", "Liam", date(1980, 1, 1), Sex.MALE, reg, home, mappa=mappa
    )
    return evaluate(Case(nominal), TODAY, POLICY)


def test_a_level_2_case_heard_in_august_with_nothing_new_needs_no_attention():
    heard = status(Mappa(1, 2, last_meeting=LAST_MEETING, next_review=date(2026, 12, 10)))
    assert attention(heard, TODAY, WEEKS, has_rm2000=True) == []


def test_the_review_overdue_a_notification_overdue_and_no_rm2000_are_each_said_in_words():
    # Reviewed in August for November; last notified a year and a half ago: the annual one is overdue.
    late = status(Mappa(1, 3, last_meeting=LAST_MEETING, next_review=date(2026, 11, 20)), date(2025, 6, 1))
    lines = attention(late, TODAY, WEEKS, has_rm2000=False)
    assert lines[0] == "MAPPA review overdue: due 20 Nov 2026"
    assert lines[1].startswith("Notification overdue: owed by ")
    assert lines[2] == "No Risk Matrix 2000 assessment recorded for a level 3 case"
    assert len(lines) == 3


def test_breaches_and_missing_episodes_since_the_last_meeting_count_and_older_ones_do_not():
    heard = status(Mappa(1, 2, last_meeting=LAST_MEETING, next_review=date(2026, 12, 10)))
    before = Breach(
        BreachKind.ORDER, date(2026, 7, 1), "DC Synth", BreachAction.WARNING, "SHPO internet term"
    )
    after = Breach(BreachKind.NOTIFICATION, date(2026, 10, 3), "DC Synth", BreachAction.ARREST)
    found = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 9, 1), "SYN-1", resolved_on=date(2026, 9, 4))
    old = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 1, 1), "SYN-2", resolved_on=date(2026, 1, 2))
    still = Whereabouts(WhereaboutsStatus.UNKNOWN, date(2026, 3, 1), "SYN-3")  # open since before: still news
    lines = attention(heard, TODAY, WEEKS, True, [before, after], [found, old, still])
    assert lines == [
        "Breach found 3 Oct 2026 since the last meeting: Failure to notify (s.91)",
        "Whereabouts unknown since 1 Mar 2026: still open",
        "Missing 1 Sep 2026 to 4 Sep 2026",
    ]
    # A case no panel has heard: every breach is news to it.
    referred = status(Mappa(1, 2))
    assert len(attention(referred, TODAY, WEEKS, True, [before, after])) == 2


def test_the_panels_own_actions_past_their_date_are_flagged_with_their_owner():
    heard = status(Mappa(1, 2, last_meeting=LAST_MEETING, next_review=date(2026, 12, 10)))
    actions = [
        PanelAction("m1", "Refer to the housing panel", "Probation", "A. Synthwright", date(2026, 11, 1)),
        PanelAction("m1", "Check the new address", "Police", "DC Synth", date(2026, 12, 20)),
        PanelAction("m1", "Done one", "Police", "DC Synth", date(2026, 9, 1), ActionStatus.DONE),
    ]
    assert attention(heard, TODAY, WEEKS, True, actions=actions) == [
        "Panel action overdue: Refer to the housing panel (Probation, A. Synthwright), due 1 Nov 2026"
    ]


def test_the_agenda_says_why_each_case_is_there():
    assert agenda_reason(Mappa(1, 2), MEETING, TODAY, WEEKS) == "New referral: not yet heard by a panel"
    overdue = Mappa(1, 2, last_meeting=LAST_MEETING, next_review=date(2026, 11, 20))
    assert agenda_reason(overdue, MEETING, TODAY, WEEKS) == "Review overdue: due 20 Nov 2026"
    due = Mappa(1, 2, last_meeting=LAST_MEETING, next_review=date(2026, 12, 10))
    assert agenda_reason(due, MEETING, TODAY, WEEKS) == "Review due 10 Dec 2026"
    later = Mappa(1, 2, last_meeting=LAST_MEETING, next_review=date(2027, 1, 10))
    assert (
        agenda_reason(later, MEETING, TODAY, WEEKS) == "Chosen by the chair: review not due until 10 Jan 2027"
    )
    # Heard: the review date is the one the panel just set, not why the case came.
    assert (
        agenda_reason(later, MEETING, TODAY, WEEKS, decided=True) == "Heard: the panel's decision is recorded"
    )


def test_the_level_before_a_decision_is_the_cases_then_the_earlier_meetings_then_the_first_decisions_own():
    """DOMAIN.md §7: reasons are given when the panel changes the level the case had before the meeting."""
    review = date(2027, 3, 1)
    kept = PanelDecision("m2", 2, "", review, id="d2")  # a first decision at the case's level 2
    raised = PanelDecision("m2", 3, "Risk to children rose", review, id="d2")
    earlier = [PanelDecision("m1", 3, "Escalated", date(2026, 12, 1), id="d1")]
    assert level_before(2, None, []) == 2  # a new decision: the case's level now
    assert level_before(3, kept, earlier) == 3  # reopened after another meeting: that meeting's level
    assert level_before(2, kept, []) == 2  # a first decision given without reasons kept the level
    assert level_before(3, raised, []) is None  # one with reasons may have changed it: not known


def test_an_agency_owns_its_actions_whatever_the_case_and_spacing_of_its_name():
    due = date(2026, 12, 1)
    police = PanelAction("m", "Visit", "Police", "DC A", due)
    also = PanelAction("m", "Check", " police ", "DC B", due)
    done = PanelAction("m", "Old", "Housing", "C", due, ActionStatus.DONE, date(2026, 11, 1))
    probation = PanelAction("m", "Plan", "probation", "PO C", due)
    assert owned_by(also, "POLICE") and not owned_by(probation, "Police") and owned_by(probation, None)
    assert agencies_of([police, also, done, probation]) == ["Police", "probation"]  # open actions only


def test_the_plans_old_free_text_actions_show_only_before_any_recorded_decision():
    from somdesk.domain.meetings import earlier_notes

    decided = PanelDecision("m1", 2, "Kept.", date(2027, 1, 1))
    assert earlier_notes("Police to visit", []) == "Police to visit"
    assert earlier_notes("Police to visit", [decided]) == ""
    assert earlier_notes("  ", []) == ""


def test_the_flags_for_a_meeting_held_are_as_of_its_date_and_its_last_meeting_is_the_one_before():
    """A meeting held on 10 Nov set the case's last meeting to 10 Nov: a breach found on 24 Nov is not
    news to it, and what happened since the meeting before (1 Aug) is."""
    held = Meeting("North", 2, date(2026, 11, 10), id="m10")
    heard = status(Mappa(1, 2, last_meeting=held.held_on, next_review=date(2027, 3, 2)))
    october = Breach(BreachKind.ORDER, date(2026, 10, 3), "DC Synth", BreachAction.WARNING, "SHPO term")
    later = Breach(BreachKind.ORDER, date(2026, 11, 24), "DC Synth", BreachAction.WARNING, "SHPO device")
    missing = Whereabouts(
        WhereaboutsStatus.MISSING, date(2026, 11, 8), "SYN-1", resolved_on=date(2026, 11, 20)
    )
    after = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 25), "SYN-2")
    late = PanelAction("m1", "Late after the meeting", "Police", "DC Synth", date(2026, 11, 15))
    lines = attention(
        heard, TODAY, WEEKS, True, [october, later], [missing, after], [late], held, [LAST_MEETING]
    )
    assert lines == [
        "Breach found 3 Oct 2026 since the last meeting: Term of an order: SHPO term",
        "Missing since 8 Nov 2026: still open",  # as it stood on 10 Nov
    ]
    # Today, for the case's record: everything, since the last meeting (10 Nov).
    now = attention(heard, TODAY, WEEKS, True, [october, later], [missing, after], [late])
    assert "Breach found 24 Nov 2026 since the last meeting: Term of an order: SHPO device" in now
    assert any(line.startswith("Panel action overdue: Late after the meeting") for line in now)
