"""Area boundaries for the rounds map: a GeoJSON FeatureCollection in BNG metres, or a clear refusal
naming where in the file and why."""

from __future__ import annotations

import math

import pytest

from somdesk.domain.boundaries import MAX_BOUNDARY_POINTS, BoundaryError, boundaries_from_document
from somdesk.domain.rounds import GridPoint

SQUARE = [[445000, 195000], [456000, 195000], [456000, 212000], [445000, 212000], [445000, 195000]]


def feature(geometry, **properties):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def test_polygons_and_multipolygons_are_read_with_their_names():
    doc = collection(
        feature({"type": "Polygon", "coordinates": [SQUARE]}, name="Eastbrook Vale"),
        feature({"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE, SQUARE]]}, area="Saltmarsh"),
        feature({"type": "Polygon", "coordinates": [SQUARE]}),
    )
    read = boundaries_from_document(doc)
    assert [b.name for b in read] == ["Eastbrook Vale", "Saltmarsh", ""]
    assert read[0].rings[0][1] == GridPoint(456000, 195000) and len(read[1].rings) == 2  # holes not drawn


@pytest.mark.parametrize(
    ("doc", "where", "why"),
    [
        ([], "the file", "FeatureCollection"),
        ({"type": "FeatureCollection", "features": "x"}, "features", "must be a list"),
        (collection("x"), "features[0]", "must be a Feature"),
        (
            collection(feature({"type": "Point", "coordinates": [1, 2]})),
            "features[0].geometry.type",
            "Polygon",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [SQUARE[:3]]})),
            "features[0].geometry.coordinates[0][0]",
            "at least 4",
        ),
        (
            collection(
                feature(
                    {
                        "type": "Polygon",
                        "coordinates": [[[-1.5, 52.1], [-1.4, 52.1], [-1.4, 52.2], [-1.5, 52.1]]],
                    }
                )
            ),
            "features[0].geometry.coordinates[0][0][0]",
            "not longitude and latitude",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [[[math.nan, 1], *SQUARE]]})),
            "[0][0][0]",
            "finite",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [[[math.inf, 1], *SQUARE]]})),
            "[0][0][0]",
            "finite",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [[["1", 1], *SQUARE]]})),
            "[0][0][0]",
            "finite",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [[[True, 1], *SQUARE]]})),
            "[0][0][0]",
            "finite",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [SQUARE]}, name="a\u202eb")),
            "properties.name",
            "one line",
        ),
        (
            collection(feature({"type": "Polygon", "coordinates": [SQUARE]}, name="x" * 101)),
            "properties.name",
            "100",
        ),
        (collection(feature({"type": "Polygon", "coordinates": []})), "coordinates", "list of polygons"),
    ],
)
def test_a_file_the_map_cannot_use_is_refused_naming_where_and_why(doc, where, why):
    with pytest.raises(BoundaryError) as caught:
        boundaries_from_document(doc)
    assert where in caught.value.where and why in caught.value.problem


def test_a_huge_file_is_refused_before_it_is_read_whole():
    ring = SQUARE * (MAX_BOUNDARY_POINTS // len(SQUARE) + 1)
    with pytest.raises(BoundaryError, match="more than 200,000 positions"):
        boundaries_from_document(collection(feature({"type": "Polygon", "coordinates": [ring]})))
