"""The oversight board through the session: who may see it, the weekly snapshots it keeps, and the
figures it computes from what the profile holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Identity, NotPermitted, Role, Session
from somdesk.domain.model import Visit, VisitOutcome
from tests.conftest import NOW, TODAY


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=120, seed=5)
    s = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo", lambda: NOW)
    s.identity = Identity("DS Ana Vell", Role.SUPERVISOR)  # force-wide: a senior leader's view
    yield s
    s.lock()


def test_a_som_neither_sees_the_board_nor_keeps_snapshots(session):
    session.identity = Identity("DC Sam Okafor", Role.SOM, session.workspace().officers[0].id)
    before = session.opened.snapshots()
    ws = session.workspace()
    assert session.opened.snapshots() == before
    with pytest.raises(NotPermitted, match="SOM may not see the board"):
        session.board(ws)


def test_each_refresh_keeps_the_weeks_latest_snapshot_and_a_new_week_adds_one(session):
    ws = session.workspace()
    (snap,) = session.opened.snapshots()
    assert snap.week == "2026-W48" and snap.get("rsos") == ws.caseload.force.rsos
    assert snap.get("visits_overdue") == ws.caseload.force.overdue_visits
    session.workspace()
    assert len(session.opened.snapshots()) == 1
    session.today = lambda: TODAY + timedelta(days=7)  # type: ignore[method-assign]
    session.workspace()
    assert [s.week for s in session.opened.snapshots()] == ["2026-W48", "2026-W49"]
    board = session.board(session.workspace())
    assert [s.week for s in board.trend] == ["2026-W48", "2026-W49"]


def test_the_board_agrees_with_the_dashboard_and_counts_a_lone_visit(session):
    ws = session.workspace()
    board = session.board(ws)
    force = ws.caseload.force
    o = board.oversight
    assert o.figure("rsos").value == force.rsos
    assert o.figure("visits").value == force.overdue_visits
    assert o.figure("arms").value == force.arms_backlog
    assert o.figure("wanted").value == force.wanted and o.figure("missing").value == force.missing
    assert len(o.cases) == force.rsos
    assert [s.name for s in board.scenarios] == ["Force's own rate", "National", "Creedon review"]
    assert board.burn_down.backlog == force.arms_backlog
    nid = next(r.nominal_id for r in o.cases if r.nominal_id not in o.figure("lone").ids)
    session.record_visit(
        Visit(
            nid,
            datetime(2026, 11, 23, 9),
            VisitOutcome.SEEN,
            officers=("DC Tan",),
            lone_reason="second officer called to an emergency",
            lone_authorised_by=next(o.name for o in session.workspace().officers if not o.is_som),
        ),
    )
    again = session.board(session.workspace())
    assert nid in again.oversight.figure("lone").ids
    assert again.oversight.visits_in_period == o.visits_in_period + 1


def test_the_burn_down_target_is_the_users_choice(session):
    ws = session.workspace()
    assert session.board(ws).burn_down.target == date(2027, 3, 31)
    assert session.board(ws, date(2027, 1, 31)).burn_down.target == date(2027, 1, 31)
