"""Every control at least 24 by 24 pixels (WCAG 2.2, 2.5.8 "Target size (minimum)").

Qt's Fusion style makes buttons, fields and boxes 22 pixels high at the usual font size. A proxy style
grows each control's size hint to the minimum, whatever the style underneath draws, so no window or
dialog has to remember it; larger text grows them further as before.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

__all__ = ["MIN_TARGET", "TargetSizeStyle", "apply"]

MIN_TARGET = 24

_CONTROLS = {
    QStyle.ContentsType.CT_PushButton,
    QStyle.ContentsType.CT_ToolButton,
    QStyle.ContentsType.CT_ComboBox,
    QStyle.ContentsType.CT_LineEdit,
    QStyle.ContentsType.CT_SpinBox,
    QStyle.ContentsType.CT_CheckBox,
    QStyle.ContentsType.CT_RadioButton,
    QStyle.ContentsType.CT_TabBarTab,
}


class TargetSizeStyle(QProxyStyle):
    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        /,
        widget: QWidget | None = None,
    ) -> QSize:
        wanted = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if kind in _CONTROLS:
            return wanted.expandedTo(QSize(MIN_TARGET, MIN_TARGET))
        return wanted

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric is QStyle.PixelMetric.PM_TabBarScrollButtonWidth:  # the arrows of a full tab bar
            return max(value, MIN_TARGET)
        return value


def apply(app: QApplication) -> None:
    """Give the application the minimum target size over whatever style it has (once)."""
    if not isinstance(app.style(), TargetSizeStyle):
        app.setStyle(TargetSizeStyle(app.style().name()))
