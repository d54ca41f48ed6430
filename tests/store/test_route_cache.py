"""The routing server's answers kept in the encrypted profile (route_times, migration 0030)."""

from __future__ import annotations

from dataclasses import replace

from somdesk.app.round_planning import force_routing, optimise, travel_matrix
from somdesk.domain.rounds import GridPoint
from somdesk.store.route_cache import RouteCache
from tests.rounds_fixtures import RULES, visit, week
from tests.test_routing_server import FakeServer

A, B, C = GridPoint(450_000, 300_000), GridPoint(451_000, 300_000), GridPoint(0, 1_300_000)


def test_times_are_kept_by_server_and_ordered_pair_and_replaced(opened):
    cache = RouteCache(opened.engine)
    cache.put("http://osrm", {(A, B): (60, 900), (B, A): (70, 950)})
    cache.put("http://other", {(A, B): (1, 1)})
    assert cache.get("http://osrm", [(A, B), (B, A), (A, C)]) == {(A, B): (60, 900), (B, A): (70, 950)}
    cache.put("http://osrm", {(A, B): (65, 905)})
    assert cache.get("http://osrm", [(A, B)]) == {(A, B): (65, 905)}
    assert cache.get("http://other", [(A, B)]) == {(A, B): (1, 1)}
    cache.forget("http://osrm")
    assert cache.get("http://osrm", [(A, B)]) == {} and cache.get("http://other", [(A, B)])


def test_many_pairs_go_in_and_come_out_in_batches(opened):
    cache = RouteCache(opened.engine)
    points = [GridPoint(450_000 + i, 300_000) for i in range(30)]
    times = {(a, b): (i, i * 10) for i, (a, b) in enumerate((a, b) for a in points for b in points if a != b)}
    cache.put("http://osrm", times)
    assert cache.get("http://osrm", list(times)) == times


def test_the_routing_servers_answers_are_kept_in_the_profile_and_planning_works_from_them_offline(opened):
    fake = FakeServer()
    rules = replace(RULES, routing_url=fake.url, routing_timeout_seconds=0.5)
    problem = week(
        [visit("a", GridPoint(451_000, 300_000)), visit("b", GridPoint(452_000, 300_000))], rules=rules
    )
    try:
        first = travel_matrix(problem, force_routing(rules, RouteCache(opened.engine)))
    finally:
        fake.close()
    assert first.source == f"OSRM at {fake.url}"
    again = travel_matrix(problem, force_routing(rules, RouteCache(opened.engine)))  # the server is gone
    assert again == first and len(fake.requests) == 1
    assert optimise(problem, again).visits == 2
