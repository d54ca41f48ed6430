"""The incremental refresh (Session.refreshed, app/incremental.py) gives what the full one gives.

Random sequences of changes through the real Session on a real (encrypted) demo profile; after each,
the workspace refreshed from the touched cases only is compared with `Session.workspace()`, which
reads and evaluates every case.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from somdesk.app.profiles import open_demo_profile
from somdesk.app.session import Identity, Role, Session, Workspace, dismantle
from somdesk.demo import generate
from somdesk.domain.invariants import BrokenRules
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.records import CIVIL_ORDERS, NOMINALS
from tests.conftest import NOW, TODAY

RSOS = 300


@pytest.fixture(scope="module")
def session(tmp_path_factory, policy):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("incremental"), rsos=RSOS, seed=11)
    # A supervisor: may reallocate, and the refresh saves the oversight board's weekly snapshot.
    s = Session(opened, Identity("DS Test", Role.SUPERVISOR), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s
    s.lock()


def assert_same(incremental: Workspace, full: Workspace) -> None:
    a, b = incremental.figures, full.figures
    assert a.today == b.today
    assert [s.case.nominal.id for s in a.statuses] == [s.case.nominal.id for s in b.statuses]
    assert a.statuses == b.statuses
    assert a.queues.keys() == b.queues.keys()
    for name in b.queues:
        assert a.queues[name] == b.queues[name], name
    assert a.caseload == b.caseload
    assert a.forecast == b.forecast
    assert incremental.search_texts == full.search_texts
    assert sorted(map(repr, incremental.visit_log)) == sorted(map(repr, full.visit_log))
    assert [v.at for v in incremental.visit_log] == [v.at for v in full.visit_log]  # oldest first

    def by_person(ws: Workspace) -> dict[str, list[str]]:
        return {nid: sorted(map(repr, vs)) for nid, vs in ws.visit_index.items()}

    assert by_person(incremental) == by_person(full)
    assert incremental.pending_changes == full.pending_changes
    assert incremental.officers == full.officers and incremental.teams == full.teams


def _visit(s: Session, ws: Workspace, n: int) -> set[str]:
    # Someone at liberty: a home visit cannot have seen a person in custody (and earlier steps, run in
    # any order by hypothesis, change who is where).
    free = [st for st in ws.statuses if not st.case.nominal.registration.in_custody]
    nid = free[n % len(free)].case.nominal.id
    outcome = (VisitOutcome.SEEN, VisitOutcome.NOT_SEEN, VisitOutcome.REFUSED_ENTRY)[n % 3]
    s.record_visit(
        Visit(nid, datetime.combine(TODAY, NOW) - timedelta(hours=n % 40), outcome, officers=("DC T", "PC U"))
    )
    return {nid}


def _arms(s: Session, ws: Workspace, n: int) -> set[str]:
    nid = ws.statuses[n % len(ws.statuses)].case.nominal.id
    model = generate(3, 2, TODAY).arms[0]
    s.save_arms(replace(model, nominal_id=nid, completed_on=TODAY))
    return {nid}


def _order(s: Session, ws: Workspace, n: int) -> set[str]:
    nid = ws.statuses[n % len(ws.statuses)].case.nominal.id
    kind = (OrderKind.SHPO, OrderKind.SRO, OrderKind.SOPO)[n % 3]
    made = TODAY - timedelta(days=n % 400)
    s.save_order(
        nid, CivilOrder(kind, "Synthetic Crown Court", made, made + timedelta(days=5 * 365 + n % 30))
    )
    return {nid}


def _reallocate(s: Session, ws: Workspace, n: int) -> set[str]:
    soms = [o for o in ws.officers if o.is_som]
    moved = [st.case.nominal.id for st in ws.statuses[n % 7 :: 23]]  # a dozen cases
    s.reallocate({nid: soms[(n + i) % len(soms)].id for i, nid in enumerate(moved)}, "balancing")
    return set(moved)


def _remove_order(s: Session, ws: Workspace, n: int) -> set[str]:
    held = [st for st in ws.statuses if st.case.nominal.orders]
    status = held[n % len(held)]
    order = status.case.nominal.orders[0]
    s.remove(CIVIL_ORDERS, status.case.nominal.id, order.id, "entered on the wrong person")
    return {status.case.nominal.id}


def _create(s: Session, ws: Workspace, n: int) -> set[str]:
    model = generate(2, 100 + n, TODAY).cases[0].nominal
    nid = str(uuid.uuid4())
    som = [o for o in ws.officers if o.is_som][n % 3]
    nominal = replace(model, id=nid, visor_ref=f"26/{n:06d}X{nid[:4]}", pnc_id="", officer_id=som.id)
    with s.changes() as uow:
        uow.add_nominal(nominal)
    return {nid}


def _pulled(s: Session, ws: Workspace, n: int) -> set[str]:
    """What a pulled page does: several cases written at once, one of them gone from the profile."""
    picked = [st.case.nominal.id for st in ws.statuses[n % 5 :: 61]]
    with s.changes() as uow:
        uow.add_visits(
            Visit(
                nid, datetime.combine(TODAY, NOW) - timedelta(days=2), VisitOutcome.SEEN, officers=("DC T",)
            )
            for nid in picked[1:]
        )
        uow.remove(NOMINALS, picked[0], "purged: left the user's scope")
    return set(picked)


CHANGES = [_visit, _arms, _order, _reallocate, _remove_order, _create, _pulled]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(CHANGES), st.integers(0, 10_000)), min_size=1, max_size=5))
def test_an_incremental_refresh_gives_the_full_refresh(session, steps):
    ws = session.workspace()
    for change, n in steps:
        try:
            touched = change(session, ws, n)
        except BrokenRules:
            continue  # the rules refused it: nothing was written
        before = {id(s) for s in ws.statuses}
        ws = session.refreshed(ws, touched)
        assert_same(ws, session.workspace())
        # Evaluated again: the touched cases only (a full reload would have made every status anew).
        assert {s.case.nominal.id for s in ws.statuses if id(s) not in before} <= touched


def test_untouched_rows_stay_the_same_objects(session):
    ws = session.workspace()
    touched = _visit(session, ws, 1)
    after = session.refreshed(ws, touched)
    old = {id(s) for s in ws.statuses}
    assert [s.case.nominal.id for s in after.statuses if id(s) not in old] == sorted(touched)
    for name, items in after.queues.items():
        before = {id(i) for i in ws.queues[name]}
        assert {i.nominal_id for i in items if id(i) not in before} <= touched, name
        assert items is not ws.queues[name]  # a new list: the old one is freed slice by slice
    assert after.statuses is not ws.statuses and after.search_texts is not ws.search_texts


def test_a_new_day_or_policy_gives_the_full_refresh(session, policy):
    ws = session.workspace()
    touched = _visit(session, ws, 2)
    later = Session(
        session.opened, session.identity, policy, lambda: TODAY + timedelta(days=9), "demo", lambda: NOW
    )
    assert_same(later.refreshed(ws, touched), later.workspace())
    rules = replace(policy.visits, due_soon_days=policy.visits.due_soon_days + 10)
    stricter = Session(
        session.opened, session.identity, replace(policy, visits=rules), lambda: TODAY, "demo", lambda: NOW
    )
    refreshed = stricter.refreshed(ws, touched)
    assert_same(refreshed, stricter.workspace())
    assert len(refreshed.queues["visits"]) > len(ws.queues["visits"])  # the policy was applied


def test_freeing_the_replaced_workspace_leaves_the_new_one_whole(session):
    ws = session.workspace()
    after = session.refreshed(ws, _visit(session, ws, 3))
    dismantle(ws, chunk=7, successor=after)  # as the window does, once the views hold the new rows
    assert not ws.statuses and not ws.search_texts and not any(ws.queues.values())
    assert_same(after, session.workspace())
    full = session.workspace()
    dismantle(after, chunk=7, successor=full)  # replaced by a full load: it hands nothing on
    assert not after.figures.by_id and not after.visit_index  # they held the statuses and visits too
