"""The day's round drawn from its coordinates (QPainter, no online tiles): the base as a labelled
square, the stops numbered in round order with the route between them (base, 1, 2, ... base), the
force's area boundaries when it supplies them, and a scale bar in kilometres.

The number is the cue for each stop and the shape tells a fixed stop (planned or pinned: a diamond)
from one the optimiser placed (a circle); colour only repeats what shape and number say. Hover shows a
stop's name and times; a click or the arrow keys choose it (`stop_chosen`), and the list beside the map
chooses it here (`select`). The accessible description lists the stops in order for a screen reader.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from somdesk.app.map_tiles import tile_corners, tiles_for
from somdesk.domain.boundaries import Boundary, bounds
from somdesk.domain.rounds import GridPoint
from somdesk.ui.i18n import tr
from somdesk.ui.palette import colours
from somdesk.ui.tile_layer import TileLayer

__all__ = ["MapDay", "MapStop", "RoundsMap", "scale_km"]


def _area_fill() -> QColor:
    fill = QColor(colours().map_area)
    fill.setAlpha(28)
    return fill


_MARGIN = 36  # pixels kept clear around the points: room for a marker and the base's label
_RADIUS = 11  # a stop marker's radius in pixels


class MapStop(NamedTuple):
    nominal_id: str
    number: int  # place in the day's round, from 1
    label: str  # name and reference
    point: GridPoint
    fixed: bool  # planned or pinned to the day
    when: str  # "09:20 to 10:00"


class MapDay(NamedTuple):
    title: str  # "Wednesday 25 November"
    base: GridPoint
    base_label: str  # "Base (ZZ1 1AA)"
    stops: tuple[MapStop, ...]


def scale_km(metres_across: float) -> int:
    """A round number of kilometres for a scale bar about a quarter of the map's width."""
    target = metres_across / 4000
    for km in (1, 2, 5, 10, 20, 50, 100, 200):
        if km >= target:
            return km
    return 500


