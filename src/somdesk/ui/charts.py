"""A horizontal bar chart painted with QPainter (Qt Charts is not in PySide6-Essentials).

Each bar carries its label and value as text, so the chart reads without colour; bars over the
target line are drawn in the alert colour and marked with "▲".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from somdesk.ui.i18n import tr
from somdesk.ui.palette import colours

__all__ = ["Bar", "BarChart"]


class Bar(NamedTuple):
    label: str
    value: float
    text: str  # what the bar says, e.g. "112% (84 RSOs)"
    alert: bool = False


MIN_BAR = 60  # the least room for the bars beside their labels and words; else each bar on lines of its own
WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


class BarChart(QWidget):
    """Labels, bars and their words side by side where they fit; where they do not (a narrow chart, text
    at 200%, Welsh), each bar on lines of its own: its label, the bar, its words, wrapped, never cut. The
    chart asks for the height that takes (the page scrolls rather than cut a line)."""

    def __init__(self, title: str, target: float | None = None, target_label: str = "") -> None:
        super().__init__()
        self.title = title
        self.target = target
        self.target_label = target_label
        self.bars: list[Bar] = []
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{tr(b.label)}: {b.text}" for b in self.bars))
        self._fit_height(self.width())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(40 + 22 * max(len(self.bars), 4), self.minimumHeight()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height(event.size().width())

    def _fit_height(self, width: int) -> None:
        needs = max(160, round(self._needs(width)))
        if needs != self.minimumHeight():
            self.setMinimumHeight(needs)

    @staticmethod
    def _words(bar: Bar) -> str:
        return ("▲ " if bar.alert else "") + bar.text

    def _title_height(self, width: int) -> float:
        font = QFont(self.font())
        font.setBold(True)
        return (
            QFontMetricsF(font)
            .boundingRect(QRectF(0, 0, max(width - 16, 1), 10_000), WRAP, self.title)
            .height()
        )

    def _wide(self, width: int) -> tuple[float, float] | None:
        """The label and words columns' widths where every label, a bar and its words fit one line."""
        metrics = QFontMetricsF(self.font())
        label_w = max(metrics.horizontalAdvance(tr(b.label)) for b in self.bars) + 12
        text_w = max(metrics.horizontalAdvance(self._words(b)) for b in self.bars) + 12
        if label_w > width // 3 or width - 8 - label_w - text_w - 12 < MIN_BAR:
            return None
        return label_w, text_w

    def _wrapped(self, text: str, width: int) -> float:
        return (
            QFontMetricsF(self.font())
            .boundingRect(QRectF(0, 0, max(width - 16, 1), 10_000), WRAP, text)
            .height()
        )

    def _bar_height(self) -> float:
        return max(8.0, QFontMetricsF(self.font()).height() / 2)

    def _narrow_rows(self, width: int) -> list[tuple[float, float]]:
        """Each bar's label height and words height when it has lines of its own."""
        return [(self._wrapped(tr(b.label), width), self._wrapped(self._words(b), width)) for b in self.bars]

    def _needs(self, width: int) -> float:
        top = 4 + self._title_height(width) + 8
        if not self.bars:
            return top + QFontMetricsF(self.font()).height() + 8
        target = QFontMetricsF(self.font()).height() + 6 if self.target is not None else 0.0
        if self._wide(width) is not None:
            return top + len(self.bars) * self._row_height() + target + 8
        return (
            top + sum(h1 + self._bar_height() + h2 + 12 for h1, h2 in self._narrow_rows(width)) + target + 8
        )

    def _row_height(self) -> float:
        return max(26.0, QFontMetricsF(self.font()).height() + 4)

    def paintEvent(self, event: object) -> None:
        c = colours()
        text, bar_colour, alert, grid = (
            QColor(x) for x in (c.text, c.chart_bar, c.chart_alert, c.chart_grid)
        )
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(c.card))
        width = self.width()
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(text)
        # The title wraps rather than run off a narrow chart; the bars start below it.
        title_h = self._title_height(width)
        p.drawText(QRectF(8, 4, width - 16, title_h), WRAP, self.title)
        p.setFont(self.font())
        if not self.bars:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No figures"))
            return
        top = 4 + title_h + 8
        top_value = max([b.value for b in self.bars] + [self.target or 0]) or 1.0
        wide = self._wide(width)
        if wide is None:
            self._paint_narrow(p, top, top_value, (text, bar_colour, alert))
            p.end()
            return
        label_w, text_w = wide
        left = 8 + label_w
        room = width - left - text_w - 12
        row_h = self._row_height()
        for i, bar in enumerate(self.bars):
            y = top + i * row_h
            p.setPen(text)
            p.drawText(
                QRectF(8, y, label_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                tr(bar.label),
            )
            length = room * bar.value / top_value
            p.fillRect(QRectF(left, y + 3, length, row_h - 6), alert if bar.alert else bar_colour)
            p.setPen(alert if bar.alert else text)
            p.drawText(
                QRectF(left + length + 6, y, text_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self._words(bar),
            )
        bottom = top + len(self.bars) * row_h
        if self.target is not None:
            self._paint_target(p, left + room * self.target / top_value, top - 2, bottom + 2, alert, text)
        p.setPen(QPen(grid, 1))
        p.drawLine(int(left), int(top), int(left), int(bottom))
        p.end()

    def _paint_narrow(
        self, p: QPainter, top: float, top_value: float, pens: tuple[QColor, QColor, QColor]
    ) -> None:
        """Each bar on lines of its own: its label, the bar across the chart, its words under it."""
        text, bar_colour, alert = pens
        width = self.width()
        room = width - 16
        bar_h = self._bar_height()
        y = top
        for bar, (label_h, words_h) in zip(self.bars, self._narrow_rows(width), strict=True):
            p.setPen(text)
            p.drawText(QRectF(8, y, room, label_h), WRAP, tr(bar.label))
            y += label_h + 2
            p.fillRect(QRectF(8, y, room * bar.value / top_value, bar_h), alert if bar.alert else bar_colour)
            if self.target is not None:
                x = 8 + room * self.target / top_value
                p.setPen(QPen(alert, 1.5, Qt.PenStyle.DashLine))
                p.drawLine(int(x), int(y - 2), int(x), int(y + bar_h + 2))
            y += bar_h + 2
            p.setPen(alert if bar.alert else text)
            p.drawText(QRectF(8, y, room, words_h), WRAP, self._words(bar))
            y += words_h + 8
        if self.target is not None:
            p.setPen(text)
            p.drawText(QRectF(8, y, room, QFontMetricsF(self.font()).height() + 4), WRAP, self.target_label)

    def _paint_target(
        self, p: QPainter, x: float, top: float, bottom: float, alert: QColor, text: QColor
    ) -> None:
        p.setPen(QPen(alert, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(int(x), int(top), int(x), int(bottom))
        p.setPen(text)
        metrics = QFontMetricsF(self.font())
        label_w = metrics.horizontalAdvance(self.target_label) + 8
        left = min(max(x - label_w / 2, 0.0), max(self.width() - label_w, 0.0))  # whole, within the chart
        p.drawText(
            QRectF(left, bottom, label_w, metrics.height() + 4),
            Qt.AlignmentFlag.AlignHCenter,
            self.target_label,
        )
