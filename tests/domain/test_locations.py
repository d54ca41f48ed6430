"""Postcodes and the two centroid formats, row by row: every bad row named by row, column, value and
reason, whatever a hostile file puts in its cells."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from somdesk.domain.locations import (
    SHOWN_CHARACTERS,
    Centroid,
    CentroidFormat,
    CentroidReader,
    FormatUnknown,
    RowProblem,
    Skipped,
    detect_format,
    grid_problem,
    normal_postcode,
    parse_centroids,
    parse_number,
    shown,
)
from somdesk.domain.records import text_problem
from somdesk.domain.rounds import GridPoint

DATA = Path(__file__).parent.parent / "data"
ONS_HEADER = ["pcd", "pcds", "doterm", "oseast1m", "osnrth1m", "ctry"]


def rows_of(name: str) -> list[list[str]]:
    with (DATA / name).open(newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("zz1 1aa", "ZZ1 1AA"),
        ("ZZ11AA", "ZZ1 1AA"),
        ("  ZZ1   1AA ", "ZZ1 1AA"),
        ("B1  1AA", "B1 1AA"),  # the ONSPD's fixed-width pcd
        ("SW1A1AA", "SW1A 1AA"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("M11AE", "M1 1AE"),
        ("ZZ1 1A", None),
        ("1ZZ 1AA", None),
        ("ZZ1 AAA", None),
        ("", None),
        ("ZZ1\x001AA", None),
        ("ZZ1 1A\udcff", None),
        ("ＺＺ1 1AA", None),  # full-width letters are no postcode
        ("ZZ1 1AA" * 3, None),
    ],
)
def test_postcodes_are_written_one_way_and_other_shapes_refused(text, normal):
    assert normal_postcode(text) == normal


def test_a_grid_point_must_lie_on_the_british_national_grid():
    assert grid_problem(0, 0) == "" and grid_problem(700_000, 1_300_000) == ""
    assert "easting" in grid_problem(-1, 5) and "easting" in grid_problem(700_001, 5)
    assert "northing" in grid_problem(5, 1_300_001) and "northing" in grid_problem(5, -3)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("401200", 401200),
        (" 12 ", 12),
        ("1.6", 2),
        ("nan", "not a finite number (NaN or infinity)"),
        ("-inf", "not a finite number (NaN or infinity)"),
        ("1e5", "not a number"),
        ("0x10", "not a number"),
        ("", "not a number"),
        ('=HYPERLINK("http://x")', "not a number"),
        ("١٢", "not a number"),  # another script's digits, which float() would read
    ],
)
def test_a_number_of_metres_is_read_as_a_file_writes_it(text, read):
    assert parse_number(text) == read


def test_the_format_shows_in_the_first_row():
    assert detect_format(rows_of("codepoint_zz.csv")[0]) is CentroidFormat.CODE_POINT
    assert detect_format(rows_of("onspd_zz.csv")[0]) is CentroidFormat.ONSPD
    assert detect_format(['"PCDS"', "OSEAST1M", "OSNRTH1M"]) is CentroidFormat.ONSPD
    for first in (["postcode", "easting", "northing"], [], ["\x00\x01"], ["ZZ1 1AA", "10"]):
        with pytest.raises(FormatUnknown, match="Code-Point Open"):
            detect_format(first)


def test_a_code_point_file_given_its_header_row_reads_from_the_row_after():
    for header in (
        ["PC", "PQ", "EA", "NO", "CY"],
        ["Postcode", "Positional_quality_indicator", "Eastings", "Northings"],
    ):
        read = list(parse_centroids([header, ["ZZ1 1AA", "10", "5", "6"]]))
        assert read == [Centroid(2, "ZZ1 1AA", GridPoint(5, 6), False)]


def test_code_point_open_rows_read_into_points_with_quality_90_skipped():
    read = list(parse_centroids(rows_of("codepoint_zz.csv")))
    assert read[0] == Centroid(1, "ZZ1 1AA", GridPoint(401200, 281300), False)
    assert Skipped(5, "ZZ1 2AB") in read
    assert sum(isinstance(r, Centroid) for r in read) == 8
    assert not any(isinstance(r, RowProblem) for r in read)


def test_the_postcode_directory_reads_pcds_keeps_terminated_postcodes_marked_and_skips_blanks():
    read = list(parse_centroids(rows_of("onspd_zz.csv")))
    points = [r for r in read if isinstance(r, Centroid)]
    assert points[0] == Centroid(2, "ZZ1 1AA", GridPoint(401200, 281300), False)  # the header is row 1
    assert [p.postcode for p in points if p.terminated] == ["ZZ1 1AD"]
    assert Skipped(6, "ZZ1 2AB") in read and len(points) == 8


def test_every_bad_row_names_its_row_column_value_and_reason():
    rows = [
        ["ZZ1 1AA", "10", "401200", "281300"],
        ["not one", "10", "1", "2"],
        ["ZZ1 1AB", "10", '=HYPERLINK("http://evil")', "2"],
        ["ZZ1 1AD", "10", "800000", "2"],
        ["ZZ1 1AE", "10", "5", "1300001"],
        ["ZZ1 1AF", "10", "nan", "2"],
        ["ZZ1 1AG", "10"],
    ]
    problems = [str(r) for r in parse_centroids(rows) if isinstance(r, RowProblem)]
    assert problems == [
        "row 2, column Postcode: value 'not one': not a UK postcode (like AB1 2CD)",
        "row 3, column Eastings: value '=HYPERLINK(\"http://evil\")': not a number",
        "row 4, column Eastings: value '800000': easting outside 0-700000",
        "row 5, column Northings: value '1300001': northing outside 0-1300000",
        "row 6, column Eastings: value 'nan': not a finite number (NaN or infinity)",
        "row 7, column Eastings: value '': missing column (the row has 2 of 10)",
    ]


def test_an_onspd_row_short_of_a_column_it_needs_says_which():
    rows = [ONS_HEADER, ["ZZ1 1AA", "ZZ1 1AA", ""], ["ZZ1 1AA", "ZZ9 9ZZ", "", "oops", "5"]]
    problems = [str(r) for r in parse_centroids(rows) if isinstance(r, RowProblem)]
    assert problems == [
        "row 2, column oseast1m: value '': missing column (the row has 3 of 6)",
        "row 3, column oseast1m: value 'oops': not a number",
    ]


def test_a_value_is_shown_short_and_with_every_control_escaped():
    assert shown("ZZ1\x00 1AA\u202e\r\n\udcff\\") == "ZZ1\\u0000 1AA\\u202e\\u000d\\u000a\\udcff\\\\"
    long = shown("x" * 10_000_000)
    assert len(long) == SHOWN_CHARACTERS + 1 and long.endswith("…")


hostile_text = st.one_of(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=()),  # lone surrogates too
            st.sampled_from(["\x00", "\r", "\n", "\u202e", "\udcff", "\ufeff", "=", ",", '"', "9"]),
        ),
        max_size=60,
    ),
    st.sampled_from(["ZZ1 1AA", "zz11aa", "700000", "1300000", "-1", "nan", "inf", "1e308", "90", ""]),
)
hostile_row = st.lists(hostile_text, max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.lists(hostile_row, max_size=30), st.sampled_from(["code-point", "onspd"]))
def test_any_rows_read_into_points_skips_or_problems_each_numbered_and_shown_safely(rows, kind):
    first = ["ZZ1 1AA", "10", "401200", "281300"] if kind == "code-point" else ONS_HEADER
    read = list(parse_centroids([first, *rows]))
    assert [r.row for r in read] == list(range(1 if kind == "code-point" else 2, len(rows) + 2))
    for r in read:
        if isinstance(r, Centroid):
            assert normal_postcode(r.postcode) == r.postcode and not grid_problem(*r.point)
        elif isinstance(r, RowProblem):
            line = str(r)
            assert r.reason and not any(text_problem(c) for c in line if c != "\t")


@settings(max_examples=200, deadline=None)
@given(hostile_row)
def test_a_first_row_is_a_format_or_refused_in_words(first):
    try:
        reader = CentroidReader(first)
    except FormatUnknown as e:
        assert "ONS Postcode Directory" in str(e)
    else:
        assert reader.format in CentroidFormat
