"""A point set by hand through a live central store on PostgreSQL: set on the SOM's device, it reaches
their supervisor's (the other officer of a pair needs it), changed there it comes back, cleared it goes
from both; another SOM's device never holds it; an off-grid point written behind the session's back is
refused before it is stored (the declaration's range, which the central store holds too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.locations import Located
from somdesk.domain.records import HAND_POINTS
from somdesk.domain.rounds import GridPoint
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
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
    name = next(u.display_name for u in store.usernames() if u.username == username)
    return Session(device.opened, Identity(name, role), default_policy(), lambda: TODAY, "", lambda: NOW)


def test_a_point_set_by_hand_syncs_to_the_pair_and_its_clearing_too(devices, store):
    som_device, sup_device, colleague = devices["som"], devices["sup"], devices["colleague"]
    som = session_on(som_device, Role.SOM, store, "som1")
    sup = session_on(sup_device, Role.SUPERVISOR, store, "sup1")
    held_by_sup = {s.case.nominal.id for s in sup.workspace().statuses}
    nid = next(
        s.case.nominal.id
        for s in som.workspace().statuses
        if s.case.nominal.id in held_by_sup and s.case.nominal.address
    )
    som.set_point(nid, GridPoint(401234, 281234))
    assert som_device.sync().pushed == 1
    assert server_count(store, "table_name = 'hand_points'") == 1

    sup_device.sync()
    assert sup.points([nid]) == {nid: Located(GridPoint(401234, 281234), "set by hand")}
    sup.set_point(nid, GridPoint(401300, 281300))  # the other of the pair moves it
    assert sup_device.sync().refused == 0
    som_device.sync()
    assert som.points([nid])[nid].point == GridPoint(401300, 281300)
    assert som.hand_point(nid).set_by == sup.user

    som.set_point(nid, None)
    som_device.sync()
    sup_device.sync()
    assert sup.hand_point(nid) is None and nid not in sup.points([nid])

    colleague.sync()
    assert colleague.count("hand_points") == 0  # not in som2's caseload


def test_an_off_grid_point_written_behind_the_session_s_back_is_refused_before_it_is_stored(devices):
    som_device = devices["som"]
    with som_device.opened.reader() as r:
        nid = r.cases()[0].nominal.id
    # The declaration's range (records.HAND_POINTS) holds on the device as on the central store.
    with pytest.raises(Exception, match="easting"), som_device.opened.unit_of_work() as uow:
        uow.add(
            HAND_POINTS,
            {
                "nominal_id": nid,
                "easting": 900_000,
                "northing": 5,
                "postcode": "",
                "set_by": "x",
                "set_at": som_device.opened.clock(),
            },
        )
