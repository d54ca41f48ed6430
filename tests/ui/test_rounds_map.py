"""The rounds map: stops in round order with the route and the base, a fixed stop told by its shape,
chosen by click, keys or the list, described in words, painted (not blank), and area boundaries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from somdesk.domain.boundaries import Boundary
from somdesk.domain.rounds import GridPoint
from somdesk.ui.rounds_map import MapDay, MapStop, RoundsMap, scale_km

BASE = GridPoint(451_000, 200_000)
POINTS = [(452_000, 201_500), (455_300, 203_900), (458_100, 199_800), (461_000, 204_200)]


def day(points=POINTS, fixed=(2,)) -> MapDay:
    stops = tuple(
        MapStop(f"n{i}", i + 1, f"Person {i} (ZZ/{i})", GridPoint(*p), i in fixed, f"09:{10 + i}")
        for i, p in enumerate(points)
    )
    return MapDay("Wednesday 25 November", BASE, "Base (ZZ1 1AA)", stops)


@pytest.fixture
def shown(qtbot) -> RoundsMap:
    m = RoundsMap()
    qtbot.addWidget(m)
    m.resize(640, 480)
    m.show_day(day())
    return m


def painted(m: RoundsMap) -> QImage:
    image = QImage(m.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    m.render(image)
    return image


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}


def test_the_stops_are_listed_in_round_order_from_the_base_and_back(shown):
    assert [s.number for s in shown.stops()] == [1, 2, 3, 4]
    text = shown.accessibleDescription()
    assert text.startswith("Wednesday 25 November, from Base (ZZ1 1AA); 1. Person 0 (ZZ/0), 09:10;")
    assert "3. Person 2 (ZZ/2), 09:12, fixed;" in text and text.endswith("back to the base")
    assert [text.index(f"{n}. Person") for n in (1, 2, 3, 4)] == sorted(
        text.index(f"{n}. Person") for n in (1, 2, 3, 4)
    )
    assert "Wednesday 25 November" in shown.accessibleName()


def test_the_map_is_painted_with_markers_route_and_base_not_blank(shown):
    image = painted(shown)
    assert len(colours(image)) > 20  # paper, route, markers, numbers, anti-aliasing: drawn
    for s in shown.stops():  # each stop's marker is where the hit test finds it, in its colour
        at = shown.marker_centre(s.nominal_id)
        assert at is not None and shown.stop_at(at.x(), at.y()) == s
        ring = image.pixelColor(int(at.x()) + 8, int(at.y()))
        assert ring.name() in ("#1d4f91", "#8a4b00"), ring.name()
    # A fixed stop is a diamond, the others circles: off the diagonal a circle is filled, a diamond not.
    fixed, placed = (shown.marker_centre(n) for n in ("n2", "n1"))
    assert image.pixelColor(int(placed.x()) + 6, int(placed.y()) + 6).name() == "#1d4f91"
    assert image.pixelColor(int(fixed.x()) + 7, int(fixed.y()) + 7).name() != "#8a4b00"
    assert image.pixelColor(int(fixed.x()) + 10, int(fixed.y())).name() == "#8a4b00"


def test_all_points_and_the_base_fit_inside_at_any_size(qtbot):
    m = RoundsMap()
    qtbot.addWidget(m)
    far = [*POINTS, (520_000, 260_000)]
    m.show_day(day(far))
    for size in ((320, 260), (1200, 400), (400, 900)):
        m.resize(*size)
        for s in m.stops():
            at = m.marker_centre(s.nominal_id)
            assert 0 < at.x() < size[0] and 0 < at.y() < size[1], (size, s.number)


def test_a_click_or_the_arrow_keys_choose_a_stop_and_the_list_chooses_it_back(shown, qtbot):
    chosen = []
    shown.stop_chosen.connect(chosen.append)
    at = shown.marker_centre("n1")
    qtbot.mouseClick(shown, Qt.MouseButton.LeftButton, pos=QPoint(int(at.x()), int(at.y())))
    assert chosen == ["n1"] and shown.chosen == "n1"
    qtbot.mouseClick(shown, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # empty paper: nothing
    assert chosen == ["n1"]
    shown.setFocus()
    for key in (
        Qt.Key.Key_Right,
        Qt.Key.Key_Right,
        Qt.Key.Key_Right,
        Qt.Key.Key_Left,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    ):
        qtbot.keyClick(shown, key)
    assert chosen == ["n1", "n2", "n3", "n3", "n2", "n0", "n3"]  # the last stop stays the last
    shown.select("n0")  # from the list: marked, not sent back
    assert shown.chosen == "n0" and len(chosen) == 7


def test_a_day_with_no_stops_or_none_says_so(qtbot):
    m = RoundsMap()
    qtbot.addWidget(m)
    m.resize(400, 300)
    assert m.accessibleDescription() == "Choose a day to see its round"
    m.show_day(MapDay("Friday 27 November", BASE, "Base", ()))
    assert m.accessibleDescription() == "Friday 27 November: no visits placed"
    assert len(colours(painted(m))) > 5  # the base and the scale bar still drawn
    m.show_day(None, "Plan rounds to see each day's round on the map")
    assert m.accessibleDescription() == "Plan rounds to see each day's round on the map" and m.stops() == ()


def test_stops_on_one_spot_and_a_lone_stop_paint_without_dividing_by_zero(qtbot):
    m = RoundsMap()
    qtbot.addWidget(m)
    m.resize(400, 300)
    m.show_day(
        MapDay(
            "Thu", BASE, "Base", (MapStop("a", 1, "A", BASE, False, ""), MapStop("b", 2, "B", BASE, True, ""))
        )
    )
    assert len(colours(painted(m))) > 5


def test_area_boundaries_are_drawn_under_the_round(shown):
    before = painted(shown)
    ring = (
        GridPoint(445_000, 195_000),
        GridPoint(456_000, 195_000),
        GridPoint(456_000, 212_000),
        GridPoint(445_000, 212_000),
        GridPoint(445_000, 195_000),
    )
    shown.set_areas([Boundary("Eastbrook Vale", (ring,))])
    after = painted(shown)
    assert before != after
    at = shown.marker_centre("n0")  # markers stay on top
    assert after.pixelColor(int(at.x()) + 8, int(at.y())).name() == "#1d4f91"


@pytest.mark.parametrize(("metres", "km"), [(1_000, 1), (9_000, 5), (30_000, 10), (10_000_000, 500)])
def test_the_scale_bar_is_a_round_number_of_km(metres, km):
    assert scale_km(metres) == km


def test_zoomed_to_the_stops_the_far_base_is_marked_at_the_edge_with_its_distance(qtbot):
    m = RoundsMap()
    qtbot.addWidget(m)
    m.resize(500, 400)
    far = MapDay("Mon", GridPoint(420_000, 200_000), "Base", day().stops)  # 30 km west of the stops
    m.show_day(far)
    spread = m.marker_centre("n3").x() - m.marker_centre("n0").x()
    zoomed = []
    m.zoom_changed.connect(zoomed.append)
    m.setFocus()
    qtbot.keyClick(m, Qt.Key.Key_Z)
    assert zoomed == [True] and m.stops_only
    assert m.marker_centre("n3").x() - m.marker_centre("n0").x() > 3 * spread  # the stops spread out
    t = m._transform()
    base = m._at(far.base, t)
    assert base.x() < 0 and m._on_map(base).x() >= 14  # off the map, marked at its left edge
    assert m._base_text(far, base, t) == "Base: 37 km ←"  # from the middle of the stops, to the west
    assert len(colours(painted(m))) > 20
    qtbot.keyClick(m, Qt.Key.Key_Z)
    assert (
        zoomed == [True, False]
        and m._base_text(far, m._at(far.base, m._transform()), m._transform()) == "Base"
    )
