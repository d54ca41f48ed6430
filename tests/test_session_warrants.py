"""Failed entry and s.96B through the session (app/warrants.py): two unsuccessful attempts since the
person was last seen make a warrant decision due (in the record and the warrant queue); a supervisor's
decision is written, audited and queued for sync, and clears the prompt until the next two attempts; a
SOM may not decide; a decision without a reason or covering no attempt is refused naming the field."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import BrokenRules, NotPermitted, Role, Session
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.warrants import WarrantDecision
from tests.conftest import NOW, TODAY


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("warrants"), rsos=300, seed=11)
    yield opened
    opened.lock()


def as_role(opened, role, policy) -> Session:
    return Session(opened, demo_identity(opened, role), policy, lambda: TODAY, "demo", lambda: NOW)


def a_person(session: Session, skip: int = 0) -> str:
    """A case of the SOM's held by both roles: in the community, not missing, last seen over 30 days ago."""
    with session.opened.reader() as reader:
        rows = reader.conn.exec_driver_sql(
            "SELECT id FROM nominals WHERE deleted = 0 AND in_custody = 0 AND officer_id = ? "
            "AND (last_seen_visit IS NULL OR last_seen_visit < ?) "
            "AND id NOT IN (SELECT nominal_id FROM whereabouts WHERE resolved_on IS NULL AND deleted = 0) "
            "AND id NOT IN (SELECT nominal_id FROM foreign_trips WHERE deleted = 0) ORDER BY visor_ref",
            (session.identity.officer_id, (TODAY - timedelta(days=30)).isoformat()),
        ).fetchall()
    return rows[skip][0]


def knock(session: Session, nid: str, days_ago: int, outcome=VisitOutcome.NOT_SEEN) -> str:
    at = datetime.combine(TODAY - timedelta(days=days_ago), NOW) - timedelta(hours=3)
    return session.record_visit(Visit(nid, at, outcome, officers=("DC Test", "PC Test")))


def test_two_attempts_prompt_a_decision_which_a_supervisor_records(opened, policy):
    som = as_role(opened, Role.SOM, policy)
    boss = as_role(opened, Role.SUPERVISOR, policy)
    nid = a_person(som)
    first = knock(som, nid, 20)
    assert not som.warrant(nid).due
    second = knock(som, nid, 10, VisitOutcome.REFUSED_ENTRY)
    status = som.warrant(nid)
    assert status.due and [a.id for a in status.pending] == [first, second]
    queue = som.workspace().queues["warrants"]
    assert nid in [i.nominal_id for i in queue]

    decision = WarrantDecision(
        nid, TODAY, False, "seen at the probation office last week", "DS Test", (first, second)
    )
    with pytest.raises(NotPermitted):
        som.decide_warrant(nid, decision)
    did = boss.decide_warrant(nid, decision)
    assert not boss.warrant(nid).due
    assert nid not in [i.nominal_id for i in boss.workspace().queues["warrants"]]
    with opened.reader() as reader:
        audit = reader.conn.exec_driver_sql(
            "SELECT action FROM audit_log WHERE table_name = 'warrant_decisions' AND record_id = ?", (did,)
        ).fetchall()
    assert audit == [("collection",)]  # s.62: recorded as it was made (the sync test sends it)

    # A decision not to apply: the next attempt alone prompts nothing, the one after does.
    third = knock(som, nid, 5)
    assert not som.warrant(nid).due
    fourth = knock(som, nid, 2)
    again = som.warrant(nid)
    assert again.due and [a.id for a in again.pending] == [third, fourth]
    assert "last decision: not to apply" in again.reason


