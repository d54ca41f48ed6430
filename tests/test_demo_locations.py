"""The demo force's synthetic coordinates: a point for every demo address, clustered by area, inside
Great Britain's grid, the same for the same seed; each area's base placed too."""

from __future__ import annotations

import math
from statistics import mean

import pytest

from somdesk.app.locations import DEMO_FORMAT
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.demo import generate
from somdesk.demo.locations import AREA_SPACING, base_of_area, base_postcode, demo_centroids, demo_point
from somdesk.demo.vocabulary import AREAS
from somdesk.domain.locations import grid_problem, normal_postcode
from tests.conftest import TODAY


def distance(a, b) -> float:
    return math.dist(a, b)


def test_every_demo_address_has_a_point_near_its_area_s_others():
    data = generate(600, seed=3, today=TODAY)
    by_area: dict[str, list] = {}
    for n in data.nominals:
        if n.address is None:
            continue
        point = demo_point(n.address.postcode, 3)
        assert point is not None and not grid_problem(*point), n.address.postcode
        by_area.setdefault(n.address.area, []).append(point)
    centres = {a: (mean(p[0] for p in ps), mean(p[1] for p in ps)) for a, ps in by_area.items()}
    for area, points in by_area.items():
        assert max(distance(p, centres[area]) for p in points) < 12_000  # a cluster some km across
    for a in centres:
        for b in centres:
            if a != b:
                assert distance(centres[a], centres[b]) > AREA_SPACING / 2  # areas tens of km apart


def test_the_same_seed_gives_the_same_map_and_another_seed_another():
    assert list(demo_centroids(7)) == list(demo_centroids(7))
    assert demo_point("ZZ1 4BX", 7) != demo_point("ZZ1 4BX", 8)
    assert demo_point("AB1 4BX", 7) is None and demo_point("ZZ7 4BX", 7) is None
    assert demo_point("ZZ1 4CX", 7) is None  # no demo address has a C


def test_each_area_has_a_base_at_its_centre_with_a_postcode_no_address_uses():
    codes = {p for p, _ in demo_centroids(2026)}
    for area in AREAS:
        postcode, point = base_of_area(area, 2026)
        assert base_postcode(area) == postcode
        assert normal_postcode(postcode) == postcode and postcode in codes
        assert demo_point(postcode, 2026) == point
    with pytest.raises(KeyError):
        base_of_area("Atlantis", 2026)


def test_the_demo_profile_places_everyone_with_an_address_and_its_bases(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=120, seed=5)
    session = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY)
    try:
        cases = [s.case.nominal for s in session.workspace().statuses]
        points = session.points([n.id for n in cases])
        assert {n.id for n in cases if n.address} == set(points)
        assert {p.source for p in points.values()} == {"demo"}
        assert session.postcode_source().format == DEMO_FORMAT
        for team in session.workspace().teams:  # every demo team starts from its area's base
            assert session.point_of_postcode(base_postcode(team.area)) is not None
        for area in AREAS:
            postcode, point = base_of_area(area, 5)
            assert session.point_of_postcode(postcode) == point
    finally:
        session.lock()
