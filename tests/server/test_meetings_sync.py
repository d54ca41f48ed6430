"""MAPPA meetings through a live central store on PostgreSQL: two devices of one area's panel chair share
a meeting and the panel's decisions and actions; a chair of another area never holds them and cannot
add one to the first area's panel; the case's SOM receives the decisions and actions of their case (no
meeting) but their device cannot push one: refused, and nothing changes on the central store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.demo import generate
from somdesk.demo.meetings import panel_meetings
from somdesk.domain.meetings import Meeting, PanelAction, PanelDecision
from somdesk.domain.records import MEETINGS, PANEL_DECISIONS
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.store.panel import decision_values, meeting_values
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, LiveServer, new_device, server_count

pytestmark = pytest.mark.postgres
HELD = TODAY - timedelta(days=5)


def panel_case_of_som1(store) -> tuple[str, str, str]:
    """(case id, its area, another team's area): a level 2 or 3 case in som1's caseload."""
    with store.engine.connect() as conn:
        officer = conn.execute(text("SELECT officer_id FROM users WHERE username = 'som1'")).scalar_one()
        case, area = conn.execute(
            text(
                "SELECT id, area FROM records WHERE table_name = 'nominals' AND officer_id = :o "
                "AND mappa_level = 2 AND area IS NOT NULL ORDER BY id LIMIT 1"
            ),
            {"o": officer},
        ).one()
        areas = {
            json.loads(d)["area"]
            for (d,) in conn.execute(text("SELECT data FROM records WHERE table_name = 'teams'"))
        }
    return case, area, sorted(areas - {area})[0]


@pytest.fixture
def world(tmp_path, store) -> Iterator[tuple[dict[str, Device], str, str, str]]:
    seed_demo(store, 400, 7, TODAY, soms=1)
    case, area, elsewhere = panel_case_of_som1(store)
    store.add_user("chair-a", "DI Synth", Role.PANEL_CHAIR, DEMO_PASSWORD, area=area)
    store.add_user("chair-b", "DI Other", Role.PANEL_CHAIR, DEMO_PASSWORD, area=elsewhere)
    with LiveServer(store) as server:
        made = {
            name: new_device(tmp_path / name, server.url, account, DEMO_PASSWORD)
            for name, account in (
                ("chair", "chair-a"),
                ("deputy", "chair-a"),
                ("other", "chair-b"),
                ("som", "som1"),
            )
        }
        for device in made.values():
            device.sync()
        yield made, case, area, elsewhere
        for device in made.values():
            device.close()


def test_the_demo_force_seeds_its_past_meetings_decisions_and_actions(world, store):
    devices, _case, area, _elsewhere = world
    meetings, records = panel_meetings(generate(400, 7, TODAY).nominals, 7, TODAY)
    assert server_count(store, "table_name = 'meetings'") == len(meetings) > 0
    assert server_count(store, "table_name IN ('panel_decisions', 'panel_actions')") == len(records)
    # The chair of the case's area holds its area's meetings; the SOM their cases' decisions only.
    chair, som = devices["chair"], devices["som"]
    assert chair.count("meetings") == sum(1 for m in meetings if m.area == area)
    assert som.count("meetings") == 0 and som.count("panel_decisions") > 0


def session_on(device: Device, role: Role) -> Session:
    return Session(
        device.opened, Identity("DI Synth", role), default_policy(), lambda: TODAY, "", lambda: NOW
    )


def test_a_meeting_and_its_decisions_reach_the_panels_chairs_and_the_cases_som_and_no_one_else(world, store):
    devices, case, area, _elsewhere = world
    chair, deputy, other, som = devices["chair"], devices["deputy"], devices["other"], devices["som"]
    assert chair.count("nominals", f"id = '{case}'") == 1 and other.count("nominals", f"id = '{case}'") == 0
    here = session_on(chair, Role.PANEL_CHAIR)
    agencies = ("Police", "Probation")
    meeting = Meeting(area, 2, HELD, venue="Northmere police station", chair="DI Synth",
                      invited=agencies, attending=agencies, cases=(case,))  # fmt: skip
    meeting_id = here.save_meeting(meeting)
    review = HELD + timedelta(weeks=16)
    decision_id = here.record_decision(
        case, PanelDecision(meeting_id, 2, "Risk unchanged", review, supervision="Weekly visits")
    )
    overdue = PanelAction(
        meeting_id, "Joint visit with children's services", "Police", "DC Synth", HELD + timedelta(days=2)
    )
    action_id = here.save_action(case, overdue)
    report = chair.sync()
    assert report.refused == 0 and report.pushed == 4  # meeting, decision, the case's review, action

    deputy.sync()
    assert session_on(deputy, Role.PANEL_CHAIR).meeting(meeting_id) == meeting
    assert deputy.value("panel_decisions", decision_id, "next_review") == review.isoformat()

    other.sync()
    assert other.count("meetings", f"id = '{meeting_id}'") == 0
    assert other.count("panel_decisions", f"nominal_id = '{case}'") == 0
    assert other.count("panel_actions", f"nominal_id = '{case}'") == 0
    # Nor any other meeting of the first area's panels (the demo's past ones).
    assert other.count("meetings", f"area = '{area}'") == 0

    som.sync()
    assert som.count("meetings") == 0  # a SOM holds no meeting: the decision carries its date
    record = session_on(som, Role.SOM).record(case, None)
    latest = record.decisions[0]  # the demo's earlier meeting's decision after it
    assert (latest.id, latest.held_on) == (decision_id, HELD)
    assert action_id in [a.id for a in record.overdue_actions(TODAY)]
    assert record.status.case.nominal.mappa.next_review == review


def test_a_soms_device_cannot_push_a_decision_nor_another_areas_chair_a_meeting(world, store):
    devices, case, area, elsewhere = world
    chair, other, som = devices["chair"], devices["other"], devices["som"]
    meeting_id = session_on(chair, Role.PANEL_CHAIR).save_meeting(Meeting(area, 2, HELD, cases=(case,)))
    chair.sync()
    before = server_count(store, "table_name IN ('meetings', 'panel_decisions', 'panel_actions')")
    # Written on the SOM's device behind the session's back (an old client, a hand-made change).
    decision = PanelDecision(meeting_id, 3, "raised", HELD + timedelta(weeks=8), held_on=HELD)
    with som.opened.unit_of_work(justification_required=False) as uow:
        uow.add(PANEL_DECISIONS, {"nominal_id": case, **decision_values(decision)})
    assert som.sync().refused == 1
    (refusal,) = som.local.rejections()
    assert "SOM may not change this panel decision" in refusal.reason

    # Another area's chair: neither a meeting for the first area's panel, nor a change to its meeting.
    with other.opened.unit_of_work(justification_required=False) as uow:
        uow.add(MEETINGS, meeting_values(Meeting(area, 2, HELD)))
    with other.opened.unit_of_work(justification_required=False) as uow:
        uow.conn.exec_driver_sql(
            "INSERT INTO meetings (id, area, mappa_level, held_on, venue, chair, invited, attending, "
            "cases, version, updated_at, updated_by, deleted) "
            "VALUES (?, ?, 2, ?, '', '', '[]', '[]', '[]', 1, ?, 'x', 0)",
            (meeting_id, elsewhere, HELD.isoformat(), "2026-11-23T10:00:00"),
        )
        uow.change(MEETINGS, meeting_id, {"venue": "Southmere"})
    assert other.sync().refused == 2
    reasons = sorted(r.reason for r in other.local.rejections())
    assert reasons == [
        f"no MAPPA meeting {meeting_id} that you may change",
        "the meeting would not be one of your panel's",
    ]
    assert server_count(store, "table_name IN ('meetings', 'panel_decisions', 'panel_actions')") == before


def test_the_central_store_keeps_a_meeting_on_the_record_to_its_date_and_cases_heard(world, store):
    """A meeting with a decision recorded at it: an old client (or a hand-made change) moving it to
    another day or dropping the case heard is refused at the central store, naming the field; its venue
    may still be corrected."""
    devices, case, area, _elsewhere = world
    chair = devices["chair"]
    here = session_on(chair, Role.PANEL_CHAIR)
    meeting_id = here.save_meeting(Meeting(area, 2, HELD, venue="Northmere", cases=(case,)))
    here.record_decision(case, PanelDecision(meeting_id, 2, "Risk unchanged", HELD + timedelta(weeks=16)))
    assert chair.sync().refused == 0
    moved = {"held_on": TODAY + timedelta(days=14), "cases": "[]"}
    with chair.opened.unit_of_work(justification_required=False) as uow:
        uow.change(MEETINGS, meeting_id, moved)
    assert chair.sync().refused == 1
    (refusal,) = chair.local.rejections()
    assert "held_on: the meeting was held on" in refusal.reason
    assert "was heard at this meeting (decision recorded)" in refusal.reason
    with store.engine.connect() as conn:
        data = conn.execute(text("SELECT data FROM records WHERE id = :i"), {"i": meeting_id}).scalar_one()
    assert json.loads(data)["held_on"] == HELD.isoformat()
    assert json.loads(data)["cases"] == json.dumps([case])
