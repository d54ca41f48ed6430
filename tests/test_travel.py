"""Straight-line travel between the points of a week's rounds (domain/travel.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somdesk.domain.rounds import GridPoint
from somdesk.domain.travel import (
    GRID_EASTING_MAX,
    GRID_NORTHING_MAX,
    STRAIGHT_LINE,
    BadPoint,
    check_point,
    drive,
    layout,
    straight_line_matrix,
)
from tests.rounds_fixtures import BASE, RULES, visit, week


def test_a_drive_is_the_straight_line_times_the_road_factor_at_the_area_speed():
    a, b = GridPoint(450_000, 300_000), GridPoint(453_000, 304_000)  # 5 km apart
    seconds, metres = drive(a, b, "urban", "urban", RULES)
    assert metres == 6500  # 5 km x 1.3
    assert seconds == round(6500 / (25 / 3.6))  # at 25 km/h
    seconds, _ = drive(a, b, "rural", "rural", RULES)
    assert seconds == round(6500 / (50 / 3.6))


def test_a_drive_between_two_area_types_is_half_at_each_speed_and_the_same_both_ways():
    a, b = GridPoint(450_000, 300_000), GridPoint(453_000, 304_000)
    town, country = drive(a, b, "urban", "urban", RULES)[0], drive(a, b, "rural", "rural", RULES)[0]
    mixed = drive(a, b, "urban", "rural", RULES)[0]
    assert mixed == drive(b, a, "rural", "urban", RULES)[0]
    assert country < mixed < town
    assert mixed == round((town + country) / 2)


def test_the_matrix_puts_bases_first_then_located_visits_and_skips_the_unlocated():
    problem = week(
        [
            visit("a", GridPoint(451_000, 300_000), area="Saltmarsh"),
            visit("b", None),
            visit("c", GridPoint(452_000, 300_000)),
        ]
    )
    rows = layout(problem)
    assert rows.points == (BASE, GridPoint(451_000, 300_000), GridPoint(452_000, 300_000))
    assert rows.area_types == ("urban", "rural", "urban")
    assert rows.row == {"a": 1, "c": 2}
    matrix = straight_line_matrix(rows.points, rows.area_types, RULES)
    assert matrix.source == STRAIGHT_LINE
    assert [matrix.seconds[i][i] for i in range(3)] == [0, 0, 0]
    assert matrix.metres[0][2] == 2600 and matrix.metres[2][0] == 2600


def test_two_visits_at_one_point_are_no_drive_apart():
    p = GridPoint(451_000, 300_000)
    rows = layout(week([visit("a", p), visit("b", p)]))
    matrix = straight_line_matrix(rows.points, rows.area_types, RULES)
    assert matrix.seconds[1][2] == 0 and matrix.metres[1][2] == 0


def test_a_visit_listed_twice_is_refused():
    with pytest.raises(ValueError, match="visit a: listed twice"):
        layout(week([visit("a", BASE), visit("a", BASE)]))


@pytest.mark.parametrize(
    ("point", "why"),
    [
        ((math.nan, 300_000), "the easting must be whole metres"),
        ((450_000, math.inf), "the northing must be whole metres"),
        ((450_000.0, 300_000), "the easting must be whole metres"),
        ((True, 300_000), "the easting must be whole metres"),
        ((10**30, 300_000), "the easting must be from 0 to 700,000 metres"),
        ((450_000, -1), "the northing must be from 0 to 1,300,000 metres"),
        ((1, 2, 3), "a point is an easting and a northing"),
        ("450000,300000", "a point is an easting and a northing"),
    ],
)
def test_a_point_off_the_grid_is_refused_naming_whose_it_is(point, why):
    with pytest.raises(BadPoint, match=why) as caught:
        check_point(point, "the point of visit n-1")
    assert str(caught.value).startswith("the point of visit n-1: ")
    with pytest.raises(BadPoint, match="the point of visit bad"):
        layout(week([visit("good", BASE), visit("bad", point)]))  # type: ignore[arg-type]


def test_an_area_type_without_a_speed_is_refused():
    with pytest.raises(ValueError, match="area type 'moor' has no speed"):
        straight_line_matrix([BASE, BASE], ["urban", "moor"], RULES)


grid = st.builds(GridPoint, st.integers(0, GRID_EASTING_MAX), st.integers(0, GRID_NORTHING_MAX))


@given(st.lists(grid, min_size=1, max_size=6), st.lists(st.sampled_from(["urban", "rural"]), min_size=6))
def test_the_matrix_is_symmetric_zero_on_the_diagonal_and_never_shorter_than_a_straight_line(points, kinds):
    kinds = kinds[: len(points)]
    matrix = straight_line_matrix(points, kinds, RULES)
    for i, a in enumerate(points):
        assert matrix.seconds[i][i] == 0
        for j, b in enumerate(points):
            assert matrix.seconds[i][j] == matrix.seconds[j][i] >= 0
            assert matrix.metres[i][j] >= math.floor(math.dist(a, b))
