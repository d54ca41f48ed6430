"""A horizontal bar chart painted with QPainter (Qt Charts is not in PySide6-Essentials).

Each bar carries its label and value as text, so the chart reads without colour; bars over the
target line are drawn in the alert colour and marked with "▲".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from somdesk.ui.i18n import tr
from somdesk.ui.palette import colours

__all__ = ["Bar", "BarChart"]


class Bar(NamedTuple):
    label: str
    value: float
    text: str  # what the bar says, e.g. "112% (84 RSOs)"
    alert: bool = False


class BarChart(QWidget):
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
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 40 + 22 * max(len(self.bars), 4))

    def paintEvent(self, event: object) -> None:
        c = colours()
        text, bar_colour, alert, grid = (
            QColor(x) for x in (c.text, c.chart_bar, c.chart_alert, c.chart_grid)
        )
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(c.card))
        metrics = self.fontMetrics()
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(text)
        # The title wraps rather than run off a narrow chart; the bars start below it.
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        title = QRectF(8, 4, self.width() - 16, 60)
        used = p.boundingRect(title, flags, self.title)
        p.drawText(title, flags, self.title)
        p.setFont(self.font())
        if not self.bars:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No figures"))
            return
        label_w = min(max(metrics.horizontalAdvance(tr(b.label)) for b in self.bars) + 12, self.width() // 3)
        text_w = max(metrics.horizontalAdvance(b.text) for b in self.bars) + 12
        left, top = 8 + label_w, used.bottom() + 8
        width = max(self.width() - left - text_w - 12, 40)
        top_value = max([b.value for b in self.bars] + [self.target or 0]) or 1.0
        row_h = max(min((self.height() - top - 24) / len(self.bars), 26.0), 12.0)
        for i, bar in enumerate(self.bars):
            y = top + i * row_h
            p.setPen(text)
            p.drawText(
                QRectF(8, y, label_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(tr(bar.label), Qt.TextElideMode.ElideRight, label_w - 8),
            )
            length = width * bar.value / top_value
            p.fillRect(QRectF(left, y + 3, length, row_h - 6), alert if bar.alert else bar_colour)
            p.setPen(alert if bar.alert else text)
            p.drawText(
                QRectF(left + length + 6, y, text_w + 20, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                ("▲ " if bar.alert else "") + bar.text,
            )
        if self.target is not None:
            x = left + width * self.target / top_value
            bottom = top + len(self.bars) * row_h
            p.setPen(QPen(alert, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(int(x), int(top - 2), int(x), int(bottom + 2))
            p.setPen(text)
            p.drawText(QRectF(x - 100, bottom + 2, 200, 18), Qt.AlignmentFlag.AlignHCenter, self.target_label)
        p.setPen(QPen(grid, 1))
        p.drawLine(int(left), int(top), int(left), int(top + len(self.bars) * row_h))
        p.end()
