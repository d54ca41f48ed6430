"""The panel chair's MAPPA meetings through the session (app/panel.py): a meeting saved, the panel's
decision recorded (and the case's level, last meeting and next review set with it, audited), actions
added and updated; refused with the field named and nothing written when a rule is broken, and refused
for a SOM whatever they try."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import BrokenRules, NotPermitted, Role, Session
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from tests.conftest import NOW, TODAY

HELD = TODAY - timedelta(days=7)


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("meetings"), rsos=400, seed=5)
    yield opened
    opened.lock()


def as_role(opened, role, policy) -> Session:
    return Session(opened, demo_identity(opened, role), policy, lambda: TODAY, "demo", lambda: NOW)


@pytest.fixture
def chair(opened, policy):
    return as_role(opened, Role.PANEL_CHAIR, policy)


@pytest.fixture
def som(opened, policy):
    return as_role(opened, Role.SOM, policy)


def panel_cases(session, level=2):
    """(id, area) of the level `level` cases held, by ViSOR reference."""
    with session.opened.reader() as reader:
        return reader.conn.exec_driver_sql(
            "SELECT id, area FROM nominals WHERE mappa_level = ? AND deleted = 0 ORDER BY visor_ref", (level,)
        ).fetchall()


def snapshot(session):
    with session.opened.reader() as reader:
        return {
            t: reader.conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("nominals", "meetings", "panel_decisions", "panel_actions", "audit_log")
        }


def refused(session, change, field, words):
    before = snapshot(session)
    with pytest.raises(BrokenRules) as caught:
        change()
    assert field in [p.field for p in caught.value.problems], caught.value.problems
    assert words in str(caught.value)
    assert snapshot(session) == before, "a refused change left a trace"


def a_meeting(chair, level=2, **kw) -> tuple[str, Meeting]:
    (nid, area), *_ = panel_cases(chair, level)
    meeting = Meeting(area, level, HELD, venue="Northmere police station", chair="DI Synth",
                      invited=("Police", "Probation"), attending=("Police",), cases=(nid,), **kw)  # fmt: skip
    return chair.save_meeting(meeting), meeting


def audit_details(session, table):
    with session.opened.reader() as reader:
        return [
            r[0]
            for r in reader.conn.exec_driver_sql(
                "SELECT detail FROM audit_log WHERE table_name = ? ORDER BY seq", (table,)
            )
        ]


def test_a_chair_saves_a_meeting_and_changes_who_attended(chair):
    meeting_id, meeting = a_meeting(chair)
    assert chair.meeting(meeting_id) == meeting
    later = Meeting(**{**{f: getattr(meeting, f) for f in ("area", "level", "held_on", "venue", "chair",
                       "invited", "cases")}, "attending": ("Police", "Probation")})  # fmt: skip
    assert chair.save_meeting(later, meeting_id) == meeting_id
    assert chair.meeting(meeting_id).attending == ("Police", "Probation")
    assert meeting_id in [m.id for m in chair.meetings()]
    # Audited: its making, then its change with the field in words (the demo profile queues no sync).
    with chair.opened.reader() as reader:
        entries = reader.conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE record_id = ? ORDER BY seq", (meeting_id,)
        ).fetchall()
    assert [e[0] for e in entries] == ["collection", "alteration"] and "Attending" in entries[1][1]


def test_a_held_meeting_with_a_decision_keeps_its_date_panel_and_heard_cases(chair, som):
    """Editing a meeting on the record may not move it to another day nor drop a case heard there (its
    decision would be orphaned and the case keep a "last meeting" that no longer is); its venue and
    attendance may be corrected, audited."""
    (nid, area), (other, _) = panel_cases(chair, 2)[:2]
    meeting = Meeting(area, 2, HELD - timedelta(days=1), venue="Northmere police station", cases=(nid, other))
    meeting_id = chair.save_meeting(meeting)
    chair.record_decision(nid, PanelDecision(meeting_id, 2, "Risk unchanged", HELD + timedelta(weeks=16)))
    name = som.record(nid, None).status.case.nominal.display_name
    moved = replace(meeting, held_on=TODAY + timedelta(days=14), cases=(other,))
    refused(chair, lambda: chair.save_meeting(moved, meeting_id), "held_on", "cannot change")
    refused(
        chair,
        lambda: chair.save_meeting(replace(meeting, cases=(other,)), meeting_id),
        "cases",
        f"{name} was heard at this meeting (decision recorded)",
    )
    # The case not heard may leave; the venue may be corrected.
    chair.save_meeting(replace(meeting, venue="Civic centre", cases=(nid,)), meeting_id)
    assert chair.meeting(meeting_id).venue == "Civic centre"
    assert "Venue" in audit_details(chair, "meetings")[-1]


def test_the_agenda_takes_only_cases_of_the_panels_level_and_area(chair):
    (level1, area1), *_ = panel_cases(chair, 1)
    refused(
        chair, lambda: chair.save_meeting(Meeting(area1, 2, HELD, cases=(level1,))), "cases", "level 1 case"
    )
    (nid, area), *_ = panel_cases(chair, 2)
    refused(
        chair, lambda: chair.save_meeting(Meeting(area + "x", 2, HELD, cases=(nid,))), "cases", "a case of"
    )
    refused(
        chair, lambda: chair.save_meeting(Meeting(area, 2, HELD, cases=("no-such-case",))), "cases", "no case"
    )


def test_a_decision_sets_the_cases_level_last_meeting_and_next_review_in_one_audited_change(chair, som):
    meeting_id, meeting = a_meeting(chair)
    nid = meeting.cases[0]
    review = HELD + timedelta(weeks=8)
    decision = PanelDecision(meeting_id, 3, "Risk to children rose: senior representation needed", review,
                             victim_safety="Exclusion zone round the school")  # fmt: skip
    decision_id = chair.record_decision(nid, decision)
    record = som.record(nid, None)
    mappa = record.status.case.nominal.mappa
    assert (mappa.level, mappa.last_meeting, mappa.next_review) == (3, HELD, review)
    (seen,) = [d for d in record.decisions if d.id == decision_id]
    assert seen.held_on == HELD and seen.plan_changes() == [
        ("Victim safety planning", "Exclusion zone round the school")
    ]
    assert any("panel decision, meeting of" in (d or "") for d in audit_details(chair, "nominals"))
    # One decision a case a meeting: a second is refused; the first is changed instead.
    refused(chair, lambda: chair.record_decision(nid, decision), "meeting_id", "already recorded")
    kept = PanelDecision(meeting_id, 3, "Risk to children rose", review + timedelta(weeks=1))
    chair.record_decision(nid, kept, decision_id)
    assert som.record(nid, None).status.case.nominal.mappa.next_review == review + timedelta(weeks=1)


def test_a_level_change_without_reasons_or_for_a_case_not_on_the_agenda_is_refused(chair):
    meeting_id, meeting = a_meeting(chair)
    nid = meeting.cases[0]
    review = HELD + timedelta(weeks=16)
    refused(
        chair,
        lambda: chair.record_decision(nid, PanelDecision(meeting_id, 3, "", review)),
        "rationale",
        "reasons",
    )
    other = next(i for i, _ in panel_cases(chair, 2) if i != nid)
    refused(
        chair,
        lambda: chair.record_decision(other, PanelDecision(meeting_id, 3, "", review)),
        "meeting_id",
        "agenda",
    )
    ahead_id = chair.save_meeting(Meeting(meeting.area, 2, TODAY + timedelta(days=3), cases=(nid,)))
    refused(
        chair,
        lambda: chair.record_decision(nid, PanelDecision(ahead_id, 2, "", review)),
        "meeting_id",
        "not been held",
    )


def test_every_decision_needs_the_panels_reasons_and_a_level_change_says_from_what(chair, som):
    """MAPPA guidance: the panel's reasons for every decision, keeping the level too; changing it, the
    message says from what to what (the level the case had before this meeting)."""
    nid, area = panel_cases(chair, 2)[-1]
    # A meeting before any the case had: its decision there is the case's first.
    first = min([d.held_on for d in som.record(nid, None).decisions] + [HELD]) - timedelta(weeks=4)
    meeting_id = chair.save_meeting(Meeting(area, 2, first, chair="DI Synth", cases=(nid,)))
    review = first + timedelta(weeks=16)
    refused(
        chair,
        lambda: chair.record_decision(nid, PanelDecision(meeting_id, 2, " ", review)),  # level 2 kept
        "rationale",
        "reasons for its decision (level 2)",
    )
    decision_id = chair.record_decision(nid, PanelDecision(meeting_id, 2, "Risk unchanged", review))
    later = PanelDecision(meeting_id, 2, "Risk unchanged", review + timedelta(weeks=1),
                          supervision="Fortnightly visits")  # fmt: skip
    chair.record_decision(nid, later, decision_id)
    (stored,) = [d for d in som.record(nid, None).decisions if d.id == decision_id]
    assert (stored.level, stored.next_review, stored.supervision) == (
        2,
        later.next_review,
        "Fortnightly visits",
    )
    refused(
        chair,
        lambda: chair.record_decision(nid, PanelDecision(meeting_id, 3, "", review), decision_id),
        "rationale",
        "give the panel's reasons",
    )
    # A new decision changing the level: the message says from what to what.
    other, other_area = panel_cases(chair, 2)[-2]
    later_id = chair.save_meeting(Meeting(other_area, 2, HELD, chair="DI Synth", cases=(other,)))
    refused(
        chair,
        lambda: chair.record_decision(other, PanelDecision(later_id, 3, "", HELD + timedelta(weeks=8))),
        "rationale",
        "changing the level from 2 to 3",
    )


def test_actions_are_added_and_updated_and_overdue_ones_show_on_the_record(chair, som):
    meeting_id, meeting = a_meeting(chair)
    nid = meeting.cases[0]
    late = PanelAction(
        meeting_id, "Joint visit with children's services", "Police", "DC Synth", HELD + timedelta(days=3)
    )
    soon = PanelAction(meeting_id, "Polygraph referral", "Probation", "PO Synth", TODAY + timedelta(days=10))
    late_id = chair.save_action(nid, late)
    chair.save_action(nid, soon)
    record = som.record(nid, None)
    this = [a.what for a in record.overdue_actions(TODAY) if a.meeting_id == meeting_id]  # the demo's aside
    assert this == [late.what]
    refused(
        chair,
        lambda: chair.save_action(
            nid, PanelAction(meeting_id, "x", "Police", "DC Synth", HELD - timedelta(days=1))
        ),
        "due_on",
        "before the meeting",
    )
    done = PanelAction(
        late.meeting_id, late.what, late.agency, late.owner, late.due_on, ActionStatus.DONE, TODAY
    )
    chair.save_action(nid, done, late_id)
    assert [a for a in som.record(nid, None).overdue_actions(TODAY) if a.meeting_id == meeting_id] == []


def test_a_som_may_not_save_a_meeting_record_a_decision_or_an_action(chair, som):
    meeting_id, meeting = a_meeting(chair)
    nid = meeting.cases[0]
    before = snapshot(som)
    for change in (
        lambda: som.save_meeting(meeting),
        lambda: som.record_decision(nid, PanelDecision(meeting_id, 2, "", HELD + timedelta(weeks=16))),
        lambda: som.save_action(nid, PanelAction(meeting_id, "Visit", "Police", "DC Synth", TODAY)),
    ):
        with pytest.raises(NotPermitted):
            change()
    assert snapshot(som) == before


def test_a_chair_still_records_nothing_else_on_a_case(chair):
    (nid, _), *_ = panel_cases(chair)
    with pytest.raises(NotPermitted):
        chair.plan_visit(nid, TODAY + timedelta(days=2))
