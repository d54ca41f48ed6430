"""The demo's MAPPA meetings (demo/meetings.py): the same from the same seed, each panel hearing cases of
its own area and level, every decision and action keeping the rules a chair's would, some actions done
and some open past their due date (so the queues and the record have something to show)."""

from __future__ import annotations

from somdesk.demo import generate
from somdesk.demo.meetings import panel_meetings
from somdesk.domain.meeting_rules import action_problems, decision_problems, meeting_problems
from somdesk.domain.meetings import ActionStatus, PanelAction, PanelDecision
from tests.conftest import TODAY


def test_the_demo_meetings_are_deterministic_and_keep_every_rule():
    data = generate(600, 11, TODAY)
    meetings, records = panel_meetings(data.nominals, 11, TODAY)
    again = panel_meetings(generate(600, 11, TODAY).nominals, 11, TODAY)
    assert [(m.id, m) for m in meetings] == [(m.id, m) for m in again[0]]
    assert [(n, r.id) for n, r in records] == [(n, r.id) for n, r in again[1]]
    assert meetings, "a force of 600 has level 2 and 3 cases"
    by_id = {n.id: n for n in data.nominals}
    held = {m.id: m for m in meetings}
    for m in meetings:
        assert meeting_problems(m) == [] and m.held_on < TODAY
        for nid in m.cases:
            n = by_id[nid]
            assert n.mappa.level == m.level and n.address is not None and n.address.area == m.area
    decisions = [(nid, r) for nid, r in records if isinstance(r, PanelDecision)]
    actions = [(nid, r) for nid, r in records if isinstance(r, PanelAction)]
    assert sorted(nid for nid, _ in decisions) == sorted(nid for m in meetings for nid in m.cases)
    for nid, d in decisions:
        assert decision_problems(d, by_id[nid].mappa.level) == [] and d.held_on == held[d.meeting_id].held_on
    for nid, a in actions:
        assert nid in held[a.meeting_id].cases
        assert action_problems(a, held[a.meeting_id].held_on, TODAY) == []
    # A panel sits every four weeks and hears several cases; each case's last meeting is its decision's.
    assert max(len(m.cases) for m in meetings) > 1
    assert all(d.held_on == by_id[nid].mappa.last_meeting for nid, d in decisions)
    assert any(a.status is ActionStatus.DONE for _, a in actions)
    assert any(a.overdue(TODAY) for _, a in actions)
