"""Failed entry and s.96B through a live central store on PostgreSQL: the SOM's two unsuccessful
attempts reach their supervisor's device, where a warrant decision is due; the supervisor's decision
reaches the SOM's device and clears the prompt there; another SOM's device never holds it; a SOM's
device that writes a decision behind the session's back is refused by the central store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import ForeignTrip, Visit, VisitOutcome
from somdesk.domain.records import WARRANT_DECISIONS
from somdesk.domain.warrants import WarrantDecision
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.store.warrants import decision_values
from tests.conftest import NOW, TODAY

from .sync_helpers import Device, LiveServer, new_device, server_count

pytestmark = pytest.mark.postgres


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    seed_demo(store, 120, 7, TODAY, soms=2)
    with LiveServer(store) as server:
        made = {
            name: new_device(tmp_path / name, server.url, account, DEMO_PASSWORD)
            for name, account in (("som", "som1"), ("colleague", "som2"), ("sup", "sup1"))
        }
        for device in made.values():
            device.sync()
        yield made
        for device in made.values():
            device.close()


def session_on(device: Device, role: Role, store, username: str) -> Session:
    """A session as the device's signed-in account, by its name as the central store knows it (as a
    connected profile's identity has it)."""
    name = next(u.display_name for u in store.usernames() if u.username == username)
    return Session(device.opened, Identity(name, role), default_policy(), lambda: TODAY, "", lambda: NOW)


def test_attempts_and_a_warrant_decision_sync_between_a_som_and_their_supervisor(devices, store):
    som_device, sup_device, colleague = devices["som"], devices["sup"], devices["colleague"]
    som = session_on(som_device, Role.SOM, store, "som1")
    sup = session_on(sup_device, Role.SUPERVISOR, store, "sup1")
    held_by_sup = {s.case.nominal.id for s in sup.workspace().statuses}
    nid = next(
        s.case.nominal.id
        for s in som.workspace().statuses
        if s.case.nominal.id in held_by_sup
        and not s.case.attempts
        and not s.case.nominal.registration.in_custody
        and s.case.missing is None
        and not s.case.nominal.trips
        and (s.case.last_seen_visit is None or s.case.last_seen_visit < TODAY - timedelta(days=30))
    )
    at = datetime.combine(TODAY, NOW)
    for days in (14, 7):
        som.record_visit(
            Visit(nid, at - timedelta(days=days), VisitOutcome.NOT_SEEN, officers=("DC A", "DC B"))
        )
    assert som_device.sync().pushed == 2

    sup_device.sync()
    status = sup.warrant(nid)
    assert status.due and len(status.pending) == 2
    decision = WarrantDecision(
        nid, TODAY, True, "two no-replies; high risk", "DS Sync", tuple(a.id for a in status.pending)
    )
    decision_id = sup.decide_warrant(nid, decision)
    report = sup_device.sync()
    assert report.pushed == 1 and report.refused == 0
    assert server_count(store, f"table_name = 'warrant_decisions' AND id = '{decision_id}'") == 1

    som_device.sync()
    (held,) = som.warrant_decisions(nid)
    assert (held.id, held.apply, held.reason, held.attempts) == (
        decision_id,
        True,
        decision.reason,
        decision.attempts,
    )
    assert not som.warrant(nid).due
    assert nid not in [i.nominal_id for i in som.workspace().queues["warrants"]]

    colleague.sync()
    assert colleague.count("warrant_decisions") == 0  # not in som2's caseload

    # Written on the SOM's device behind the session's back (an old client, a hand-made change).
    forged = WarrantDecision(nid, TODAY, False, "no need", "DC Som", decision.attempts)
    with som_device.opened.unit_of_work(justification_required=False) as uow:
        uow.add(WARRANT_DECISIONS, {"nominal_id": nid, **decision_values(forged)})
    assert som_device.sync().refused == 1
    assert server_count(store, "table_name = 'warrant_decisions'") == 1


def _refusal(session: Session, record_id: str) -> str:
    return next(r.reason for r in session.sync_issues().refusals if r.record_id == record_id)


def test_the_central_store_holds_a_decision_to_the_attempts_and_the_s96b4_bar(devices, store):
    som_device, sup_device = devices["som"], devices["sup"]
    som = session_on(som_device, Role.SOM, store, "som1")
    sup = session_on(sup_device, Role.SUPERVISOR, store, "sup1")
    held_by_sup = {s.case.nominal.id for s in sup.workspace().statuses}
    nid = next(
        s.case.nominal.id
        for s in som.workspace().statuses
        if s.case.nominal.id in held_by_sup
        and not s.case.attempts
        and not s.case.nominal.registration.in_custody
        and s.case.missing is None
        and not s.case.nominal.trips
        and (s.case.last_seen_visit is None or s.case.last_seen_visit < TODAY - timedelta(days=30))
    )
    at = datetime.combine(TODAY, NOW)
    tried = tuple(
        som.record_visit(Visit(nid, at - timedelta(days=d), VisitOutcome.NOT_SEEN, officers=("DC A", "DC B")))
        for d in (21, 14, 7)
    )
    trip = ForeignTrip(
        TODAY - timedelta(days=3), "Spain", TODAY - timedelta(days=20), "", TODAY + timedelta(days=20)
    )
    som.save_trip(nid, trip)
    assert som_device.sync().refused == 0
    sup_device.sync()

    def forge(attempts: tuple[str, ...], apply: bool) -> tuple[int, str]:
        """A decision written on the supervisor's device behind the session's back (an old client)."""
        decision = WarrantDecision(nid, TODAY, apply, "forged", sup.user, attempts)
        with sup_device.opened.unit_of_work(justification_required=False) as uow:
            made = uow.add(WARRANT_DECISIONS, {"nominal_id": nid, **decision_values(decision)})
        refused = sup_device.sync().refused
        return refused, _refusal(sup, made) if refused else ""

    refused, why = forge(tried[:1], False)
    assert refused == 1 and "attempts: cover at least two" in why
    refused, why = forge(tried[1:], False)
    assert refused == 1 and "attempts: also cover the earlier attempt not yet decided on" in why
    refused, why = forge(tried, True)
    assert refused == 1 and "apply: s.96B(4): no warrant while outside the UK (trip to Spain" in why
    decision = WarrantDecision(nid, TODAY, False, "forged", "Supt Nobody", tried)
    with sup_device.opened.unit_of_work(justification_required=False) as uow:
        made = uow.add(WARRANT_DECISIONS, {"nominal_id": nid, **decision_values(decision)})
    assert sup_device.sync().refused == 1
    assert "decided_by: the decision is recorded by the one who made it" in _refusal(sup, made)
    assert sup.user != "Supt Nobody"
    assert forge(tried, False) == (0, "")  # not to apply: the bar may be the reason
    assert server_count(store, "table_name = 'warrant_decisions'") == 1
