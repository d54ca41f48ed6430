"""The rules a MAPPA meeting, a panel decision and a panel action keep (domain/meeting_rules.py), from
DOMAIN.md §6 (levels 2 and 3 meet; each meeting sets a review date) and the issue (actions with an
owner, a due date and a status; a rationale for a change of level)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.domain.meeting_rules import (
    action_problems,
    agenda_problems,
    decision_problems,
    meeting_problems,
    recorded_meeting_problems,
)
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision

HELD = date(2026, 11, 10)
MEETING = Meeting("Northmere", 2, HELD, venue="Northmere police station", cases=("a", "b"))


def fields(problems):
    return [p.field for p in problems]


def test_a_meeting_names_its_area_and_each_agency_once():
    assert meeting_problems(MEETING) == []
    assert fields(meeting_problems(Meeting("  ", 3, HELD))) == ["area"]
    twice = Meeting("Northmere", 2, HELD, invited=("Police", "Probation", "police"))
    assert fields(meeting_problems(twice)) == ["invited"]
    blank = Meeting("Northmere", 2, HELD, attending=("Police", ""))
    assert fields(meeting_problems(blank)) == ["attending"]
    assert fields(meeting_problems(Meeting("Northmere", 2, date(1899, 1, 1)))) == ["held_on"]
    assert fields(meeting_problems(Meeting("Northmere", 2, HELD, cases=("a", "a")))) == ["cases"]


def test_the_agenda_holds_only_cases_held_of_the_panels_level_and_area():
    held = {"a": ("SYN1", 2, "Northmere"), "b": ("SYN2", 2, "Northmere")}
    assert agenda_problems(MEETING, held) == []
    (missing,) = agenda_problems(MEETING, {"a": held["a"]})
    assert missing.field == "cases" and "no case b that you hold" in missing.message
    (level,) = agenda_problems(MEETING, {**held, "b": ("SYN2", 3, "Northmere")})
    assert "SYN2 is a level 3 case" in level.message
    (area,) = agenda_problems(MEETING, {**held, "a": ("SYN1", 2, "Southmere")})
    assert "SYN1 is a case of Southmere" in area.message


def test_every_decision_needs_the_panels_reasons_and_a_panel_case_a_next_review():
    """MAPPA guidance expects the panel's reasons for every decision, keeping the level too."""
    kept = PanelDecision("m", 2, "", date(2027, 3, 2), held_on=HELD)  # 16 weeks on
    (why,) = decision_problems(kept, 2)
    assert why.field == "rationale" and "reasons for its decision (level 2)" in why.message
    assert decision_problems(replace(kept, rationale="Risk unchanged: housing stable"), 2) == []
    assert fields(decision_problems(kept, None)) == ["rationale"]
    up = PanelDecision("m", 3, " ", date(2027, 1, 5), held_on=HELD)
    assert fields(decision_problems(up, 2)) == ["rationale"]
    assert "changing the level from 2 to 3" in decision_problems(up, 2)[0].message
    assert (
        decision_problems(PanelDecision("m", 3, "Risk to children rose", date(2027, 1, 5), held_on=HELD), 2)
        == []
    )
    # Down to level 1: ordinary agency management, no further panel review.
    down = PanelDecision("m", 1, "Risk reduced", None, held_on=HELD)
    assert decision_problems(down, 2) == []
    assert fields(decision_problems(PanelDecision("m", 1, "Risk reduced", date(2027, 1, 5)), 2)) == [
        "next_review"
    ]
    assert fields(decision_problems(PanelDecision("m", 2, "x", None, held_on=HELD), 2)) == ["next_review"]
    assert fields(decision_problems(PanelDecision("m", 2, "x", HELD, held_on=HELD), 2)) == ["next_review"]
    assert fields(decision_problems(PanelDecision("m", 4, "x", date(2027, 1, 5)), 2)) == ["level"]


def test_an_action_has_an_owner_is_not_due_before_its_meeting_and_is_dated_when_done():
    action = PanelAction("m", "Home visit with children's services", "Police", "DC Synth", date(2026, 12, 1))
    assert action_problems(action, HELD, date(2026, 11, 23)) == []
    nobody = PanelAction("m", "Visit", " ", "", date(2026, 12, 1))
    assert fields(action_problems(nobody, HELD)) == ["agency", "owner"]
    early = PanelAction("m", "Visit", "Police", "DC Synth", date(2026, 11, 9))
    (problem,) = action_problems(early, HELD)
    assert problem.field == "due_on" and "before the meeting" in problem.message
    done = PanelAction("m", "Visit", "Police", "DC Synth", date(2026, 12, 1), ActionStatus.DONE)
    assert fields(action_problems(done, HELD)) == ["done_on"]
    future = PanelAction(
        "m", "Visit", "Police", "DC Synth", date(2026, 12, 1), ActionStatus.DONE, date(2026, 11, 24)
    )
    assert "future" in action_problems(future, HELD, date(2026, 11, 23))[0].message
    stray = PanelAction(
        "m", "Visit", "Police", "DC Synth", date(2026, 12, 1), ActionStatus.OPEN, date(2026, 11, 20)
    )
    assert fields(action_problems(stray, HELD)) == ["done_on"]


def test_a_meeting_on_the_record_keeps_its_date_panel_and_the_cases_heard():
    """Once a decision, action or audit is recorded, the meeting's date, panel and heard cases stay;
    its venue and attendance may still be corrected."""
    heard = {"a": ("FENDALE, Fraser", "decision recorded")}
    moved = Meeting("Southmere", 3, date(2026, 12, 1), cases=("b",))
    found = recorded_meeting_problems(MEETING, moved, heard)
    assert fields(found) == ["held_on", "area", "mappa_level", "cases"]
    assert "FENDALE, Fraser was heard at this meeting (decision recorded)" in found[-1].message
    corrected = Meeting("Northmere", 2, HELD, venue="Elsewhere", attending=("Police",), cases=("a",))
    assert recorded_meeting_problems(MEETING, corrected, heard) == []
    # An unheard case may leave the agenda; with only an audit, the date and panel still stay.
    assert fields(recorded_meeting_problems(MEETING, moved, {}, audited=True)) == [
        "held_on", "area", "mappa_level"
    ]  # fmt: skip
    assert recorded_meeting_problems(MEETING, moved, {}) == []
