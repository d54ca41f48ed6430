"""Larger text (WCAG 2.2, 1.4.4 "Resize text": up to 200% without loss of content or function).

The window follows the system's text size: Qt takes the system's font (Windows' "Make text bigger", a Linux
desktop's font size) as the application's, and a desktop's font scaling (Xft.dpi, QT_FONT_DPI) as larger
points. A user whose system does neither can ask with `SOMDESK_TEXT_SCALE` (2, 1.5 or 200%): the
application font is grown by that factor before the window is built. Only the text grows, not the icons
or the window's own measures (as QT_SCALE_FACTOR would grow every pixel): what "text size" means on every
platform, and the harder case for the layouts, which the tests hold at 200% (tests/ui/test_text_scale.py).

Nothing in the window sets a font size of its own in points: a larger heading or a smaller caption is a
multiple of the font it is given (`relative`), so it grows with the rest.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["MAX_SCALE", "apply", "relative", "wanted"]

MAX_SCALE = 3.0  # beyond this not even a scrolling 1280x800 window helps; the system's magnifier does


def wanted(setting: str | None) -> float:
    """The factor SOMDESK_TEXT_SCALE asks for ("2", "1.5", "200%"); 1 when unset or not a number; never
    below 1 (smaller text is the system's choice to make) nor above MAX_SCALE."""
    text = (setting or "").strip()
    try:
        factor = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return 1.0
    if factor != factor:  # NaN
        return 1.0
    return min(max(factor, 1.0), MAX_SCALE)


def apply(app: QApplication, factor: float) -> QFont:
    """The application's font grown by `factor` (before any window is built); the font in use."""
    font = QFont(app.font())
    if factor != 1.0:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:
            font.setPixelSize(round(font.pixelSize() * factor))
        app.setFont(font)
    return font


def relative(widget: QWidget, factor: float, bold: bool | None = None) -> QFont:
    """Give `widget` its font times `factor` (bold if asked): larger than the text around it by the same
    proportion at any text size. Returns the font."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)
    return font