class RoundsMap(QWidget):
    stop_chosen = Signal(str)  # the nominal id of the stop clicked or reached with the keys
    zoom_changed = Signal(bool)  # Z pressed on the map: zoomed to the stops (True) or not

    def __init__(self) -> None:
        super().__init__()
        self.day: MapDay | None = None
        self.areas: list[Boundary] = []
        self.chosen: str | None = None
        self.tiles: TileLayer | None = None  # the force's own tile server, when the policy names one
        # Zoomed to the stops: the base, when off the map, is marked at its edge with its distance.
        self.stops_only = False
        self.empty_text = tr("Choose a day to see its round")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(280, 260)
        self.setAccessibleName(tr("Map of the day's round"))
        self._describe()

    # -- what it shows

    def show_day(self, day: MapDay | None, empty_text: str = "") -> None:
        self.day = day
        if empty_text:
            self.empty_text = empty_text
        if day is None or self.chosen not in {s.nominal_id for s in day.stops}:
            self.chosen = None
        self.setAccessibleName(
            tr("Map of the round: {0}").format(day.title) if day else tr("Map of the round")
        )
        self._describe()
        self.update()

    def set_tile_server(self, template: str) -> None:
        """The force's own tile server under the map ("" = none); a new address starts afresh."""
        if (self.tiles.template if self.tiles is not None else "") == template:
            return
        if self.tiles is not None:
            self.tiles.deleteLater()
        self.tiles = TileLayer(template, self) if template else None
        if self.tiles is not None:
            self.tiles.changed.connect(self.update)
        self.update()

    def set_areas(self, areas: Sequence[Boundary]) -> None:
        self.areas = list(areas)
        self.update()

    def set_stops_only(self, on: bool) -> None:
        """Fit the stops alone (the base marked at the edge when off the map), or the stops and base."""
        self.stops_only = on
        self.update()

    def select(self, nominal_id: str | None) -> None:
        """Mark the stop chosen in the list (None: none), without telling the list again."""
        if nominal_id != self.chosen:
            self.chosen = nominal_id
            self.update()

    def stops(self) -> tuple[MapStop, ...]:
        return self.day.stops if self.day else ()

    def describe(self) -> str:
        """The round in words, stop by stop: the accessible description, and what a test reads."""
        day = self.day
        if day is None or not day.stops:
            return self.empty_text if day is None else tr("{0}: no visits placed").format(day.title)
        parts = [tr("{0}, from {1}").format(day.title, day.base_label)]
        for s in day.stops:
            kind = tr(", fixed") if s.fixed else ""
            parts.append(f"{s.number}. {s.label}, {s.when}{kind}")
        parts.append(tr("back to the base"))
        return "; ".join(parts)

    def _describe(self) -> None:
        self.setAccessibleDescription(self.describe())

    # -- geometry

    def _transform(self) -> tuple[float, float, float, float] | None:
        """(scale px per metre, x offset, y offset, metres across) fitting the day and its base."""
        day = self.day
        if day is None:
            return None
        with_base = not (self.stops_only and day.stops)
        found = bounds([*([day.base] if with_base else []), *(s.point for s in day.stops)])
        assert found is not None
        west, south, east, north = found
        span_x, span_y = max(east - west, 500), max(north - south, 500)  # a lone stop: half a km around
        width, height = self.width() - 2 * _MARGIN, self.height() - 2 * _MARGIN - 24  # scale bar below
        scale = min(width / span_x, height / span_y)
        # Centre the points: the spare room goes equally to both sides.
        x0 = _MARGIN + (width - span_x * scale) / 2 - (west - (span_x - (east - west)) / 2) * scale
        y0 = _MARGIN + (height - span_y * scale) / 2 + (north + (span_y - (north - south)) / 2) * scale
        return scale, x0, y0, width / scale

    def _at(self, point: GridPoint, t: tuple[float, float, float, float]) -> QPointF:
        scale, x0, y0, _ = t
        return QPointF(x0 + point.easting * scale, y0 - point.northing * scale)

    def stop_at(self, x: float, y: float) -> MapStop | None:
        """The stop whose marker is under (x, y), the last drawn (on top) first."""
        t = self._transform()
        if t is None:
            return None
        for s in reversed(self.stops()):
            at = self._at(s.point, t)
            if math.hypot(at.x() - x, at.y() - y) <= _RADIUS + 2:
                return s
        return None

    def marker_centre(self, nominal_id: str) -> QPointF | None:
        t = self._transform()
        found = next((s for s in self.stops() if s.nominal_id == nominal_id), None)
        return None if t is None or found is None else self._at(found.point, t)

    # -- events

    def sizeHint(self) -> QSize:
        return QSize(520, 420)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        stop = self.stop_at(event.position().x(), event.position().y())
        if stop is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        fixed = tr(" (fixed to this day)") if stop.fixed else ""
        QToolTip.showText(
            event.globalPosition().toPoint(), f"{stop.number}. {stop.label}\n{stop.when}{fixed}", self
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        stop = self.stop_at(event.position().x(), event.position().y())
        if stop is not None:
            self._choose(stop.nominal_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        stops = self.stops()
        key = event.key()
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if key == Qt.Key.Key_Z:  # zoom to the stops, or back to the stops and the base
            self.set_stops_only(not self.stops_only)
            self.zoom_changed.emit(self.stops_only)
            return
        if not stops or key not in (*steps, Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        ids = [s.nominal_id for s in stops]
        if key == Qt.Key.Key_Home:
            place = 0
        elif key == Qt.Key.Key_End:
            place = len(ids) - 1
        elif self.chosen in ids:
            place = min(max(ids.index(self.chosen) + steps[Qt.Key(key)], 0), len(ids) - 1)
        else:
            place = 0 if steps[Qt.Key(key)] > 0 else len(ids) - 1
        self._choose(ids[place])

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _choose(self, nominal_id: str) -> None:
        self.select(nominal_id)
        self.stop_chosen.emit(nominal_id)

    # -- painting

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(colours().map_paper))
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        t = self._transform()
        day = self.day
        if t is None or day is None:
            p.setPen(QColor(colours().text))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        if self.tiles is not None:
            self._paint_tiles(p, t)
        self._paint_areas(p, t)
        points = [self._at(day.base, t), *(self._at(s.point, t) for s in day.stops), self._at(day.base, t)]
        if day.stops:
            self._paint_route(p, points)
        edge = self._on_map(points[0])
        self._paint_base(p, edge, self._base_text(day, points[0], t), below=edge != points[0])
        for stop, at in zip(day.stops, points[1:-1], strict=True):
            self._paint_stop(p, stop, at)
        self._paint_scale(p, t)
        if not day.stops:
            p.setPen(QColor(colours().text))
            p.drawText(
                QRectF(0, 8, self.width(), 24),
                Qt.AlignmentFlag.AlignHCenter,
                tr("No visits placed on this day"),
            )

    def _paint_tiles(self, p: QPainter, t: tuple[float, float, float, float]) -> None:
        """The force's tiles covering the view, each drawn into its corners on the National Grid."""
        assert self.tiles is not None
        scale, x0, y0, _ = t
        west, east = -x0 / scale, (self.width() - x0) / scale
        north, south = y0 / scale, (y0 - self.height()) / scale
        wanted = tiles_for(west, south, east, north, 1 / scale)
        self.tiles.want(wanted)
        for tile in wanted:
            image = self.tiles.image(tile)
            if image is None:
                continue
            w, h = image.width(), image.height()
            source = QPolygonF([QPointF(0, 0), QPointF(w, 0), QPointF(w, h), QPointF(0, h)])
            target = QPolygonF([self._at(c, t) for c in tile_corners(tile)])
            transform = QTransform()
            if QTransform.quadToQuad(source, target, transform):
                p.save()
                p.setTransform(transform, True)
                p.drawImage(0, 0, image)
                p.restore()
        p.setPen(QColor(colours().text))
        p.drawText(  # top left: the scale bar has the bottom and the north arrow the top right
            QRectF(8, 4, self.width() - 60, 18),
            Qt.AlignmentFlag.AlignLeft,
            tr("Map tiles: the force's own server"),
        )

    def _on_map(self, at: QPointF) -> QPointF:
        """`at`, or where the line to it from the map's centre meets the map's edge when it is off it."""
        inner = QRectF(self.rect()).adjusted(14, 14, -14, -38)
        if inner.contains(at):
            return at
        c = inner.center()
        dx, dy = at.x() - c.x(), at.y() - c.y()
        k = min(
            (inner.width() / 2) / abs(dx) if dx else math.inf,
            (inner.height() / 2) / abs(dy) if dy else math.inf,
        )
        return QPointF(c.x() + dx * k, c.y() + dy * k)

    def _base_text(self, day: MapDay, at: QPointF, t: tuple[float, float, float, float]) -> str:
        """The base's label; off the map, with how far it is from the map's centre and which way."""
        if self._on_map(at) == at:
            return day.base_label
        scale = t[0]
        c = QRectF(self.rect()).center()
        dx, dy = at.x() - c.x(), at.y() - c.y()
        km = math.hypot(dx, dy) / scale / 1000
        # The way to it as an arrow, in eight directions (y grows downwards on the screen).
        arrow = "→↗↑↖←↙↓↘"[round(math.atan2(-dy, dx) / (math.pi / 4)) % 8]
        return tr("{0}: {1:.0f} km {2}").format(day.base_label, km, arrow)

    def _paint_areas(self, p: QPainter, t: tuple[float, float, float, float]) -> None:
        if not self.areas:
            return
        p.setPen(QPen(QColor(colours().map_area), 1.2, Qt.PenStyle.DashLine))
        p.setBrush(_area_fill())
        visible = QRectF(self.rect())
        for area in self.areas:
            for ring in area.rings:
                polygon = QPolygonF([self._at(pt, t) for pt in ring])
                if polygon.boundingRect().intersects(visible):
                    p.drawPolygon(polygon)
        # Names at each area's first ring's centre, when it is on the map.
        p.setPen(QColor(colours().map_area).darker(160))
        font = self.font()
        font.setItalic(True)
        p.setFont(font)
        for area in self.areas:
            if area.name and area.rings:
                centre = QPolygonF([self._at(pt, t) for pt in area.rings[0]]).boundingRect().center()
                if visible.contains(centre):  # kept whole inside the map
                    x = min(max(centre.x() - 80, 2.0), self.width() - 162.0)
                    p.drawText(QRectF(x, centre.y() - 10, 160, 20), Qt.AlignmentFlag.AlignCenter, area.name)
        p.setFont(self.font())
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_route(self, p: QPainter, points: list[QPointF]) -> None:
        p.setPen(
            QPen(
                QColor(colours().accent),
                2.2,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        path = QPainterPath(points[0])
        for pt in points[1:]:
            path.lineTo(pt)
        p.drawPath(path)
        # An arrowhead half way along each leg: which way the round runs.
        p.setBrush(QColor(colours().accent))
        for a, b in pairwise(points):
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            if length < 3 * _RADIUS:
                continue
            ux, uy = dx / length, dy / length
            mid = QPointF(a.x() + dx / 2, a.y() + dy / 2)
            tip = QPointF(mid.x() + ux * 6, mid.y() + uy * 6)
            left = QPointF(mid.x() - ux * 5 - uy * 5, mid.y() - uy * 5 + ux * 5)
            right = QPointF(mid.x() - ux * 5 + uy * 5, mid.y() - uy * 5 - ux * 5)
            p.drawPolygon(QPolygonF([tip, left, right]))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_base(self, p: QPainter, at: QPointF, label: str, below: bool = False) -> None:
        side = 16
        p.setPen(QPen(QColor(colours().text), 1.5))
        p.setBrush(QColor(colours().on_accent))
        p.drawRect(QRectF(at.x() - side / 2, at.y() - side / 2, side, side))
        p.setBrush(QColor(colours().text))
        p.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        font = self.font()
        font.setBold(True)
        p.setFont(font)
        metrics = p.fontMetrics()
        w = metrics.horizontalAdvance(label) + 8
        # The label sits beside the square, inside the map whichever edge the base is near.
        x = at.x() + side if at.x() + side + w < self.width() else at.x() - side - w
        y = at.y() - metrics.height() / 2 - 1
        if below:  # at the map's edge: under the square, clear of the stops the map is zoomed to
            x, y = min(max(at.x() - side / 2, 2.0), self.width() - w - 2), at.y() + side / 2 + 3
        box = QRectF(x, y, w, metrics.height() + 2)
        p.fillRect(box, QColor(255, 255, 255, 220))
        p.setPen(QColor(colours().text))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        p.setFont(self.font())

    def _paint_stop(self, p: QPainter, stop: MapStop, at: QPointF) -> None:
        chosen = stop.nominal_id == self.chosen
        fill = QColor(colours().map_fixed) if stop.fixed else QColor(colours().accent)
        r = _RADIUS + (2 if chosen else 0)
        if chosen:  # a thick ring around the chosen stop: seen without telling colours apart
            p.setPen(QPen(QColor(colours().chart_alert), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(at, r + 5, r + 5)
        p.setPen(QPen(QColor(colours().on_accent), 1.5))
        p.setBrush(fill)
        if stop.fixed:
            p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(at.x(), at.y() - r - 2),
                        QPointF(at.x() + r + 2, at.y()),
                        QPointF(at.x(), at.y() + r + 2),
                        QPointF(at.x() - r - 2, at.y()),
                    ]
                )
            )
        else:
            p.drawEllipse(at, r, r)
        p.setBrush(Qt.BrushStyle.NoBrush)
        font = self.font()
        font.setBold(True)
        font.setPixelSize(11 if stop.number < 100 else 9)
        p.setFont(font)
        p.setPen(QColor(colours().on_accent))
        p.drawText(
            QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(stop.number)
        )
        p.setFont(self.font())

    def _paint_scale(self, p: QPainter, t: tuple[float, float, float, float]) -> None:
        scale, _, _, across = t
        km = scale_km(across)
        length = km * 1000 * scale
        x, y = 12.0, self.height() - 14.0
        p.setPen(QPen(QColor(colours().text), 2))
        p.drawLine(QPointF(x, y), QPointF(x + length, y))
        for tick in (x, x + length / 2, x + length):
            p.drawLine(QPointF(tick, y - 5), QPointF(tick, y))
        p.drawText(QPointF(x + length + 6, y + 4), tr("{0} km").format(km))
        # North is up: said, since the map has no tiles to show it.
        p.drawText(QRectF(self.width() - 28, 6, 22, 18), Qt.AlignmentFlag.AlignCenter, tr("N ↑"))