def test_a_decision_without_a_reason_or_attempts_is_refused_naming_the_field(opened, policy):
    som = as_role(opened, Role.SOM, policy)
    boss = as_role(opened, Role.SUPERVISOR, policy)
    nid = a_person(som, skip=1)
    one = knock(som, nid, 12)
    with pytest.raises(BrokenRules) as caught:
        boss.decide_warrant(nid, WarrantDecision(nid, TODAY, True, "two refusals", "DS Test", (one,)))
    assert [p.field for p in caught.value.problems] == ["attempts"]
    assert "at least two" in str(caught.value)
    two = knock(som, nid, 11)
    with pytest.raises(BrokenRules) as caught:
        boss.decide_warrant(nid, WarrantDecision(nid, TODAY, True, "  ", "DS Test", (one, two)))
    assert [p.field for p in caught.value.problems] == ["reason"]
    three = knock(som, nid, 10)
    with pytest.raises(BrokenRules) as caught:  # the first left behind, undecided
        boss.decide_warrant(nid, WarrantDecision(nid, TODAY, True, "two refusals", "DS Test", (two, three)))
    assert "earlier attempt not yet decided on" in str(caught.value)
    with pytest.raises(BrokenRules) as caught:
        boss.decide_warrant(nid, WarrantDecision(nid, TODAY, True, "two refusals", "DS Test", ()))
    assert [p.field for p in caught.value.problems] == ["attempts"]
    with pytest.raises(BrokenRules) as caught:
        boss.decide_warrant(nid, WarrantDecision(nid, TODAY, True, "why", "DS Test", ("not-a-visit",)))
    assert "not among the unsuccessful attempts" in str(caught.value)
    with pytest.raises(BrokenRules) as caught:
        early = TODAY - timedelta(days=20)
        boss.decide_warrant(nid, WarrantDecision(nid, early, True, "why", "DS Test", (one, two)))
    assert [p.field for p in caught.value.problems] == ["decided_on"]
    assert boss.warrant_decisions(nid) == []


def test_apply_is_refused_while_the_person_is_abroad_and_not_to_apply_is_recorded(opened, policy):
    from somdesk.domain.model import ForeignTrip

    som = as_role(opened, Role.SOM, policy)
    boss = as_role(opened, Role.SUPERVISOR, policy)
    nid = a_person(som, skip=2)
    tried = (knock(som, nid, 30), knock(som, nid, 25))
    som.save_trip(
        nid,
        ForeignTrip(
            TODAY - timedelta(days=8), "Spain", TODAY - timedelta(days=20), "", TODAY + timedelta(days=22)
        ),
    )
    with pytest.raises(BrokenRules) as caught:
        boss.decide_warrant(nid, WarrantDecision(nid, TODAY, True, "two no-replies", "DS Test", tried))
    (problem,) = caught.value.problems
    assert (
        problem.field == "apply"
        and "s.96B(4): no warrant while outside the UK (trip to Spain" in problem.message
    )
    assert boss.decide_warrant(nid, WarrantDecision(nid, TODAY, False, "abroad: s.96B(4)", "DS Test", tried))


def test_a_refusal_after_a_seen_visit_the_same_day_counts_by_time(opened, policy):
    som = as_role(opened, Role.SOM, policy)
    nid = a_person(som, skip=3)
    day = datetime.combine(TODAY - timedelta(days=3), NOW)

    def at(hour: int, minute: int, outcome: VisitOutcome) -> str:
        when = day.replace(hour=hour, minute=minute)
        return som.record_visit(Visit(nid, when, outcome, officers=("DC Test", "PC Test")))

    at(9, 0, VisitOutcome.NOT_SEEN)
    at(21, 20, VisitOutcome.SEEN)
    refused = at(21, 21, VisitOutcome.REFUSED_ENTRY)
    assert [a.id for a in som.warrant(nid).attempts] == [refused]  # the 09:00 no-reply came before
    (status,) = [s for s in som.workspace().statuses if s.case.nominal.id == nid]
    assert [a.id for a in status.case.attempts] == [refused]


def test_who_decided_is_the_signed_in_user_not_what_was_typed(opened, policy):
    som = as_role(opened, Role.SOM, policy)
    boss = as_role(opened, Role.SUPERVISOR, policy)
    nid = a_person(som, skip=4)
    tried = (knock(som, nid, 30), knock(som, nid, 25))
    boss.decide_warrant(
        nid, WarrantDecision(nid, TODAY, True, "two no-replies", "Supt Nobody decided", tried)
    )
    (held,) = boss.warrant_decisions(nid)
    assert held.decided_by == boss.user != "Supt Nobody decided"
