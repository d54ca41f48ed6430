"""Reading the force's boundaries file: optional, and any file the map cannot use is said with where
and why, never raised."""

from __future__ import annotations

import json

from somdesk.app.boundary_file import MAX_BOUNDARY_BYTES, read_boundaries

SQUARE = [[445000, 195000], [456000, 195000], [456000, 212000], [445000, 212000], [445000, 195000]]
GOOD = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "Vale"},
            "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
        }
    ],
}


def test_none_named_is_no_areas_and_no_complaint(tmp_path):
    assert read_boundaries("  ", tmp_path) == ([], "")


def test_a_relative_name_is_read_from_the_profiles_folder(tmp_path):
    (tmp_path / "areas.geojson").write_text(json.dumps(GOOD))
    areas, problem = read_boundaries("areas.geojson", tmp_path)
    assert problem == "" and [a.name for a in areas] == ["Vale"]


def test_a_file_that_cannot_be_used_is_said_with_where_and_why(tmp_path):
    assert "No such file" in read_boundaries("missing.geojson", tmp_path)[1]
    (tmp_path / "bad.geojson").write_bytes(b"\xff\xfe{")
    assert "not GeoJSON text" in read_boundaries("bad.geojson", tmp_path)[1]
    (tmp_path / "deep.geojson").write_text("[" * 100_000 + "]" * 100_000)
    assert read_boundaries("deep.geojson", tmp_path)[0] == []
    wrong = {
        **GOOD,
        "features": [
            {**GOOD["features"][0], "geometry": {"type": "Polygon", "coordinates": [[[-1.5, 52.1]] * 4]}}
        ],
    }
    (tmp_path / "lonlat.geojson").write_text(json.dumps(wrong))
    areas, problem = read_boundaries("lonlat.geojson", tmp_path)
    assert areas == [] and "features[0].geometry.coordinates[0][0][0]" in problem and "longitude" in problem
    (tmp_path / "huge.geojson").write_bytes(b" " * (MAX_BOUNDARY_BYTES + 1))
    assert "over 20 MB" in read_boundaries("huge.geojson", tmp_path)[1]


def test_a_pipe_or_a_device_named_as_the_file_is_refused_at_once(tmp_path):
    """A FIFO would block the read for ever (and the database worker with it)."""
    import os

    fifo = tmp_path / "areas.geojson"
    os.mkfifo(fifo)
    areas, problem = read_boundaries(str(fifo), tmp_path)
    assert areas == [] and "is not a regular file" in problem
    areas, problem = read_boundaries("/dev/zero", tmp_path)
    assert areas == [] and "is not a regular file" in problem
