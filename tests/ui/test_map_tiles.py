"""The force's own map tiles under the rounds map: asked for by tile number only, from the server the
policy names, drawn into their place on the National Grid; nothing when the policy names none."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage

from somdesk.app.map_tiles import MAX_TILES, Tile, tile_corners, tiles_for
from somdesk.app.policy import default_policy
from somdesk.domain.policy import PolicyError, policy_from_mapping
from somdesk.domain.rounds import GridPoint
from somdesk.ui.rounds_map import MapDay, MapStop, RoundsMap

MAGENTA = (255, 0, 255)


def png(colour: tuple[int, int, int]) -> bytes:
    out = BytesIO()
    Image.new("RGB", (256, 256), colour).save(out, "PNG")
    return out.getvalue()


class Tiles:
    """A tile server on loopback: magenta tiles, or (bad=True) a page that is not a picture."""

    def __init__(self, bad: bool = False) -> None:
        self.paths: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.paths.append(self.path)
                body = b"<html>not a tile</html>" if bad else png(MAGENTA)
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.template = f"http://127.0.0.1:{self.server.server_port}/tiles/{{z}}/{{x}}/{{y}}.png"

    def close(self) -> None:
        self.server.shutdown()


def a_day() -> MapDay:
    base = GridPoint(420_000, 280_000)
    stops = tuple(
        MapStop(f"n{i}", i, f"Stop {i}", GridPoint(420_000 + 2_000 * i, 281_000 + 900 * i), False, "10:00")
        for i in range(1, 5)
    )
    return MapDay("Monday 7 December", base, "Base (ZZ1 0AA)", stops)


def magenta_share(widget: RoundsMap) -> float:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    hits = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if QColor(image.pixel(x, y)).getRgb()[:3] == MAGENTA
    )
    return hits / ((image.width() // 7 + 1) * (image.height() // 7 + 1))


def test_the_forces_tiles_are_drawn_under_the_round_and_only_tile_numbers_leave(qtbot):
    server = Tiles()
    try:
        widget = RoundsMap()
        qtbot.addWidget(widget)
        widget.resize(500, 400)
        widget.show_day(a_day())
        widget.set_tile_server(server.template)
        widget.show()
        qtbot.waitUntil(lambda: widget.tiles is not None and bool(widget.tiles.images), timeout=10_000)
        qtbot.wait(200)
        assert magenta_share(widget) > 0.3  # the ground is the force's map now
        assert server.paths and all(
            p.startswith("/tiles/") and p.count("/") == 4 and p.endswith(".png") for p in server.paths
        )
        assert not any("ZZ" in p or "Stop" in p for p in server.paths)
        assert len(set(server.paths)) == len(server.paths) <= MAX_TILES  # each tile asked for once
    finally:
        server.close()


def test_a_server_answering_with_something_else_leaves_the_plain_map(qtbot):
    server = Tiles(bad=True)
    try:
        widget = RoundsMap()
        qtbot.addWidget(widget)
        widget.resize(500, 400)
        widget.show_day(a_day())
        widget.set_tile_server(server.template)
        widget.show()
        qtbot.waitUntil(lambda: widget.tiles is not None and bool(widget.tiles.failed), timeout=10_000)
        qtbot.waitUntil(lambda: not widget.tiles.pending, timeout=10_000)  # every answer in
        assert not widget.tiles.images and magenta_share(widget) == 0
        qtbot.wait(100)
        qtbot.waitUntil(lambda: not widget.tiles.pending, timeout=10_000)
        asked = len(server.paths)
        widget.update()
        qtbot.wait(100)
        assert len(server.paths) == asked  # a tile that failed is not asked for again and again
    finally:
        server.close()


def test_no_tile_server_no_tiles(qtbot):
    widget = RoundsMap()
    qtbot.addWidget(widget)
    widget.show_day(a_day())
    widget.set_tile_server(default_policy().rounds.tile_url)
    assert widget.tiles is None


def test_tiles_cover_the_view_at_its_scale_and_sit_on_the_grid():
    tiles = tiles_for(400_000, 270_000, 430_000, 290_000, 60.0)
    assert 1 <= len(tiles) <= MAX_TILES and len({t.zoom for t in tiles}) == 1
    corners = tile_corners(tiles[0])
    top_left, top_right, bottom_right, _ = corners
    assert top_left.easting < top_right.easting and bottom_right.northing < top_right.northing
    # A whole county at a metre a pixel would be thousands of tiles: the zoom is coarsened instead.
    assert len(tiles_for(300_000, 200_000, 500_000, 400_000, 1.0)) <= MAX_TILES
    # Neighbouring tiles meet: the right edge of one is the left edge of the next, to the metre.
    right = tile_corners(Tile(tiles[0].zoom, tiles[0].x + 1, tiles[0].y))
    assert right[0] == top_right


@pytest.mark.parametrize(
    "url",
    [
        "ftp://tiles/{z}/{x}/{y}.png",
        "https://tiles.example/{z}/{x}.png",
        "https://tiles.example/{z}/{x}/{y}.png?key=a b",
        "https://tiles.example/\x00{z}/{x}/{y}.png",
        "x" * 301,
        42,
    ],
)
def test_a_tile_url_that_cannot_be_used_is_refused_naming_the_key(url):
    import tomllib
    from importlib.resources import files

    from somdesk.resources import __name__ as _  # noqa: F401 - the policy file ships there

    data = tomllib.loads(files("somdesk.resources").joinpath("policy.toml").read_text(encoding="utf-8"))
    data["rounds"]["tile_url"] = url
    with pytest.raises(PolicyError, match="tile_url"):
        policy_from_mapping(data)


@pytest.mark.parametrize(
    "url",
    ["https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://api.maptiler.com/maps/x/{z}/{x}/{y}.png"],
)
def test_a_public_tile_service_is_refused(url):
    import tomllib
    from importlib.resources import files

    data = tomllib.loads(files("somdesk.resources").joinpath("policy.toml").read_text(encoding="utf-8"))
    data["rounds"]["tile_url"] = url
    with pytest.raises(PolicyError, match="public tile service"):
        policy_from_mapping(data)


def test_the_forces_own_server_is_not_mistaken_for_a_public_one_by_a_word_in_its_address():
    import tomllib
    from importlib.resources import files

    data = tomllib.loads(files("somdesk.resources").joinpath("policy.toml").read_text(encoding="utf-8"))
    data["rounds"]["tile_url"] = "https://maps.photos.uk.force.example/openstreetmap.org/{z}/{x}/{y}.png"
    assert policy_from_mapping(data).rounds.tile_url.startswith("https://maps.photos.uk.force.example/")
